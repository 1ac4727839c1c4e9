import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity.js";

const ts = () => timestamp({ withTimezone: true, precision: 3 });

/** Keys third parties authenticate with; only a SHA-256 of the secret is kept. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    prefix: text().notNull(),
    hash: text().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    /** Narrows the service user's permissions (null: all of the user's). */
    permissions: text().array(),
    expiresAt: ts(),
    revokedAt: ts(),
    lastUsedAt: ts(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    /** Raised by each change (revocation), for ETag/If-Match. */
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex("api_keys_hash_uq").on(t.hash)],
);

/** The first answer to a POST with an Idempotency-Key, replayed to retries for at least 24 hours. */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    callerId: text().notNull(),
    key: text().notNull(),
    method: text().notNull(),
    path: text().notNull(),
    bodyHash: text().notNull(),
    statusCode: integer(),
    response: text(),
    contentType: text(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.callerId, t.key] }),
    index("idempotency_keys_created_idx").on(t.createdAt),
  ],
);

/**
 * Rate-limit counters shared by every API process (one row per limit and key, a fixed window that
 * restarts when it has expired). UNLOGGED in the migration: counters need no crash safety and no
 * WAL. Used on PostgreSQL when no REDIS_URL is set; expired rows are deleted now and then.
 */
export const rateLimits = pgTable(
  "rate_limits",
  {
    key: text().primaryKey(),
    hits: integer().notNull(),
    resetAt: ts().notNull(),
  },
  (t) => [index("rate_limits_reset_idx").on(t.resetAt)],
);

export const webhookSubscriptions = pgTable("webhook_subscriptions", {
  id: uuid().primaryKey().defaultRandom(),
  url: text().notNull(),
  secret: text().notNull(),
  events: text().array().notNull(),
  active: integer().notNull().default(1),
  description: text(),
  createdBy: uuid().references(() => users.id),
  createdAt: ts().notNull().defaultNow(),
  /** Soft delete: no new deliveries, none sent; restore brings the subscription back as it was. */
  deletedAt: ts(),
  version: integer().notNull().default(1),
});

/** The outbox: events written in the same transaction as the change they describe. */
export const outboxEvents = pgTable(
  "outbox_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    eventId: uuid().notNull().defaultRandom(),
    type: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("outbox_events_event_id_uq").on(t.eventId)],
);

export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid().primaryKey().defaultRandom(),
    subscriptionId: uuid()
      .notNull()
      .references(() => webhookSubscriptions.id),
    eventId: bigint({ mode: "number" })
      .notNull()
      .references(() => outboxEvents.id),
    status: text().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: ts().notNull().defaultNow(),
    lastStatusCode: integer(),
    lastError: text(),
    deliveredAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
    index("webhook_deliveries_subscription_idx").on(t.subscriptionId, t.createdAt),
  ],
);
