import {
  DICTIONARY_TYPES,
  DictionaryItem,
  DictionaryItemCreate,
  DictionaryItemUpdate,
  IdParams,
  REGIONS,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as service from "./dictionaries.service.js";

const tags = ["dictionaries"];

const Region = z
  .object({
    code: z.string(),
    name: z.string(),
    cities: z.array(z.object({ code: z.string(), name: z.string(), areaCode: z.string().optional() })),
  })
  .meta({ id: "Region" });

export const dictionaryRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/dictionaries",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Drop-down lists (all, or the types asked for), inactive items included and flagged",
        querystring: z.object({
          type: z
            .union([z.enum(DICTIONARY_TYPES), z.array(z.enum(DICTIONARY_TYPES))])
            .optional()
            .transform((t) => (t === undefined ? [] : [t].flat())),
        }),
        response: { 200: z.object({ items: z.array(DictionaryItem) }) },
      },
    },
    async (request) => ({ items: await service.listDictionary(app.db, request.query.type) }),
  );

  app.post(
    "/dictionaries",
    {
      config: { access: { permission: "dictionary:manage" } },
      schema: {
        tags,
        summary: "Add an item to a list",
        body: DictionaryItemCreate,
        response: { 201: DictionaryItem },
      },
    },
    async (request, reply) => {
      const item = await service.createItem(app.db, callerOf(request), request.body, contextOf(request));
      etag(reply, item.version);
      return reply.status(201).send(item as z.infer<typeof DictionaryItem>);
    },
  );

  app.patch(
    "/dictionaries/:id",
    {
      config: { access: { permission: "dictionary:manage" } },
      schema: {
        tags,
        summary: "Rename, reorder or retire an item (its code never changes)",
        params: IdParams,
        body: DictionaryItemUpdate,
        response: { 200: DictionaryItem },
      },
    },
    async (request, reply) => {
      const item = await service.updateItem(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, item.version);
      return item as z.infer<typeof DictionaryItem>;
    },
  );

  app.get(
    "/regions",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Provinces and their cities (GB/T 2260), with telephone area codes where known",
        response: { 200: z.object({ items: z.array(Region) }) },
      },
    },
    async (_request, reply) => {
      reply.header("cache-control", "private, max-age=86400");
      return { items: REGIONS as z.infer<typeof Region>[] };
    },
  );
};
