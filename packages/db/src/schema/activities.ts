import { sql } from "drizzle-orm";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { contacts, customers } from "./customers.js";
import { users } from "./identity.js";

const ts = () => timestamp({ withTimezone: true, precision: 3 });
const live = sql`deleted_at is null`;

/** 联系记录: a call, visit, meeting… with a customer, by a salesperson (the owner). */
export const contactRecords = pgTable(
  "contact_records",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    contactId: uuid().references(() => contacts.id),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    occurredAt: ts().notNull(),
    channel: text().notNull(),
    content: text().notNull(),
    result: text(),
    nextFollowUpOn: date(),
    deletedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("contact_records_customer_idx").on(t.customerId, t.occurredAt).where(live),
    index("contact_records_owner_idx").on(t.ownerId, t.occurredAt).where(live),
    index("contact_records_follow_up_idx")
      .on(t.nextFollowUpOn)
      .where(sql`deleted_at is null and next_follow_up_on is not null`),
  ],
);

/** 关怀记录: greetings, gifts, visits for a customer or one of its contacts. */
export const careRecords = pgTable(
  "care_records",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    contactId: uuid().references(() => contacts.id),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    careDate: date().notNull(),
    kind: text().notNull(),
    content: text().notNull(),
    deletedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("care_records_customer_idx").on(t.customerId, t.careDate).where(live),
    index("care_records_owner_idx").on(t.ownerId, t.careDate).where(live),
  ],
);

/** 工作计划: a task; the owner is the assignee. */
export const tasks = pgTable(
  "tasks",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    description: text(),
    dueOn: date(),
    priority: text().notNull().default("normal"),
    status: text().notNull().default("todo"),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    customerId: uuid().references(() => customers.id),
    createdBy: uuid().references(() => users.id),
    completedAt: ts(),
    deletedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("tasks_owner_idx").on(t.ownerId, t.status, t.dueOn).where(live),
    index("tasks_customer_idx").on(t.customerId).where(live),
  ],
);

/** 工作日程: an event in someone's calendar. */
export const events = pgTable(
  "events",
  {
    id: uuid().primaryKey().defaultRandom(),
    title: text().notNull(),
    startsAt: ts().notNull(),
    endsAt: ts().notNull(),
    allDay: boolean().notNull().default(false),
    location: text(),
    notes: text(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    customerId: uuid().references(() => customers.id),
    contactId: uuid().references(() => contacts.id),
    remindMinutesBefore: integer(),
    deletedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("events_owner_idx").on(t.ownerId, t.startsAt).where(live),
    index("events_customer_idx").on(t.customerId).where(live),
  ],
);

/** A record shared with a colleague, who then reads it even outside their scope. */
export const activityShares = pgTable(
  "activity_shares",
  {
    id: uuid().primaryKey().defaultRandom(),
    entityType: text().notNull(),
    entityId: uuid().notNull(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    sharedBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("activity_shares_uq").on(t.entityType, t.entityId, t.userId),
    index("activity_shares_user_idx").on(t.userId, t.entityType),
  ],
);

/** In-app notifications (消息提醒). */
export const notifications = pgTable(
  "notifications",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    kind: text().notNull(),
    title: text().notNull(),
    link: text(),
    /** Set for notifications made by the periodic sweep, so each is made once. */
    dedupeKey: text(),
    readAt: ts(),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("notifications_dedupe_uq").on(t.dedupeKey),
    index("notifications_user_idx").on(t.userId, t.createdAt),
    index("notifications_unread_idx").on(t.userId).where(sql`read_at is null`),
  ],
);
