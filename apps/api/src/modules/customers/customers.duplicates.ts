import type { DuplicateCandidate } from "@crm/contracts";
import { customers, type DbOrTx, users } from "@crm/db";
import { and, eq, isNull, ne, or, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { scopeWhere } from "../../shared/scope.js";

interface Keys {
  nameKey: string;
  creditCode?: string | null | undefined;
  phoneKey?: string | null | undefined;
  email?: string | null | undefined;
  homepageKey?: string | null | undefined;
}

/**
 * P-01: likely duplicates among live customers by normalised name, credit code, phone, email or
 * homepage domain. Those outside the caller's scope are reported without their id.
 */
export async function findDuplicates(
  db: DbOrTx,
  caller: Caller,
  keys: Keys,
  excludeId?: string,
): Promise<DuplicateCandidate[]> {
  const email = keys.email?.toLowerCase();
  const matchers: [DuplicateCandidate["matchedOn"][number], SQL | undefined][] = [
    ["name", keys.nameKey ? eq(customers.nameKey, keys.nameKey) : undefined],
    ["creditCode", keys.creditCode ? eq(customers.creditCode, keys.creditCode) : undefined],
    ["phone", keys.phoneKey ? eq(customers.phoneKey, keys.phoneKey) : undefined],
    ["email", email ? sql`lower(${customers.email}) = ${email}` : undefined],
    ["homepage", keys.homepageKey ? eq(customers.homepageKey, keys.homepageKey) : undefined],
  ];
  const active = matchers.filter(([, c]) => c !== undefined) as [
    DuplicateCandidate["matchedOn"][number],
    SQL,
  ][];
  if (!active.length) return [];
  const scope = scopeWhere(caller.scope, customers.ownerId);
  const rows = await db
    .select({
      id: customers.id,
      code: customers.code,
      name: customers.name,
      ownerName: users.displayName,
      visible: scope ? sql<boolean>`coalesce(${scope}, false)` : sql<boolean>`true`,
      // Flags under their own names, so they never overwrite a column (name!).
      ...Object.fromEntries(active.map(([k, c]) => [`matched_${k}`, sql<boolean>`coalesce(${c}, false)`])),
    })
    .from(customers)
    .leftJoin(users, eq(users.id, customers.ownerId))
    .where(
      and(
        isNull(customers.deletedAt),
        excludeId ? ne(customers.id, excludeId) : undefined,
        or(...active.map(([, c]) => c)),
      ),
    )
    .limit(10);
  return rows.map((r) => {
    const flags = r as unknown as Record<string, boolean>;
    return {
      id: r.visible ? r.id : null,
      code: r.code,
      name: r.name,
      ownerName: r.ownerName,
      matchedOn: active.map(([k]) => k).filter((k) => flags[`matched_${k}`]),
    };
  });
}
