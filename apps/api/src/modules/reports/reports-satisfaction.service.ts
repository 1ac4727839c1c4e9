// Report 5 of the output designs: service satisfaction (feedback and return visits).
import {
  customers,
  type DbOrTx,
  feedback,
  products,
  reportFeedbackAttr,
  reportFeedbackAttrTrend,
  reportFeedbackDelta,
  reportFeedbackHandler,
  reportFeedbackHandlerAll,
  reportFeedbackProduct,
  reportFeedbackProductAll,
  reportFeedbackTrend,
  reportFeedbackType,
  returnVisits,
  users,
} from "@crm/db";
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { scopeWhere } from "../../shared/scope.js";
import {
  type Blocks,
  byCustomerAttributes,
  compactAggregates,
  inDays,
  inMonths,
  NONE,
  planBlocks,
  withAttributes,
} from "./aggregates.js";
import { or0, type ReportFilters } from "./reports-filters.js";

/**
 * The business reports read the rollups by owner and month (and, for callers who see everyone's
 * data, the company-wide ones) with the days a period covers only partly read from the records.
 * A province or class filter reads the rollups by the customer's province and class instead
 * (migration 0028), and the records of the leftover days through their customers.
 */

const displayName = (id: SQL) => sql`(select ${users.displayName} from ${users} where ${users.id} = ${id})`;

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

/** Feedback in scope and period by type, product or handler, with timing and rating sums (no province or class filter). */
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

/**
 * Done return visits of the feedback in scope and period, by the month they were done in, and the
 * overall average rating of them all (the empty grouping set: exact, from the sums, in the same read).
 */
export async function overallRating(db: DbOrTx, caller: Caller, f: ReportFilters, blocks: Blocks) {
  const attributes = byCustomerAttributes(f);
  const t = (attributes ? reportFeedbackAttrTrend : reportFeedbackTrend) as typeof reportFeedbackAttrTrend;
  const d = reportFeedbackDelta;
  const { rows } = await db.execute<{
    month: string | null;
    visits: number;
    rated: number;
    avgRating: string | null;
    total: number;
  }>(sql`
    select grouping(m) as total,
      case when m = '1970-01-01' then null else to_char(m, 'YYYY-MM') end as month, sum(visits)::int as visits,
      sum(rated)::int as rated,
      case when sum(rated) > 0 then round(sum(rating_sum)::numeric / sum(rated), 2)::text end as "avgRating"
    from (
      select ${t.doneMonth} as m, ${t.visits} as visits, ${t.rated} as rated, ${t.ratingSum} as rating_sum from ${t}
      where ${inMonths(sql`${t.month}`, blocks)} and ${or0(scopeWhere(caller.scope, t.ownerId))}
        and ${or0(attributes ? withAttributes(f, t) : undefined)}
      union all
      select ${d.doneMonth}, ${d.doneVisits}, ${d.doneRated}, ${d.doneRatingSum} from ${d}
      where ${d.doneMonth} is not null and ${inMonths(sql`date_trunc('month', ${d.day})::date`, blocks)}
        and ${or0(scopeWhere(caller.scope, d.ownerId))} and ${or0(withAttributes(f, d))}
      union all
      select coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01'), 1, (v.rating is not null)::int,
        coalesce(v.rating, 0)
      from ${returnVisits} v join ${feedback} f on f.id = v.feedback_id join ${customers} on ${customers.id} = f.customer_id
      where v.status = 'done' and f.deleted_at is null and ${inDays(sql`f.occurred_on`, blocks)}
        and ${or0(scopeWhere(caller.scope, customers.ownerId))} and ${or0(withAttributes(f, customers))}
    ) x group by grouping sets ((m), ()) having sum(visits) <> 0 or grouping(m) = 1 order by m`);
  const trend = rows.filter((r) => r.total === 0).map(({ total: _, ...r }) => r);
  const all = rows.find((r) => r.total === 1);
  return { trend, overall: { avgRating: all?.avgRating ?? null, ratings: all?.rated ?? 0 } };
}

/**
 * Type, product and handler under a province or class filter, from one read of the rollup by the
 * customer's province and class (which holds all three), its delta and the leftover days' records.
 */
async function feedbackByAttributes(db: DbOrTx, caller: Caller, f: ReportFilters, blocks: Blocks) {
  const r = reportFeedbackAttr;
  const d = reportFeedbackDelta;
  const measures = (t: typeof reportFeedbackAttr | typeof reportFeedbackDelta) =>
    sql`${t.feedback}, ${t.responded}, ${t.responseSeconds}, ${t.closed}, ${t.resolutionSeconds}, ${t.rated}, ${t.ratingSum}`;
  const facts = sql`
    select ${r.type}, ${r.productId}, ${r.handlerId}, ${measures(r)} from ${r}
    where ${inMonths(sql`${r.month}`, blocks)} and ${or0(scopeWhere(caller.scope, r.ownerId))} and ${or0(withAttributes(f, r))}
    union all
    select ${d.type}, ${d.productId}, ${d.handlerId}, ${measures(d)} from ${d}
    where ${inMonths(sql`date_trunc('month', ${d.day})::date`, blocks)} and ${or0(scopeWhere(caller.scope, d.ownerId))}
      and ${or0(withAttributes(f, d))}
    union all
    select f.type, coalesce(f.product_id, ${NONE}::uuid), coalesce(f.handler_id, ${NONE}::uuid), count(*)::int,
      count(f.first_response_at)::int, coalesce(sum(extract(epoch from f.first_response_at - f.created_at)), 0),
      count(f.closed_at)::int, coalesce(sum(extract(epoch from f.closed_at - f.created_at)), 0),
      coalesce(sum((select count(v.rating) from ${returnVisits} v where v.feedback_id = f.id)), 0)::int,
      coalesce(sum((select sum(v.rating) from ${returnVisits} v where v.feedback_id = f.id)), 0)::int
    from ${feedback} f join ${customers} on ${customers.id} = f.customer_id
    where f.deleted_at is null and ${inDays(sql`f.occurred_on`, blocks)} and ${or0(scopeWhere(caller.scope, customers.ownerId))}
      and ${or0(withAttributes(f, customers))}
    group by 1, 2, 3`;
  const { rows } = await db.execute<FeedbackGroup & { dim: FeedbackDim }>(sql`
    with g as (
      select case when grouping(type) = 0 then 'type' when grouping(product_id) = 0 then 'product' else 'handler' end as dim,
        coalesce(type, product_id::text, handler_id::text) as k, sum(feedback) as feedback, sum(responded) as responded,
        sum(response_seconds) as response_seconds, sum(closed) as closed, sum(resolution_seconds) as resolution_seconds,
        sum(rated) as rated, sum(rating_sum) as rating_sum
      from (${facts}) as x(type, product_id, handler_id, feedback, responded, response_seconds, closed, resolution_seconds,
        rated, rating_sum)
      group by grouping sets ((type), (product_id), (handler_id))),
    named as (
      select case dim when 'type' then k
          when 'product' then (select p.name from ${products} p where p.id = k::uuid)
          else ${displayName(sql`k::uuid`)} end as key, g.*
      from g)
    select dim, key, sum(feedback)::int as feedback,
      round(sum(response_seconds) / nullif(sum(responded), 0) / 60)::int as "avgResponseMinutes",
      round(sum(resolution_seconds) / nullif(sum(closed), 0) / 60)::int as "avgResolutionMinutes",
      case when sum(rated) > 0 then round(sum(rating_sum)::numeric / sum(rated), 2)::text end as "avgRating"
    from named group by dim, key having sum(feedback) <> 0 order by dim, sum(feedback) desc`);
  const of = (dim: FeedbackDim) => rows.filter((x) => x.dim === dim).map(({ dim: _, ...x }) => x);
  return { type: of("type"), product: of("product"), handler: of("handler") };
}

export async function satisfaction(db: DbOrTx, caller: Caller, f: ReportFilters) {
  await compactAggregates(db);
  const blocks = await planBlocks(db, "feedback", f, false);
  const { trend, overall } = await overallRating(db, caller, f, blocks);
  const grouped = byCustomerAttributes(f) ? await feedbackByAttributes(db, caller, f, blocks) : null;
  return {
    overall,
    rows: grouped?.type ?? (await feedbackGroups(db, caller, blocks, "type")),
    byProduct: grouped?.product ?? (await feedbackGroups(db, caller, blocks, "product")),
    byHandler: grouped?.handler ?? (await feedbackGroups(db, caller, blocks, "handler")),
    trend: trend.map(({ rated: _, ...t }) => t),
  };
}
