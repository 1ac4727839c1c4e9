import { z } from "zod";

/** 联系方式 of a contact record, and 关怀类型 of a care record (fixed lists, labelled in the web). */
export const CONTACT_CHANNELS = ["phone", "visit", "meeting", "email", "wechat", "other"] as const;
export const CARE_KINDS = ["holiday", "birthday", "gift", "visit", "other"] as const;
export const TASK_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export const TASK_STATUSES = ["todo", "doing", "done"] as const;
export const SHAREABLE = ["contact_record", "care_record", "event", "task"] as const;
export type Shareable = (typeof SHAREABLE)[number];

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const sharedWith = z
  .array(z.uuid())
  .max(50)
  .optional()
  .meta({ description: "Colleagues who may read this (even outside their scope), read-only" });

const Access = {
  ownerId: z.uuid(),
  ownerName: z.string().nullable(),
  sharedWith: z.array(z.object({ id: z.uuid(), name: z.string() })),
  readOnly: z.boolean().meta({ description: "true when the caller sees it only because it was shared" }),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

// 联系记录 ---------------------------------------------------------------------------------------

export const ContactRecordCreate = z
  .strictObject({
    customerId: z.uuid(),
    contactId: z.uuid().nullable().optional(),
    occurredAt: z.iso.datetime({ offset: true }).meta({ description: "When it happened (with offset)" }),
    channel: z.enum(CONTACT_CHANNELS),
    content: text(2000).min(1),
    result: optionalText(500),
    nextFollowUpOn: z.iso.date().nullable().optional().meta({ description: "下次跟进日期 (Asia/Shanghai)" }),
    customerStatus: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .optional()
      .meta({ description: "Also set the customer's status (客户状态 dictionary code)" }),
    sharedWith,
  })
  .meta({ id: "ContactRecordCreate" });
export type ContactRecordCreate = z.infer<typeof ContactRecordCreate>;

export const ContactRecordUpdate = z
  .strictObject({
    contactId: z.uuid().nullable().optional(),
    occurredAt: z.iso.datetime({ offset: true }).optional(),
    channel: z.enum(CONTACT_CHANNELS).optional(),
    content: text(2000).min(1).optional(),
    result: optionalText(500),
    nextFollowUpOn: z.iso.date().nullable().optional(),
    sharedWith,
  })
  .meta({ id: "ContactRecordUpdate" });
export type ContactRecordUpdate = z.infer<typeof ContactRecordUpdate>;

export const ContactRecord = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    occurredAt: z.string(),
    channel: z.enum(CONTACT_CHANNELS),
    content: z.string(),
    result: z.string().nullable(),
    nextFollowUpOn: z.string().nullable(),
    ...Access,
  })
  .meta({ id: "ContactRecord" });
export type ContactRecord = z.infer<typeof ContactRecord>;

// 关怀记录 ---------------------------------------------------------------------------------------

export const CareRecordCreate = z
  .strictObject({
    customerId: z.uuid(),
    contactId: z.uuid().nullable().optional(),
    careDate: z.iso.date(),
    kind: z.enum(CARE_KINDS),
    content: text(2000).min(1),
    sharedWith,
  })
  .meta({ id: "CareRecordCreate" });
export type CareRecordCreate = z.infer<typeof CareRecordCreate>;

export const CareRecordUpdate = CareRecordCreate.omit({ customerId: true })
  .partial()
  .meta({ id: "CareRecordUpdate" });
export type CareRecordUpdate = z.infer<typeof CareRecordUpdate>;

export const CareRecord = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    careDate: z.string(),
    kind: z.enum(CARE_KINDS),
    content: z.string(),
    ...Access,
  })
  .meta({ id: "CareRecord" });
export type CareRecord = z.infer<typeof CareRecord>;

// 工作计划 (tasks) -------------------------------------------------------------------------------

export const TaskCreate = z
  .strictObject({
    title: text(100).min(1),
    description: optionalText(2000),
    dueOn: z.iso.date().nullable().optional(),
    priority: z.enum(TASK_PRIORITIES).default("normal"),
    assigneeId: z
      .uuid()
      .optional()
      .meta({ description: "Defaults to the caller; someone else only within the caller's scope" }),
    customerId: z.uuid().nullable().optional(),
    sharedWith,
  })
  .meta({ id: "TaskCreate" });
export type TaskCreate = z.input<typeof TaskCreate>;

export const TaskUpdate = z
  .strictObject({
    title: text(100).min(1).optional(),
    description: optionalText(2000),
    dueOn: z.iso.date().nullable().optional(),
    priority: z.enum(TASK_PRIORITIES).optional(),
    status: z.enum(TASK_STATUSES).optional(),
    assigneeId: z.uuid().optional(),
    customerId: z.uuid().nullable().optional(),
    sharedWith,
  })
  .meta({ id: "TaskUpdate" });
export type TaskUpdate = z.infer<typeof TaskUpdate>;

export const Task = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    dueOn: z.string().nullable(),
    priority: z.enum(TASK_PRIORITIES),
    status: z.enum(TASK_STATUSES),
    overdue: z.boolean().meta({ description: "Not done and due before today (Asia/Shanghai)" }),
    completedAt: z.string().nullable(),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    createdById: z.uuid().nullable(),
    createdByName: z.string().nullable(),
    ...Access,
  })
  .meta({ id: "Task", description: "ownerId is the assignee" });
export type Task = z.infer<typeof Task>;

// 工作日程 (events) ------------------------------------------------------------------------------

const eventFields = {
  title: text(100).min(1),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }),
  allDay: z.boolean().default(false),
  location: optionalText(100),
  notes: optionalText(2000),
  customerId: z.uuid().nullable().optional(),
  contactId: z.uuid().nullable().optional(),
  remindMinutesBefore: z.number().int().min(0).max(10_080).nullable().optional(),
  sharedWith,
};

export const EventCreate = z
  .strictObject(eventFields)
  .refine((e) => Date.parse(e.endsAt) >= Date.parse(e.startsAt), {
    error: "ends_before_start",
    path: ["endsAt"],
  })
  .meta({ id: "EventCreate" });
export type EventCreate = z.input<typeof EventCreate>;

export const EventUpdate = z
  .strictObject({ ...eventFields, allDay: z.boolean() })
  .partial()
  .refine((e) => !e.startsAt || !e.endsAt || Date.parse(e.endsAt) >= Date.parse(e.startsAt), {
    error: "ends_before_start",
    path: ["endsAt"],
  })
  .meta({ id: "EventUpdate" });
export type EventUpdate = z.infer<typeof EventUpdate>;

export const CalendarEvent = z
  .object({
    id: z.uuid(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    allDay: z.boolean(),
    location: z.string().nullable(),
    notes: z.string().nullable(),
    customerId: z.uuid().nullable(),
    customerName: z.string().nullable(),
    contactId: z.uuid().nullable(),
    remindMinutesBefore: z.number().int().nullable(),
    ...Access,
  })
  .meta({ id: "CalendarEvent" });
export type CalendarEvent = z.infer<typeof CalendarEvent>;

// Lists ------------------------------------------------------------------------------------------

export const ActivityQuery = z.object({
  customerId: z.uuid().optional(),
  ownerId: z.uuid().optional().meta({ description: "Whose (salesperson / assignee), within scope" }),
  from: z.iso.date().optional().meta({ description: "On or after this day (Asia/Shanghai)" }),
  to: z.iso.date().optional().meta({ description: "On or before this day (Asia/Shanghai)" }),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ActivityQuery = z.infer<typeof ActivityQuery>;

export const TaskQuery = ActivityQuery.extend({
  status: z
    .enum([...TASK_STATUSES, "open"])
    .optional()
    .meta({ description: "open: todo or doing" }),
  overdue: z.enum(["true", "false"]).optional(),
});
export type TaskQuery = z.infer<typeof TaskQuery>;

// Follow-ups and care suggestions ----------------------------------------------------------------

export const FollowUp = z
  .object({
    customerId: z.uuid(),
    customerName: z.string(),
    customerCode: z.string(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    reason: z.enum(["follow_up_due", "no_contact"]),
    dueOn: z.string().nullable().meta({ description: "The next follow-up date that is reached" }),
    lastContactAt: z.string().nullable(),
  })
  .meta({ id: "FollowUp" });

export const CareSuggestion = z
  .object({
    kind: z.enum(["birthday", "anniversary"]),
    on: z.string().meta({ description: "The day it falls on this year" }),
    customerId: z.uuid(),
    customerName: z.string(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    years: z.number().int().nullable().meta({ description: "Anniversaries: years since signing" }),
  })
  .meta({ id: "CareSuggestion" });

// Notifications ----------------------------------------------------------------------------------

export const NOTIFICATION_KINDS = [
  "task_assigned",
  "shared",
  "follow_up_due",
  "feedback_assigned",
  "receivable_overdue",
  "event_reminder",
] as const;

export const Notification = z
  .object({
    id: z.uuid(),
    kind: z.enum(NOTIFICATION_KINDS),
    title: z.string(),
    link: z.string().nullable(),
    read: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: "Notification" });
export type Notification = z.infer<typeof Notification>;
