import { z } from "zod";

/** Records admins may add fields to (自定义字段). */
export const CUSTOM_FIELD_ENTITIES = ["customer", "contact"] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export const CUSTOM_FIELD_TYPES = [
  "text",
  "number",
  "date",
  "single_choice",
  "multi_choice",
  "boolean",
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Types whose values can be declared unique (one record per value). */
export const UNIQUE_CAPABLE: readonly CustomFieldType[] = ["text", "number", "date"];
export const isChoiceType = (t: CustomFieldType) => t === "single_choice" || t === "multi_choice";

export const CUSTOM_TEXT_MAX = 500;
const NUMBER = /^-?\d{1,15}(\.\d{1,6})?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export const CustomFieldOption = z.object({
  value: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[^,;|]+$/, { error: "custom_option_format" }),
  label: z.string().trim().min(1).max(40),
});
export type CustomFieldOption = z.infer<typeof CustomFieldOption>;

const optionList = z
  .array(CustomFieldOption)
  .max(200)
  .refine((o) => new Set(o.map((x) => x.value)).size === o.length, { error: "custom_option_repeated" });

export const CustomFieldDefinition = z
  .object({
    id: z.uuid(),
    entity: z.enum(CUSTOM_FIELD_ENTITIES),
    key: z.string().meta({ description: "The field's name in `customFields` of the API; never changes" }),
    label: z.string(),
    labelEn: z.string().nullable(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(CustomFieldOption),
    required: z.boolean(),
    unique: z.boolean(),
    helpText: z.string().nullable(),
    position: z.number().int(),
    archived: z.boolean().meta({ description: "Hidden from forms and lists; values are kept" }),
    version: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "CustomFieldDefinition" });
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinition>;

const KEY = /^[a-z][a-z0-9_]{1,39}$/;

export const CustomFieldCreate = z
  .strictObject({
    entity: z.enum(CUSTOM_FIELD_ENTITIES),
    key: z
      .string()
      .trim()
      .regex(KEY, { error: "custom_key_format" })
      .optional()
      .meta({ description: "Lower-case letters, digits and _; generated (cf_1, cf_2, …) when left out" }),
    label: z.string().trim().min(1).max(30),
    labelEn: z.string().trim().max(50).nullable().optional(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: optionList.optional(),
    required: z.boolean().default(false),
    unique: z.boolean().default(false),
    helpText: z.string().trim().max(200).nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((f) => !isChoiceType(f.type) || (f.options?.length ?? 0) > 0, {
    error: "custom_options_required",
    path: ["options"],
  })
  .refine((f) => isChoiceType(f.type) || !f.options?.length, {
    error: "custom_options_not_allowed",
    path: ["options"],
  })
  .refine((f) => !f.unique || UNIQUE_CAPABLE.includes(f.type), {
    error: "custom_unique_not_allowed",
    path: ["unique"],
  })
  .meta({ id: "CustomFieldCreate" });
export type CustomFieldCreate = z.input<typeof CustomFieldCreate>;

export const CustomFieldUpdate = z
  .strictObject({
    label: z.string().trim().min(1).max(30).optional(),
    labelEn: z.string().trim().max(50).nullable().optional(),
    options: optionList.optional().meta({
      description: "The whole list: options may be added, relabelled or reordered; one in use cannot go",
    }),
    required: z.boolean().optional(),
    unique: z.boolean().optional(),
    helpText: z.string().trim().max(200).nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
    archived: z.boolean().optional(),
  })
  .meta({ id: "CustomFieldUpdate" });
export type CustomFieldUpdate = z.infer<typeof CustomFieldUpdate>;

/** A record's custom values as the API carries them: text, decimal strings, dates, choices, booleans. */
export const CustomValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string()), z.null()]);
export const CustomValues = z.record(z.string().max(40), CustomValue).meta({
  id: "CustomValues",
  description:
    "Values of the custom fields by key: text, number (a decimal string), date (YYYY-MM-DD), single choice (an option value), multi choice (option values), yes/no (boolean). null clears a value.",
});
export type CustomValues = z.infer<typeof CustomValues>;

type Stored = string | boolean | string[];

export interface CustomValueIssue {
  key: string;
  code: string;
}

/**
 * Checks values against the definitions and normalises them (numbers to decimal strings, choices
 * deduplicated). `existing` is the record's current values for an update (null for a create):
 * required fields must be present on create and cannot be cleared on update. Returns what to
 * store (the existing values with the changes applied) and the issues, keyed `customFields.<key>`.
 */
export function checkCustomValues(
  definitions: readonly Pick<CustomFieldDefinition, "key" | "type" | "options" | "required" | "archived">[],
  input: Record<string, unknown>,
  existing: Record<string, unknown> | null,
): { values: Record<string, Stored>; issues: CustomValueIssue[] } {
  const byKey = new Map(definitions.filter((d) => !d.archived).map((d) => [d.key, d]));
  const values: Record<string, Stored> = { ...((existing ?? {}) as Record<string, Stored>) };
  const issues: CustomValueIssue[] = [];
  for (const [key, raw] of Object.entries(input)) {
    const def = byKey.get(key);
    if (!def) {
      issues.push({ key, code: "unknown_custom_field" });
      continue;
    }
    if (raw === null || raw === "" || (Array.isArray(raw) && raw.length === 0)) {
      delete values[key];
      continue;
    }
    const result = normaliseValue(def, raw);
    if (typeof result === "object" && result !== null && "issue" in result)
      issues.push({ key, code: result.issue });
    else values[key] = result as Stored;
  }
  for (const def of byKey.values()) {
    if (!def.required || values[def.key] !== undefined) continue;
    // A field made required later does not block edits of records without it, unless cleared now.
    if (existing === null || Object.hasOwn(input, def.key)) issues.push({ key: def.key, code: "required" });
  }
  return { values, issues };
}

function normaliseValue(
  def: Pick<CustomFieldDefinition, "type" | "options">,
  raw: unknown,
): Stored | { issue: string } {
  switch (def.type) {
    case "text": {
      if (typeof raw !== "string" && typeof raw !== "number") return { issue: "custom_text_format" };
      const s = String(raw).trim();
      return s.length > CUSTOM_TEXT_MAX ? { issue: "custom_text_too_long" } : s;
    }
    case "number": {
      if (typeof raw !== "number" && typeof raw !== "string") return { issue: "custom_number_format" };
      const s = typeof raw === "number" ? (Number.isFinite(raw) ? String(raw) : "") : raw.trim();
      return NUMBER.test(s) ? canonicalNumber(s) : { issue: "custom_number_format" };
    }
    case "date": {
      if (typeof raw !== "string" || !DATE.test(raw)) return { issue: "custom_date_format" };
      const d = new Date(`${raw}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(raw)
        ? raw
        : { issue: "custom_date_format" };
    }
    case "boolean":
      return typeof raw === "boolean" ? raw : { issue: "custom_boolean_format" };
    case "single_choice":
      return typeof raw === "string" && def.options.some((o) => o.value === raw)
        ? raw
        : { issue: "custom_option_unknown" };
    case "multi_choice": {
      if (!Array.isArray(raw) || raw.some((v) => typeof v !== "string"))
        return { issue: "custom_option_unknown" };
      const picked = [...new Set(raw as string[])];
      if (picked.some((v) => !def.options.some((o) => o.value === v)))
        return { issue: "custom_option_unknown" };
      // Stored in the definition's order, so equal choices compare equal.
      return def.options.map((o) => o.value).filter((v) => picked.includes(v));
    }
  }
}

/** "007.50" → "7.5", "-0" → "0": one spelling per number, so unique checks and filters compare. */
export function canonicalNumber(s: string): string {
  let [int = "0", frac = ""] = s.replace(/^-/, "").split(".");
  int = int.replace(/^0+(?=\d)/, "");
  frac = frac.replace(/0+$/, "");
  const body = frac ? `${int}.${frac}` : int;
  return s.startsWith("-") && body !== "0" ? `-${body}` : body;
}

/**
 * Reads a cell of an imported file as a value of the field: choices by value or label (multi:
 * separated by , ; | or 、), yes/no as 是/否/yes/no/true/false/1/0. Unknown text stays as it is,
 * so `checkCustomValues` reports it.
 */
export function customValueFromText(
  def: Pick<CustomFieldDefinition, "type" | "options">,
  text: string,
): unknown {
  const t = text.trim();
  if (t === "") return null;
  const option = (s: string) =>
    def.options.find((o) => o.value === s || o.label === s || o.label.toLowerCase() === s.toLowerCase())
      ?.value ?? s;
  switch (def.type) {
    case "boolean": {
      const v = t.toLowerCase();
      if (["是", "yes", "true", "1", "y", "√"].includes(v)) return true;
      if (["否", "no", "false", "0", "n", "×"].includes(v)) return false;
      return t;
    }
    case "number":
      return t.replace(/[,，\s]/g, "");
    case "date":
      return t
        .replace(/[/.]/g, "-")
        .replace(/^(\d{4})-(\d)-/, "$1-0$2-")
        .replace(/-(\d)$/, "-0$1");
    case "single_choice":
      return option(t);
    case "multi_choice":
      return t
        .split(/[,;|、，；]/)
        .map((s) => s.trim())
        .filter(Boolean)
        .map(option);
    default:
      return t;
  }
}

/** A stored value as text for files and lists: choices by label, yes/no as 是/否 (or Yes/No). */
export function customValueText(
  def: Pick<CustomFieldDefinition, "type" | "options">,
  value: unknown,
  lang: "zh-CN" | "en" = "zh-CN",
): string {
  if (value === undefined || value === null) return "";
  const label = (v: string) => def.options.find((o) => o.value === v)?.label ?? v;
  if (def.type === "boolean") return value ? (lang === "en" ? "Yes" : "是") : lang === "en" ? "No" : "否";
  if (def.type === "single_choice") return label(String(value));
  if (def.type === "multi_choice")
    return (Array.isArray(value) ? value : [value]).map(String).map(label).join("、");
  return String(value);
}

/** List filters on custom fields: `cf.<key>=value`, ranges for numbers and dates as `from..to`. */
export const CUSTOM_FILTER_PREFIX = "cf.";
