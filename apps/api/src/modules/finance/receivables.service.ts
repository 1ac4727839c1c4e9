// Receivables: creating them when an order is signed, cancelling them with it, and listing them.
import { add, cmp, dec, ErrorCode, type Receivable, round, str, sub } from "@crm/contracts";
import { customers, type DbOrTx, orders, receivables } from "@crm/db";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { addDays, shanghaiDate } from "../../shared/days.js";
import { AppError } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";

const daysBetween = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/**
 * Signing an order: one receivable per instalment, each its percent of the total rounded to the
 * fen, the last one taking what is left, so they add up to the total exactly.
 */
export async function createReceivables(
  tx: DbOrTx,
  order: {
    id: string;
    customerId: string;
    ownerId: string;
    total: string;
    signingDate: string;
    instalments: { percent: string; dueInDays: number }[];
  },
) {
  let allocated = dec(0);
  const rows = order.instalments.map((i, n) => {
    const last = n === order.instalments.length - 1;
    const amount = last
      ? sub(dec(order.total), allocated)
      : round(
          {
            units: dec(order.total).units * dec(i.percent).units,
            scale: dec(order.total).scale + dec(i.percent).scale + 2,
          },
          2,
        );
    allocated = add(allocated, amount);
    return {
      orderId: order.id,
      customerId: order.customerId,
      ownerId: order.ownerId,
      instalmentNo: n + 1,
      amount: str(round(amount, 2)),
      dueDate: addDays(order.signingDate, i.dueInDays),
    };
  });
  await tx.insert(receivables).values(rows.filter((r) => cmp(dec(r.amount), dec(0)) > 0));
}

/** Cancelling an order cancels its receivables, unless money was received against them. */
export async function cancelReceivables(tx: DbOrTx, orderId: string) {
  // Lock the order's receivables (in id order, as payments do) before looking at what is paid: a
  // payment in flight then either lands first and is seen below, or finds them cancelled.
  await tx
    .select({ id: receivables.id })
    .from(receivables)
    .where(eq(receivables.orderId, orderId))
    .orderBy(receivables.id)
    .for("update");
  const [paid] = await tx
    .select({ id: receivables.id })
    .from(receivables)
    .where(and(eq(receivables.orderId, orderId), gt(receivables.paid, "0")))
    .limit(1);
  if (paid)
    throw new AppError(409, ErrorCode.conflict, {
      fields: [{ field: "status", code: "order_has_payments" }],
    });
  await tx
    .update(receivables)
    .set({ status: "cancelled", updatedAt: new Date() })
    .where(and(eq(receivables.orderId, orderId), eq(receivables.status, "open")));
}

/** Finance sees its scope; a salesperson sees their own customers' receivables (read-only). */
const inScope = (caller: Caller) => scopeWhere(caller.scope, receivables.ownerId);

export function presentReceivable(
  r: typeof receivables.$inferSelect & {
    orderNumber: string;
    customerName: string;
    ownerName: string | null;
  },
  today = shanghaiDate(),
): Receivable {
  const balance = str(sub(dec(r.amount), dec(r.paid)));
  const open = r.status === "open" && cmp(dec(balance), dec(0)) > 0;
  return {
    id: r.id,
    orderId: r.orderId,
    orderNumber: r.orderNumber,
    customerId: r.customerId,
    customerName: r.customerName,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    instalmentNo: r.instalmentNo,
    amount: r.amount,
    paid: r.paid,
    balance: r.status === "cancelled" ? "0.00" : balance,
    dueDate: r.dueDate,
    overdueDays: open ? Math.max(0, daysBetween(r.dueDate, today)) : 0,
    status: r.status as Receivable["status"],
    createdAt: r.createdAt.toISOString(),
  };
}

const receivableColumns = {
  r: receivables,
  orderNumber: orders.number,
  customerName: customers.name,
  ownerName: displayNameOf(receivables.ownerId),
};

export async function listReceivables(
  db: DbOrTx,
  caller: Caller,
  q: {
    customerId?: string | undefined;
    orderId?: string | undefined;
    status?: string | undefined;
    overdue?: "true" | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(q.cursor, 2);
  const today = shanghaiDate();
  const rows = await db
    .select(receivableColumns)
    .from(receivables)
    .innerJoin(orders, eq(orders.id, receivables.orderId))
    .innerJoin(customers, eq(customers.id, receivables.customerId))
    .where(
      and(
        inScope(caller),
        q.customerId ? eq(receivables.customerId, q.customerId) : undefined,
        q.orderId ? eq(receivables.orderId, q.orderId) : undefined,
        q.status ? eq(receivables.status, q.status) : undefined,
        q.overdue ? and(eq(receivables.status, "open"), sql`${receivables.dueDate} < ${today}`) : undefined,
        after
          ? sql`(${receivables.dueDate}, ${receivables.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(receivables.dueDate), asc(receivables.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.r.dueDate, r.r.id]);
  return {
    items: page.items.map((r) =>
      presentReceivable(
        { ...r.r, orderNumber: r.orderNumber, customerName: r.customerName, ownerName: r.ownerName },
        today,
      ),
    ),
    nextCursor: page.nextCursor,
  };
}
