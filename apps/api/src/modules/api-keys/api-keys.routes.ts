import { IdParams } from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import * as hooks from "../webhooks/webhooks.service.js";
import * as keys from "./api-keys.service.js";

const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "The key's first characters, to recognise it" }),
    userId: z.uuid(),
    userName: z.string().nullable(),
    permissions: z.array(z.string()).nullable(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ApiKey" });

const Subscription = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    description: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "WebhookSubscription" });

const Delivery = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    type: z.string(),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string(),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "WebhookDelivery" });

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
        body: z.strictObject({
          name: z.string().trim().min(1).max(50),
          userId: z.uuid().meta({ description: "The service user whose roles and data scope bound the key" }),
          permissions: z.array(z.string()).max(100).nullable().optional(),
          expiresAt: z.iso.datetime({ offset: true }).nullable().optional(),
        }),
        response: {
          201: ApiKey.extend({ secret: z.string().meta({ description: "Shown in this answer only" }) }),
        },
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
        params: IdParams,
        response: { 200: ApiKey },
      },
    },
    async (request) => keys.revokeApiKey(app.db, callerOf(request), request.params.id, contextOf(request)),
  );

  app.get(
    "/webhooks",
    {
      config: { access: manage },
      schema: {
        tags: ["webhooks"],
        summary: "Webhook subscriptions",
        response: { 200: z.object({ items: z.array(Subscription) }) },
      },
    },
    async () => ({ items: await hooks.listSubscriptions(app.db) }),
  );
  app.post(
    "/webhooks",
    {
      config: { access: manage },
      schema: {
        tags: ["webhooks"],
        summary: "Subscribe a URL to events; deliveries are signed with the secret returned here (once)",
        description:
          "Each delivery is a POST with `X-CRM-Event`, `X-CRM-Delivery` and `X-CRM-Signature: t=<unix>,v1=<hex>` where v1 = HMAC-SHA256(secret, `<t>.<raw body>`). Failures are retried with exponential backoff (10 s, 20 s, 40 s …, 8 attempts).",
        body: z.strictObject({
          url: z.url({ protocol: /^https?$/ }),
          events: z.array(z.enum(hooks.WEBHOOK_EVENTS)).min(1),
          description: z.string().trim().max(200).nullable().optional(),
        }),
        response: { 201: Subscription.extend({ secret: z.string() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await hooks.createSubscription(app.db, callerOf(request), request.body, contextOf(request))),
  );
  app.patch(
    "/webhooks/:id",
    {
      config: { access: manage },
      schema: {
        tags: ["webhooks"],
        summary: "Pause or resume a subscription",
        params: IdParams,
        body: z.strictObject({ active: z.boolean() }),
        response: { 200: Subscription },
      },
    },
    async (request) =>
      hooks.setSubscriptionActive(
        app.db,
        callerOf(request),
        request.params.id,
        request.body.active,
        contextOf(request),
      ),
  );
  app.get(
    "/webhooks/:id/deliveries",
    {
      config: { access: manage },
      schema: {
        tags: ["webhooks"],
        summary: "The delivery log, newest first",
        params: IdParams,
        response: { 200: z.object({ items: z.array(Delivery) }) },
      },
    },
    async (request) => ({ items: await hooks.listDeliveries(app.db, request.params.id) }),
  );
  app.post(
    "/webhooks/:id/deliveries/:deliveryId/redeliver",
    {
      config: { access: manage },
      schema: {
        tags: ["webhooks"],
        summary: "Send a delivery again now",
        params: z.object({ id: z.uuid(), deliveryId: z.uuid() }),
        response: { 202: z.object({ queued: z.boolean() }) },
      },
    },
    async (request, reply) => {
      await hooks.redeliver(app.db, request.params.id, request.params.deliveryId);
      return reply.status(202).send({ queued: true });
    },
  );
};
