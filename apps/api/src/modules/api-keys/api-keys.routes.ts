import { ApiKey, ApiKeyCreate, ApiKeyCreated, IdParams } from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { ifMatch } from "../../shared/versioning.js";
import { webhookRoutes } from "../webhooks/webhooks.routes.js";
import * as keys from "./api-keys.service.js";

/** A key opens the API to a third party: role managers (admins) handle them. */
const manage = { permission: "role:manage" as const };

export const integrationRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/api-keys",
    {
      config: { access: manage },
      schema: {
        tags: ["api keys"],
        summary: "The integrations' keys (never their secrets)",
        response: { 200: z.object({ items: z.array(ApiKey) }) },
      },
    },
    async () => ({ items: await keys.listApiKeys(app.db) }),
  );
  app.post(
    "/api-keys",
    {
      config: { access: manage },
      schema: {
        tags: ["api keys"],
        summary:
          "Create a key for a service user, optionally narrowed to some permissions; the secret is shown once",
        body: ApiKeyCreate,
        response: { 201: ApiKeyCreated },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await keys.createApiKey(app.db, callerOf(request), request.body, contextOf(request))),
  );
  app.delete(
    "/api-keys/:id",
    {
      config: { access: manage },
      schema: {
        tags: ["api keys"],
        summary: "Revoke a key (at once, everywhere)",
        description: "Honours If-Match (412 on a stale version). Revoking a revoked key changes nothing.",
        params: IdParams,
        response: { 200: ApiKey },
      },
    },
    async (request) =>
      keys.revokeApiKey(app.db, callerOf(request), request.params.id, ifMatch(request), contextOf(request)),
  );

  await app.register(webhookRoutes);
};
