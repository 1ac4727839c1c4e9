import { Department, DepartmentCreate, DepartmentUpdate, IdParams } from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as service from "./departments.service.js";

const tags = ["organisation"];
const read = { access: { permission: "department:read" } } as const;
const manage = { access: { permission: "department:manage" } } as const;

export const departmentRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/departments",
    {
      config: read,
      schema: {
        tags,
        summary: "The organisation tree, flat (each department names its parent)",
        response: { 200: z.object({ items: z.array(Department) }) },
      },
    },
    async () => ({ items: await service.listDepartments(app.db) }),
  );

  app.get(
    "/departments/:id",
    {
      config: read,
      schema: { tags, summary: "One department", params: IdParams, response: { 200: Department } },
    },
    async (request, reply) => {
      const d = await service.getDepartment(app.db, request.params.id);
      etag(reply, d.version);
      return d;
    },
  );

  app.post(
    "/departments",
    {
      config: manage,
      schema: {
        tags,
        summary: "Create a department (code Dep-NN generated)",
        body: DepartmentCreate,
        response: { 201: Department },
      },
    },
    async (request, reply) => {
      const d = await service.createDepartment(app.db, callerOf(request), request.body, contextOf(request));
      etag(reply, d.version);
      return reply.status(201).send(d);
    },
  );

  app.patch(
    "/departments/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Rename, move or change the head of a department",
        description:
          "Honours If-Match (412 on a stale version). Moving under itself or its own subtree is 409.",
        params: IdParams,
        body: DepartmentUpdate,
        response: { 200: Department },
      },
    },
    async (request, reply) => {
      const d = await service.updateDepartment(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, d.version);
      return d;
    },
  );

  for (const [action, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post(
      `/departments/:id/${action}`,
      {
        config: manage,
        schema: {
          tags,
          summary: disabled ? "Disable an empty department" : "Enable a department again",
          params: IdParams,
          response: { 200: Department },
        },
      },
      async (request, reply) => {
        const d = await service.setDepartmentDisabled(
          app.db,
          callerOf(request),
          request.params.id,
          disabled,
          ifMatch(request),
          contextOf(request),
        );
        etag(reply, d.version);
        return d;
      },
    );
  }
};
