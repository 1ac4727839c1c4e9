import { ErrorCode } from "@crm/contracts";
import { AppError } from "./errors.js";

/** Opaque keyset cursors: the sort key of the last row of a page, base64url-encoded JSON. */
export const encodeCursor = (key: (string | number)[]): string =>
  Buffer.from(JSON.stringify(key)).toString("base64url");

export function decodeCursor(cursor: string | undefined, length: number): (string | number)[] | undefined {
  if (cursor === undefined) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((k) => ["string", "number"].includes(typeof k))
    ) {
      return key;
    }
  } catch {
    // fall through
  }
  throw new AppError(400, ErrorCode.validation, { fields: [{ field: "cursor", code: "invalid_cursor" }] });
}

/** Splits a fetched `limit + 1` rows into the page and the cursor of the next one. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => (string | number)[]) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(key(last)) : null };
}
