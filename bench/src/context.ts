/** What every generator (main thread or worker) needs to produce the same rows. */
export interface GenContext {
  seed: number;
  customers: number;
  /** created_at of customers spreads evenly from startMs to endMs, in index order. */
  startMs: number;
  endMs: number;
  /** Salespeople who own customers, and how many each owns relative to the others. */
  owners: string[];
  ownerWeights: number[];
  /** Dictionary codes the API accepts (dictionary_items, or the API's defaults). */
  dict: {
    industry: string[];
    source: string[];
    customer_status: string[];
    credit_rating: string[];
  };
}

/** One unit of work: the rows of customers [from, to) of a table. */
export interface Task {
  id: number;
  table: "customers" | "contacts";
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
