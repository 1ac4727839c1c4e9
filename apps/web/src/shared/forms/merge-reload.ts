const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * After a conflict (412) and a reload: what the form should hold. A value the user changed stays as
 * typed; one they left alone takes the fresh record's value, so saving again does not undo what the
 * other person changed meanwhile. Nested objects (`customFields`) are merged key by key.
 */
export function mergeReloaded<T extends object>(currentValues: T, beforeValues: T, freshValues: T): T {
  const current = currentValues as Record<string, unknown>;
  const before = beforeValues as Record<string, unknown>;
  const fresh = freshValues as Record<string, unknown>;
  const result: Record<string, unknown> = { ...current };
  for (const key of new Set([...Object.keys(fresh), ...Object.keys(before)])) {
    const now = current[key];
    if (isPlainObject(fresh[key]) || isPlainObject(before[key])) {
      result[key] = mergeReloaded(
        isPlainObject(now) ? now : {},
        isPlainObject(before[key]) ? before[key] : {},
        isPlainObject(fresh[key]) ? fresh[key] : {},
      );
    } else if (same(now, before[key])) result[key] = fresh[key];
  }
  return result as T;
}
