import {
  bigint,
  date,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";

/**
 * Report aggregates (报表汇总), kept exact by triggers (migration 0020, see
 * apps/api/src/modules/reports/aggregates.ts for how reports read them):
 *
 * - Additive rollups by owner and month (sales, feedback, customer counts). Writers only append
 *   signed rows to a `*_delta` table (no contention between writers); `reports_compact()` moves
 *   them into the rollups, and a report reads rollup ∪ delta, so it is exact at its snapshot.
 * - Per-customer figures (sales, visits by month, year and all time; each customer's first sale),
 *   recomputed for the affected customer in the writing transaction.
 *
 * Owners: a sale's and a visit's owner is the record's; feedback's and customer counts' is the
 * customer's current owner (zero uuid: none), as the reports' scopes have them.
 */

const ts = () => timestamp({ withTimezone: true, precision: 3 });
const count = () => integer().notNull().default(0);
const sum = () => numeric().notNull().default("0");

// Sales (transactions) -------------------------------------------------------------------------------

export const reportSalesDelta = pgTable("report_sales_delta", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  ownerId: uuid().notNull(),
  productId: uuid().notNull(),
  day: date().notNull(),
  province: text().notNull(),
  /** The customer's class ('' in rows appended before migration 0028). */
  class: text().notNull().default(""),
  sales: count(),
  quantity: sum(),
  amount: sum(),
});

const salesMeasures = () => ({ sales: count(), quantity: sum(), amount: sum() });

export const reportSalesOwner = pgTable(
  "report_sales_owner",
  { ownerId: uuid().notNull(), month: date().notNull(), ...salesMeasures() },
  (t) => [primaryKey({ columns: [t.ownerId, t.month] })],
);
export const reportSalesProduct = pgTable(
  "report_sales_product",
  { ownerId: uuid().notNull(), month: date().notNull(), productId: uuid().notNull(), ...salesMeasures() },
  (t) => [primaryKey({ columns: [t.ownerId, t.month, t.productId] })],
);
export const reportSalesRegion = pgTable(
  "report_sales_region",
  { ownerId: uuid().notNull(), month: date().notNull(), province: text().notNull(), ...salesMeasures() },
  (t) => [primaryKey({ columns: [t.ownerId, t.month, t.province] })],
);
/** The same, over every owner (for callers who see all data and filter by no owner). */
export const reportSalesProductAll = pgTable(
  "report_sales_product_all",
  { month: date().notNull(), productId: uuid().notNull(), ...salesMeasures() },
  (t) => [primaryKey({ columns: [t.month, t.productId] })],
);
export const reportSalesRegionAll = pgTable(
  "report_sales_region_all",
  { month: date().notNull(), province: text().notNull(), ...salesMeasures() },
  (t) => [primaryKey({ columns: [t.month, t.province] })],
);

/**
 * The same by the customer's province and class (the reports' region and class filters): by owner,
 * month and product; by owner and month; and over every owner by month and product.
 */
export const reportSalesAttr = pgTable(
  "report_sales_attr",
  {
    ownerId: uuid().notNull(),
    month: date().notNull(),
    productId: uuid().notNull(),
    province: text().notNull(),
    class: text().notNull(),
    ...salesMeasures(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.month, t.productId, t.province, t.class] }),
    // Also (migration 0030, INCLUDE is not expressible here): covering indexes on (province,
    // owner_id, month) and (class, owner_id, month) with the measures, so a province or class
    // filter in a department's scope is an index-only scan of that scope's rows.
  ],
);
export const reportSalesAttrOwner = pgTable(
  "report_sales_attr_owner",
  {
    ownerId: uuid().notNull(),
    month: date().notNull(),
    province: text().notNull(),
    class: text().notNull(),
    ...salesMeasures(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.month, t.province, t.class] }),
    index("report_sales_attr_owner_province_idx").on(t.province, t.month),
    index("report_sales_attr_owner_class_idx").on(t.class, t.month),
  ],
);
export const reportSalesAttrAll = pgTable(
  "report_sales_attr_all",
  {
    month: date().notNull(),
    productId: uuid().notNull(),
    province: text().notNull(),
    class: text().notNull(),
    ...salesMeasures(),
  },
  (t) => [
    primaryKey({ columns: [t.month, t.productId, t.province, t.class] }),
    index("report_sales_attr_all_province_idx").on(t.province, t.month),
    index("report_sales_attr_all_class_idx").on(t.class, t.month),
  ],
);

/**
 * A customer's live sales by one owner: grain 'm' (start = the month), 'y' (the year) or 'a'
 * (all time, start 1970-01-01).
 */
export const reportCustomerSales = pgTable(
  "report_customer_sales",
  {
    customerId: uuid().notNull(),
    ownerId: uuid().notNull(),
    grain: text().notNull(),
    start: date().notNull(),
    sales: count(),
    amount: sum(),
    lastDate: date().notNull(),
    /** The customer's province and class (kept by the customers trigger): the reports' filters. */
    province: text().notNull().default(""),
    class: text().notNull().default(""),
  },
  (t) => [
    // Covering index (grain, start, owner_id) INCLUDE (…) in the migration's SQL.
    primaryKey({ columns: [t.customerId, t.ownerId, t.grain, t.start] }),
  ],
);

/** Each customer's first live sale by each owner (date, then time recorded). */
export const reportFirstSales = pgTable(
  "report_first_sales",
  {
    customerId: uuid().notNull(),
    ownerId: uuid().notNull(),
    transactionId: uuid().notNull(),
    date: date().notNull(),
    createdAt: ts().notNull(),
    productId: uuid().notNull(),
    amount: numeric({ precision: 16, scale: 2 }).notNull(),
    /** The customer's province and class (kept by the customers trigger): the reports' filters. */
    province: text().notNull().default(""),
    class: text().notNull().default(""),
  },
  (t) => [
    // Covering index (customer_id, date, created_at) INCLUDE (…) in the migration's SQL.
    primaryKey({ columns: [t.customerId, t.ownerId] }),
    index("report_first_sales_owner_idx").on(t.ownerId),
  ],
);

// Visits (contact records) -----------------------------------------------------------------------------

/** A customer's live contact records by one owner, per grain as report_customer_sales. */
export const reportCustomerVisits = pgTable(
  "report_customer_visits",
  {
    customerId: uuid().notNull(),
    ownerId: uuid().notNull(),
    grain: text().notNull(),
    start: date().notNull(),
    visits: count(),
    inPerson: count(),
    lastAt: ts().notNull(),
    lastResult: text(),
    /** The customer's province and class (kept by the customers trigger): the reports' filters. */
    province: text().notNull().default(""),
    class: text().notNull().default(""),
  },
  (t) => [
    // Covering index (grain, start, owner_id) INCLUDE (…) in the migration's SQL.
    primaryKey({ columns: [t.customerId, t.ownerId, t.grain, t.start] }),
  ],
);

// Feedback and return visits ---------------------------------------------------------------------------

export const reportFeedbackDelta = pgTable("report_feedback_delta", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  ownerId: uuid().notNull(),
  day: date().notNull(),
  type: text().notNull(),
  productId: uuid().notNull(),
  handlerId: uuid().notNull(),
  /** The customer's province and class ('' in rows appended before migration 0028). */
  province: text().notNull().default(""),
  class: text().notNull().default(""),
  /** Set on a return visit's row: the month it was done in (the rating trend). */
  doneMonth: date(),
  feedback: count(),
  open: count(),
  responded: count(),
  responseSeconds: sum(),
  closed: count(),
  resolutionSeconds: sum(),
  rated: count(),
  ratingSum: count(),
  doneVisits: count(),
  doneRated: count(),
  doneRatingSum: count(),
});

const feedbackMeasures = () => ({
  feedback: count(),
  open: count(),
  responded: count(),
  responseSeconds: sum(),
  closed: count(),
  resolutionSeconds: sum(),
  rated: count(),
  ratingSum: count(),
});

export const reportFeedbackType = pgTable(
  "report_feedback_type",
  { ownerId: uuid().notNull(), month: date().notNull(), type: text().notNull(), ...feedbackMeasures() },
  (t) => [primaryKey({ columns: [t.ownerId, t.month, t.type] })],
);
/** Product and handler: the zero uuid stands for none. */
export const reportFeedbackProduct = pgTable(
  "report_feedback_product",
  { ownerId: uuid().notNull(), month: date().notNull(), productId: uuid().notNull(), ...feedbackMeasures() },
  (t) => [primaryKey({ columns: [t.ownerId, t.month, t.productId] })],
);
export const reportFeedbackHandler = pgTable(
  "report_feedback_handler",
  { ownerId: uuid().notNull(), month: date().notNull(), handlerId: uuid().notNull(), ...feedbackMeasures() },
  (t) => [primaryKey({ columns: [t.ownerId, t.month, t.handlerId] })],
);
export const reportFeedbackProductAll = pgTable(
  "report_feedback_product_all",
  { month: date().notNull(), productId: uuid().notNull(), ...feedbackMeasures() },
  (t) => [primaryKey({ columns: [t.month, t.productId] })],
);
export const reportFeedbackHandlerAll = pgTable(
  "report_feedback_handler_all",
  { month: date().notNull(), handlerId: uuid().notNull(), ...feedbackMeasures() },
  (t) => [primaryKey({ columns: [t.month, t.handlerId] })],
);
/** Done return visits by the feedback's month and the month they were done in. */
export const reportFeedbackTrend = pgTable(
  "report_feedback_trend",
  {
    ownerId: uuid().notNull(),
    month: date().notNull(),
    doneMonth: date().notNull(),
    visits: count(),
    rated: count(),
    ratingSum: count(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.month, t.doneMonth] })],
);

/**
 * Feedback by owner, month, the customer's province and class, type, product and handler (the
 * reports' region and class filters), and done return visits by the same and the month done in.
 */
export const reportFeedbackAttr = pgTable(
  "report_feedback_attr",
  {
    ownerId: uuid().notNull(),
    month: date().notNull(),
    province: text().notNull(),
    class: text().notNull(),
    type: text().notNull(),
    productId: uuid().notNull(),
    handlerId: uuid().notNull(),
    ...feedbackMeasures(),
  },
  (t) => [
    primaryKey({
      columns: [t.ownerId, t.month, t.province, t.class, t.type, t.productId, t.handlerId],
    }),
    index("report_feedback_attr_province_idx").on(t.province, t.month),
    index("report_feedback_attr_class_idx").on(t.class, t.month),
  ],
);
export const reportFeedbackAttrTrend = pgTable(
  "report_feedback_attr_trend",
  {
    ownerId: uuid().notNull(),
    month: date().notNull(),
    province: text().notNull(),
    class: text().notNull(),
    doneMonth: date().notNull(),
    visits: count(),
    rated: count(),
    ratingSum: count(),
  },
  (t) => [
    primaryKey({ columns: [t.ownerId, t.month, t.province, t.class, t.doneMonth] }),
    index("report_feedback_attr_trend_province_idx").on(t.province, t.month),
    index("report_feedback_attr_trend_class_idx").on(t.class, t.month),
  ],
);

// Customers (evaluation) ----------------------------------------------------------------------------------

export const reportCustomerDelta = pgTable("report_customer_delta", {
  id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
  ownerId: uuid().notNull(),
  province: text().notNull(),
  class: text().notNull(),
  creditRating: text().notNull(),
  band: text().notNull(),
  customers: count(),
});

/** Live customers by owner (zero uuid: none), province, class, credit rating ('': none) and revenue band. */
export const reportCustomerCounts = pgTable(
  "report_customer_counts",
  {
    ownerId: uuid().notNull(),
    province: text().notNull(),
    class: text().notNull(),
    creditRating: text().notNull(),
    band: text().notNull(),
    customers: count(),
  },
  (t) => [primaryKey({ columns: [t.ownerId, t.province, t.class, t.creditRating, t.band] })],
);
