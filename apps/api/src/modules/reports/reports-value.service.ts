// Report 4: customer value by RFM and ABC.
import { customers, type DbOrTx, reportCustomerSales, transactions } from "@crm/db";
import { and, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { shanghaiDate } from "../../shared/days.js";
import {
  blockConditions,
  everyone,
  grainConditions,
  inDays,
  NONE,
  planBlocks,
  withAttributes,
  withMemory,
} from "./aggregates.js";
import { ownedBy, type ReportFilters } from "./reports-filters.js";

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
