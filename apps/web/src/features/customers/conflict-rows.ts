import { type CustomerFormValues, FORM_FIELDS } from "./customer-form-values";

export interface ConflictRow {
  key: string;
  /** Built-in field name, or `customFields.<key>`. */
  field: string;
  theirs: unknown;
  mine: unknown;
  /** The user changed it too, to something else: saving will replace the other person's value. */
  bothChanged: boolean;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
export const isBlank = (v: unknown) =>
  v === undefined || v === null || v === "" || (Array.isArray(v) && !v.length);
const eq = (a: unknown, b: unknown) => (isBlank(a) && isBlank(b)) || same(a, b);

/**
 * What the other person changed since the form was opened (their saved value against the value in
 * the form), the fields both changed flagged. Pure, so it is tested on its own.
 */
export function conflictRows(
  opened: CustomerFormValues,
  theirs: CustomerFormValues,
  mine: CustomerFormValues,
): ConflictRow[] {
  const rows: ConflictRow[] = [];
  for (const field of FORM_FIELDS) {
    if (field === "customFields") continue;
    if (eq(opened[field], theirs[field])) continue;
    rows.push({
      key: field,
      field,
      theirs: theirs[field],
      mine: mine[field],
      bothChanged: !eq(mine[field], opened[field]) && !eq(mine[field], theirs[field]),
    });
  }
  const keys = new Set([...Object.keys(opened.customFields), ...Object.keys(theirs.customFields)]);
  for (const key of keys) {
    const before = opened.customFields[key];
    const now = theirs.customFields[key];
    if (eq(before, now)) continue;
    const typed = mine.customFields[key];
    rows.push({
      key: `customFields.${key}`,
      field: `customFields.${key}`,
      theirs: now,
      mine: typed,
      bothChanged: !eq(typed, before) && !eq(typed, now),
    });
  }
  return rows;
}
