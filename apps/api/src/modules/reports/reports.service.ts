// Reports 1 and 2 of the output designs: first transactions and the comprehensive customer evaluation.
import {
  customers,
  type DbOrTx,
  products,
  reportCustomerCounts,
  reportCustomerDelta,
  reportCustomerSales,
  reportFirstSales,
  transactions,
  users,
} from "@crm/db";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { displayNameOf } from "../../shared/sql.js";
import { compactAggregates, withAttributes, withMemory } from "./aggregates.js";
import { ownedBy, type ReportFilters } from "./reports-filters.js";

// 1. First transaction (output design 1) ---------------------------------------------------------

/**
 * Each customer's first live sale within the caller's scope: the earliest of its first sales by
 * each owner in scope (report_first_sales keeps one per customer and owner), then the period.
 */
export async function firstTransactions(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const where = and(
    await ownedBy(db, caller, f, reportFirstSales.ownerId),
    withAttributes(f, reportFirstSales),
  );
  const result = await withMemory(db, (tx) =>
    tx.execute<{
      rows: FirstRow[] | null;
      by_month: { month: string; count: number }[] | null;
    }>(sql`
    with firsts as materialized (
      select distinct on (${reportFirstSales.customerId}) ${reportFirstSales.customerId} as customer_id,
        ${reportFirstSales.date} as date, ${reportFirstSales.productId} as product_id,
        ${reportFirstSales.amount} as amount, ${reportFirstSales.ownerId} as owner_id
      from ${reportFirstSales} where ${where ?? sql`true`}
      order by ${reportFirstSales.customerId}, ${reportFirstSales.date}, ${reportFirstSales.createdAt}
    ), picked as not materialized (
      select * from firsts where ${f.from ? sql`date >= ${f.from}::date` : sql`true`} and ${f.to ? sql`date <= ${f.to}::date` : sql`true`}
    ),
    -- The first 5,000 by date and code are among the first 5,000 by date and those tied with the last.
    earliest as (select * from picked order by date fetch first 5000 rows with ties),
    top as (
      select p.customer_id, c.name, c.code, p.date, pr.name as product_name, p.amount, p.owner_id
      from earliest p join ${customers} c on c.id = p.customer_id join ${products} pr on pr.id = p.product_id
      order by p.date, c.code limit 5000
    )
    select
      (select json_agg(json_build_object('customerId', t.customer_id, 'customerName', t.name, 'customerCode', t.code,
          'date', t.date::text, 'productName', t.product_name, 'amount', t.amount::text,
          'salesperson', (select display_name from ${users} u where u.id = t.owner_id)) order by t.date, t.code)
        from top t) as rows,
      (select json_agg(json_build_object('month', m.month, 'count', m.n) order by m.month)
        from (select to_char(date, 'YYYY-MM') as month, count(*)::int as n from picked group by 1) m) as by_month`),
  );
  const r = result.rows[0];
  return { rows: r?.rows ?? [], newCustomersByMonth: r?.by_month ?? [] };
}

interface FirstRow {
  customerId: string;
  customerName: string;
  customerCode: string;
  date: string;
  productName: string;
  amount: string;
  salesperson: string | null;
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

const BAND_SCORE: Record<string, number> = { over_100m: 100, "10m_100m": 75, "1m_10m": 50, under_1m: 25 };
const RATING_SCORE: Record<string, number> = { AAA: 100, AA: 80, A: 60, B: 40, C: 20 };
/** 近12个月成交额档 k (score 25k): the sales of the last 365 days that give it. */
const SALES_BAND: ((v: SQL) => SQL)[] = [
  (v) => sql`not (${v} > 0)`,
  (v) => sql`(${v} > 0 and ${v} < 10000)`,
  (v) => sql`(${v} >= 10000 and ${v} < 100000)`,
  (v) => sql`(${v} >= 100000 and ${v} < 1000000)`,
  (v) => sql`${v} >= 1000000`,
];

/**
 * 客户综合评价. The counts come from report_customer_counts (live customers by owner, province,
 * class, credit rating and revenue band). The value score has few possible values: 40% of the
 * band and 30% of the rating (known per customer) plus 30% of the sales band, so the best 100 are
 * found score by score from the top, each score's customers in code order, and the sales of the
 * last 365 days are added up only for customers whose band and rating could reach that score.
 */
export async function customerEvaluation(db: DbOrTx, caller: Caller, f: ReportFilters) {
  await compactAggregates(db);
  const noAttributes = { ...f, province: undefined, class: undefined };
  const counts = (t: typeof reportCustomerCounts | typeof reportCustomerDelta) =>
    ownedBy(db, caller, noAttributes, t.ownerId).then(
      (
        scope,
      ) => sql`select ${t.province} as province, ${t.class} as class, ${t.creditRating} as credit_rating,
        ${t.band} as band, ${t.customers} as customers from ${t}
        where ${and(scope, f.province ? eq(t.province, f.province) : undefined, f.class ? eq(t.class, f.class) : undefined) ?? sql`true`}`,
    );
  const { rows: groups } = await db.execute<{
    dim: "province" | "credit_rating" | "band" | "combo";
    key: string;
    rating: string;
    customers: number;
  }>(sql`
    select case when grouping(province) = 0 then 'province' when grouping(band) = 1 then 'credit_rating'
        when grouping(credit_rating) = 1 then 'band' else 'combo' end as dim,
      coalesce(province, band) as key, credit_rating as rating, sum(customers)::int as customers
    from (${await counts(reportCustomerCounts)} union all ${await counts(reportCustomerDelta)}) x
    group by grouping sets ((province), (credit_rating), (band), (band, credit_rating))
    having sum(customers) > 0
    order by sum(customers) desc`);
  const of = (dim: string, key: (g: (typeof groups)[number]) => string) =>
    groups.filter((g) => g.dim === dim).map((g) => ({ key: key(g), customers: g.customers }));

  // The possible scores, best first, with the band/rating/sales-band combinations that give each.
  const levels = new Map<number, { band: string; rating: string; k: number }[]>();
  for (const g of groups.filter((x) => x.dim === "combo")) {
    const p = 0.4 * (BAND_SCORE[g.key] ?? 0) + 0.3 * (RATING_SCORE[g.rating] ?? 0);
    for (let k = 0; k <= 4; k++) {
      const score = Math.floor((2 * p + 15 * k + 1) / 2);
      levels.set(score, [...(levels.get(score) ?? []), { band: g.key, rating: g.rating, k }]);
    }
  }
  const scope = await ownedBy(db, caller, noAttributes, customers.ownerId);
  const band = sql`report_revenue_band(${customers.annualRevenue})`;
  const rating = sql`coalesce(${customers.creditRating}, '')`;
  const sales12 = sql`(select coalesce(sum(t.amount), 0) from ${transactions} t
    where t.customer_id = ${customers.id} and t.deleted_at is null and t.date >= (current_date - 365))`;
  const top: {
    customerId: string;
    customerName: string;
    customerCode: string;
    province: string;
    creditRating: string | null;
    revenueBand: string;
    score: number;
  }[] = [];
  for (const score of [...levels.keys()].sort((a, b) => b - a)) {
    if (top.length >= 100) break;
    const combos = levels.get(score)!;
    const { rows } = await db.execute<Omit<(typeof top)[number], "score">>(sql`
      select id as "customerId", name as "customerName", code as "customerCode", province,
        credit_rating as "creditRating", band as "revenueBand"
      from (
        select ${customers.id}, ${customers.name}, ${customers.code}, ${customers.province}, ${customers.creditRating},
          ${band} as band, ${rating} as rating, ${sales12} as v
        from ${customers}
        where ${and(
          isNull(customers.deletedAt),
          scope,
          f.province ? eq(customers.province, f.province) : undefined,
          f.class ? eq(customers.class, f.class) : undefined,
          sql`(${band}, ${rating}) in (${sql.join(
            combos.map((c) => sql`(${c.band}, ${c.rating})`),
            sql`, `,
          )})`,
        )}
      ) x
      where ${sql.join(
        combos.map((c) => sql`(band = ${c.band} and rating = ${c.rating} and ${SALES_BAND[c.k]!(sql`v`)})`),
        sql` or `,
      )}
      order by code limit ${100 - top.length}`);
    for (const r of rows) top.push({ ...r, score });
  }

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
        isNull(customers.deletedAt),
        scope,
        f.province ? eq(customers.province, f.province) : undefined,
        f.class ? eq(customers.class, f.class) : undefined,
        sql`${customers.lastContactAt} >= now() - interval '90 days'`,
        sql`not exists (select 1 from ${reportCustomerSales} s where s.customer_id = ${customers.id} and s.grain = 'a')`,
      ),
    )
    .orderBy(sql`${customers.lastContactAt} desc`)
    .limit(200);
  return {
    formula: VALUE_SCORE_FORMULA,
    byRegion: of("province", (g) => g.key),
    byCreditRating: of("credit_rating", (g) => g.rating || "unknown"),
    byRevenueBand: of("band", (g) => g.key),
    rows: top,
    potential: potential.map((p) => ({ ...p, lastContactAt: p.lastContactAt?.toISOString() ?? null })),
  };
}
