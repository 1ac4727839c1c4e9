import type { Feedback, FeedbackCreate, FeedbackUpdate } from "@crm/contracts";
import dayjs, { type Dayjs } from "dayjs";

const DATE = "YYYY-MM-DD";

/** What the form of input screen 2 holds; dates as dayjs for the pickers. */
export interface FeedbackFormValues {
  subject: string;
  occurredOn: Dayjs | null;
  customerId: string | null;
  contactId: string | null;
  productId: string | null;
  type: Feedback["type"] | null;
  priority: Feedback["priority"];
  description: string;
  handlerId: string | null;
  endDate: Dayjs | null;
  technicalNotes: string;
}

/** The same values as the API spells them (dates YYYY-MM-DD, blanks null): compared and merged. */
type Wire = {
  subject: string;
  occurredOn: string | null;
  customerId: string | null;
  contactId: string | null;
  productId: string | null;
  type: Feedback["type"] | null;
  priority: Feedback["priority"];
  description: string | null;
  handlerId: string | null;
  endDate: string | null;
  technicalNotes: string | null;
};

export const FORM_FIELDS = [
  "subject",
  "occurredOn",
  "customerId",
  "contactId",
  "productId",
  "type",
  "priority",
  "description",
  "handlerId",
  "endDate",
  "technicalNotes",
] as const;

const blank = (v: string | null | undefined) => (v?.trim() ? v.trim() : null);
const day = (v: Dayjs | null | undefined) => (v ? v.format(DATE) : null);

export function toWire(v: FeedbackFormValues): Wire {
  return {
    subject: v.subject.trim(),
    occurredOn: day(v.occurredOn),
    customerId: v.customerId,
    contactId: v.contactId,
    productId: v.productId,
    type: v.type,
    priority: v.priority,
    description: blank(v.description),
    handlerId: v.handlerId,
    endDate: day(v.endDate),
    technicalNotes: blank(v.technicalNotes),
  };
}

export function fromWire(w: Wire): FeedbackFormValues {
  return {
    ...w,
    occurredOn: w.occurredOn ? dayjs(w.occurredOn, DATE) : null,
    endDate: w.endDate ? dayjs(w.endDate, DATE) : null,
    description: w.description ?? "",
    technicalNotes: w.technicalNotes ?? "",
  };
}

export function toFormValues(f: Feedback | null, defaults?: { customerId?: string }): FeedbackFormValues {
  if (!f) {
    return {
      subject: "",
      occurredOn: dayjs(),
      customerId: defaults?.customerId ?? null,
      contactId: null,
      productId: null,
      type: null,
      priority: "normal",
      description: "",
      handlerId: null,
      endDate: null,
      technicalNotes: "",
    };
  }
  return fromWire({
    subject: f.subject,
    occurredOn: f.occurredOn,
    customerId: f.customerId,
    contactId: f.contactId,
    productId: f.productId,
    type: f.type,
    priority: f.priority,
    description: f.description,
    handlerId: f.handlerId,
    endDate: f.endDate,
    technicalNotes: f.technicalNotes,
  });
}

export function toCreateBody(v: FeedbackFormValues): FeedbackCreate {
  const w = toWire(v);
  const body: FeedbackCreate = {
    subject: w.subject,
    occurredOn: w.occurredOn ?? "",
    customerId: w.customerId ?? "",
    type: w.type ?? "other",
    priority: w.priority,
  };
  if (w.contactId) body.contactId = w.contactId;
  if (w.productId) body.productId = w.productId;
  if (w.description) body.description = w.description;
  if (w.handlerId) body.handlerId = w.handlerId;
  if (w.endDate) body.endDate = w.endDate;
  if (w.technicalNotes) body.technicalNotes = w.technicalNotes;
  return body;
}

/** Only the fields that changed: a handler without the customer's permissions can still save notes. */
export function toUpdateBody(before: FeedbackFormValues, after: FeedbackFormValues): FeedbackUpdate {
  const a = toWire(before);
  const b = toWire(after);
  const patch: Record<string, unknown> = {};
  for (const key of FORM_FIELDS) {
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) patch[key] = b[key];
  }
  // A new customer takes its contact along (the contact must belong to it).
  if ("customerId" in patch && !("contactId" in patch)) patch.contactId = b.contactId;
  return patch as FeedbackUpdate;
}

export { mergeReloaded } from "../../shared/forms/merge-reload";
export type { Wire as FeedbackWire };
