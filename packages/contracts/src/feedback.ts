import { z } from "zod";

export const FEEDBACK_TYPES = [
  "consultation",
  "complaint",
  "suggestion",
  "fault",
  "praise",
  "other",
] as const;
export const FEEDBACK_STATUSES = ["open", "in_progress", "closed"] as const;
export const FEEDBACK_PRIORITIES = ["low", "normal", "high", "urgent"] as const;
/** Hours an open feedback of each type may wait before it is overdue (service timing). */
export const FEEDBACK_OVERDUE_HOURS: Record<string, number> = {
  complaint: 24,
  fault: 48,
  consultation: 72,
  suggestion: 168,
  praise: 168,
  other: 72,
};

const fields = {
  subject: z.string().trim().min(1).max(50),
  occurredOn: z.iso.date(),
  customerId: z.uuid(),
  contactId: z.uuid().nullable().optional().meta({ description: "Must belong to the customer" }),
  productId: z.uuid().nullable().optional(),
  type: z.string().trim().min(1).max(20).meta({ description: "A code of the feedback_type dictionary" }),
  priority: z.enum(FEEDBACK_PRIORITIES).default("normal"),
  description: z.string().trim().max(2000).nullable().optional(),
  handlerId: z.uuid().nullable().optional().meta({ description: "Who handles it (notified)" }),
  endDate: z.iso.date().nullable().optional(),
  technicalNotes: z.string().trim().max(2000).nullable().optional(),
};

export const FeedbackCreate = z.strictObject(fields).meta({ id: "FeedbackCreate" });
export type FeedbackCreate = z.input<typeof FeedbackCreate>;

export const FeedbackUpdate = z
  .strictObject({
    ...fields,
    priority: z.enum(FEEDBACK_PRIORITIES),
    status: z.enum(FEEDBACK_STATUSES).meta({
      description:
        "open → in_progress → closed (needs a resolution); closed → open re-opens it to its handler",
    }),
    resolution: z.string().trim().max(2000).nullable(),
  })
  .partial()
  .meta({ id: "FeedbackUpdate" });
export type FeedbackUpdate = z.infer<typeof FeedbackUpdate>;

export const Feedback = z
  .object({
    id: z.uuid(),
    number: z.string(),
    subject: z.string(),
    occurredOn: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    contactId: z.uuid().nullable(),
    contactName: z.string().nullable(),
    productId: z.uuid().nullable(),
    productName: z.string().nullable(),
    type: z.string(),
    priority: z.enum(FEEDBACK_PRIORITIES),
    description: z.string().nullable(),
    handlerId: z.uuid().nullable(),
    handlerName: z.string().nullable(),
    status: z.enum(FEEDBACK_STATUSES),
    closed: z.boolean(),
    resolution: z.string().nullable(),
    technicalNotes: z.string().nullable(),
    endDate: z.string().nullable(),
    firstResponseAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    responseMinutes: z.number().int().nullable().meta({ description: "Time to first response" }),
    resolutionMinutes: z.number().int().nullable().meta({ description: "Time to close" }),
    overdue: z.boolean().meta({ description: "Open longer than its type allows" }),
    reopenCount: z.number().int(),
    createdByName: z.string().nullable(),
    deleted: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Feedback" });
export type Feedback = z.infer<typeof Feedback>;

export const FeedbackQuery = z.object({
  q: z.string().trim().max(50).optional(),
  type: z.string().max(20).optional(),
  status: z.enum(FEEDBACK_STATUSES).optional(),
  handlerId: z.uuid().optional(),
  customerId: z.uuid().optional(),
  productId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  overdue: z.enum(["true"]).optional(),
  deleted: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type FeedbackQuery = z.infer<typeof FeedbackQuery>;

export const ReturnVisit = z
  .object({
    id: z.uuid(),
    feedbackId: z.uuid(),
    feedbackSubject: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    dueOn: z.string(),
    assignedToName: z.string().nullable(),
    status: z.enum(["pending", "done"]),
    rating: z.number().int().nullable(),
    comment: z.string().nullable(),
    doneAt: z.string().nullable(),
  })
  .meta({ id: "ReturnVisit" });

export const ReturnVisitComplete = z
  .strictObject({
    rating: z.number().int().min(1, { error: "rating_range" }).max(5, { error: "rating_range" }),
    comment: z.string().trim().max(1000).nullable().optional(),
  })
  .meta({ id: "ReturnVisitComplete" });
