import { sumAmounts } from "@crm/contracts";
import { customers, type DbOrTx, feedback, orders, products, returnVisits, transactions } from "@crm/db";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { shanghaiDate } from "../../shared/days.js";
import { scopeWhere } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";
import { collectionRows } from "../finance/collections.service.js";

import { liveSales, ownedBy, period, type ReportFilters } from "./reports.service.js";

// 5. Service satisfaction -------------------------------------------------------------------------

export async function satisfaction(db: DbOrTx, caller: Caller, f: ReportFilters) {
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
    >`(select round(avg(v.rating), 2)::text from ${returnVisits} v where v.feedback_id = any(array_agg(${feedback.id})) and v.rating is not null)`,
  };
  const by = (key: SQL<string | null>) =>
    db
      .select({ key, ...timing })
      .from(feedback)
      .innerJoin(customers, eq(customers.id, feedback.customerId))
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

export async function salesReport(db: DbOrTx, caller: Caller, f: ReportFilters) {
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
  const byMonth = await db
    .select({ key: sql<string>`to_char(${transactions.date}, 'YYYY-MM')`, ...sum })
    .from(transactions)
    .where(where)
    .groupBy(sql`1`)
    .orderBy(sql`1`);
  const bySalesperson = await db
    .select({ key: displayNameOf(transactions.ownerId), ownerId: transactions.ownerId, ...sum })
    .from(transactions)
    .where(where)
    .groupBy(transactions.ownerId)
    .orderBy(sql`sum(${transactions.amount}) desc`);
  const byProduct = await db
    .select({ key: products.name, productId: products.id, ...sum })
    .from(transactions)
    .innerJoin(products, eq(products.id, transactions.productId))
    .where(where)
    .groupBy(products.id, products.name)
    .orderBy(sql`sum(${transactions.amount}) desc`);
  const byRegion = await db
    .select({ key: customers.province, ...sum })
    .from(transactions)
    .innerJoin(customers, eq(customers.id, transactions.customerId))
    .where(where)
    .groupBy(customers.province)
    .orderBy(sql`sum(${transactions.amount}) desc`);
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
  const board = await collectionRows(db, caller, f.to ?? shanghaiDate());
  const aging = {
    notDue: [] as string[],
    d1to30: [] as string[],
    d31to60: [] as string[],
    d61to90: [] as string[],
    over90: [] as string[],
  };
  for (const c of board)
    for (const k of Object.keys(aging) as (keyof typeof aging)[]) aging[k].push(c.aging[k]);
  return {
    rows: byMonth,
    bySalesperson,
    byProduct,
    byRegion,
    ordersByStatus,
    receivablesAging: Object.fromEntries(Object.entries(aging).map(([k, v]) => [k, sumAmounts(v)])),
  };
}

// 7. The manager's dashboard -----------------------------------------------------------------------

export async function dashboard(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const today = f.to ?? shanghaiDate();
  const month = today.slice(0, 7);
  const lastMonthStart = new Date(Date.parse(`${month}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7);
  const scopeSales = await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId);
  const revenue = async (prefix: string) =>
    (
      await db
        .select({ v: sql<string>`coalesce(sum(${transactions.amount}), 0)::text` })
        .from(transactions)
        .where(and(liveSales, scopeSales, sql`to_char(${transactions.date}, 'YYYY-MM') = ${prefix}`))
    )[0]!.v;
  const [newCustomers] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(customers)
    .where(
      and(
        isNull(customers.deletedAt),
        await ownedBy(db, caller, f, customers.ownerId),
        sql`to_char(${customers.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM') = ${month}`,
      ),
    );
  const board = await collectionRows(db, caller, today);
  const [service] = await db
    .select({
      open: sql<number>`count(*) filter (where ${feedback.status} <> 'closed')::int`,
      complaints: sql<number>`count(*) filter (where ${feedback.type} = 'complaint' and to_char(${feedback.occurredOn}, 'YYYY-MM') = ${month})::int`,
    })
    .from(feedback)
    .innerJoin(customers, eq(customers.id, feedback.customerId))
    .where(and(isNull(feedback.deletedAt), scopeWhere(caller.scope, customers.ownerId)));
  const sales = await salesReport(db, caller, { ...f, from: `${month}-01`, to: today });
  const satisfactionNow = await satisfaction(db, caller, f);
  return {
    month,
    revenueThisMonth: await revenue(month),
    revenueLastMonth: await revenue(lastMonthStart),
    newCustomersThisMonth: newCustomers?.n ?? 0,
    openReceivables: sumAmounts(board.map((b) => b.open)),
    overdueReceivables: sumAmounts(board.map((b) => b.overdue)),
    openFeedback: service?.open ?? 0,
    complaintsThisMonth: service?.complaints ?? 0,
    satisfaction: satisfactionNow.overall.avgRating,
    topSalespeople: sales.bySalesperson.slice(0, 5),
  };
}
