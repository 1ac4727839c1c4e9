import type { CustomerQuery } from "@crm/contracts";
import {
  customerSearchCountDeltas as countDeltas,
  customerSearchCounts as counts,
  customerInitialsPostings,
  customers,
  type DbOrTx,
  hasGenericPlans,
  hasHan,
  normaliseText,
  customerSearchPostings as postings,
  postingTokens,
  queryGeneric,
} from "@crm/db";
import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, PgDialect } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { decodeCursor } from "../../shared/cursor.js";
import { scopeWhere } from "../../shared/scope.js";
import { pageColumns, readPage } from "./customers.fields.js";
import {
  CODE,
  contactCustomersSelect,
  fieldConditions,
  INITIALS,
  lookupHas,
  suffixStartsWith,
} from "./customers.query.js";

/**
 * A Chinese name search through `customer_search_postings`, the date-ordered index of name grams:
 * a page walks one token's postings newest (or oldest) first, filtered by the owner stored beside
 * each, and stops after its rows, instead of collecting and sorting every match.
 */
export interface PostingPlan {
  /** Name postings (an ideograph query) or the initials' suffixes (3+ letters or digits). */
  kind: "name" | "initials";
  /** The token whose postings are walked (the query itself for initials). */
  token: string;
  /** Set when the token only narrows the search (longer queries, letters or digits): the name must contain it. */
  recheck: string | null;
  /** The normalised query (contacts' names are searched with it too). */
  q: string;
  /** Initials: the live customers whose pinyin, email, phone or homepage contains q (at most LOOKUP_UP_TO). */
  lookupIds?: string[];
}

/**
 * The plan for a list query, or null when postings do not help: another order than by creation
 * date, the recycle bin, a customer code, a query of fewer than 3 letters or digits, or only stop
 * grams (有限公司): a stop gram matches nearly every name, so the date index answers it at once.
 */
export async function postingPlan(db: DbOrTx, query: CustomerQuery): Promise<PostingPlan | null> {
  if (!query.q || query.deleted === "true") return null;
  if (query.sort !== "-createdAt" && query.sort !== "createdAt") return null;
  const q = normaliseText(query.q);
  if (!q || CODE.test(q)) return null;
  if (!hasHan(q)) {
    if (q.length < 3 || !INITIALS.test(q)) return null;
    if (commonLookups.has(q)) return null;
    const lookupIds = await lookupMatches(db, q);
    if (lookupIds) return { kind: "initials", token: q, recheck: null, q, lookupIds };
    commonLookups.add(q);
    return null;
  }
  const { tokens, exact } = postingTokens(q);
  if (tokens.length === 0) return null;
  const token = tokens.length === 1 ? tokens[0]! : await rarest(db, tokens);
  return { kind: "name", token, recheck: exact ? null : q, q };
}

/**
 * The ids of the live customers whose pinyin, email, phone or homepage contains q, from the trigram
 * index, or null past LOOKUP_UP_TO (a common pinyin piece: the list's general path, which can stop
 * after a page, answers it). Read on their own because the planner cannot estimate a trigram
 * pattern (7,961 rows expected for 3 found, 318 for 13,545): inside the page's statement it
 * combined them with a whole owner's index entries, or joined thousands of rows one by one.
 *
 * Planned once per connection (queryGeneric): alone, its plan is the trigram index's bitmap scan
 * whatever the pattern. EXPLAIN ANALYZE at 1,000,000 customers under both plan modes, for hzhd,
 * xmjl, zhang, hang, com, gongsi, 138 and 163: the same plan and the same time, where planning it
 * with its values took 0.13–1.1 ms of a lookup that runs in 0.02–0.05 ms when it finds a few.
 */
const LOOKUP_UP_TO = 1_000;

/**
 * Queries whose lookup last found more than LOOKUP_UP_TO, kept a while per process: their next
 * pages and repeats go to the general path at once (a full pinyin piece such as hongda read the
 * trigram index for 14–25 ms at 1,000,000 customers to learn it). Only which path answers depends
 * on it, and both answer the same.
 */
const commonLookups = rememberedFor(10 * 60_000, 10_000);

const dialect = new PgDialect({ casing: "snake_case" });

/** Keys this process remembers for `ttlMs` (at most `max`: past it, all are forgotten at once). */
function rememberedFor(ttlMs: number, max: number) {
  const until = new Map<string, number>();
  return {
    has: (key: string) => (until.get(key) ?? 0) > Date.now(),
    add(key: string) {
      if (until.size >= max) until.clear();
      until.set(key, Date.now() + ttlMs);
    },
  };
}

async function lookupMatches(db: DbOrTx, q: string): Promise<string[] | null> {
  const ids = await firstColumn(
    db,
    sql`select ${customers.id} from ${customers}
      where ${customers.deletedAt} is null and ${lookupHas(q)}
      limit ${LOOKUP_UP_TO + 1}`,
  );
  return ids.length > LOOKUP_UP_TO ? null : ids;
}

/** A lookup's ids (its one column), planned once per connection where there is a generic-plan pool. */
async function firstColumn(db: DbOrTx, statement: SQL): Promise<string[]> {
  const generic = await queryGeneric(db, { toSQL: () => dialect.sqlToQuery(statement) });
  if (generic) return generic.map((r) => String(r[0]));
  const { rows } = await db.execute(statement);
  return rows.map((r) => String(Object.values(r)[0]));
}

/** Postings per token, counted up to COUNT_UP_TO and kept a while: only which token is walked depends on them. */
const COUNT_UP_TO = 10_000;
const COUNT_TTL_MS = 10 * 60_000;
const gramCounts = new Map<string, { n: number; until: number }>();

async function rarest(db: DbOrTx, tokens: string[]): Promise<string> {
  const now = Date.now();
  const missing = tokens.filter((t) => !((gramCounts.get(t)?.until ?? 0) > now));
  if (missing.length) {
    const counted = await db.execute<{ token: string; n: number }>(sql`
      select t as token, (select count(*) from (select 1 from ${postings}
        where ${postings.token} = t limit ${COUNT_UP_TO}) s)::int as n
      from unnest(array[${sql.join(
        missing.map((t) => sql`${t}`),
        sql`, `,
      )}]::text[]) t`);
    if (gramCounts.size >= 10_000) gramCounts.clear();
    for (const r of counted.rows) gramCounts.set(r.token, { n: Number(r.n), until: now + COUNT_TTL_MS });
  }
  let best = tokens[0]!;
  for (const t of tokens) if ((gramCounts.get(t)?.n ?? 0) < (gramCounts.get(best)?.n ?? 0)) best = t;
  return best;
}

/**
 * The customers in the caller's scope posted under a token: a search's size past EXACT_UP_TO
 * ("about N": exact for a 2- or 3-ideograph name search without other filters, an upper bound when
 * the name is rechecked). A 1- or 2-ideograph token's from its counts (exact and current); a
 * longer one's counted from the index alone and kept 30 s per process, as estimates are.
 */
const TOTAL_TTL_MS = 30_000;
const postingTotals = new Map<string, { n: number; until: number }>();

export async function postingTotal(db: DbOrTx, caller: Caller, token: string): Promise<number> {
  if (isCounted(token)) {
    const { rows } = await db.execute<{ n: string }>(sql`select ${countedTotal(caller, token)} as n`);
    return Number(rows[0]?.n ?? 0);
  }
  const scope = caller.scope.all ? "all" : caller.scope.ownerIds.join(",");
  const key = `${token}|${scope}`;
  const cached = postingTotals.get(key);
  if (cached && cached.until > Date.now()) return cached.n;
  const [row] = await db
    .select({ n: sql<number>`count(*)`.mapWith(Number) })
    .from(postings)
    .where(and(eq(postings.token, token), scopeWhere(caller.scope, postings.ownerId)));
  if (postingTotals.size >= 1_000) postingTotals.clear();
  postingTotals.set(key, { n: row?.n ?? 0, until: Date.now() + TOTAL_TTL_MS });
  return row?.n ?? 0;
}

/** Whether customer_search_counts keeps a token's totals (migration 0035): 1 or 2 ideographs. */
const isCounted = (token: string) => [...token].length <= 2;

/**
 * The live customers in the caller's scope posted under a counted token, exactly: the owners'
 * counts plus the deltas not yet folded in, summed in one snapshot (a few rows per owner instead
 * of one index entry per customer).
 */
function countedTotal(caller: Caller, token: string, planOnce = false) {
  return sql`(select coalesce(sum(d.n), 0) from (
      select ${counts.n} from ${counts}
      where ${and(eq(counts.token, token), scopeWhere(caller.scope, counts.ownerId, planOnce))}
      union all
      select ${countDeltas.n} from ${countDeltas}
      where ${and(eq(countDeltas.token, token), scopeWhere(caller.scope, countDeltas.ownerId, planOnce))}
    ) d)`.mapWith(Number);
}

/** Folds the counts' deltas in (one process at a time: the others return at once). */
export async function compactSearchCounts(db: DbOrTx): Promise<number> {
  const { rows } = await db.execute<{ n: string | number }>(
    sql`select customer_search_counts_compact() as n`,
  );
  return Number(rows[0]?.n ?? 0);
}

/** Counted exactly up to this many; more is "about N" (the caller's estimate). */
export const EXACT_UP_TO = 10_000;

/**
 * Whether a search (everything but the cursor and the page size, in the caller's scope) was last
 * counted past EXACT_UP_TO, kept 30 s per process like the estimates: such a total is shown as
 * "about N" from postingTotal or the planner, so its first page need not count again, on either
 * path (the general path's bounded count read 13,545 matches of hongda for gm at 1,000,000
 * customers, 30 ms, before reading the page in order). A smaller result is always counted, so an
 * exact total is never stale.
 */
const remembered = rememberedFor(30_000, 1_000);

export const largeSearches = {
  has: (caller: Caller, query: CustomerQuery) => remembered.has(searchKey(caller, query)),
  add: (caller: Caller, query: CustomerQuery) => remembered.add(searchKey(caller, query)),
};

function searchKey(caller: Caller, query: CustomerQuery): string {
  const { cursor: _c, limit: _l, ...rest } = query;
  const scope = caller.scope.all ? "all" : caller.scope.ownerIds.join(",");
  return `${scope}|${JSON.stringify(rest)}`;
}

/**
 * The customers (ids) of live contacts whose name contains the query: usually none, and then the
 * page leaves contacts out. Planned once per connection (queryGeneric): the lookup is of 2+
 * characters, whose plan is the contacts' token index whatever the tokens (compared with EXPLAIN
 * at 3,000,000 contacts), and planning it took 0.2–1 ms of a lookup that runs in 0.05.
 */
async function contactCustomers(db: DbOrTx, q: string): Promise<string[]> {
  const found = contactCustomersSelect(q);
  return found ? [...new Set(await firstColumn(db, found))] : [];
}

/**
 * The statement of one page (limit + 1 rows of pageColumns) and, on the first page, the
 * number of matches (`fullCount` on every row), exact up to EXACT_UP_TO and past it at least
 * EXACT_UP_TO + 1:
 * - the names: the token's postings in the caller's scope, in date order, joined to the customer
 *   only when another filter or a recheck needs its row; counted up to EXACT_UP_TO + 1 (each
 *   customer is posted once per token, so no deduplication);
 * - contacts' names (2+ characters): looked up first, in a small statement of their own. Usually
 *   none matches, and the page is the names' alone (planning the contacts' part into every search
 *   cost a third of its time); otherwise their customers come as an id array, read once (a
 *   materialised CTE), and those whose own name matches too are counted with the names already.
 * A search last counted past EXACT_UP_TO (largeSearches) is not counted again for 30 s.
 * `extra` holds the custom-field filters.
 */
export async function postingPage(
  db: DbOrTx,
  caller: Caller,
  query: CustomerQuery,
  plan: PostingPlan,
  extra: SQL | undefined,
) {
  const ascending = query.sort === "createdAt";
  const after = decodeCursor(query.cursor, 2);
  const orderOf = (created: AnyPgColumn | SQL.Aliased, id: AnyPgColumn | SQL.Aliased) =>
    ascending ? [asc(created), asc(id)] : [desc(created), desc(id)];
  const keysetOf = (created: AnyPgColumn | SQL.Aliased, id: AnyPgColumn | SQL.Aliased) =>
    after
      ? sql`(${created}, ${id}) ${ascending ? sql`>` : sql`<`} (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`
      : undefined;
  const filters = and(fieldConditions(query), extra);
  const nameHas = sql`strpos(${customers.nameSearch}, ${plan.q}) > 0`;
  // The name recheck belongs to the names only: a contact's customer need not contain the query.
  const onCustomer = and(filters, plan.recheck ? nameHas : undefined);
  const contactIds = plan.kind === "name" ? await contactCustomers(db, plan.q) : [];
  const inContacts = contactIds.length
    ? sql`${customers.id} = any(${`{${contactIds.join(",")}}`}::uuid[])`
    : undefined;
  const limit = query.limit + 1;
  // The search box alone (no other filter, no contact found: a handful of statement texts per
  // scope's shape) is planned once per connection: its plan is the same whatever the token, the
  // scope's owners or the initials (compared with EXPLAIN at 1,000,000 customers, 1 to 100 owners).
  // Elsewhere (PGlite, DB_GENERIC_PLANS off) it is planned with its values, owners as a constant.
  const planOnce = !filters && !inContacts && hasGenericPlans(db);

  const named = (withKeyset: boolean) => {
    const base = db.select({ id: postings.customerId }).from(postings).$dynamic();
    const joined = onCustomer ? base.innerJoin(customers, eq(customers.id, postings.customerId)) : base;
    return joined.where(
      and(
        eq(postings.token, plan.token),
        scopeWhere(caller.scope, postings.ownerId, planOnce),
        withKeyset ? keysetOf(postings.createdAt, postings.customerId) : undefined,
        onCustomer,
      ),
    );
  };
  // Initials: the suffixes' prefix range (from their index alone) and the customers found in the
  // rest (lookupMatches), each in scope, as one set of ids and dates: a CTE, read once for both
  // the page and the count (only the first page counts, and it has no keyset). Distinct: two
  // suffixes of one customer can start with q (abcabc: abcabc and abc).
  const ip = customerInitialsPostings;
  const lookupIds = plan.lookupIds ?? [];
  const matched = db.$with("matched", { id: sql<string>`id`, createdAt: sql<Date>`created_at` }).as(
    sql`select distinct id, created_at from (
      select ${ip.customerId} as id, ${ip.createdAt} as created_at from ${ip}
      ${onCustomer ? sql`join ${customers} on ${customers.id} = ${ip.customerId}` : sql``}
      where ${and(
        suffixStartsWith(plan.q),
        scopeWhere(caller.scope, ip.ownerId, planOnce),
        keysetOf(ip.createdAt, ip.customerId),
        onCustomer,
      )}
      ${
        lookupIds.length
          ? sql`union all
      select ${customers.id} as id, ${customers.createdAt} as created_at from ${customers}
      where ${and(
        sql`${customers.id} = any(${`{${lookupIds.join(",")}}`}::uuid[])`,
        isNull(customers.deletedAt),
        scopeWhere(caller.scope, customers.ownerId, planOnce),
        keysetOf(customers.createdAt, customers.id),
        onCustomer,
      )}`
          : sql``
      }) u`,
  );
  const initials = plan.kind === "initials";
  const pageNamed = initials
    ? sql`select "matched"."id" from "matched"
          order by "matched"."created_at" ${ascending ? sql`asc` : sql`desc`},
            "matched"."id" ${ascending ? sql`asc` : sql`desc`}
          limit ${limit}`
    : named(true)
        .orderBy(...orderOf(postings.createdAt, postings.customerId))
        .limit(limit);
  // Nothing narrows a counted token (no recheck, no other filter): its total is its counts', exact
  // at any size and cheap, so it is read on every first page (never remembered as "past
  // EXACT_UP_TO" to be skipped).
  const fromCounts = plan.kind === "name" && !onCustomer && isCounted(plan.token);
  // A token's postings alone are counted in date order, from the date index: they lie in the table
  // in about that order, so the visibility checks of its index-only scan stay on one page of the
  // visibility map, where in the owner index's order they jump between pages at every owner
  // (杭州宏 for mgr1's 94 owners at 1,000,000 customers: 596 buffers read for its 873 postings,
  // against 19; the page's execute under 16 clients 2.56–2.75 -> 2.42 ms).
  const postingsToCount = onCustomer
    ? named(false)
    : named(false).orderBy(desc(postings.createdAt), desc(postings.customerId));
  const countNamed = fromCounts
    ? countedTotal(caller, plan.token, planOnce)
    : initials
      ? sql`(select count(*) from (select 1 from "matched" limit ${EXACT_UP_TO + 1}) n)`
      : sql`(select count(*) from (${postingsToCount.limit(EXACT_UP_TO + 1)}) n)`;

  const columns = (fullCount: SQL | null) =>
    fullCount ? { ...pageColumns, fullCount: fullCount.mapWith(Number) } : pageColumns;
  if (!inContacts) {
    const knownLarge = !after && !fromCounts && largeSearches.has(caller, query);
    const counting = !(after || knownLarge);
    const statement = (initials ? db.with(matched) : db)
      .select(columns(counting ? countNamed : null))
      .from(customers)
      .where(sql`${customers.id} in (${pageNamed})`)
      .orderBy(...orderOf(customers.createdAt, customers.id))
      .limit(limit);
    const rows = await readPage(db, statement, planOnce);
    if (knownLarge) for (const r of rows) r.fullCount = EXACT_UP_TO + 1;
    else if (!after && Number(rows[0]?.fullCount ?? 0) > EXACT_UP_TO) {
      largeSearches.add(caller, query);
    }
    return { rows, fromCounts };
  }
  const byContact = db.$with("by_contact").as(
    db
      .select({
        id: customers.id,
        createdAt: customers.createdAt,
        named: sql<boolean>`${nameHas}`.as("named"),
      })
      .from(customers)
      .where(
        and(
          inContacts,
          scopeWhere(caller.scope, customers.ownerId),
          sql`${customers.deletedAt} is null`,
          filters,
        ),
      ),
  );
  const pageContacts = sql`(select ${byContact.id} from ${byContact} ${
    after ? sql`where ${keysetOf(byContact.createdAt, byContact.id)}` : sql``
  } order by ${sql.join(orderOf(byContact.createdAt, byContact.id), sql`, `)} limit ${limit})`;
  const countContacts = sql`(select count(*) from ${byContact} where not ${byContact.named})`;
  const rows = (await db
    .with(byContact)
    .select(columns(after ? null : sql`${countNamed} + ${countContacts}`))
    .from(customers)
    .where(sql`${customers.id} in ((${pageNamed}) union all ${pageContacts})`)
    .orderBy(...orderOf(customers.createdAt, customers.id))
    .limit(limit)) as Record<string, unknown>[];
  return { rows, fromCounts };
}
