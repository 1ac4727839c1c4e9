import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity.js";

// Millisecond precision, so keyset cursors (carried as JS dates) compare exactly.
const ts = () => timestamp({ withTimezone: true, precision: 3 });
const live = sql`deleted_at is null`;

/**
 * The text that 3+ letters or digits are searched in besides the initials: full pinyin, email,
 * phone digits and homepage domain (migration 0036; the index and the search use this one
 * expression, which the planner matches).
 */
export function customerLookupText(t: {
  pinyin: AnyPgColumn;
  email: AnyPgColumn;
  phoneKey: AnyPgColumn;
  homepageKey: AnyPgColumn;
}) {
  return sql`(${t.pinyin} || ' ' || coalesce(lower(${t.email}), '') || ' ' || coalesce(${t.phoneKey}, '') || ' ' || coalesce(${t.homepageKey}, ''))`;
}

/** 客户信息表 (SPEC §5) with the columns search, duplicates and merges need. */
export const customers = pgTable(
  "customers",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    class: text().notNull(),
    province: text().notNull(),
    city: text().notNull(),
    areaCode: text(),
    postcode: text(),
    address: text(),
    phone: text(),
    fax: text(),
    email: text(),
    homepage: text(),
    annualRevenue: numeric({ precision: 16, scale: 2 }),
    employeeCount: integer(),
    industry: text(),
    source: text(),
    status: text(),
    creditRating: text(),
    creditCode: text(),
    ownerId: uuid().references(() => users.id),
    lastContactAt: ts(),
    mergedIntoId: uuid().references((): AnyPgColumn => customers.id),
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    // Derived on every write (see customers/search.ts in the API):
    /** A–Z or # from the pinyin of the name's first character. */
    letter: text().notNull(),
    /** Full pinyin without tones or spaces, and the initials: 杭州宏达 -> hangzhouhongda, hzhd. */
    pinyin: text().notNull(),
    initials: text().notNull(),
    /** Normalised name (NFKC, lower case, no spaces) for substring checks. */
    nameSearch: text().notNull(),
    /** Unigrams and bigrams of the normalised name: a GIN index answers 1- and 2-character queries. */
    searchTokens: text().array().notNull(),
    /** Duplicate keys: the name without company suffixes, phone digits, homepage domain. */
    nameKey: text().notNull(),
    phoneKey: text(),
    homepageKey: text(),
    deletedAt: ts(),
    deletedBy: uuid(),
    createdBy: uuid(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("customers_code_uq").on(t.code),
    uniqueIndex("customers_credit_code_uq")
      .on(t.creditCode)
      .where(sql`credit_code is not null and deleted_at is null and merged_into_id is null`),
    index("customers_owner_idx").on(t.ownerId, t.createdAt),
    // Own-scope pages and counts answered from the index alone.
    // DESC NULLS FIRST is what `order by … desc` asks for (NULLS LAST would not serve it).
    index("customers_owner_live_idx")
      .on(t.ownerId, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(live),
    index("customers_created_idx").on(t.createdAt, t.id).where(live),
    index("customers_updated_idx").on(t.updatedAt, t.id).where(live),
    index("customers_pinyin_idx").on(t.pinyin, t.id).where(live),
    index("customers_letter_idx").on(t.letter, t.pinyin, t.id).where(live),
    // The letter bar in the list's default order (newest first): walked in date order, so a page
    // reads its rows and the few of other owners between them, not every newer customer.
    index("customers_letter_created_idx")
      .on(t.letter, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(live),
    // A salesperson's letter bar (their own ~20,000 of a million): the page and its exact count
    // from the index alone, not every own customer of that letter read from the table.
    index("customers_owner_letter_idx")
      .on(t.ownerId, t.letter, t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst())
      .where(live),
    index("customers_initials_prefix_idx").on(sql`${t.initials} text_pattern_ops`).where(live),
    index("customers_pinyin_prefix_idx").on(sql`${t.pinyin} text_pattern_ops`).where(live),
    index("customers_tokens_gin").using("gin", t.searchTokens).where(live),
    // Pinyin, email, phone digits and homepage: a trigram index answers 3+ characters (the
    // initials' substrings are customer_initials_postings').
    index("customers_lookup_trgm")
      .using("gin", sql`${customerLookupText(t)} gin_trgm_ops`)
      .where(live),
    index("customers_name_key_idx").on(t.nameKey).where(live),
    index("customers_phone_key_idx").on(t.phoneKey).where(live),
    index("customers_email_idx").on(sql`lower(${t.email})`).where(live),
    index("customers_homepage_key_idx").on(t.homepageKey).where(live),
    index("customers_deleted_idx").on(t.deletedAt).where(sql`deleted_at is not null`),
    index("customers_merged_into_idx").on(t.mergedIntoId),
    // The notification sweep's "no contact for N days" window.
    index("customers_last_contact_idx")
      .on(t.lastContactAt)
      .where(sql`deleted_at is null and last_contact_at is not null`),
    // Custom-field filters and unique checks: `custom_fields @> '{"key": value}'`.
    index("customers_custom_fields_gin").using("gin", sql`${t.customFields} jsonb_path_ops`).where(live),
  ],
);

/**
 * The name search's date-ordered index: one row per live customer and name gram (searchGrams in
 * search.ts: its pieces of 2 and 3 ideographs), kept by triggers on customers in the same
 * transaction as every write (migration 0022). A search page walks one token's rows newest first
 * and stops after its page; the owner beside each row lets the data scope filter without reading
 * the customer.
 */
export const customerSearchPostings = pgTable(
  "customer_search_postings",
  {
    token: text().notNull(),
    createdAt: ts().notNull(),
    customerId: uuid().notNull(),
    ownerId: uuid(),
  },
  (t) => [
    // Everyone's or a large scope: walk the token by date, the owner read from the index.
    index("customer_search_postings_date_idx").on(
      t.token,
      t.createdAt.desc().nullsFirst(),
      t.customerId.desc().nullsFirst(),
      t.ownerId,
    ),
    // A small scope (a salesperson's own): straight to the owner's rows of the token.
    index("customer_search_postings_owner_idx").on(
      t.token,
      t.ownerId,
      t.createdAt.desc().nullsFirst(),
      t.customerId.desc().nullsFirst(),
    ),
    // A customer's rows together (written in one go, so on neighbouring pages): what a rename,
    // a new owner or a delete removes. Small: btree deduplication keeps one key per customer.
    index("customer_search_postings_customer_idx").on(t.customerId),
  ],
);

/**
 * The initials' search index: one row per live customer and suffix of 3+ letters of its initials
 * (杭州宏达机械 hzhdjx: hzhdjx, zhdjx, hdjx, djx), kept by triggers on customers like the postings
 * (migration 0036). A search of 3+ letters or digits finds the initials containing it as a prefix
 * range of one btree, from the index alone with the owner and date beside each, where a trigram
 * index had to read and recheck every matching customer row.
 */
export const customerInitialsPostings = pgTable(
  "customer_initials_postings",
  {
    suffix: text().notNull(),
    ownerId: uuid(),
    createdAt: ts().notNull(),
    customerId: uuid().notNull(),
  },
  (t) => [
    index("customer_initials_postings_suffix_idx").on(
      sql`${t.suffix} text_pattern_ops`,
      t.ownerId,
      t.createdAt,
      t.customerId,
    ),
    index("customer_initials_postings_customer_idx").on(t.customerId),
  ],
);

/**
 * How many live customers each owner has under a 1- or 2-ideograph token: the exact total of a
 * name search without other filters, summed over the caller's owners instead of counting up to
 * 10,000 postings (宏达 for a manager of 94 salespeople: 5,694 postings, 94 index descents, 1 ms
 * of every search). Kept by triggers on customer_search_postings, which append signed rows to
 * customer_search_count_deltas (no row is ever updated in a user's transaction: no waits, no
 * deadlocks); customer_search_counts_compact() folds them in here. A total is this plus the
 * deltas, read in one snapshot, so it is exact whether or not the fold has run. The owner is the
 * zero uuid for customers without one.
 */
export const customerSearchCounts = pgTable(
  "customer_search_counts",
  {
    token: text().notNull(),
    ownerId: uuid().notNull(),
    n: integer().notNull(),
  },
  (t) => [primaryKey({ columns: [t.token, t.ownerId] })],
);

/** Signed changes to customer_search_counts not yet folded in (see there). */
export const customerSearchCountDeltas = pgTable(
  "customer_search_count_deltas",
  {
    token: text().notNull(),
    ownerId: uuid().notNull(),
    n: integer().notNull(),
  },
  (t) => [index("customer_search_count_deltas_idx").on(t.token, t.ownerId, t.n)],
);

/** 联系人: many per customer, at most one primary. Reached through the customer's scope. */
export const contacts = pgTable(
  "contacts",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    name: text().notNull(),
    title: text(),
    department: text(),
    mobile: text(),
    phone: text(),
    email: text(),
    wechat: text(),
    birthday: date(),
    notes: text(),
    isPrimary: boolean().notNull().default(false),
    customFields: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    searchTokens: text().array().notNull(),
    deletedAt: ts(),
    createdBy: uuid(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("contacts_customer_idx").on(t.customerId, t.createdAt),
    uniqueIndex("contacts_one_primary_uq").on(t.customerId).where(sql`is_primary and deleted_at is null`),
    index("contacts_tokens_gin").using("gin", t.searchTokens).where(live),
    index("contacts_custom_fields_gin").using("gin", sql`${t.customFields} jsonb_path_ops`).where(live),
  ],
);

/** 字典: the drop-down lists (customer class, industry, source, status, credit rating). */
export const dictionaryItems = pgTable(
  "dictionary_items",
  {
    id: uuid().primaryKey().defaultRandom(),
    type: text().notNull(),
    code: text().notNull(),
    label: text().notNull(),
    labelEn: text(),
    sortOrder: integer().notNull().default(0),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("dictionary_items_type_code_uq").on(t.type, t.code)],
);

/** One merge: what the survivor looked like before and which rows moved, so it can be undone. */
export const customerMerges = pgTable(
  "customer_merges",
  {
    id: uuid().primaryKey().defaultRandom(),
    survivorId: uuid()
      .notNull()
      .references(() => customers.id),
    mergedIds: uuid().array().notNull(),
    survivorBefore: jsonb().$type<Record<string, unknown>>().notNull(),
    survivorVersionAfter: integer().notNull(),
    moved: jsonb()
      .$type<{
        contacts?: string[];
        contactsPrimaryCleared?: string[];
        /** Per table, the ids of the rows each merged customer gave the survivor. */
        records?: Record<string, Record<string, string[]>>;
      }>()
      .notNull(),
    createdBy: uuid(),
    createdAt: ts().notNull().defaultNow(),
    undoneAt: ts(),
    undoneBy: uuid(),
  },
  (t) => [index("customer_merges_survivor_idx").on(t.survivorId)],
);

/** 自定义字段: fields admins add to customers and contacts; values live in `custom_fields`. */
export const customFieldDefinitions = pgTable(
  "custom_field_definitions",
  {
    id: uuid().primaryKey().defaultRandom(),
    entity: text().notNull(),
    key: text().notNull(),
    label: text().notNull(),
    labelEn: text(),
    type: text().notNull(),
    options: jsonb().$type<{ value: string; label: string }[]>().notNull().default([]),
    required: boolean().notNull().default(false),
    unique: boolean().notNull().default(false),
    helpText: text(),
    position: integer().notNull().default(0),
    archivedAt: ts(),
    createdBy: uuid(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [uniqueIndex("custom_field_definitions_key_uq").on(t.entity, t.key)],
);
