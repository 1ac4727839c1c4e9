import type { Customer, CustomerQuery } from "@crm/contracts";
import {
  contacts,
  customerInitialsPostings,
  customerLookupText,
  customers,
  type DbOrTx,
  hasHan,
  normaliseText,
  queryTokens,
  users,
} from "@crm/db";
import { type AnyColumn, and, asc, desc, eq, gte, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { decodeCursor } from "../../shared/cursor.js";
import { scopeWhere } from "../../shared/scope.js";
import { customFilterConditions } from "../custom-fields/custom-fields.service.js";

const like = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
export const CODE = /^\d+类-\d+$/;

/**
 * The one-box search: a name substring (GIN over unigrams+bigrams, so 1- and 2-character
 * Chinese queries are index lookups), full pinyin and initials, code, phone, email, homepage
 * (for 3+ characters: the initials' suffix postings and a trigram index over the rest; prefix
 * indexes below that), or a contact's name. `deleted`: the recycle bin's search, whose customers
 * have no postings (a small set, tested row by row).
 */
export function searchCondition(raw: string, deleted = false): SQL | undefined {
  const q = normaliseText(raw);
  if (!q) return undefined;
  if (CODE.test(q)) return eq(customers.code, q);
  if (hasHan(q)) {
    const tokens = queryTokens(q);
    const tokenArray = sql`array[${sql.join(
      tokens.map((t) => sql`${t}`),
      sql`, `,
    )}]::text[]`;
    // One or two characters: the unigram or bigram token is the substring itself, so the token
    // test is exact, and leaving out the substring recheck keeps the planner's row estimate right
    // (it guesses a third for any function test, which sent totals down the slow exact count).
    const inName =
      [...q].length <= 2
        ? sql`${customers.searchTokens} @> ${tokenArray}`
        : and(
            sql`${customers.searchTokens} @> ${tokenArray}`,
            sql`strpos(${customers.nameSearch}, ${q}) > 0`,
          );
    const inContacts = contactCondition(q);
    return inContacts ? sql`(${inName} or ${inContacts})` : inName;
  }
  if ([...q].length >= 3) {
    const inLookup = lookupHas(q);
    if (!INITIALS.test(q)) return inLookup;
    if (deleted) return sql`(strpos(${customers.initials}, ${q}) > 0 or ${inLookup})`;
    // An id array (an InitPlan) rather than a subquery: OR-ed with the trigram test, the planner
    // can still combine both indexes in one bitmap, or test each row walking an order's index.
    return sql`(${inLookup} or ${customers.id} = any(array(${initialsMatches(q)})))`;
  }
  return sql`(${customers.initials} like ${`${like(q)}%`} or ${customers.pinyin} like ${`${like(q)}%`})`;
}

/** What the initials can hold (pinyin's first letters, digits): other searches cannot match them. */
export const INITIALS = /^[a-z0-9]+$/;

/** A customer's pinyin, email, phone digits or homepage contains q (the trigram index's expression). */
export const lookupHas = (q: string) => sql`${customerLookupText(customers)} like ${`%${like(q)}%`}`;

/**
 * An initials suffix starts with q (letters and digits): the prefix as the range of
 * customer_initials_postings' index (text_pattern_ops, compared byte by byte), from q to q with
 * its last character's successor. Written as a range, not LIKE: a generic plan (queryGeneric)
 * cannot make a range of a LIKE pattern it does not know, and would read every suffix.
 */
export const suffixStartsWith = (q: string) => {
  const upper = q.slice(0, -1) + String.fromCharCode(q.charCodeAt(q.length - 1) + 1);
  return sql`(${customerInitialsPostings.suffix} ~>=~ ${q} and ${customerInitialsPostings.suffix} ~<~ ${upper})`;
};

/** The live customers whose initials contain q (3+ letters or digits). */
function initialsMatches(q: string) {
  return sql`select ${customerInitialsPostings.customerId} from ${customerInitialsPostings}
    where ${suffixStartsWith(q)}`;
}

/**
 * Customers with a live contact whose name contains the normalised Chinese query, for 2+
 * characters (one matches too many contacts to be useful: names only, then). Their ids come as an
 * array (= any(array(...))), so the planner combines them with the name index in one bitmap scan
 * instead of a hashed subplan over every customer.
 */
export function contactCondition(q: string): SQL | undefined {
  const found = contactCustomersSelect(q);
  return found ? sql`${customers.id} = any(array(${found}))` : undefined;
}

/** The customers of the live contacts whose name contains the normalised query (2+ characters), at most 1,000. */
export function contactCustomersSelect(q: string): SQL | undefined {
  if ([...q].length < 2) return undefined;
  const tokenArray = sql`array[${sql.join(
    queryTokens(q).map((t) => sql`${t}`),
    sql`, `,
  )}]::text[]`;
  return sql`select ${contacts.customerId} from ${contacts}
      where ${contacts.searchTokens} @> ${tokenArray} and ${contacts.deletedAt} is null
      and strpos(lower(${contacts.name}), ${q}) > 0 limit 1000`;
}

type Filters = Omit<CustomerQuery, "sort" | "limit" | "cursor">;

/** Every filter of the list, the caller's scope always among them (planOnce: see scopeWhere). */
export function listConditions(caller: Caller, f: Partial<Filters>, planOnce = false): SQL | undefined {
  return and(
    scopeWhere(caller.scope, customers.ownerId, planOnce),
    f.deleted === "true" ? isNotNull(customers.deletedAt) : isNull(customers.deletedAt),
    f.q ? searchCondition(f.q, f.deleted === "true") : undefined,
    fieldConditions(f),
  );
}

/** The list's filters on the customer's own fields: all but the scope, the bin and the search. */
export function fieldConditions(f: Partial<Filters>): SQL | undefined {
  return and(
    f.letter ? eq(customers.letter, f.letter) : undefined,
    f.class ? eq(customers.class, f.class) : undefined,
    f.status ? eq(customers.status, f.status) : undefined,
    f.industry ? eq(customers.industry, f.industry) : undefined,
    f.source ? eq(customers.source, f.source) : undefined,
    f.creditRating ? eq(customers.creditRating, f.creditRating) : undefined,
    f.province ? eq(customers.province, f.province) : undefined,
    f.city ? eq(customers.city, f.city) : undefined,
    f.ownerId ? eq(customers.ownerId, f.ownerId) : undefined,
    f.createdFrom ? gte(customers.createdAt, new Date(`${f.createdFrom}T00:00:00+08:00`)) : undefined,
    f.createdTo
      ? lt(customers.createdAt, new Date(new Date(`${f.createdTo}T00:00:00+08:00`).getTime() + 86_400_000))
      : undefined,
  );
}

/** listConditions plus the custom-field filters (`cf.<key>`), which need the field definitions. */
export async function listWhere(db: DbOrTx, caller: Caller, f: Partial<Filters>): Promise<SQL | undefined> {
  return and(listConditions(caller, f), await customFilterConditions(db, "customer", f));
}

interface SortSpec {
  column:
    | typeof customers.createdAt
    | typeof customers.updatedAt
    | typeof customers.pinyin
    | typeof customers.code;
  dir: "asc" | "desc";
  kind: "date" | "text";
}

const SORTS: Record<CustomerQuery["sort"], SortSpec> = {
  "-createdAt": { column: customers.createdAt, dir: "desc", kind: "date" },
  createdAt: { column: customers.createdAt, dir: "asc", kind: "date" },
  "-updatedAt": { column: customers.updatedAt, dir: "desc", kind: "date" },
  name: { column: customers.pinyin, dir: "asc", kind: "text" },
  "-name": { column: customers.pinyin, dir: "desc", kind: "text" },
  code: { column: customers.code, dir: "asc", kind: "text" },
};

/** ORDER BY and the keyset condition after the cursor, for a sort. */
export function sorting(sort: CustomerQuery["sort"], cursor: string | undefined) {
  const spec = SORTS[sort];
  /** The order by a sort key and an id: the table's own, or a subquery's. */
  const orderIn = (sortKey: SQL.Aliased | AnyColumn, id: SQL.Aliased | AnyColumn) =>
    spec.dir === "asc" ? [asc(sortKey), asc(id)] : [desc(sortKey), desc(id)];
  const order = orderIn(spec.column, customers.id);
  const after = decodeCursor(cursor, 2);
  let keyset: SQL | undefined;
  if (after) {
    const value = spec.kind === "date" ? new Date(String(after[0])) : String(after[0]);
    const op = spec.dir === "asc" ? sql`>` : sql`<`;
    keyset = sql`(${spec.column}, ${customers.id}) ${op} (${value}, ${String(after[1])}::uuid)`;
  }
  /** A page row's cursor key: its dates from its JSON (the ISO text Date.toISOString() gives). */
  const keyOf = (row: { id: string; pinyin: string; code: string; json: string }) => {
    const v =
      spec.column === customers.createdAt
        ? (JSON.parse(row.json) as Customer).createdAt
        : spec.column === customers.updatedAt
          ? (JSON.parse(row.json) as Customer).updatedAt
          : spec.column === customers.pinyin
            ? row.pinyin
            : row.code;
    return [v, row.id];
  };
  return { order, orderIn, keyset, keyOf, column: spec.column };
}

export const ownerName = sql<
  string | null
>`(select u.display_name from ${users} u where u.id = "customers"."owner_id")`;
