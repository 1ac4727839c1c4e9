import {
  customers,
  type DbOrTx,
  feedback,
  orders,
  products,
  receivables,
  reportFeedbackDelta,
  reportFeedbackHandler,
  reportFeedbackHandlerAll,
  reportFeedbackProduct,
  reportFeedbackProductAll,
  reportFeedbackTrend,
  reportFeedbackType,
  reportSalesDelta,
  reportSalesOwner,
  reportSalesProduct,
  reportSalesProductAll,
  reportSalesRegion,
  reportSalesRegionAll,
  returnVisits,
  transactions,
  users,
} from "@crm/db";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { addDays, shanghaiDate } from "../../shared/days.js";
import { scopeWhere } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";
import {
  type Blocks,
  byCustomerAttributes,
  compactAggregates,
  everyone,
  inDays,
  inMonths,
  NONE,
  planBlocks,
} from "./aggregates.js";
import { liveSales, ownedBy, period, type ReportFilters } from "./reports.service.js";

/**
 * The business reports read the rollups by owner and month (and, for callers who see everyone's
 * data, the company-wide ones) with the days a period covers only partly read from the records.
 * A province or class filter needs the customers of each record: those reports are computed from
 * the records as before (exact, not as fast).
 */

const displayName = (id: SQL) => sql`(select ${users.displayName} from ${users} where ${users.id} = ${id})`;
const or0 = (s: SQL | undefined) => s ?? sql`true`;

// 5. Service satisfaction -------------------------------------------------------------------------

type FeedbackDim = "type" | "product" | "handler";

type FeedbackGroup = {
  key: string | null;
  feedback: number;
  avgResponseMinutes: number | null;
  avgResolutionMinutes: number | null;
  avgRating: string | null;
};

/** The measures of feedback rows read from the records (the leftover days). */
const rawFeedbackMeasures = sql`count(*)::int, (count(*) filter (where f.status <> 'closed'))::int, count(f.first_response_at)::int,
  coalesce(sum(extract(epoch from f.first_response_at - f.created_at)), 0), count(f.closed_at)::int,
  coalesce(sum(extract(epoch from f.closed_at - f.created_at)), 0),
  coalesce(sum((select count(v.rating) from ${returnVisits} v where v.feedback_id = f.id)), 0)::int,
  coalesce(sum((select sum(v.rating) from ${returnVisits} v where v.feedback_id = f.id)), 0)::int`;

/** Feedback in scope and period by type, product or handler, with timing and rating sums. */
async function feedbackGroups(db: DbOrTx, caller: Caller, blocks: Blocks, dim: FeedbackDim) {
  const all = caller.scope.all;
  const rollup =
    dim === "type"
      ? reportFeedbackType
      : dim === "product"
        ? all
          ? reportFeedbackProductAll
          : reportFeedbackProduct
        : all
          ? reportFeedbackHandlerAll
          : reportFeedbackHandler;
  const key = (t: { type: AnyPgColumn; productId: AnyPgColumn; handlerId: AnyPgColumn }) =>
    dim === "type" ? sql`${t.type}` : dim === "product" ? sql`${t.productId}` : sql`${t.handlerId}`;
  const r = rollup as typeof reportFeedbackType & typeof reportFeedbackProduct & typeof reportFeedbackHandler;
  const d = reportFeedbackDelta;
  const measures = (t: typeof reportFeedbackType | typeof reportFeedbackDelta) =>
    sql`${t.feedback}, ${t.open}, ${t.responded}, ${t.responseSeconds}, ${t.closed}, ${t.resolutionSeconds}, ${t.rated}, ${t.ratingSum}`;
  const rawKey =
    dim === "type"
      ? sql`f.type`
      : dim === "product"
        ? sql`coalesce(f.product_id, ${NONE}::uuid)`
        : sql`coalesce(f.handler_id, ${NONE}::uuid)`;
  const facts = sql`
    select ${key(r)} as k, ${measures(r)} from ${rollup}
    where ${inMonths(sql`${r.month}`, blocks)} and ${or0("ownerId" in rollup ? scopeWhere(caller.scope, r.ownerId) : undefined)}
    union all
    select ${key(d)}, ${measures(d)} from ${d}
    where ${inMonths(sql`date_trunc('month', ${d.day})::date`, blocks)} and ${or0(scopeWhere(caller.scope, d.ownerId))}
    union all
    select ${rawKey}, ${rawFeedbackMeasures}
    from ${feedback} f join ${customers} on ${customers.id} = f.customer_id
    where f.deleted_at is null and ${inDays(sql`f.occurred_on`, blocks)} and ${or0(scopeWhere(caller.scope, customers.ownerId))}
    group by 1`;
  const name =
    dim === "type"
      ? sql`k`
      : dim === "product"
        ? sql`(select p.name from ${products} p where p.id = k)`
        : displayName(sql`k`);
  const { rows } = await db.execute<FeedbackGroup>(sql`
    select key, sum(feedback)::int as feedback,
      round(sum(response_seconds) / nullif(sum(responded), 0) / 60)::int as "avgResponseMinutes",
      round(sum(resolution_seconds) / nullif(sum(closed), 0) / 60)::int as "avgResolutionMinutes",
      case when sum(rated) > 0 then round(sum(rating_sum)::numeric / sum(rated), 2)::text end as "avgRating"
    from (
      select ${name} as key, g.* from (
        select k, sum(feedback) as feedback, sum(responded) as responded, sum(response_seconds) as response_seconds,
          sum(closed) as closed, sum(resolution_seconds) as resolution_seconds, sum(rated) as rated,
          sum(rating_sum) as rating_sum
        from (${facts}) as x(k, feedback, open, responded, response_seconds, closed, resolution_seconds, rated, rating_sum)
        group by k) g) y
    group by key having sum(feedback) <> 0 order by sum(feedback) desc`);
  return rows;
}

/** Done return visits of the feedback in scope and period, by the month they were done in. */
async function ratingTrend(db: DbOrTx, caller: Caller, blocks: Blocks) {
  const t = reportFeedbackTrend;
  const d = reportFeedbackDelta;
  const { rows } = await db.execute<{
    month: string | null;
    visits: number;
    rated: number;
    avgRating: string | null;
  }>(sql`
    select case when m = '1970-01-01' then null else to_char(m, 'YYYY-MM') end as month, sum(visits)::int as visits,
      sum(rated)::int as rated,
      case when sum(rated) > 0 then round(sum(rating_sum)::numeric / sum(rated), 2)::text end as "avgRating"
    from (
      select ${t.doneMonth} as m, ${t.visits} as visits, ${t.rated} as rated, ${t.ratingSum} as rating_sum from ${t}
      where ${inMonths(sql`${t.month}`, blocks)} and ${or0(scopeWhere(caller.scope, t.ownerId))}
      union all
      select ${d.doneMonth}, ${d.doneVisits}, ${d.doneRated}, ${d.doneRatingSum} from ${d}
      where ${d.doneMonth} is not null and ${inMonths(sql`date_trunc('month', ${d.day})::date`, blocks)}
        and ${or0(scopeWhere(caller.scope, d.ownerId))}
      union all
      select coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01'), 1, (v.rating is not null)::int,
        coalesce(v.rating, 0)
      from ${returnVisits} v join ${feedback} f on f.id = v.feedback_id join ${customers} on ${customers.id} = f.customer_id
      where v.status = 'done' and f.deleted_at is null and ${inDays(sql`f.occurred_on`, blocks)}
        and ${or0(scopeWhere(caller.scope, customers.ownerId))}
    ) x group by m having sum(visits) <> 0 order by m`);
  return rows;
}

const overallOf = (
  trend: { rated: number; avgRating: string | null; visits: number }[],
  sums: string | null,
) => ({
  avgRating: sums,
  ratings: trend.reduce((a, r) => a + r.rated, 0),
});

/** The overall average rating of the trend's months (exact: from the sums, not the averages). */
async function overallRating(db: DbOrTx, caller: Caller, blocks: Blocks) {
  const trend = await ratingTrend(db, caller, blocks);
  const t = reportFeedbackTrend;
  const d = reportFeedbackDelta;
  const { rows } = await db.execute<{ avg: string | null }>(sql`
    select case when sum(rated) > 0 then round(sum(rating_sum)::numeric / sum(rated), 2)::text end as avg from (
      select ${t.rated} as rated, ${t.ratingSum} as rating_sum from ${t}
      where ${inMonths(sql`${t.month}`, blocks)} and ${or0(scopeWhere(caller.scope, t.ownerId))}
      union all
      select ${d.doneRated}, ${d.doneRatingSum} from ${d}
      where ${d.doneMonth} is not null and ${inMonths(sql`date_trunc('month', ${d.day})::date`, blocks)}
        and ${or0(scopeWhere(caller.scope, d.ownerId))}
      union all
      select (v.rating is not null)::int, coalesce(v.rating, 0)
      from ${returnVisits} v join ${feedback} f on f.id = v.feedback_id join ${customers} on ${customers.id} = f.customer_id
      where v.status = 'done' and f.deleted_at is null and ${inDays(sql`f.occurred_on`, blocks)}
        and ${or0(scopeWhere(caller.scope, customers.ownerId))}) x`);
  return { trend, overall: overallOf(trend, rows[0]?.avg ?? null) };
}

export async function satisfaction(db: DbOrTx, caller: Caller, f: ReportFilters) {
  if (byCustomerAttributes(f)) return satisfactionFromRecords(db, caller, f);
  await compactAggregates(db);
  const blocks = await planBlocks(db, "feedback", f, false);
  const { trend, overall } = await overallRating(db, caller, blocks);
  return {
    overall,
    rows: await feedbackGroups(db, caller, blocks, "type"),
    byProduct: await feedbackGroups(db, caller, blocks, "product"),
    byHandler: await feedbackGroups(db, caller, blocks, "handler"),
    trend: trend.map(({ rated: _, ...t }) => t),
  };
}

/** Satisfaction from the records (a province or class filter). */
async function satisfactionFromRecords(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const where = and(
    isNull(feedback.deletedAt),
    period(feedback.occurredOn, f),
    scopeWhere(caller.scope, customers.ownerId),
    f.province ? eq(customers.province, f.province) : undefined,
    f.class ? eq(customers.class, f.class) : undefined,
  );
  const timing = {
    feedback: sql<number>`count(*)::int`,
    avgResponseMinutes: sql<
      number | null
    >`round(avg(extract(epoch from (${feedback.firstResponseAt} - ${feedback.createdAt})) / 60))::int`,
    avgResolutionMinutes: sql<
      number | null
    >`round(avg(extract(epoch from (${feedback.closedAt} - ${feedback.createdAt})) / 60))::int`,
    avgRating: sql<
      string | null
    >`case when sum(v.rated) > 0 then round(sum(v.rating_sum)::numeric / sum(v.rated), 2)::text end`,
  };
  const visits = sql`(select feedback_id, count(rating) as rated, sum(rating) as rating_sum from ${returnVisits} group by 1) v`;
  const by = (key: SQL<string | null>) =>
    db
      .select({ key, ...timing })
      .from(feedback)
      .innerJoin(customers, eq(customers.id, feedback.customerId))
      .leftJoin(visits, sql`v.feedback_id = ${feedback.id}`)
      .where(where)
      .groupBy(key)
      .orderBy(sql`count(*) desc`);
  const trend = await db
    .select({
      month: sql<string>`to_char(${returnVisits.doneAt} at time zone 'Asia/Shanghai', 'YYYY-MM')`,
      visits: sql<number>`count(*)::int`,
      avgRating: sql<string>`round(avg(${returnVisits.rating}), 2)::text`,
    })
    .from(returnVisits)
    .innerJoin(feedback, eq(feedback.id, returnVisits.feedbackId))
    .innerJoin(customers, eq(customers.id, feedback.customerId))
    .where(and(where, eq(returnVisits.status, "done")))
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const [overall] = await db
    .select({
      avgRating: sql<string | null>`round(avg(${returnVisits.rating}), 2)::text`,
      ratings: sql<number>`count(${returnVisits.rating})::int`,
    })
    .from(returnVisits)
    .innerJoin(feedback, eq(feedback.id, returnVisits.feedbackId))
    .innerJoin(customers, eq(customers.id, feedback.customerId))
    .where(and(where, eq(returnVisits.status, "done")));
  return {
    overall: overall ?? { avgRating: null, ratings: 0 },
    rows: await by(sql<string>`${feedback.type}`),
    byProduct: await by(
      sql<
        string | null
      >`(select ${products.name} from ${products} where ${products.id} = ${feedback.productId})`,
    ),
    byHandler: await by(displayNameOf(feedback.handlerId)),
    trend,
  };
}

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
  const rollup =
    dim === "month" || dim === "owner"
      ? reportSalesOwner
      : dim === "product"
        ? whole
          ? reportSalesProductAll
          : reportSalesProduct
        : whole
          ? reportSalesRegionAll
          : reportSalesRegion;
  const r = rollup as typeof reportSalesOwner & typeof reportSalesProduct & typeof reportSalesRegion;
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
    union all
    select ${keyOf[1]}, ${d.sales}, ${d.quantity}, ${d.amount} from ${d}
    where ${inMonths(sql`date_trunc('month', ${d.day})::date`, blocks)} and ${or0(await ownedBy(db, caller, f, d.ownerId))}
    union all
    select ${keyOf[2]}, 1, ${t.quantity}, ${t.amount} from ${t}
    where ${t.deletedAt} is null and ${inDays(sql`${t.date}`, blocks)} and ${or0(await ownedBy(db, caller, f, t.ownerId))}`;
  const { rows } = await db.execute<{ k: string } & SalesSum>(sql`
    select k, sum(amount)::text as revenue, sum(quantity)::text as quantity, sum(sales)::int as sales
    from (${facts}) x group by k having sum(sales) <> 0
    order by ${dim === "month" ? sql`k` : sql`sum(amount) desc`}`);
  return rows;
}

/** Sales from the records (a province or class filter), as the report always did. */
async function salesFromRecords(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const where = and(
    liveSales,
    period(transactions.date, f),
    await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId),
  );
  const sum = {
    revenue: sql<string>`sum(${transactions.amount})::text`,
    quantity: sql<string>`sum(${transactions.quantity})::text`,
    sales: sql<number>`count(*)::int`,
  };
  return {
    byMonth: await db
      .select({ key: sql<string>`to_char(${transactions.date}, 'YYYY-MM')`, ...sum })
      .from(transactions)
      .where(where)
      .groupBy(sql`1`)
      .orderBy(sql`1`),
    bySalesperson: await db
      .select({ key: displayNameOf(transactions.ownerId), ownerId: transactions.ownerId, ...sum })
      .from(transactions)
      .where(where)
      .groupBy(transactions.ownerId)
      .orderBy(sql`sum(${transactions.amount}) desc`),
    byProduct: await db
      .select({ key: products.name, productId: products.id, ...sum })
      .from(transactions)
      .innerJoin(products, eq(products.id, transactions.productId))
      .where(where)
      .groupBy(products.id, products.name)
      .orderBy(sql`sum(${transactions.amount}) desc`),
    byRegion: await db
      .select({ key: customers.province, ...sum })
      .from(transactions)
      .innerJoin(customers, eq(customers.id, transactions.customerId))
      .where(where)
      .groupBy(customers.province)
      .orderBy(sql`sum(${transactions.amount}) desc`),
  };
}

async function salespeople(db: DbOrTx, caller: Caller, f: ReportFilters, blocks: Blocks) {
  const rows = await salesGroups(db, caller, f, blocks, "owner");
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
  let parts: Awaited<ReturnType<typeof salesFromRecords>>;
  if (byCustomerAttributes(f)) parts = await salesFromRecords(db, caller, f);
  else {
    await compactAggregates(db);
    const blocks = await planBlocks(db, "transactions", f, false);
    const product = await salesGroups(db, caller, f, blocks, "product");
    const { rows: names } = await db.execute<{ id: string; name: string }>(
      sql`select ${products.id}::text as id, ${products.name} as name from ${products}`,
    );
    const productName = new Map(names.map((n) => [n.id, n.name]));
    parts = {
      byMonth: (await salesGroups(db, caller, f, blocks, "month")).map(({ k, ...s }) => ({ key: k, ...s })),
      bySalesperson: await salespeople(db, caller, f, blocks),
      byProduct: product.map(({ k, ...s }) => ({ key: productName.get(k) ?? "", productId: k, ...s })),
      byRegion: (await salesGroups(db, caller, f, blocks, "province")).map(({ k, ...s }) => ({
        key: k,
        ...s,
      })),
    };
  }
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
  const attributes = byCustomerAttributes(f);
  if (!attributes) await compactAggregates(db);
  // A whole month's revenue (the sales of every day of it).
  const revenue = async (m: string) => {
    if (attributes) {
      const [row] = await db
        .select({ v: sql<string>`coalesce(sum(${transactions.amount}), 0)::text` })
        .from(transactions)
        .where(
          and(
            liveSales,
            await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId),
            sql`${transactions.date} between ${`${m}-01`}::date and ${monthEnd(m)}::date`,
          ),
        );
      return row!.v;
    }
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
  const topSalespeople = attributes
    ? (await salesFromRecords(db, caller, thisMonth)).bySalesperson
    : await salespeople(db, caller, thisMonth, await planBlocks(db, "transactions", thisMonth, false));
  const rating = attributes
    ? (await satisfactionFromRecords(db, caller, f)).overall.avgRating
    : (await overallRating(db, caller, await planBlocks(db, "feedback", f, false))).overall.avgRating;
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
