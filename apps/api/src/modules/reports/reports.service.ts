import {
  contactRecords,
  customers,
  type DbOrTx,
  feedback,
  products,
  reportCustomerCounts,
  reportCustomerDelta,
  reportCustomerSales,
  reportCustomerVisits,
  reportFirstSales,
  transactions,
  users,
} from "@crm/db";
import { and, eq, gte, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { shanghaiDate } from "../../shared/days.js";
import { scopeWhere, subtreeIds } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";
import {
  blockConditions,
  compactAggregates,
  everyone,
  grainConditions,
  inDays,
  inDaysAt,
  inGrains,
  NONE,
  planBlocks,
  withAttributes,
  withMemory,
} from "./aggregates.js";

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

// 3. Visits and service (output design 3) --------------------------------------------------------

/**
 * 拜访与服务: contact records per salesperson and per customer, from report_customer_visits (per
 * customer and owner: whole months, years or all time) and the records of the leftover days.
 */
export async function visits(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const blocks = await planBlocks(db, "contact_records", f, true);
  const v = reportCustomerVisits;
  const r = contactRecords;
  // Everyone's data: each customer's rows over every owner, one per block (the zero owner, the
  // smallest uuid: "owner > zero" is a range of the index, the per-owner rows).
  const whole = everyone(caller, f);
  // Province and class: the rows' own (each customer's rows carry its current ones).
  const pairScope = and(
    await ownedBy(db, caller, f, v.ownerId),
    withAttributes(f, v),
    whole ? sql`${v.ownerId} > ${NONE}::uuid` : undefined,
  );
  const customerScope = whole
    ? and(sql`${v.ownerId} = ${NONE}::uuid`, await ownedBy(db, caller, f, v.ownerId), withAttributes(f, v))
    : pairScope;
  const rawScope = (await ownedBy(db, caller, f, r.ownerId, r.customerId)) ?? sql`true`;
  const rows = (scope: SQL | undefined) => sql`
    ${sql.join(
      grainConditions(blocks, "report_customer_visits").map(
        (grain) => sql`select ${v.customerId} as customer_id, ${v.ownerId} as owner_id, ${v.visits} as visits,
          ${v.inPerson} as in_person, ${v.lastAt} as last_at from ${v} where ${grain} and ${scope ?? sql`true`}`,
      ),
      sql` union all `,
    )}
    ${
      blocks.days.length
        ? sql`union all
    select ${r.customerId}, ${r.ownerId}, count(*)::int, (count(*) filter (where ${r.channel} in ('visit', 'meeting')))::int,
      max(${r.occurredAt})
    from ${r} where ${r.deletedAt} is null and ${inDaysAt(sql`${r.occurredAt}`, blocks)} and ${rawScope}
    group by 1, 2`
        : sql``
    }`;
  // The result of a listed customer's latest record in scope and period.
  const lastResult = sql`(select x.result from (
      select ${v.lastAt} as at, ${v.lastResult} as result from ${v}
      where ${v.customerId} = t.customer_id and ${inGrains(blocks, "report_customer_visits")} and ${customerScope ?? sql`true`}
      union all
      select ${r.occurredAt}, ${r.result} from ${r}
      where ${r.customerId} = t.customer_id and ${r.deletedAt} is null and ${inDaysAt(sql`${r.occurredAt}`, blocks)}
        and ${rawScope}
    ) x order by x.at desc limit 1)`;
  // One block (all time, one year or one month, nothing read from the records): a salesperson's
  // rows are their distinct customers, and the whole company's rows are one per customer.
  const single = blocks.all || (blocks.days.length === 0 && blocks.years.length + blocks.months.length === 1);
  // Two blocks, one row per customer in each (the whole company's rows): a full join adds them up.
  const perBlock = blockConditions(blocks, "report_customer_visits");
  const pair =
    !blocks.days.length && perBlock.length === 2
      ? perBlock.map(
          (block) => sql`select ${v.customerId} as customer_id, ${v.visits} as visits, ${v.lastAt} as last_at
            from ${v} where ${block} and ${customerScope ?? sql`true`}`,
        )
      : null;
  const [out] = (
    await withMemory(db, (tx) =>
      tx.execute<{
        by_owner: {
          ownerId: string;
          salesperson: string | null;
          visits: number;
          inPerson: number;
          customers: number;
          lastAt: string;
        }[];
        by_customer: {
          customerId: string;
          customerName: string;
          visits: number;
          lastAt: string;
          lastResult: string | null;
        }[];
      }>(sql`
        with owners as (
          select owner_id, sum(visits)::int as visits, sum(in_person)::int as in_person,
            ${single ? sql`count(*)` : sql`count(distinct customer_id)`}::int as customers, max(last_at) as last_at
          from (${rows(pairScope)}) x group by owner_id),
        top as (${
          whole && single
            ? sql`select customer_id, visits, last_at from (${rows(customerScope)}) x order by visits desc limit 500`
            : whole && pair
              ? sql`select coalesce(a.customer_id, b.customer_id) as customer_id,
              (coalesce(a.visits, 0) + coalesce(b.visits, 0))::int as visits, greatest(a.last_at, b.last_at) as last_at
            from (${pair[0]}) a full join (${pair[1]}) b on b.customer_id = a.customer_id
            order by 2 desc limit 500`
              : sql`select customer_id, sum(visits)::int as visits, max(last_at) as last_at
          from (${rows(customerScope)}) x group by customer_id order by sum(visits) desc limit 500`
        })
        select
          coalesce((select json_agg(json_build_object('ownerId', o.owner_id,
              'salesperson', (select ${users.displayName} from ${users} where ${users.id} = o.owner_id),
              'visits', o.visits, 'inPerson', o.in_person, 'customers', o.customers, 'lastAt', o.last_at)
            order by o.visits desc) from owners o), '[]') as by_owner,
          coalesce((select json_agg(json_build_object('customerId', t.customer_id, 'customerName', c.name,
              'visits', t.visits, 'lastAt', t.last_at, 'lastResult', ${lastResult}) order by t.visits desc)
            from top t join ${customers} c on c.id = t.customer_id), '[]') as by_customer`),
    )
  ).rows;
  const bySalesperson = out?.by_owner ?? [];
  const byCustomer = out?.by_customer ?? [];
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
    rows: bySalesperson.map((x) => ({ ...x, lastAt: iso(x.lastAt) })),
    byCustomer: byCustomer.map((x) => ({ ...x, lastAt: iso(x.lastAt) })),
    complaints,
  };
}

// 4. Customer value: RFM and ABC -----------------------------------------------------------------

/**
 * 客户价值 (RFM, ABC) over the customers' sales in scope and period: per customer from
 * report_customer_sales (per customer and owner: whole months, years or all time) and the sales of
 * the leftover days.
 */
export async function customerValue(db: DbOrTx, caller: Caller, f: ReportFilters) {
  const blocks = await planBlocks(db, "transactions", f, true);
  const cs = reportCustomerSales;
  const t = transactions;
  // Everyone's data: each customer's rows over every owner (the zero owner), one per block.
  const whole = everyone(caller, f);
  const salesScope =
    and(
      whole ? sql`${cs.ownerId} = ${NONE}::uuid` : undefined,
      await ownedBy(db, caller, f, cs.ownerId),
      withAttributes(f, cs),
    ) ?? sql`true`;
  const single = blocks.all || (blocks.days.length === 0 && blocks.years.length + blocks.months.length === 1);
  // Two blocks (the last 12 months: last December and this year) and one row per customer in each:
  // a full join adds them up at half the cost of grouping.
  const perBlock = blockConditions(blocks, "report_customer_sales");
  const pair =
    !blocks.days.length && perBlock.length === 2
      ? perBlock.map(
          (block) => sql`select ${cs.customerId} as customer_id, ${cs.sales} as sales, ${cs.amount} as amount,
            ${cs.lastDate} as last_date from ${cs} where ${block} and ${salesScope}`,
        )
      : null;
  const facts = sql`
    ${sql.join(
      grainConditions(blocks, "report_customer_sales").map(
        (grain) => sql`select ${cs.customerId} as customer_id, ${cs.sales} as sales, ${cs.amount} as amount,
          ${cs.lastDate} as last_date from ${cs} where ${grain} and ${salesScope}`,
      ),
      sql` union all `,
    )}
    ${
      blocks.days.length
        ? sql`union all
    select ${t.customerId}, 1, ${t.amount}, ${t.date} from ${t}
    where ${t.deletedAt} is null and ${inDays(sql`${t.date}`, blocks)}
      and ${(await ownedBy(db, caller, f, t.ownerId, t.customerId)) ?? sql`true`}`
        : sql``
    }`;
  const on = f.to ?? shanghaiDate();
  // Quintile scores from each value's place among every customer's: recency and frequency by the
  // first place of their value (equal values, equal score), money by the customer's own place.
  const quintile = (pos: SQL) =>
    sql`(case when ${pos} <= (n.n % 5) * (n.n / 5 + 1) then (${pos} - 1) / (n.n / 5 + 1) + 1
      else n.n % 5 + (${pos} - (n.n % 5) * (n.n / 5 + 1) - 1) / greatest(n.n / 5, 1) + 1 end)::int`;
  const rows = await withMemory(db, (tx) =>
    tx.execute<{
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
    with base as materialized (${
      whole && single
        ? sql`select customer_id, (${on}::date - last_date)::int as recency_days, sales as frequency, amount as monetary
      from (${facts}) x`
        : whole && pair
          ? sql`select coalesce(a.customer_id, b.customer_id) as customer_id,
        (${on}::date - greatest(a.last_date, b.last_date))::int as recency_days,
        (coalesce(a.sales, 0) + coalesce(b.sales, 0))::int as frequency, coalesce(a.amount, 0) + coalesce(b.amount, 0) as monetary
      from (${pair[0]}) a full join (${pair[1]}) b on b.customer_id = a.customer_id`
          : sql`select customer_id, (${on}::date - max(last_date))::int as recency_days,
             sum(sales)::int as frequency, sum(amount) as monetary
      from (${facts}) x group by customer_id`
    }), n as (select count(*)::bigint as n, sum(monetary) as total from base),
    recency as (select v, (sum(c) over (order by v) - c + 1)::bigint as pos
      from (select recency_days as v, count(*) as c from base group by 1) h),
    frequency as (select v, (sum(c) over (order by v) - c + 1)::bigint as pos
      from (select frequency as v, count(*) as c from base group by 1) h),
    top as (
      select b.*, row_number() over (order by monetary desc, customer_id) as k,
        sum(monetary) over (order by monetary desc, customer_id rows between unbounded preceding and current row) as run
      from (select * from base order by monetary desc, customer_id limit 5000) b
    )
    select s.customer_id, c.name as customer_name, c.code as customer_code, c.class, s.recency_days, s.frequency,
      s.monetary::text as monetary, 6 - ${quintile(sql`r.pos`)} as r, ${quintile(sql`fr.pos`)} as f,
      ${quintile(sql`n.n - s.k + 1`)} as m,
      round(s.monetary / nullif(n.total, 0) * 100, 2)::text as share, round(s.run / nullif(n.total, 0) * 100, 2)::text as cumulative
    from top s cross join n join recency r on r.v = s.recency_days join frequency fr on fr.v = s.frequency
    join ${customers} c on c.id = s.customer_id
    order by s.monetary desc, s.customer_id`),
  );
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
