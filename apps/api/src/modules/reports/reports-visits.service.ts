// Report 3 of the output designs: visits (contact records) and service (feedback).
import { contactRecords, customers, type DbOrTx, feedback, reportCustomerVisits, users } from "@crm/db";
import { and, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { scopeWhere } from "../../shared/scope.js";
import {
  blockConditions,
  everyone,
  grainConditions,
  inDaysAt,
  inGrains,
  NONE,
  planBlocks,
  withAttributes,
  withMemory,
} from "./aggregates.js";
import { ownedBy, period, type ReportFilters } from "./reports-filters.js";

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
