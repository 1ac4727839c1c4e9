import { sql } from "drizzle-orm";
import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity.js";

/**
 * The one source of generated business codes (Dep-01, 1类-01, A级-01, A-01). A scope's counter
 * only ever grows, so a code is never reused, and the upsert that bumps it locks the row, so two
 * concurrent creations never get the same number.
 */
export const codeSequences = pgTable("code_sequences", {
  scope: text().primaryKey(),
  lastValue: bigint({ mode: "number" }).notNull(),
});

/** Append-only audit trail, written in the same transaction as the change it records. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Insertion order, for stable newest-first paging. */
    seq: bigint({ mode: "number" }).generatedAlwaysAsIdentity(),
    at: timestamp({ withTimezone: true }).notNull().defaultNow(),
    actorId: uuid(),
    actorName: text(),
    action: text().notNull(),
    entityType: text().notNull(),
    entityId: text(),
    ip: text(),
    requestId: text(),
    changes: jsonb().$type<Record<string, { before: unknown; after: unknown }>>(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    index("audit_log_at_idx").on(t.at),
    uniqueIndex("audit_log_seq_uq").on(t.seq),
    index("audit_log_entity_idx").on(t.entityType, t.entityId),
    index("audit_log_actor_idx").on(t.actorId, t.at),
    // A customer's timeline: what happened to its contacts and activities.
    index("audit_log_customer_idx")
      .on(sql`(${t.detail} ->> 'customerId')`, t.seq)
      .where(sql`${t.detail} ? 'customerId'`),
  ],
);

/**
 * One row whose version grows (by triggers, see migration 0008) whenever anything that decides a
 * caller's permissions or data scope changes: users' departments and status, roles, role
 * assignments, the department tree. The API caches each caller's grants and scope against it.
 */
export const accessState = pgTable("access_state", {
  id: integer().primaryKey().default(1),
  version: bigint({ mode: "number" }).notNull().default(0),
});

/**
 * 系统设置: company-wide values an administrator edits, one row per key. A key without a row has
 * its default (see SYSTEM_SETTING_DEFAULTS in @crm/contracts); the value is validated there too.
 */
export const appSettings = pgTable("app_settings", {
  key: text().primaryKey(),
  value: jsonb().$type<unknown>().notNull(),
  version: integer().notNull().default(1),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
});
