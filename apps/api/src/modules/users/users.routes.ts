import {
  IdParams,
  PasswordReset,
  PasswordResetResult,
  page,
  User,
  UserCreate,
  UserCreated,
  UserQuery,
  UserUpdate,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as service from "./users.service.js";

const tags = ["users"];

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/users",
    {
      config: { access: { permission: "user:read" } },
      schema: {
        tags,
        summary: "People within the caller's data scope",
        description: "Salary appears only with user:salary_read. Cursor-paginated, sorted by username.",
        querystring: UserQuery,
        response: { 200: page(User) },
      },
    },
    async (request) => service.listUsers(app.db, callerOf(request), request.query),
  );

  app.get(
    "/users/:id",
    {
      config: { access: { permission: "user:read" } },
      schema: { tags, summary: "One user", params: IdParams, response: { 200: User } },
    },
    async (request, reply) => {
      const user = await service.getUser(app.db, callerOf(request), request.params.id);
      etag(reply, user.version);
      return user;
    },
  );

  app.post(
    "/users",
    {
      config: { access: { permission: "user:create" } },
      schema: {
        tags,
        summary: "Create a user",
        description:
          "The user must change the initial password at first login; a generated one is returned once. " +
          "Assigning roles needs role:manage, setting a salary needs user:salary_read.",
        body: UserCreate,
        response: { 201: UserCreated },
      },
    },
    async (request, reply) => {
      const created = await service.createUser(app.db, callerOf(request), request.body, contextOf(request));
      etag(reply, created.user.version);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    "/users/:id",
    {
      config: { access: { permission: "user:update" } },
      schema: {
        tags,
        summary: "Change a user's profile, department, manager or roles",
        description: "Honours If-Match (412 on a stale version).",
        params: IdParams,
        body: UserUpdate,
        response: { 200: User },
      },
    },
    async (request, reply) => {
      const user = await service.updateUser(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, user.version);
      return user;
    },
  );

  for (const [action, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post(
      `/users/:id/${action}`,
      {
        config: { access: { permission: "user:update" } },
        schema: {
          tags,
          summary: disabled
            ? "Disable a user (ends their sessions; records are kept)"
            : "Enable a user again",
          params: IdParams,
          response: { 200: User },
        },
      },
      async (request, reply) => {
        const user = await service.setUserDisabled(
          app.db,
          callerOf(request),
          request.params.id,
          disabled,
          ifMatch(request),
          contextOf(request),
        );
        etag(reply, user.version);
        return user;
      },
    );
  }

  app.post(
    "/users/:id/reset-password",
    {
      config: { access: { permission: "user:reset_password" } },
      schema: {
        tags,
        summary: "Set a temporary password the user must change at next login",
        params: IdParams,
        body: PasswordReset.optional(),
        response: { 200: PasswordResetResult },
      },
    },
    async (request) =>
      service.resetPassword(
        app.db,
        callerOf(request),
        request.params.id,
        request.body?.password,
        contextOf(request),
      ),
  );
};
