import {
  IdParams,
  page,
  WebhookCreate,
  WebhookDelivery,
  WebhookDeliveryQuery,
  WebhookSubscription,
  WebhookUpdate,
  WebhookWithSecret,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as subscriptions from "./subscriptions.service.js";

/** A webhook sends the company's changes to a third party: role managers (admins) handle them. */
const manage = { access: { permission: "role:manage" as const } };
const tags = ["webhooks"];

export const webhookRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/webhooks",
    {
      config: manage,
      schema: {
        tags,
        summary: "Webhook subscriptions, each with its newest delivery's outcome",
        querystring: z.object({ includeDeleted: z.enum(["true", "false"]).optional() }),
        response: { 200: z.object({ items: z.array(WebhookSubscription) }) },
      },
    },
    async (request) => ({
      items: await subscriptions.listSubscriptions(app.db, request.query.includeDeleted === "true"),
    }),
  );

  app.get(
    "/webhooks/:id",
    {
      config: manage,
      schema: { tags, summary: "One subscription", params: IdParams, response: { 200: WebhookSubscription } },
    },
    async (request, reply) => {
      const subscription = await subscriptions.getSubscription(app.db, request.params.id);
      etag(reply, subscription.version);
      return subscription;
    },
  );

  app.post(
    "/webhooks",
    {
      config: manage,
      schema: {
        tags,
        summary: "Subscribe a URL to events; deliveries are signed with the secret returned here (once)",
        description:
          "Each delivery is a POST with `X-CRM-Event`, `X-CRM-Delivery` and `X-CRM-Signature: t=<unix>,v1=<hex>` where v1 = HMAC-SHA256(secret, `<t>.<raw body>`). Failures are retried with exponential backoff (10 s, 20 s, 40 s …, 8 attempts).",
        body: WebhookCreate,
        response: { 201: WebhookWithSecret },
      },
    },
    async (request, reply) => {
      const created = await subscriptions.createSubscription(
        app.db,
        callerOf(request),
        request.body,
        contextOf(request),
      );
      etag(reply, created.version);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    "/webhooks/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Change the URL, events or description, or pause/resume (If-Match: the version)",
        params: IdParams,
        body: WebhookUpdate,
        response: { 200: WebhookSubscription },
      },
    },
    async (request, reply) => {
      const updated = await subscriptions.updateSubscription(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, updated.version);
      return updated;
    },
  );

  app.delete(
    "/webhooks/:id",
    {
      config: manage,
      schema: {
        tags,
        summary: "Delete a subscription (soft; nothing is sent until it is restored)",
        params: IdParams,
        response: { 200: WebhookSubscription },
      },
    },
    async (request) =>
      subscriptions.setSubscriptionDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        true,
        ifMatch(request),
        contextOf(request),
      ),
  );

  app.post(
    "/webhooks/:id/restore",
    {
      config: manage,
      schema: {
        tags,
        summary: "Restore a deleted subscription",
        params: IdParams,
        response: { 200: WebhookSubscription },
      },
    },
    async (request) =>
      subscriptions.setSubscriptionDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        false,
        ifMatch(request),
        contextOf(request),
      ),
  );

  app.post(
    "/webhooks/:id/rotate-secret",
    {
      config: manage,
      schema: {
        tags,
        summary: "Replace the signing secret; the new one is in this answer only and applies at once",
        params: IdParams,
        response: { 200: WebhookWithSecret },
      },
    },
    async (request) =>
      subscriptions.rotateSecret(app.db, callerOf(request), request.params.id, contextOf(request)),
  );

  app.post(
    "/webhooks/:id/test",
    {
      config: manage,
      schema: {
        tags,
        summary: "Send a `webhook.test` event to this subscription now (even when paused)",
        params: IdParams,
        response: { 202: z.object({ deliveryId: z.uuid() }) },
      },
    },
    async (request, reply) =>
      reply.status(202).send(await subscriptions.sendTestEvent(app.db, callerOf(request), request.params.id)),
  );

  app.get(
    "/webhooks/:id/deliveries",
    {
      config: manage,
      schema: {
        tags,
        summary: "The delivery log, newest first, with each body as sent",
        params: IdParams,
        querystring: WebhookDeliveryQuery,
        response: { 200: page(WebhookDelivery) },
      },
    },
    async (request) => subscriptions.listDeliveries(app.db, request.params.id, request.query),
  );

  app.post(
    "/webhooks/:id/deliveries/:deliveryId/redeliver",
    {
      config: manage,
      schema: {
        tags,
        summary: "Send a delivery again now",
        params: z.object({ id: z.uuid(), deliveryId: z.uuid() }),
        response: { 202: z.object({ queued: z.boolean() }) },
      },
    },
    async (request, reply) => {
      await subscriptions.redeliver(app.db, request.params.id, request.params.deliveryId);
      return reply.status(202).send({ queued: true });
    },
  );
};
