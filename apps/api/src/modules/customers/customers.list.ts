// The customer list: one page in the caller's scope with its filters and sort, and its total.
import type { Customer, CustomerQuery } from "@crm/contracts";
import { customers, type DbOrTx, hasGenericPlans } from "@crm/db";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { pageOf } from "../../shared/cursor.js";
import { userNames } from "../../shared/user-names.js";
import { customFilterConditions } from "../custom-fields/custom-fields.service.js";
import { pageColumns, readPage } from "./customers.fields.js";
import { fieldConditions, listConditions, sorting } from "./customers.query.js";
import { EXACT_UP_TO, largeSearches, postingPage, postingPlan, postingTotal } from "./customers.search.js";

const dialect = new PgDialect();

/** A row of a list page (pageColumns), with the page's count on the first. */
type PageRow = {
  id: string;
  ownerId: string | null;
  pinyin: string;
  code: string;
  json: string;
  fullCount?: number;
};

/**
 * A customer of a list page as the database wrote it (customerJson: present()'s JSON but the
 * owner's name) and its owner's name, written into the answer as they are (serializeCustomerPage).
 */
export class CustomerItem {
  constructor(
    readonly json: string,
    readonly ownerName: string | null,
  ) {}

  /** The whole customer as JSON text. */
  text(): string {
    return `${this.json.slice(0, -1)},"ownerName":${JSON.stringify(this.ownerName)}}`;
  }

  /** Whatever serialises it otherwise (JSON.stringify) gets the same customer. */
  toJSON(): Customer {
    return JSON.parse(this.text()) as Customer;
  }
}

/** A list page as JSON text: its items written as the database made them, the rest stringified. */
export function serializeCustomerPage(page: {
  items: unknown[];
  nextCursor: string | null;
  total: number | null;
  totalExact: boolean | null;
}): string {
  const items = page.items.map((i) => (i instanceof CustomerItem ? i.text() : JSON.stringify(i)));
  const rest = JSON.stringify({
    nextCursor: page.nextCursor,
    total: page.total,
    totalExact: page.totalExact,
  });
  return `{"items":[${items.join(",")}],${rest.slice(1)}`;
}
/**
 * The planner's row estimate of a filter, kept 30 s per process: it only decides how a total is
 * found (and is shown, as "about N", above EXACT_UP_TO, where a little age changes nothing).
 */
const ESTIMATE_TTL_MS = 30_000;
const estimates = new Map<string, { rows: number; until: number }>();

async function estimateMatches(db: DbOrTx, where: SQL | undefined): Promise<number> {
  const condition = where ?? sql`true`;
  const { sql: text, params } = dialect.sqlToQuery(condition);
  const key = `${text}|${JSON.stringify(params)}`;
  const cached = estimates.get(key);
  if (cached && cached.until > Date.now()) return cached.rows;
  const plan = await db.execute<{ "QUERY PLAN": unknown }>(
    sql`explain (format json) select 1 from ${customers} where ${condition}`,
  );
  const raw = plan.rows[0]?.["QUERY PLAN"];
  const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: { "Plan Rows": number } }[];
  const rows = Math.round(parsed[0]?.Plan["Plan Rows"] ?? 0);
  if (estimates.size >= 1_000) estimates.clear();
  estimates.set(key, { rows, until: Date.now() + ESTIMATE_TTL_MS });
  return rows;
}

/** A page's rows as its items, each with its owner's name (from the per-process cache of names). */
async function withOwnerNames(
  db: DbOrTx,
  caller: Caller,
  page: { items: PageRow[]; nextCursor: string | null },
) {
  const names = await userNames(
    db,
    caller.accessVersion,
    page.items.map((r) => r.ownerId),
  );
  return {
    items: page.items.map((r) => new CustomerItem(r.json, r.ownerId ? (names.get(r.ownerId) ?? null) : null)),
    nextCursor: page.nextCursor,
  };
}

/** The live customers in scope by date, at most of one letter: the plain list or its letter bar. */
function plainByDate(query: CustomerQuery, custom: SQL | undefined): boolean {
  if (custom || query.q || query.deleted === "true") return false;
  if (query.sort !== "-createdAt" && query.sort !== "createdAt") return false;
  return fieldConditions({ ...query, letter: undefined }) === undefined;
}

/** Only the caller's own customers (a one-owner scope) of one letter, by date: nothing else filtered. */
const ownLetter = (caller: Caller, query: CustomerQuery, custom: SQL | undefined): boolean =>
  !caller.scope.all && caller.scope.ownerIds.length <= 1 && !!query.letter && plainByDate(query, custom);

/**
 * Whether a page of the plain list or a letter (plainByDate) is planned once per connection
 * (queryGeneric), which spares planning it with the scope's values (for 100 owners: 1.4 ms of
 * parsing and planning a page that runs in 1). Its plan is then the same whatever the values,
 * and right for them (EXPLAIN at 1,000,000 customers): everyone's walk the date or letter index,
 * one owner's their owner index; several owners' walk the date (or letter) index, testing each
 * row against a hashed set of the owners, which is right only when they own many: more than
 * EXACT_UP_TO matches by the estimate or the count (a page then reads at most a few thousand
 * rows). Fewer are planned with their values, as before (the owner index, then a sort), and so
 * is every page where there is no generic-plan pool (PGlite, DB_GENERIC_PLANS off).
 */
async function plannedOnce(
  db: DbOrTx,
  caller: Caller,
  query: CustomerQuery,
  custom: SQL | undefined,
  where: SQL | undefined,
  known: number | null,
): Promise<boolean> {
  if (!hasGenericPlans(db) || !plainByDate(query, custom)) return false;
  if (caller.scope.all || caller.scope.ownerIds.length <= 1) return true;
  return (known ?? (await estimateMatches(db, where))) > EXACT_UP_TO;
}

/**
 * One page of the list. The first page carries a total: when the planner expects a small result
 * it is counted exactly in the same query as the page (a window count: the matches are read
 * once; a salesperson's own letter: the page and a count each from the owner+letter index);
 * otherwise it is the planner's estimate, flagged (totalExact false: "about N"), and the page
 * query can stop after its rows. Cursor pages answer null.
 */
export async function listCustomers(db: DbOrTx, caller: Caller, query: CustomerQuery) {
  const custom = await customFilterConditions(db, "customer", query);
  const where = and(listConditions(caller, query), custom);
  const { order, orderIn, keyset, keyOf, column } = sorting(query.sort, query.cursor);
  const plan = await postingPlan(db, query);
  if (plan) {
    // A name search by date: the page walks the postings; the first page counts up to one past
    // EXACT_UP_TO in the same statement (or sums its token's counts, exact at any size), and only
    // a larger result counted otherwise asks for the estimate.
    const found = await postingPage(db, caller, query, plan, custom);
    const rows = found.rows as PageRow[];
    const page = await withOwnerNames(db, caller, pageOf(rows, query.limit, keyOf));
    const counted = query.cursor ? null : (rows[0]?.fullCount ?? 0);
    const exact = counted !== null && counted <= EXACT_UP_TO;
    return {
      items: page.items,
      nextCursor: page.nextCursor,
      total:
        counted === null
          ? null
          : exact || found.fromCounts
            ? counted
            : Math.max(
                EXACT_UP_TO + 1,
                // Other filters narrow the postings' count, and initials have no count of their
                // own: the planner's estimate weighs them.
                fieldConditions(query) || custom || plan.kind === "initials"
                  ? await estimateMatches(db, where)
                  : await postingTotal(db, caller, plan.token),
              ),
      totalExact: counted === null ? null : exact,
    };
  }
  const estimate = query.cursor ? null : await estimateMatches(db, where);
  // Expected small: the matches' ids and sort keys are read once (from an index alone where one
  // holds the filter and the order, as the owner+letter one does), at most EXACT_UP_TO + 1 of
  // them, counted by a window and sorted for the page, whose rows alone are then read whole. The
  // estimate can be far off: when the bound is reached the count says "more" and the page is read
  // again in order, as for a large result (so a misestimate costs one bounded read, never a read
  // of every match), and the search is remembered as large for a while (largeSearches): its next
  // first pages are read in order at once.
  const knownLarge = estimate !== null && largeSearches.has(caller, query);
  const counting = estimate !== null && estimate <= EXACT_UP_TO && !knownLarge;
  let counted: number | null = null;
  let rows: PageRow[] | null = null;
  if (counting && ownLetter(caller, query, custom)) {
    // A salesperson's own customers of one letter (the letter bar of their workbench): the page
    // and the count each from the owner+letter index alone (migration 0033), the page in its
    // order with no sort and no window over every match, planned once per connection.
    const statement = db
      .select({
        ...pageColumns,
        fullCount: sql<number>`(select count(*) from (select 1 from ${customers} where ${where} limit ${
          EXACT_UP_TO + 1
        }) c)`,
      })
      .from(customers)
      .where(where)
      .orderBy(...order)
      .limit(query.limit + 1);
    rows = (await readPage(db, statement)) as unknown as PageRow[];
    counted = Number(rows[0]?.fullCount ?? 0);
  } else if (counting) {
    const bounded = db
      .select({ id: customers.id, sortKey: column })
      .from(customers)
      .where(where)
      .limit(EXACT_UP_TO + 1)
      .as("s");
    const top = db
      .select({ id: bounded.id, fullCount: sql<number>`count(*) over ()`.as("full_count") })
      .from(bounded)
      .orderBy(...orderIn(bounded.sortKey, bounded.id))
      .limit(query.limit + 1)
      .as("p");
    const found = (await db
      .select({ ...pageColumns, fullCount: top.fullCount })
      .from(customers)
      .innerJoin(top, eq(customers.id, top.id))
      .orderBy(...order)) as unknown as PageRow[];
    counted = Number(found[0]?.fullCount ?? 0);
    if (counted <= EXACT_UP_TO) rows = found;
    else largeSearches.add(caller, query);
  }
  if (!rows) {
    const once = await plannedOnce(
      db,
      caller,
      query,
      custom,
      where,
      knownLarge ? EXACT_UP_TO + 1 : (counted ?? estimate),
    );
    const statement = db
      .select(pageColumns)
      .from(customers)
      .where(and(once ? listConditions(caller, query, true) : where, keyset))
      .orderBy(...order)
      .limit(query.limit + 1);
    rows = (await readPage(db, statement, once)) as unknown as PageRow[];
  }
  const page = await withOwnerNames(db, caller, pageOf(rows, query.limit, keyOf));
  const exact = counted !== null && counted <= EXACT_UP_TO;
  return {
    items: page.items,
    nextCursor: page.nextCursor,
    total: estimate === null ? null : exact ? counted : Math.max(estimate, EXACT_UP_TO + 1),
    totalExact: estimate === null ? null : exact,
  };
}
