import {
  CUSTOM_FILTER_PREFIX,
  type CustomFieldDefinition,
  type CustomValues,
  canonicalNumber,
  checkCustomValues,
  customValueText,
} from "@crm/contracts";

/** What a form holds for one custom field: the API's own shape (decimal strings, YYYY-MM-DD dates). */
export type CustomFormValue = string | string[] | boolean | null | undefined;
export type CustomFormValues = Record<string, CustomFormValue>;

type Def = Pick<CustomFieldDefinition, "key" | "type" | "options">;

/** The field's name in the UI language (the Chinese label when there is no English one). */
export const fieldLabel = (def: Pick<CustomFieldDefinition, "label" | "labelEn">, language: string) =>
  language === "en" && def.labelEn ? def.labelEn : def.label;

export const isBlank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === "string" && value.trim() === "") ||
  (Array.isArray(value) && value.length === 0);

/** One spelling per value, so "100.50" and "100.5", or two orders of the same choices, compare equal. */
function normalise(def: Def, value: unknown): unknown {
  if (isBlank(value)) return null;
  switch (def.type) {
    case "text":
      return String(value).trim();
    case "number": {
      const text = String(value).trim();
      return /^-?\d+(\.\d+)?$/.test(text) ? canonicalNumber(text) : text;
    }
    case "multi_choice": {
      const picked = (Array.isArray(value) ? value : [value]).map(String);
      const order = def.options.map((o) => o.value);
      return [...new Set(picked)].sort((a, b) => order.indexOf(a) - order.indexOf(b));
    }
    default:
      return value;
  }
}

/** A record's stored values as form values (the form ignores keys it has no input for). */
export function toCustomFormValues(values: Record<string, unknown> | null | undefined): CustomFormValues {
  const result: CustomFormValues = {};
  for (const [key, value] of Object.entries(values ?? {})) {
    if (
      typeof value === "string" ||
      typeof value === "boolean" ||
      (Array.isArray(value) && value.every((v) => typeof v === "string"))
    )
      result[key] = value as CustomFormValue;
    else if (typeof value === "number") result[key] = String(value);
  }
  return result;
}

/** For a create: the filled-in values of these fields, text trimmed; nothing for the empty ones. */
export function customCreateValues(
  definitions: readonly Def[],
  form: CustomFormValues | undefined,
): CustomValues | undefined {
  const result: CustomValues = {};
  for (const def of definitions) {
    const value = normalise(def, form?.[def.key]);
    if (value !== null) result[def.key] = value as CustomValues[string];
  }
  return Object.keys(result).length ? result : undefined;
}

/**
 * For an update: only the fields the form shows whose value changed; a cleared value is sent as null.
 * Values of fields the form does not show (archived ones) are never touched.
 */
export function customPatchValues(
  definitions: readonly Def[],
  before: CustomFormValues | undefined,
  after: CustomFormValues | undefined,
): CustomValues | undefined {
  const result: CustomValues = {};
  for (const def of definitions) {
    if (!after || !Object.hasOwn(after, def.key)) continue;
    const next = normalise(def, after[def.key]);
    if (JSON.stringify(next) !== JSON.stringify(normalise(def, before?.[def.key])))
      result[def.key] = next as CustomValues[string];
  }
  return Object.keys(result).length ? result : undefined;
}

/**
 * What the API would say about a filled-in value (the contract's own check, so the form and the
 * server agree): an issue code such as `custom_number_format`, or null when it is fine.
 */
export function customValueIssue(def: CustomFieldDefinition, value: unknown): string | null {
  if (isBlank(value)) return null;
  const { issues } = checkCustomValues(
    [{ ...def, required: false, archived: false }],
    { [def.key]: value },
    null,
  );
  return issues[0]?.code ?? null;
}

/** A decimal string with thousands separators, never through a float: "1234567.5" → "1,234,567.5". */
export function groupDigits(value: string): string {
  const [whole = "", fraction] = value.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A stored value as text for lists and the profile: choices by label, yes/no, grouped numbers. */
export function customValueDisplay(def: Def, value: unknown, language: string): string {
  if (isBlank(value)) return "";
  if (def.type === "number" && typeof value === "string" && /^-?\d+(\.\d+)?$/.test(value))
    return groupDigits(value);
  return customValueText(def, value, language === "en" ? "en" : "zh-CN");
}

// List filters (cf.<key>=…)

export const filterParam = (key: string) => `${CUSTOM_FILTER_PREFIX}${key}` as const;
export const isFilterParam = (param: string) => param.startsWith(CUSTOM_FILTER_PREFIX);
export const filterKey = (param: string) => param.slice(CUSTOM_FILTER_PREFIX.length);

/** `from..to` of a number or date filter; either end may be empty. A single value means from = to. */
export function parseRange(value: string | undefined): [string, string] {
  if (!value) return ["", ""];
  if (!value.includes("..")) return [value, value];
  const [from = "", to = ""] = value.split("..");
  return [from, to];
}

export function formatRange(from: string | null | undefined, to: string | null | undefined) {
  const a = from?.trim() ?? "";
  const b = to?.trim() ?? "";
  return a || b ? `${a}..${b}` : undefined;
}
