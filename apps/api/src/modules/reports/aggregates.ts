import type { DbOrTx } from "@crm/db";
import { and, eq, or, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { addDays } from "../../shared/days.js";
import type { ReportFilters } from "./reports-filters.js";

/**
 * How the reports read the aggregates of migration 0021 (packages/db/src/schema/reports.ts).
 *
 * A period is cut into blocks the aggregates hold whole: years (per-customer tables only),
 * months, and the days left over at either end, which are read from the records themselves.
 * A month (or year) that the period covers only partly is still taken whole when its part
 * outside the period holds no live record (checked on the records: "this month" up to today,
 * "the last 12 months" and "this year" are whole blocks), so the answer is exact either way.
 *
 * Additive rollups are read together with their still-uncompacted deltas (`rollup ∪ delta`), so
 * a report is exact at its snapshot whether or not reports_compact() has run; it is run first
 * anyway, to keep the deltas few.
 */

export interface Blocks {
  /** No period at all: the all-time rows. */
  all: boolean;
  /** First days of whole years (per-customer tables) and of whole months. */
  years: string[];
  months: string[];
  /** Inclusive day ranges read from the records. */
  days: [string, string][];
}

export type Source = "transactions" | "contact_records" | "feedback";

const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`);

/** Whether live records of `source` fall on the days a..b (Shanghai days). */
function liveOn(source: Source, a: string, b: string): SQL {
  switch (source) {
    case "transactions":
      return sql`select 1 from transactions where deleted_at is null and date between ${a}::date and ${b}::date`;
    case "contact_records":
      return sql`select 1 from contact_records where deleted_at is null
        and occurred_at >= ${startOf(a)} and occurred_at < ${startOf(addDays(b, 1))}`;
    case "feedback":
      return sql`select 1 from feedback where deleted_at is null and occurred_on between ${a}::date and ${b}::date`;
  }
}

const BOUNDS: Record<Source, SQL> = {
  transactions: sql`select min(date)::text as lo, max(date)::text as hi from transactions where deleted_at is null`,
  contact_records: sql`select report_shanghai_day(min(occurred_at))::text as lo, report_shanghai_day(max(occurred_at))::text as hi
    from contact_records where deleted_at is null`,
  feedback: sql`select min(occurred_on)::text as lo, max(occurred_on)::text as hi from feedback where deleted_at is null`,
};

const monthStart = (day: string) => `${day.slice(0, 7)}-01`;
const monthEnd = (day: string) => {
  const [y, m] = day.split("-").map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};
const yearStart = (day: string) => `${day.slice(0, 4)}-01-01`;
const yearEnd = (day: string) => `${day.slice(0, 4)}-12-31`;

/** The blocks of the period [f.from, f.to] of `source`; `years`: whether year blocks may be used. */
export async function planBlocks(
  db: DbOrTx,
  source: Source,
  f: ReportFilters,
  years: boolean,
): Promise<Blocks> {
  const blocks: Blocks = { all: false, years: [], months: [], days: [] };
  if (!f.from && !f.to) return { ...blocks, all: true };
  let lo = f.from;
  let hi = f.to;
  if (!lo || !hi) {
    // An open end stops at the first or last record (nothing lies beyond it).
    const [b] = (await db.execute<{ lo: string | null; hi: string | null }>(BOUNDS[source])).rows;
    lo ??= b?.lo ?? undefined;
    hi ??= b?.hi ?? undefined;
  }
  if (!lo || !hi || lo > hi) return blocks;
  const checked = new Map<string, boolean>();
  const empty = async (a: string, b: string) => {
    if (a > b) return true;
    const key = `${a}/${b}`;
    let v = checked.get(key);
    if (v === undefined) {
      v = !(await db.execute(sql`select exists (${liveOn(source, a, b)}) as x`)).rows[0]?.x;
      checked.set(key, v);
    }
    return v;
  };
  // Whether the block [start, end] may stand for its part of [lo, hi].
  const whole = async (start: string, end: string, cur: string) =>
    (cur === start || (cur === lo && (await empty(start, addDays(cur, -1))))) &&
    (end <= hi! || (await empty(addDays(hi!, 1), end)));
  let cur = lo;
  while (cur <= hi) {
    if (years && (await whole(yearStart(cur), yearEnd(cur), cur))) {
      blocks.years.push(yearStart(cur));
      cur = addDays(yearEnd(cur), 1);
    } else if (await whole(monthStart(cur), monthEnd(cur), cur)) {
      blocks.months.push(monthStart(cur));
      cur = addDays(monthEnd(cur), 1);
    } else {
      let end = monthEnd(cur);
      if (end > hi) end = hi;
      blocks.days.push([cur, end]);
      cur = addDays(end, 1);
    }
  }
  return blocks;
}

/** The months a month-grained rollup reads for these blocks (years spelled out). */
export function monthsOf(b: Blocks): string[] {
  const out = [...b.months];
  for (const y of b.years)
    for (let m = 1; m <= 12; m++) out.push(`${y.slice(0, 4)}-${String(m).padStart(2, "0")}-01`);
  return out.sort();
}

/** A date[] literal of generated dates (safe to inline like the scope's uuid[]). */
export const dates = (days: string[]) => sql.raw(`'{${days.join(",")}}'::date[]`);

/** `month` of a month-grained rollup within the blocks (everything when there is no period). */
export function inMonths(month: SQL, b: Blocks): SQL {
  if (b.all) return sql`true`;
  const months = monthsOf(b);
  return months.length ? sql`${month} = any(${dates(months)})` : sql`false`;
}

/**
 * Rows of a per-customer table (grain, start) that the blocks take (all time: start 1970-01-01,
 * spelled out so an index on (grain, start, province, …) can seek the province).
 */
export function inGrains(b: Blocks, alias: string): SQL {
  const g = sql.raw(`${alias}.grain`);
  const s = sql.raw(`${alias}.start`);
  if (b.all) return sql`${g} = 'a' and ${s} = '1970-01-01'::date`;
  const parts: SQL[] = [];
  if (b.years.length) parts.push(sql`(${g} = 'y' and ${s} = any(${dates(b.years)}))`);
  if (b.months.length) parts.push(sql`(${g} = 'm' and ${s} = any(${dates(b.months)}))`);
  return parts.length ? sql`(${or(...parts)})` : sql`false`;
}

/** The leftover days, on a date column (`false` when there are none). */
export function inDays(column: SQL, b: Blocks): SQL {
  if (!b.days.length) return sql`false`;
  return sql`(${or(...b.days.map(([a, z]) => sql`${column} between ${a}::date and ${z}::date`))})`;
}

/** The leftover days, on a timestamp column (Shanghai days). */
export function inDaysAt(column: SQL, b: Blocks): SQL {
  if (!b.days.length) return sql`false`;
  return sql`(${or(...b.days.map(([a, z]) => sql`(${column} >= ${startOf(a)} and ${column} < ${startOf(addDays(z, 1))})`))})`;
}

/** Folds the appended deltas into the rollups (one compactor at a time; the others go on). */
export async function compactAggregates(db: DbOrTx): Promise<void> {
  await db.execute(sql`select reports_compact()`);
}

/** Whether the whole-company rollups answer: everyone's data, no owner or department chosen. */
export const everyone = (caller: Caller, f: ReportFilters) =>
  caller.scope.all && !f.ownerId && !f.departmentId;

/**
 * Province or class filters: the rollups by owner cannot answer them; the rollups by the customer's
 * province and class (migration 0028) and the per-customer rows (which carry both) can.
 */
export const byCustomerAttributes = (f: ReportFilters) => Boolean(f.province || f.class);

/** The province and class filters on an aggregate's own columns (`undefined` when there are none). */
export function withAttributes(f: ReportFilters, t: { province: AnyPgColumn; class: AnyPgColumn }) {
  return and(f.province ? eq(t.province, f.province) : undefined, f.class ? eq(t.class, f.class) : undefined);
}

/** The zero uuid the aggregates use for "none" (no owner, product or handler). */
export const NONE = "00000000-0000-0000-0000-000000000000";

/**
 * Runs a report's big sorts and groupings with room for them (a few hundred thousand customers'
 * rows: at the default 4 MB they go to disk), and without parallel workers: the planner cannot
 * know how many customers a union of blocks groups into, and its parallel plans for them (partial
 * aggregates merged by sorting) took twice as long here. SET LOCAL ends with the transaction.
 */
export function withMemory<T>(db: DbOrTx, fn: (tx: DbOrTx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`set local max_parallel_workers_per_gather = 0`);
    return fn(tx);
  });
}

/**
 * The same rows as inGrains, as one condition per grain (joined with UNION ALL by the caller): each
 * is an index range scan the planner can read from the index alone, where an OR needs the table.
 */
export function grainConditions(b: Blocks, alias: string): SQL[] {
  const g = sql.raw(`${alias}.grain`);
  const s = sql.raw(`${alias}.start`);
  if (b.all) return [sql`${g} = 'a' and ${s} = '1970-01-01'::date`];
  const parts: SQL[] = [];
  if (b.years.length) parts.push(sql`${g} = 'y' and ${s} = any(${dates(b.years)})`);
  if (b.months.length) parts.push(sql`${g} = 'm' and ${s} = any(${dates(b.months)})`);
  return parts.length ? parts : [sql`false`];
}

/** One condition per block (each year, each month): rows unique per customer and owner in each. */
export function blockConditions(b: Blocks, alias: string): SQL[] {
  const g = sql.raw(`${alias}.grain`);
  const s = sql.raw(`${alias}.start`);
  if (b.all) return [sql`${g} = 'a' and ${s} = '1970-01-01'::date`];
  return [
    ...b.years.map((y) => sql`${g} = 'y' and ${s} = ${y}::date`),
    ...b.months.map((m) => sql`${g} = 'm' and ${s} = ${m}::date`),
  ];
}
