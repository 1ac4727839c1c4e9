import { type DbOrTx, users } from "@crm/db";
import { inArray } from "drizzle-orm";

/**
 * Users' display names by id, kept per process against the access version: a new user or a
 * renamed one bumps it (database triggers), so the next request reloads. Lists show an owner's
 * name on every row; reading it here instead of by a subquery per row saves the database a
 * lookup per row on the busiest pages.
 */
const caches = new WeakMap<object, { version: number; names: Map<string, string> }>();

export async function userNames(
  db: DbOrTx,
  version: number | undefined,
  ids: Iterable<string | null>,
): Promise<ReadonlyMap<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (version === undefined) {
    if (wanted.length === 0) return new Map();
    const rows = await db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, wanted));
    return new Map(rows.map((r) => [r.id, r.name]));
  }
  const cached = caches.get(db);
  if (cached && cached.version === version && wanted.every((id) => cached.names.has(id))) return cached.names;
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users);
  const names = new Map(rows.map((r) => [r.id, r.name]));
  caches.set(db, { version, names });
  return names;
}
