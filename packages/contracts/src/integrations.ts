import { z } from "zod";
import { PageQuery } from "./pagination.js";

/** 开放接口: keys third parties call the API with, and webhooks that tell them what changed. */

/** Keys look like crm_k_…: recognisable in logs and by secret scanners. */
export const API_KEY_PREFIX = "crm_k_";

export const ApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    prefix: z.string().meta({ description: "The key's first characters, to recognise it" }),
    userId: z.uuid(),
    userName: z.string().nullable(),
    permissions: z
      .array(z.string())
      .nullable()
      .meta({ description: "The service user's permissions the key is narrowed to; null: all of them" }),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "ApiKey" });
export type ApiKey = z.infer<typeof ApiKey>;

export const ApiKeyCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(50),
    userId: z.uuid().meta({ description: "The service user whose roles and data scope bound the key" }),
    permissions: z.array(z.string()).min(1).max(100).nullable().optional().meta({
      description: "Narrow the key to these of the service user's permissions; null or absent: all",
    }),
    expiresAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .optional()
      .meta({ description: "After this instant the key answers 401; must be in the future" }),
  })
  .meta({ id: "ApiKeyCreate" });
export type ApiKeyCreate = z.infer<typeof ApiKeyCreate>;

export const ApiKeyCreated = ApiKey.extend({
  secret: z.string().meta({ description: "Shown in this answer only" }),
}).meta({ id: "ApiKeyCreated" });
export type ApiKeyCreated = z.infer<typeof ApiKeyCreated>;

/** Whether a key still opens the API, from its dates. */
export type ApiKeyStatus = "active" | "expired" | "revoked";
export function apiKeyStatus(key: Pick<ApiKey, "revokedAt" | "expiresAt">, now = new Date()): ApiKeyStatus {
  if (key.revokedAt) return "revoked";
  if (key.expiresAt && new Date(key.expiresAt) <= now) return "expired";
  return "active";
}

/** The events integrations may subscribe to, grouped by the resource they are about. */
export const WEBHOOK_EVENTS = [
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "customer.merged",
  "order.signed",
  "order.delivered",
  "payment.received",
  "feedback.created",
  "feedback.closed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** The type of the event "send a test event" delivers; nobody subscribes to it. */
export const WEBHOOK_TEST_EVENT = "webhook.test";

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;
export type WebhookDeliveryStatus = (typeof WEBHOOK_DELIVERY_STATUSES)[number];

const WebhookUrl = z.url({ protocol: /^https?$/ }).max(500);

export const WebhookSubscription = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.string()),
    active: z.boolean(),
    description: z.string().nullable(),
    createdAt: z.string(),
    deleted: z.boolean(),
    version: z.number().int(),
    lastDelivery: z
      .object({
        status: z.enum(WEBHOOK_DELIVERY_STATUSES),
        statusCode: z.number().int().nullable(),
        at: z.string(),
      })
      .nullable()
      .meta({ description: "The newest delivery's outcome (null: nothing sent yet)" }),
  })
  .meta({ id: "WebhookSubscription" });
export type WebhookSubscription = z.infer<typeof WebhookSubscription>;

export const WebhookCreate = z
  .strictObject({
    url: WebhookUrl,
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
    description: z.string().trim().max(200).nullable().optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: "WebhookCreate" });
export type WebhookCreate = z.infer<typeof WebhookCreate>;

export const WebhookUpdate = z
  .strictObject({
    url: WebhookUrl.optional(),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).optional(),
    description: z.string().trim().max(200).nullable().optional(),
    active: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { error: "nothing_to_set" })
  .meta({ id: "WebhookUpdate" });
export type WebhookUpdate = z.infer<typeof WebhookUpdate>;

export const WebhookWithSecret = WebhookSubscription.extend({
  secret: z.string().meta({ description: "The signing secret, shown in this answer only" }),
}).meta({ id: "WebhookWithSecret" });
export type WebhookWithSecret = z.infer<typeof WebhookWithSecret>;

export const WebhookDelivery = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    type: z.string(),
    status: z.enum(WEBHOOK_DELIVERY_STATUSES),
    attempts: z.number().int(),
    lastStatusCode: z.number().int().nullable(),
    lastError: z.string().nullable(),
    nextAttemptAt: z.string().nullable().meta({ description: "When a pending delivery is tried next" }),
    deliveredAt: z.string().nullable(),
    createdAt: z.string(),
    payload: z
      .record(z.string(), z.unknown())
      .meta({ description: "The body POSTed to the URL: id, type, createdAt and data" }),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof WebhookDelivery>;

export const WebhookDeliveryQuery = PageQuery.extend({
  status: z.enum(WEBHOOK_DELIVERY_STATUSES).optional(),
});
