import { z } from "zod";

/** The drop-down lists admins edit (字典). */
export const DICTIONARY_TYPES = [
  "customer_class",
  "industry",
  "source",
  "customer_status",
  "credit_rating",
  "feedback_type",
] as const;
export type DictionaryType = (typeof DICTIONARY_TYPES)[number];

export const DictionaryItem = z
  .object({
    id: z.uuid(),
    type: z.enum(DICTIONARY_TYPES),
    code: z.string(),
    label: z.string(),
    labelEn: z.string().nullable(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "DictionaryItem" });
export type DictionaryItem = z.infer<typeof DictionaryItem>;

export const DictionaryItemCreate = z
  .strictObject({
    type: z.enum(DICTIONARY_TYPES),
    code: z
      .string()
      .trim()
      .min(1)
      .max(20)
      .regex(/^[A-Za-z0-9_-]+$/, { error: "dictionary_code_format" }),
    label: z.string().trim().min(1).max(30),
    labelEn: z.string().trim().max(50).nullable().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
  })
  .meta({ id: "DictionaryItemCreate" });
export type DictionaryItemCreate = z.infer<typeof DictionaryItemCreate>;

export const DictionaryItemUpdate = z
  .strictObject({
    label: z.string().trim().min(1).max(30).optional(),
    labelEn: z.string().trim().max(50).nullable().optional(),
    sortOrder: z.number().int().min(0).max(10_000).optional(),
    active: z.boolean().optional(),
  })
  .meta({ id: "DictionaryItemUpdate" });
