// Drill-down building blocks: the parsers for a drill's `value`, each report's own base condition,
// and the record lists shared by several drills (balances, ranked customer values).
import { cmp, dec, ErrorCode } from "@crm/contracts";
import { contactRecords, customers, type DbOrTx, feedback, transactions } from "@crm/db";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { shanghaiDate } from "../../shared/days.js";
import { AppError } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { collectionRows } from "../finance/collections.service.js";
import { balanceRecords, type PageArgs, rankedCustomerRecords } from "./reports-drill.lists.js";
import { liveSales, ownedBy, period, periodTs, type ReportFilters } from "./reports-filters.js";
import { customerValue } from "./reports-value.service.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const badValue = () =>
  new AppError(400, ErrorCode.validation, { fields: [{ field: "value", code: "drill_value_invalid" }] });
export const uuid = (v: string) => {
  if (!UUID.test(v)) throw badValue();
  return v;
};
export const month = (v: string) => {
  if (!MONTH.test(v)) throw badValue();
  return v;
};
export const oneOf = <T extends string>(v: string, allowed: readonly T[]): T => {
  if (!(allowed as readonly string[]).includes(v)) throw badValue();
  return v as T;
};
/** A report's "unknown"/empty group is the null one. */
export const nullable = (column: SQL | AnyPgColumn, v: string) =>
  v === "" || v === "unknown" ? sql`${column} is null` : sql`${column} = ${v}`;
/** A named group (product, handler): empty is "none", an id matches the id, a name the report's name. */
export const named = (id: AnyPgColumn, name: SQL, v: string) =>
  v === "" ? sql`${id} is null` : UUID.test(v) ? sql`${id} = ${v}` : sql`${name} = ${v}`;

// Each report's own base condition ------------------------------------------------------------

export const salesWhere = async (db: DbOrTx, caller: Caller, f: ReportFilters) =>
  and(
    liveSales,
    period(transactions.date, f),
    await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId),
  );

export const visitsWhere = async (db: DbOrTx, caller: Caller, f: ReportFilters) =>
  and(
    isNull(contactRecords.deletedAt),
    periodTs(contactRecords.occurredAt, f),
    await ownedBy(db, caller, f, contactRecords.ownerId, contactRecords.customerId),
  );

export const evaluationWhere = async (db: DbOrTx, caller: Caller, f: ReportFilters) =>
  and(
    isNull(customers.deletedAt),
    await ownedBy(db, caller, { ...f, province: undefined, class: undefined }, customers.ownerId),
    f.province ? eq(customers.province, f.province) : undefined,
    f.class ? eq(customers.class, f.class) : undefined,
  );

export const satisfactionWhere = (caller: Caller, f: ReportFilters) =>
  and(
    isNull(feedback.deletedAt),
    period(feedback.occurredOn, f),
    scopeWhere(caller.scope, customers.ownerId),
    f.province ? eq(customers.province, f.province) : undefined,
    f.class ? eq(customers.class, f.class) : undefined,
  );

export const productName = sql`(select p.name from products p where p.id = ${feedback.productId})`;

/** The month of the dashboard (that of `to`, or this one) and the one before. */
export function dashboardMonths(f: ReportFilters) {
  const today = f.to ?? shanghaiDate();
  const month = today.slice(0, 7);
  const lastMonth = new Date(Date.parse(`${month}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
  return { today, month, lastMonth };
}

export async function balances(
  db: DbOrTx,
  caller: Caller,
  on: string,
  part: (row: Awaited<ReturnType<typeof collectionRows>>[number]) => string,
  page: PageArgs,
) {
  // Every customer in scope: the report's figure sums them all, so its drill must list them all.
  const rows = (await collectionRows(db, caller, on, undefined, 100_000_000))
    .map((r) => ({
      customerId: r.customerId,
      customerName: r.customerName,
      customerCode: r.customerCode,
      ownerName: r.ownerName,
      open: r.open,
      overdue: r.overdue,
      amount: part(r),
    }))
    .filter((r) => cmp(dec(r.amount), dec("0")) > 0);
  return balanceRecords(rows, page);
}

export async function customerValueRecords(
  db: DbOrTx,
  caller: Caller,
  f: ReportFilters,
  keep: (row: Awaited<ReturnType<typeof customerValue>>["rows"][number]) => boolean,
  page: PageArgs,
) {
  const { rows } = await customerValue(db, caller, f);
  return rankedCustomerRecords(
    db,
    rows.filter(keep).map((r) => ({
      customerId: r.customerId,
      detail: {
        monetary: r.monetary,
        frequency: r.frequency,
        recencyDays: r.recencyDays,
        rfm: r.rfm,
        segment: r.segment,
        abc: r.abc,
        revenueShare: r.revenueShare,
        suggestedClass: r.suggestedClass,
      },
    })),
    page,
  );
}
