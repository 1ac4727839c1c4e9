// Reports 6 and 7 of the output designs: sales, and the manager's dashboard.
import {
  customers,
  type DbOrTx,
  orders,
  products,
  receivables,
  reportFeedbackDelta,
  reportFeedbackType,
  reportSalesAttr,
  reportSalesAttrAll,
  reportSalesAttrOwner,
  reportSalesDelta,
  reportSalesOwner,
  reportSalesProduct,
  reportSalesProductAll,
  reportSalesRegion,
  reportSalesRegionAll,
  transactions,
  users,
} from "@crm/db";
import { and, isNull, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { addDays, shanghaiDate } from "../../shared/days.js";
import { scopeWhere } from "../../shared/scope.js";
import {
  type Blocks,
  byCustomerAttributes,
  compactAggregates,
  everyone,
  inDays,
  inMonths,
  planBlocks,
  withAttributes,
} from "./aggregates.js";
import { or0, ownedBy, period, type ReportFilters } from "./reports-filters.js";
import { overallRating } from "./reports-satisfaction.service.js";

/**
 * The business reports read the rollups by owner and month (and, for callers who see everyone's
 * data, the company-wide ones) with the days a period covers only partly read from the records.
 * A province or class filter reads the rollups by the customer's province and class instead
 * (migration 0028), and the records of the leftover days through their customers.
 */

// 6. Sales -----------------------------------------------------------------------------------------

type SalesDim = "month" | "owner" | "product" | "province";

type SalesSum = {
  revenue: string;
  quantity: string;
  sales: number;
};

/** Live sales in scope and period by month, owner, product or province. */
async function salesGroups(db: DbOrTx, caller: Caller, f: ReportFilters, blocks: Blocks, dim: SalesDim) {
  const whole = everyone(caller, f) && (dim === "product" || dim === "province");
  const attributes = byCustomerAttributes(f);
  const rollup = attributes
    ? dim === "product"
      ? whole
        ? reportSalesAttrAll
        : reportSalesAttr
      : reportSalesAttrOwner
    : dim === "month" || dim === "owner"
      ? reportSalesOwner
      : dim === "product"
        ? whole
          ? reportSalesProductAll
          : reportSalesProduct
        : whole
          ? reportSalesRegionAll
          : reportSalesRegion;
  const r = rollup as typeof reportSalesOwner &
    typeof reportSalesProduct &
    typeof reportSalesRegion &
    typeof reportSalesAttr;
  const d = reportSalesDelta;
  const t = transactions;
  const keyOf = {
    month: [
      sql`to_char(${r.month}, 'YYYY-MM')`,
      sql`to_char(${d.day}, 'YYYY-MM')`,
      sql`to_char(${t.date}, 'YYYY-MM')`,
    ],
    owner: [sql`${r.ownerId}::text`, sql`${d.ownerId}::text`, sql`${t.ownerId}::text`],
    product: [sql`${r.productId}::text`, sql`${d.productId}::text`, sql`${t.productId}::text`],
    province: [
      sql`${r.province}`,
      sql`${d.province}`,
      sql`(select c.province from ${customers} c where c.id = ${t.customerId})`,
    ],
  }[dim];
  const facts = sql`
    select ${keyOf[0]} as k, ${r.sales} as sales, ${r.quantity} as quantity, ${r.amount} as amount from ${rollup}
    where ${inMonths(sql`${r.month}`, blocks)} and ${or0("ownerId" in rollup ? await ownedBy(db, caller, f, r.ownerId) : undefined)}
      and ${or0(attributes ? withAttributes(f, r) : undefined)}
    union all
    select ${keyOf[1]}, ${d.sales}, ${d.quantity}, ${d.amount} from ${d}
    where ${inMonths(sql`date_trunc('month', ${d.day})::date`, blocks)} and ${or0(await ownedBy(db, caller, f, d.ownerId))}
      and ${or0(withAttributes(f, d))}
    union all
    select ${keyOf[2]}, 1, ${t.quantity}, ${t.amount} from ${t}
    where ${t.deletedAt} is null and ${inDays(sql`${t.date}`, blocks)}
      and ${or0(await ownedBy(db, caller, f, t.ownerId, t.customerId))}`;
  const { rows } = await db.execute<{ k: string } & SalesSum>(sql`
    select k, sum(amount)::text as revenue, sum(quantity)::text as quantity, sum(sales)::int as sales
    from (${facts}) x group by k having sum(sales) <> 0
    order by ${dim === "month" ? sql`k` : sql`sum(amount) desc`}`);
  return rows;
}

/**
 * Month, salesperson and region under a province or class filter, from one read of the rollup by
 * owner, month, province and class (and its delta, and the records of the leftover days).
 */
async function salesByAttributes(db: DbOrTx, caller: Caller, f: ReportFilters, blocks: Blocks) {
  const r = reportSalesAttrOwner;
  const d = reportSalesDelta;
  const t = transactions;
  const facts = sql`
    select ${r.month} as month, ${r.ownerId} as owner_id, ${r.province} as province, ${r.sales} as sales,
      ${r.quantity} as quantity, ${r.amount} as amount from ${r}
    where ${inMonths(sql`${r.month}`, blocks)} and ${or0(await ownedBy(db, caller, f, r.ownerId))}
      and ${or0(withAttributes(f, r))}
    union all
    select date_trunc('month', ${d.day})::date, ${d.ownerId}, ${d.province}, ${d.sales}, ${d.quantity}, ${d.amount} from ${d}
    where ${inMonths(sql`date_trunc('month', ${d.day})::date`, blocks)} and ${or0(await ownedBy(db, caller, f, d.ownerId))}
      and ${or0(withAttributes(f, d))}
    union all
    select date_trunc('month', ${t.date})::date, ${t.ownerId},
      (select c.province from ${customers} c where c.id = ${t.customerId}), 1, ${t.quantity}, ${t.amount} from ${t}
    where ${t.deletedAt} is null and ${inDays(sql`${t.date}`, blocks)}
      and ${or0(await ownedBy(db, caller, f, t.ownerId, t.customerId))}`;
  const { rows } = await db.execute<{ dim: "month" | "owner" | "province"; k: string } & SalesSum>(sql`
    select case when grouping(month) = 0 then 'month' when grouping(owner_id) = 0 then 'owner' else 'province' end as dim,
      coalesce(to_char(month, 'YYYY-MM'), owner_id::text, province) as k,
      sum(amount)::text as revenue, sum(quantity)::text as quantity, sum(sales)::int as sales
    from (${facts}) x group by grouping sets ((month), (owner_id), (province)) having sum(sales) <> 0
    order by 1, case when grouping(month) = 0 then to_char(month, 'YYYY-MM') end, sum(amount) desc`);
  const of = (dim: string) => rows.filter((x) => x.dim === dim).map(({ dim: _, ...x }) => x);
  return { month: of("month"), owner: of("owner"), province: of("province") };
}

async function salespeople(
  db: DbOrTx,
  caller: Caller,
  f: ReportFilters,
  blocks: Blocks,
  grouped?: ({ k: string } & SalesSum)[],
) {
  const rows = grouped ?? (await salesGroups(db, caller, f, blocks, "owner"));
  const { rows: names } = await db.execute<{ id: string; name: string }>(
    sql`select ${users.id}::text as id, ${users.displayName} as name from ${users}
        where ${users.id} = any(${`{${rows.map((r) => r.k).join(",")}}`}::uuid[])`,
  );
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return rows.map(({ k, ...s }) => ({ key: nameOf.get(k) ?? null, ownerId: k, ...s }));
}

/**
 * Open receivables in the caller's scope by age as of `on` (a Shanghai day), summed over every
 * customer (the collection board lists the first 500).
 */
async function receivablesAging(db: DbOrTx, caller: Caller, on: string) {
  const balance = sql`(${receivables.amount} - ${receivables.paid})`;
  const age = sql`(${on}::date - ${receivables.dueDate})`;
  const bucket = (cond: SQL) => sql`round(coalesce(sum(${balance}) filter (where ${cond}), 0), 2)::text`;
  const [row] = (
    await db.execute<{
      open: string;
      overdue: string;
      notDue: string;
      d1to30: string;
      d31to60: string;
      d61to90: string;
      over90: string;
    }>(sql`
      select round(coalesce(sum(${balance}), 0), 2)::text as open, ${bucket(sql`${age} > 0`)} as overdue,
        ${bucket(sql`${age} <= 0`)} as "notDue", ${bucket(sql`${age} between 1 and 30`)} as "d1to30",
        ${bucket(sql`${age} between 31 and 60`)} as "d31to60", ${bucket(sql`${age} between 61 and 90`)} as "d61to90",
        ${bucket(sql`${age} > 90`)} as "over90"
      from ${receivables}
      where ${receivables.status} = 'open' and ${receivables.amount} > ${receivables.paid}
        and ${or0(scopeWhere(caller.scope, receivables.ownerId))}`)
  ).rows;
  const { open, overdue, ...aging } = row!;
  return { open, overdue, aging };
}

export async function salesReport(db: DbOrTx, caller: Caller, f: ReportFilters) {
  await compactAggregates(db);
  const blocks = await planBlocks(db, "transactions", f, false);
  const product = await salesGroups(db, caller, f, blocks, "product");
  const { rows: names } = await db.execute<{ id: string; name: string }>(
    sql`select ${products.id}::text as id, ${products.name} as name from ${products}`,
  );
  const productName = new Map(names.map((n) => [n.id, n.name]));
  const grouped = byCustomerAttributes(f) ? await salesByAttributes(db, caller, f, blocks) : null;
  const parts = {
    byMonth: (grouped?.month ?? (await salesGroups(db, caller, f, blocks, "month"))).map(({ k, ...s }) => ({
      key: k,
      ...s,
    })),
    bySalesperson: await salespeople(db, caller, f, blocks, grouped?.owner),
    byProduct: product.map(({ k, ...s }) => ({ key: productName.get(k) ?? "", productId: k, ...s })),
    byRegion: (grouped?.province ?? (await salesGroups(db, caller, f, blocks, "province"))).map(
      ({ k, ...s }) => ({
        key: k,
        ...s,
      }),
    ),
  };
  const ordersByStatus = await db
    .select({
      key: orders.status,
      orders: sql<number>`count(*)::int`,
      total: sql<string>`sum(${orders.total})::text`,
    })
    .from(orders)
    .where(
      and(
        isNull(orders.deletedAt),
        period(orders.signingDate, f),
        await ownedBy(db, caller, f, orders.ownerId, orders.customerId),
      ),
    )
    .groupBy(orders.status);
  const { aging } = await receivablesAging(db, caller, f.to ?? shanghaiDate());
  return {
    rows: parts.byMonth,
    bySalesperson: parts.bySalesperson,
    byProduct: parts.byProduct,
    byRegion: parts.byRegion,
    ordersByStatus,
    receivablesAging: aging,
  };
}

// 7. The manager's dashboard -----------------------------------------------------------------------

export async function dashboard(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const today = f.to ?? shanghaiDate();
  const month = today.slice(0, 7);
  const lastMonthStart = new Date(Date.parse(`${month}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
  const monthEnd = (m: string) =>
    addDays(new Date(Date.parse(`${m}-01T00:00:00Z`) + 32 * 86_400_000).toISOString().slice(0, 8) + "01", -1);
  await compactAggregates(db);
  // A whole month's revenue (the sales of every day of it).
  const revenue = async (m: string) => {
    const blocks: Blocks = { all: false, years: [], months: [`${m}-01`], days: [] };
    const rows = await salesGroups(db, caller, f, blocks, "month");
    return rows[0]?.revenue ?? "0";
  };
  const monthStart = new Date(`${month}-01T00:00:00+08:00`);
  const [newCustomers] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(
      and(
        isNull(customers.deletedAt),
        await ownedBy(db, caller, f, customers.ownerId),
        withAttributes(f, customers),
        sql`${customers.createdAt} >= ${monthStart}`,
        sql`${customers.createdAt} < ${new Date(`${addDays(monthEnd(month), 1)}T00:00:00+08:00`)}`,
      ),
    );
  const balances = await receivablesAging(db, caller, today);
  const t = reportFeedbackType;
  const d = reportFeedbackDelta;
  const [service] = (
    await db.execute<{ open: number; complaints: number }>(sql`
      select coalesce(sum(open), 0)::int as open,
        coalesce(sum(feedback) filter (where type = 'complaint' and month = ${`${month}-01`}::date), 0)::int as complaints
      from (
        select ${t.open} as open, ${t.feedback} as feedback, ${t.type} as type, ${t.month} as month from ${t}
        where ${or0(scopeWhere(caller.scope, t.ownerId))}
        union all
        select ${d.open}, ${d.feedback}, ${d.type}, date_trunc('month', ${d.day})::date from ${d}
        where ${or0(scopeWhere(caller.scope, d.ownerId))}) x`)
  ).rows;
  const thisMonth = { ...f, from: `${month}-01`, to: today };
  const topSalespeople = await salespeople(
    db,
    caller,
    thisMonth,
    await planBlocks(db, "transactions", thisMonth, false),
  );
  const rating = (await overallRating(db, caller, f, await planBlocks(db, "feedback", f, false))).overall
    .avgRating;
  return {
    month,
    revenueThisMonth: await revenue(month),
    revenueLastMonth: await revenue(lastMonthStart),
    newCustomersThisMonth: newCustomers?.n ?? 0,
    openReceivables: balances.open,
    overdueReceivables: balances.overdue,
    openFeedback: service?.open ?? 0,
    complaintsThisMonth: service?.complaints ?? 0,
    satisfaction: rating,
    topSalespeople: topSalespeople.slice(0, 5),
  };
}
