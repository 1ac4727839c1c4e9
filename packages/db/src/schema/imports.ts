import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

const ts = () => timestamp({ withTimezone: true, precision: 3 });

/**
 * One import of a customer file: validated first (a dry run writes nothing else), committed in
 * one transaction, undoable as a whole.
 */
export const customerImports = pgTable("customer_imports", {
  id: uuid().primaryKey().defaultRandom(),
  createdBy: uuid().notNull(),
  fileName: text().notNull(),
  /** validated -> committing -> committed | failed; committed -> undone */
  status: text({ enum: ["validated", "committing", "committed", "failed", "undone"] }).notNull(),
  options: jsonb().$type<{ duplicatePolicy: string; matchKey: string }>().notNull(),
  totalRows: integer().notNull().default(0),
  errorRows: integer().notNull().default(0),
  toCreate: integer().notNull().default(0),
  toUpdate: integer().notNull().default(0),
  toSkip: integer().notNull().default(0),
  processed: integer().notNull().default(0),
  error: text(),
  createdAt: ts().notNull().defaultNow(),
  committedAt: ts(),
  undoneAt: ts(),
});

/** Each parsed row: its values, its problems, what the commit does with it, and what it did. */
export const customerImportRows = pgTable(
  "customer_import_rows",
  {
    importId: uuid()
      .notNull()
      .references(() => customerImports.id),
    rowNo: integer().notNull(),
    raw: jsonb().$type<Record<string, string>>().notNull(),
    data: jsonb().$type<Record<string, unknown>>(),
    errors: jsonb().$type<{ field: string; code: string; message: string }[]>(),
    /** create | update | skip | error */
    action: text().notNull(),
    customerId: uuid(),
    before: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [
    primaryKey({ columns: [t.importId, t.rowNo] }),
    index("customer_import_rows_action_idx").on(t.importId, t.action),
  ],
);
