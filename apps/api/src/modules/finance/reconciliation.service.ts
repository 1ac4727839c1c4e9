import { sumAmounts } from "@crm/contracts";
import { type DbOrTx, payables, paymentAllocations, payments, receivables } from "@crm/db";
import { sql } from "drizzle-orm";
import { shanghaiDate } from "../../shared/days.js";
import { collectionRows } from "./collections.service.js";

/**
 * Proves the books: each receivable's `paid` equals the sum of its allocations and lies within
 * its amount; nothing cancelled kept money; each payment's allocations add up to it and go to its
 * own customer's receivables; the aging buckets add up to the balances.
 */
export async function reconcile(db: DbOrTx) {
  const problems: { kind: string; id: string; detail: string }[] = [];
  const paidVsAllocations = await db.execute<{ id: string; paid: string; allocated: string }>(sql`
    select r.id, r.paid::text as paid, coalesce(sum(a.amount), 0)::text as allocated
    from ${receivables} r left join ${paymentAllocations} a on a.receivable_id = r.id
    group by r.id having r.paid <> coalesce(sum(a.amount), 0)`);
  for (const r of paidVsAllocations.rows)
    problems.push({
      kind: "receivable_paid_mismatch",
      id: r.id,
      detail: `paid ${r.paid}, allocated ${r.allocated}`,
    });
  const outOfRange = await db.execute<{ id: string }>(
    sql`select id from ${receivables} where paid < 0 or paid > amount`,
  );
  for (const r of outOfRange.rows)
    problems.push({ kind: "receivable_overpaid", id: r.id, detail: "paid outside 0..amount" });
  // A cancelled receivable or payable keeps no money: cancelling is refused once money came in.
  const cancelledPaid = await db.execute<{ id: string; paid: string; kind: string }>(sql`
    select id, paid::text as paid, 'receivable' as kind from ${receivables} where status = 'cancelled' and paid <> 0
    union all
    select id, paid::text, 'payable' from ${payables} where status = 'cancelled' and paid <> 0`);
  for (const r of cancelledPaid.rows)
    problems.push({ kind: `cancelled_${r.kind}_paid`, id: r.id, detail: `paid ${r.paid}` });
  // Money is allocated to its own customer's receivables (a merge moves both together).
  const crossed = await db.execute<{ id: string }>(sql`
    select distinct p.id from ${payments} p
    join ${paymentAllocations} a on a.payment_id = p.id
    join ${receivables} r on r.id = a.receivable_id
    where r.customer_id <> p.customer_id`);
  for (const p of crossed.rows)
    problems.push({ kind: "payment_customer_mismatch", id: p.id, detail: "allocated to another customer" });
  const paymentSums = await db.execute<{ id: string; amount: string; allocated: string }>(sql`
    select p.id, p.amount::text as amount, coalesce(sum(a.amount), 0)::text as allocated
    from ${payments} p left join ${paymentAllocations} a on a.payment_id = p.id
    group by p.id having p.amount <> coalesce(sum(a.amount), 0)`);
  for (const p of paymentSums.rows)
    problems.push({
      kind: "payment_allocation_mismatch",
      id: p.id,
      detail: `amount ${p.amount}, allocated ${p.allocated}`,
    });
  // The collection board's aging buckets, over every customer, add up to the open balances.
  const [balances] = (
    await db.execute<{ total: string }>(
      sql`select coalesce(sum(amount - paid), 0)::text as total from ${receivables} where status = 'open'`,
    )
  ).rows;
  const board = await collectionRows(db, null, shanghaiDate());
  const aged = sumAmounts(board.flatMap((c) => Object.values(c.aging)));
  const open = sumAmounts([balances?.total ?? "0"]);
  if (aged !== open)
    problems.push({ kind: "aging_mismatch", id: "-", detail: `buckets ${aged}, balances ${open}` });
  const [counts] = (
    await db.execute<{ receivables: number; payments: number }>(
      sql`select (select count(*)::int from ${receivables}) as receivables, (select count(*)::int from ${payments}) as payments`,
    )
  ).rows;
  return { ok: problems.length === 0, checked: counts ?? { receivables: 0, payments: 0 }, problems };
}
