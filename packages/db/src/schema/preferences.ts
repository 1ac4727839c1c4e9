import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
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
  },
  (t) => [index("saved_views_user_idx").on(t.userId, t.resource)],
);
