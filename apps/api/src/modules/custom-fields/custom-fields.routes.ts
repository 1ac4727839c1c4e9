import {
  CUSTOM_FIELD_ENTITIES,
  CustomFieldCreate,
  CustomFieldDefinition,
  CustomFieldUpdate,
  IdParams,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as service from "./custom-fields.service.js";

const tags = ["custom fields"];

export const customFieldRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/custom-fields",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The custom fields of customers or contacts, in form order",
        querystring: z.object({
          entity: z.enum(CUSTOM_FIELD_ENTITIES),
          archived: z
            .enum(["true", "false"])
            .optional()
            .meta({ description: "true: archived fields too (flagged)" }),
        }),
        response: { 200: z.object({ items: z.array(CustomFieldDefinition) }) },
      },
    },
    async (request) => ({
      items: await service.listDefinitions(app.db, request.query.entity, request.query.archived === "true"),
    }),
  );

  app.get(
    "/custom-fields/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "One custom field",
        params: IdParams,
        response: { 200: CustomFieldDefinition },
      },
    },
    async (request, reply) => {
      const field = await service.getDefinition(app.db, request.params.id);
      etag(reply, field.version);
      return field;
    },
  );

  app.post(
    "/custom-fields",
    {
      config: { access: { permission: "dictionary:manage" } },
      schema: {
        tags,
        summary: "Add a field to customers or contacts (its key and type never change)",
        body: CustomFieldCreate,
        response: { 201: CustomFieldDefinition },
      },
    },
    async (request, reply) => {
      const field = await service.createDefinition(
        app.db,
        callerOf(request),
        request.body,
        contextOf(request),
      );
      etag(reply, field.version);
      return reply.status(201).send(field);
    },
  );

  app.patch(
    "/custom-fields/:id",
    {
      config: { access: { permission: "dictionary:manage" } },
      schema: {
        tags,
        summary: "Relabel, reorder, change options or flags, archive (archived: true) or restore a field",
        params: IdParams,
        body: CustomFieldUpdate,
        response: { 200: CustomFieldDefinition },
      },
    },
    async (request, reply) => {
      const field = await service.updateDefinition(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, field.version);
      return field;
    },
  );
};
