import { contactRecords, customers, type DbOrTx, feedback, products, transactions, users } from "@crm/db";
import { and, eq, gte, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { shanghaiDate } from "../../shared/days.js";
import { scopeWhere, subtreeIds } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";

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

// 1. First transaction (output design 1) ---------------------------------------------------------

export async function firstTransactions(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const where = and(liveSales, await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId));
  const firsts = db.$with("firsts").as(
    db
      .selectDistinctOn([transactions.customerId], {
        customerId: transactions.customerId,
        date: transactions.date,
        productId: transactions.productId,
        amount: transactions.amount,
        ownerId: transactions.ownerId,
      })
      .from(transactions)
      .where(where)
      .orderBy(transactions.customerId, transactions.date, transactions.createdAt),
  );
  const rows = await db
    .with(firsts)
    .select({
      customerId: firsts.customerId,
      customerName: customers.name,
      customerCode: customers.code,
      date: firsts.date,
      productName: products.name,
      amount: firsts.amount,
      salesperson: displayNameOf(firsts.ownerId),
    })
    .from(firsts)
    .innerJoin(customers, eq(customers.id, firsts.customerId))
    .innerJoin(products, eq(products.id, firsts.productId))
    .where(and(f.from ? gte(firsts.date, f.from) : undefined, f.to ? lte(firsts.date, f.to) : undefined))
    .orderBy(firsts.date, customers.code)
    .limit(5000);
  const byMonth = new Map<string, number>();
  for (const r of rows) byMonth.set(r.date.slice(0, 7), (byMonth.get(r.date.slice(0, 7)) ?? 0) + 1);
  return {
    rows,
    newCustomersByMonth: [...byMonth.entries()].map(([month, count]) => ({ month, count })),
  };
}

// 2. Comprehensive customer evaluation (output design 2) -----------------------------------------

export const VALUE_SCORE_FORMULA =
  "价值分 = 年营业额档 × 40% + 信用等级分 × 30% + 近12个月成交额档 × 30%(各项 0–100 分)";

export const revenueBand = sql<string>`case
  when ${customers.annualRevenue} is null then 'unknown'
  when ${customers.annualRevenue} < 1000000 then 'under_1m'
  when ${customers.annualRevenue} < 10000000 then '1m_10m'
  when ${customers.annualRevenue} < 100000000 then '10m_100m'
  else 'over_100m' end`;

export async function customerEvaluation(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const where = and(
    isNull(customers.deletedAt),
    await ownedBy(db, caller, { ...f, province: undefined, class: undefined }, customers.ownerId),
    f.province ? eq(customers.province, f.province) : undefined,
    f.class ? eq(customers.class, f.class) : undefined,
  );
  const group = async (key: SQL<string>) =>
    (
      await db
        .select({ key, customers: sql<number>`count(*)::int` })
        .from(customers)
        .where(where)
        .groupBy(key)
        .orderBy(sql`count(*) desc`)
    ).map((r) => ({ key: r.key ?? "unknown", customers: r.customers }));
  const sales12 = sql`coalesce((select sum(t.amount) from ${transactions} t where t.customer_id = ${customers.id} and t.deleted_at is null and t.date >= (current_date - 365)), 0)`;
  const score = sql<number>`round(
    (case ${revenueBand} when 'over_100m' then 100 when '10m_100m' then 75 when '1m_10m' then 50 when 'under_1m' then 25 else 0 end) * 0.4
    + (case ${customers.creditRating} when 'AAA' then 100 when 'AA' then 80 when 'A' then 60 when 'B' then 40 when 'C' then 20 else 0 end) * 0.3
    + (case when ${sales12} >= 1000000 then 100 when ${sales12} >= 100000 then 75 when ${sales12} >= 10000 then 50 when ${sales12} > 0 then 25 else 0 end) * 0.3)::int`;
  const top = await db
    .select({
      customerId: customers.id,
      customerName: customers.name,
      customerCode: customers.code,
      province: customers.province,
      creditRating: customers.creditRating,
      revenueBand,
      score,
    })
    .from(customers)
    .where(where)
    .orderBy(sql`${score} desc`, customers.code)
    .limit(100);
  const potential = await db
    .select({
      customerId: customers.id,
      customerName: customers.name,
      customerCode: customers.code,
      lastContactAt: customers.lastContactAt,
      owner: displayNameOf(customers.ownerId),
    })
    .from(customers)
    .where(
      and(
        where,
        sql`${customers.lastContactAt} >= now() - interval '90 days'`,
        sql`not exists (select 1 from ${transactions} t where t.customer_id = ${customers.id} and t.deleted_at is null)`,
      ),
    )
    .orderBy(sql`${customers.lastContactAt} desc`)
    .limit(200);
  return {
    formula: VALUE_SCORE_FORMULA,
    byRegion: await group(sql<string>`${customers.province}`),
    byCreditRating: await group(sql<string>`${customers.creditRating}`),
    byRevenueBand: await group(revenueBand),
    rows: top,
    potential: potential.map((p) => ({ ...p, lastContactAt: p.lastContactAt?.toISOString() ?? null })),
  };
}

// 3. Visits and service (output design 3) --------------------------------------------------------

export async function visits(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const where = and(
    isNull(contactRecords.deletedAt),
    periodTs(contactRecords.occurredAt, f),
    await ownedBy(db, caller, f, contactRecords.ownerId, contactRecords.customerId),
  );
  const bySalesperson = await db
    .select({
      ownerId: contactRecords.ownerId,
      salesperson: displayNameOf(contactRecords.ownerId),
      visits: sql<number>`count(*)::int`,
      inPerson: sql<number>`count(*) filter (where ${contactRecords.channel} in ('visit', 'meeting'))::int`,
      customers: sql<number>`count(distinct ${contactRecords.customerId})::int`,
      lastAt: sql<Date>`max(${contactRecords.occurredAt})`,
    })
    .from(contactRecords)
    .where(where)
    .groupBy(contactRecords.ownerId)
    .orderBy(sql`count(*) desc`);
  const byCustomer = await db
    .select({
      customerId: contactRecords.customerId,
      customerName: customers.name,
      visits: sql<number>`count(*)::int`,
      lastAt: sql<Date>`max(${contactRecords.occurredAt})`,
      lastResult: sql<
        string | null
      >`(array_agg(${contactRecords.result} order by ${contactRecords.occurredAt} desc))[1]`,
    })
    .from(contactRecords)
    .innerJoin(customers, eq(customers.id, contactRecords.customerId))
    .where(where)
    .groupBy(contactRecords.customerId, customers.name)
    .orderBy(sql`count(*) desc`)
    .limit(500);
  const complaints = await db
    .select({
      id: feedback.id,
      number: feedback.number,
      subject: feedback.subject,
      customerName: customers.name,
      occurredOn: feedback.occurredOn,
      status: feedback.status,
      technicalNotes: feedback.technicalNotes,
      resolution: feedback.resolution,
    })
    .from(feedback)
    .innerJoin(customers, eq(customers.id, feedback.customerId))
    .where(
      and(
        isNull(feedback.deletedAt),
        sql`${feedback.type} in ('complaint', 'fault')`,
        period(feedback.occurredOn, f),
        scopeWhere(caller.scope, customers.ownerId),
      ),
    )
    .orderBy(sql`${feedback.occurredOn} desc`)
    .limit(500);
  const iso = (d: Date | string) => new Date(d).toISOString();
  return {
    rows: bySalesperson.map((r) => ({ ...r, lastAt: iso(r.lastAt) })),
    byCustomer: byCustomer.map((r) => ({ ...r, lastAt: iso(r.lastAt) })),
    complaints,
  };
}

// 4. Customer value: RFM and ABC -----------------------------------------------------------------

export async function customerValue(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const where = and(
    liveSales,
    period(transactions.date, f),
    await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId),
  );
  const on = f.to ?? shanghaiDate();
  const rows = await db.execute<{
    customer_id: string;
    customer_name: string;
    customer_code: string;
    class: string;
    recency_days: number;
    frequency: number;
    monetary: string;
    r: number;
    f: number;
    m: number;
    share: string;
    cumulative: string;
  }>(sql`
    with base as (
      select ${transactions.customerId} as customer_id, (${on}::date - max(${transactions.date}))::int as recency_days,
             count(*)::int as frequency, sum(${transactions.amount}) as monetary
      from ${transactions} where ${where ?? sql`true`} group by ${transactions.customerId}
    ), scored as (
      select b.*, 6 - ntile(5) over (order by recency_days) as r, ntile(5) over (order by frequency) as f,
             ntile(5) over (order by monetary) as m,
             monetary / nullif(sum(monetary) over (), 0) as share,
             sum(monetary) over (order by monetary desc, customer_id rows between unbounded preceding and current row)
               / nullif(sum(monetary) over (), 0) as cumulative
      from base b
    )
    select s.customer_id, c.name as customer_name, c.code as customer_code, c.class, s.recency_days, s.frequency,
           s.monetary::text as monetary, s.r, s.f, s.m, round(s.share * 100, 2)::text as share, round(s.cumulative * 100, 2)::text as cumulative
    from scored s join ${customers} c on c.id = s.customer_id
    order by s.monetary desc, s.customer_id limit 5000`);
  const segment = (r: number, fr: number, m: number) =>
    r >= 4 && fr >= 4 && m >= 4
      ? "champion"
      : r >= 4 && fr <= 2
        ? "new"
        : r <= 2 && m >= 4
          ? "at_risk_valuable"
          : r <= 2
            ? "dormant"
            : "regular";
  // ABC (Pareto): the customers making the first 70% of revenue are A, the next 20% B, the rest C.
  let previous = 0;
  const out = rows.rows.map((x) => {
    const cumulative = Number(x.cumulative);
    const abc = previous < 70 ? "A" : previous < 90 ? "B" : "C";
    previous = cumulative;
    return {
      customerId: x.customer_id,
      customerName: x.customer_name,
      customerCode: x.customer_code,
      currentClass: x.class,
      recencyDays: x.recency_days,
      frequency: x.frequency,
      monetary: x.monetary,
      rfm: `${x.r}${x.f}${x.m}`,
      segment: segment(x.r, x.f, x.m),
      revenueShare: x.share,
      abc,
      suggestedClass: abc === "A" ? "1" : abc === "B" ? "2" : "3",
    };
  });
  const count = (k: string) => out.filter((o) => o.abc === k).length;
  return { rows: out, abc: { A: count("A"), B: count("B"), C: count("C") } };
}
