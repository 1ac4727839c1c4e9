import { DATA_SCOPES, IdParams, PERMISSION_CATALOGUE, Role, RoleCreate, RoleUpdate } from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as service from "./roles.service.js";

const tags = ["roles"];
const manage = { access: { permission: "role:manage" } } as const;

const Catalogue = z
  .object({
    modules: z.array(z.object({ module: z.string(), actions: z.array(z.string()) })),
    dataScopes: z.array(z.string()),
  })
  .meta({ id: "PermissionCatalogue" });

export const roleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/permissions",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Every permission (module × action) and data scope",
        response: { 200: Catalogue },
      },
    },
    async () => ({
      modules: Object.entries(PERMISSION_CATALOGUE).map(([module, actions]) => ({
        module,
        actions: [...actions],
      })),
      dataScopes: [...DATA_SCOPES],
    }),
  );

  app.get(
    "/roles",
    {
      config: { access: { permission: "role:read" } },
      schema: {
        tags,
        summary: "All roles",
        querystring: z.object({ includeDeleted: z.enum(["true", "false"]).optional() }),
        response: { 200: z.object({ items: z.array(Role) }) },
      },
    },
    async (request) => ({ items: await service.listRoles(app.db, request.query.includeDeleted === "true") }),
  );

  app.get(
    "/roles/:id",
    {
      config: { access: { permission: "role:read" } },
      schema: { tags, summary: "One role", params: IdParams, response: { 200: Role } },
    },
    async (request, reply) => {
      const role = await service.getRole(app.db, request.params.id);
      etag(reply, role.version);
      return role;
    },
  );

  app.post(
    "/roles",
    { config: manage, schema: { tags, summary: "Create a role", body: RoleCreate, response: { 201: Role } } },
    async (request, reply) => {
      const role = await service.createRole(app.db, callerOf(request), request.body, contextOf(request));
      etag(reply, role.version);
      return reply.status(201).send(role);
    },
  );

  app.patch(
    "/roles/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Change a role's name, permissions or data scope",
        description: "Honours If-Match. Refused (409) when nobody would be left able to manage roles.",
        params: IdParams,
        body: RoleUpdate,
        response: { 200: Role },
      },
    },
    async (request, reply) => {
      const role = await service.updateRole(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, role.version);
      return role;
    },
  );

  app.delete(
    "/roles/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Delete a role (soft; restorable)",
        params: IdParams,
        response: { 200: Role },
      },
    },
    async (request) =>
      service.setRoleDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        true,
        ifMatch(request),
        contextOf(request),
      ),
  );

  app.post(
    "/roles/:id/restore",
    {
      config: manage,
      schema: { tags, summary: "Restore a deleted role", params: IdParams, response: { 200: Role } },
    },
    async (request) =>
      service.setRoleDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        false,
        ifMatch(request),
        contextOf(request),
      ),
  );
};
