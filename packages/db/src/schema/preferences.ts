import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity.js";

/** A user's saved list view: a name, the list it belongs to, its filters, sort and columns. */
export const savedViews = pgTable(
  "saved_views",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    resource: text().notNull(),
    name: text().notNull(),
    query: jsonb().$type<Record<string, unknown>>().notNull(),
    columns: text().array(),
    createdAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
    /** For ETag/If-Match, like every record. */
    version: integer().notNull().default(1),
  },
  (t) => [index("saved_views_user_idx").on(t.userId, t.resource)],
);

/**
 * Which kinds of in-app notification a user wants. No row: on. A trigger on `notifications`
 * (migration 0018) drops any notification of a kind its user turned off, whoever inserts it.
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    inApp: boolean().notNull(),
    updatedAt: timestamp({ withTimezone: true, precision: 3 }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.kind] })],
);
