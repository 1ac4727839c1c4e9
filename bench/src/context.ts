import type { CatalogueProduct } from "./catalogue.js";

/** What every generator (main thread or worker) needs to produce the same rows. */
export interface GenContext {
  seed: number;
  customers: number;
  /** Everything happens from startMs to endMs (Shanghai midnights); customers are created in index order. */
  startMs: number;
  endMs: number;
  /** Salespeople who own customers, and how many each owns relative to the others. */
  owners: string[];
  ownerWeights: number[];
  /** Staff who record and handle the rest: customer service, production, finance. */
  staff: { service: string[]; production: string[]; finance: string[] };
  /** Dictionary codes the API accepts (dictionary_items, or the API's defaults). */
  dict: {
    industry: string[];
    source: string[];
    customer_status: string[];
    credit_rating: string[];
    feedback_type: string[];
  };
  /** The product catalogue (small: built on the main thread, shared as is). */
  products: CatalogueProduct[];
  /** Row counts of the scaled tables. */
  counts: {
    /** Sales recorded directly (transactions not from an order's delivery). */
    directSales: number;
    orders: number;
    feedback: number;
  };
  /** First index of each year (Shanghai) in the time-ordered streams, for yearly document numbers. */
  orderYears: YearStart[];
  feedbackYears: YearStart[];
  /** Contact and care records per customer: the scale of the means and the exact-total correction. */
  records: RecordScale;
  care: RecordScale;
}

export interface YearStart {
  year: number;
  start: number;
}

export interface RecordScale {
  /** Multiplies every customer's mean so the expected total is the target. */
  factor: number;
  /** +1 or -1 for the first customers (in index order, below `until`) that qualify, so the total is exact. */
  adjust: 1 | -1 | 0;
  until: number;
}

export type TaskTable =
  | "customers"
  | "contacts"
  | "orders"
  | "order_lines"
  | "receivables"
  | "payments"
  | "payment_allocations"
  | "order_sales"
  | "direct_sales"
  | "contact_records"
  | "care_records"
  | "feedback"
  | "return_visits";

/** One unit of work: the rows of entities [from, to) of a stream (customers, orders, sales, feedback). */
export interface Task {
  id: number;
  table: TaskTable;
  from: number;
  to: number;
  /** customers only: the last code sequence used per class before `from`. */
  classStart?: Record<"1" | "2" | "3", number>;
}

export interface TaskResult {
  id: number;
  bytes: Uint8Array;
  rows: number;
}
