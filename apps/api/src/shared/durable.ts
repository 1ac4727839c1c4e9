import type { DbOrTx } from "@crm/db";
import { sql } from "drizzle-orm";

/**
 * Hot rows held to the commit: a code counter (codes are consecutive, so its row stays locked
 * until the customer is committed) and a product's stock row (no oversell). Waiting for the WAL
 * flush (a few ms on a slow disk) while holding them would let only one writer through per flush.
 *
 * So such a transaction commits without waiting for its flush (set in the statement that takes
 * the lock, for that transaction only): its locks go as soon as its commit record is in the WAL,
 * and the next writer proceeds. Before the caller is answered, `untilDurable` makes the WAL
 * durable up to there, with the next writers' flushes batched into one. No acknowledged write can
 * be lost, and the WAL is a prefix after a crash: a lost commit loses every later one too (a
 * code N+1 never survives without N, a stock level never without the movement before it).
 */
export const commitWithoutWaitingForFlush = sql`set_config('synchronous_commit', 'off', true)`;

/**
 * Returns once everything committed before it is flushed to disk: a transactional WAL message
 * commits synchronously like any write, and a flush covers the whole WAL before its record.
 */
export async function untilDurable(db: DbOrTx): Promise<void> {
  await db.execute(sql`select pg_logical_emit_message(true, 'crm.durable', '')`);
}
