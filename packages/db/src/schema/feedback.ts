import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { contacts, customers } from "./customers.js";
import { users } from "./identity.js";
import { products } from "./products.js";

const ts = () => timestamp({ withTimezone: true, precision: 3 });

/** 反馈信息 (SPEC §5, input screen 2): a customer's consultation, complaint, fault report… */
export const feedback = pgTable(
  "feedback",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    subject: text().notNull(),
    occurredOn: date().notNull(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    contactId: uuid().references(() => contacts.id),
    productId: uuid().references(() => products.id),
    type: text().notNull(),
    priority: text().notNull().default("normal"),
    description: text(),
    handlerId: uuid().references(() => users.id),
    status: text().notNull().default("open"),
    resolution: text(),
    technicalNotes: text(),
    endDate: date(),
    firstResponseAt: ts(),
    closedAt: ts(),
    reopenCount: integer().notNull().default(0),
    createdBy: uuid().references(() => users.id),
    deletedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("feedback_number_uq").on(t.number),
    index("feedback_customer_idx").on(t.customerId, t.createdAt),
    index("feedback_handler_idx").on(t.handlerId, t.status),
    index("feedback_status_idx").on(t.status, t.createdAt).where(sql`deleted_at is null`),
  ],
);

/** 回访: after a feedback closes, customer service calls back and records satisfaction (1–5). */
export const returnVisits = pgTable(
  "return_visits",
  {
    id: uuid().primaryKey().defaultRandom(),
    feedbackId: uuid()
      .notNull()
      .references(() => feedback.id),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    dueOn: date().notNull(),
    assignedTo: uuid().references(() => users.id),
    status: text().notNull().default("pending"),
    rating: integer(),
    comment: text(),
    doneAt: ts(),
    doneBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("return_visits_assigned_idx").on(t.assignedTo, t.status, t.dueOn),
    index("return_visits_feedback_idx").on(t.feedbackId),
  ],
);
