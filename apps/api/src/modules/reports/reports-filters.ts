// The filters every report takes, and the conditions they make on owned records and periods.
import { customers, type DbOrTx, transactions, users } from "@crm/db";
import { and, eq, gte, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { scopeWhere, subtreeIds } from "../../shared/scope.js";

/** The filters every report takes: period, department (and below), owner, region, class. */
export interface ReportFilters {
  from?: string | undefined;
  to?: string | undefined;
  departmentId?: string | undefined;
  ownerId?: string | undefined;
  province?: string | undefined;
  class?: string | undefined;
}

/**
 * The conditions on an owned record: the caller's scope on its owner (always), then the owner,
 * the owner's department subtree, and the customer's region and class when asked.
 */
export async function ownedBy(
  db: DbOrTx,
  caller: Caller,
  f: ReportFilters,
  owner: AnyPgColumn,
  customer?: AnyPgColumn,
) {
  const departments = f.departmentId ? await subtreeIds(db, [f.departmentId]) : null;
  return and(
    scopeWhere(caller.scope, owner),
    f.ownerId ? eq(owner, f.ownerId) : undefined,
    departments
      ? sql`${owner} in (select ${users.id} from ${users} where ${users.departmentId} = any(${`{${departments.join(",")}}`}::uuid[]))`
      : undefined,
    customer && (f.province || f.class)
      ? sql`exists (select 1 from ${customers} c where c.id = ${customer}
          ${f.province ? sql`and c.province = ${f.province}` : sql``} ${f.class ? sql`and c.class = ${f.class}` : sql``})`
      : undefined,
  );
}

export const period = (column: AnyPgColumn, f: ReportFilters) =>
  and(f.from ? gte(column, f.from) : undefined, f.to ? lte(column, f.to) : undefined);
export const periodTs = (column: AnyPgColumn, f: ReportFilters) =>
  and(
    f.from ? sql`${column} >= ${new Date(`${f.from}T00:00:00+08:00`)}` : undefined,
    f.to ? sql`${column} < ${new Date(Date.parse(`${f.to}T00:00:00+08:00`) + 86_400_000)}` : undefined,
  );

export const liveSales = isNull(transactions.deletedAt);

/** A condition, or true when there is none (for SQL that needs one written). */
export const or0 = (s: SQL | undefined) => s ?? sql`true`;
