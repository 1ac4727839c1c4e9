import type { CustomFieldDefinition } from "@crm/contracts";

/**
 * The fields a column of an imported file can go to, with the headers the server recognises by
 * itself (its key, the Chinese and the English header of its export). `code` matches existing
 * customers when they are matched by code.
 */
export const IMPORT_FIELDS = [
  ["code", "客户编码", "Code"],
  ["name", "客户名称", "Name"],
  ["class", "客户类别", "Class"],
  ["province", "省份", "Province"],
  ["city", "城市", "City"],
  ["areaCode", "区号", "Area code"],
  ["postcode", "邮编", "Postcode"],
  ["address", "地址", "Address"],
  ["phone", "电话", "Phone"],
  ["fax", "传真", "Fax"],
  ["email", "邮箱", "Email"],
  ["homepage", "主页", "Homepage"],
  ["annualRevenue", "年营业额", "Annual revenue"],
  ["employeeCount", "员工人数", "Employees"],
  ["industry", "行业", "Industry"],
  ["source", "来源", "Source"],
  ["status", "状态", "Status"],
  ["creditRating", "信用等级", "Credit rating"],
  ["creditCode", "统一社会信用代码", "Credit code"],
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number][0];

/** Columns a file must have (mapped to). */
export const REQUIRED_FIELDS: readonly ImportField[] = ["name", "class", "province", "city"];

/** The target of a custom field's column, as the API names it. */
export const customTarget = (key: string) => `customFields.${key}`;

/** A header → target ("" for a column that is not imported). */
export type ImportMapping = Record<string, string>;

const normalise = (text: string) => text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "");

/** What the server would pick for each header: a built-in field, else a custom field by label or key. */
export function autoMapping(
  headers: readonly string[],
  definitions: readonly Pick<CustomFieldDefinition, "key" | "label" | "labelEn">[],
): ImportMapping {
  const mapping: ImportMapping = {};
  for (const header of headers) {
    const h = normalise(header);
    const field = IMPORT_FIELDS.find(
      ([key, zh, en]) => normalise(key) === h || normalise(zh) === h || normalise(en) === h,
    )?.[0];
    const custom = definitions.find((d) =>
      [d.key, d.label, d.labelEn].some((name) => name && normalise(name) === h),
    );
    mapping[header] = field ?? (custom ? customTarget(custom.key) : "");
  }
  return mapping;
}

/** Required fields no column goes to, and targets two columns go to. */
export function mappingProblems(mapping: ImportMapping): { missing: ImportField[]; repeated: string[] } {
  const targets = Object.values(mapping).filter(Boolean);
  const missing = REQUIRED_FIELDS.filter((f) => !targets.includes(f));
  const repeated = [...new Set(targets.filter((t, i) => targets.indexOf(t) !== i))];
  return { missing, repeated };
}

/**
 * The `mapping` the upload sends: every column, "" for those left out. Over the API's 5,000
 * characters (very many or very long headers) only the columns whose choice differs from what the
 * server would pick by itself.
 */
export function mappingParam(mapping: ImportMapping, automatic: ImportMapping): string {
  const all = JSON.stringify(mapping);
  if (all.length <= 5000) return all;
  return JSON.stringify(Object.fromEntries(Object.entries(mapping).filter(([h, t]) => automatic[h] !== t)));
}
