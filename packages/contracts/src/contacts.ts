import { z } from "zod";
import { CustomValues } from "./custom-fields.js";

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, { error: "phone_format" });

const contactFields = {
  customerId: z.uuid(),
  name: z.string().trim().min(1).max(30),
  title: z.string().trim().max(30).nullable().optional(),
  department: z.string().trim().max(30).nullable().optional(),
  mobile: z
    .string()
    .trim()
    .regex(/^(\+?86)?1[3-9]\d{9}$/, { error: "mobile_format" })
    .nullable()
    .optional(),
  phone: Phone.nullable().optional(),
  email: z.email({ error: "email_format" }).max(100).nullable().optional(),
  wechat: z.string().trim().max(50).nullable().optional(),
  birthday: z.iso.date().nullable().optional(),
  notes: z.string().trim().max(500).nullable().optional(),
  isPrimary: z.boolean().optional(),
  customFields: CustomValues.optional(),
};

export const ContactCreate = z.strictObject(contactFields).meta({ id: "ContactCreate" });
export type ContactCreate = z.infer<typeof ContactCreate>;
export const ContactUpdate = z
  .strictObject(contactFields)
  .omit({ customerId: true })
  .partial()
  .meta({ id: "ContactUpdate" });
export type ContactUpdate = z.infer<typeof ContactUpdate>;

export const Contact = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string(),
    name: z.string(),
    title: z.string().nullable(),
    department: z.string().nullable(),
    mobile: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    wechat: z.string().nullable(),
    birthday: z.string().nullable(),
    notes: z.string().nullable(),
    isPrimary: z.boolean(),
    customFields: z.record(z.string(), z.unknown()),
    deleted: z.boolean(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Contact" });
export type Contact = z.infer<typeof Contact>;

export const ContactQuery = z.object({
  customerId: z.uuid().optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
