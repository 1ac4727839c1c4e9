import { dec, ErrorCode, type Payable, type SupplierPaymentCreate, str, sub } from "@crm/contracts";
import { type Db, type DbOrTx, payables, supplierPayments } from "@crm/db";
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError, notFound } from "../../shared/errors.js";

// Payables of purchase orders: listed, paid (never beyond the balance), created and cancelled with
// their purchase order.

const bad = (field: string, code: string) =>
  new AppError(400, ErrorCode.validation, { fields: [{ field, code }] });

export const presentPayable = (
  p: typeof payables.$inferSelect & { purchaseOrderNumber: string },
): Payable => ({
  id: p.id,
  purchaseOrderId: p.purchaseOrderId,
  purchaseOrderNumber: p.purchaseOrderNumber,
  supplier: p.supplier,
  amount: p.amount,
  paid: p.paid,
  balance: p.status === "cancelled" ? "0.00" : str(sub(dec(p.amount), dec(p.paid))),
  dueDate: p.dueDate,
  status: p.status as Payable["status"],
  createdAt: p.createdAt.toISOString(),
});

const payableSelect = (db: DbOrTx) =>
  db
    .select({
      p: payables,
      purchaseOrderNumber: sql<string>`(select number from purchase_orders where id = ${payables.purchaseOrderId})`,
    })
    .from(payables);

export async function listPayables(
  db: DbOrTx,
  q: {
    supplier?: string | undefined;
    status?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await payableSelect(db)
    .where(
      and(
        q.supplier ? eq(payables.supplier, q.supplier) : undefined,
        q.status ? eq(payables.status, q.status) : undefined,
        after
          ? sql`(${payables.dueDate}, ${payables.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(payables.dueDate), asc(payables.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.p.dueDate, r.p.id]);
  return {
    items: page.items.map((r) => presentPayable({ ...r.p, purchaseOrderNumber: r.purchaseOrderNumber })),
    nextCursor: page.nextCursor,
  };
}

export async function getPayable(db: DbOrTx, id: string) {
  const [row] = await payableSelect(db).where(eq(payables.id, id));
  if (!row) throw notFound();
  return presentPayable({ ...row.p, purchaseOrderNumber: row.purchaseOrderNumber });
}

/** Pays a supplier against a payable, never more than is open (conditional update). */
export async function paySupplier(
  db: Db,
  caller: Caller,
  payableId: string,
  input: SupplierPaymentCreate,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [moved] = await tx
      .update(payables)
      .set({
        paid: sql`${payables.paid} + ${input.amount}::numeric`,
        status: sql`case when ${payables.paid} + ${input.amount}::numeric = ${payables.amount} then 'paid' else 'open' end`,
        updatedAt: new Date(),
      })
      .where(
        and(
          eq(payables.id, payableId),
          eq(payables.status, "open"),
          lte(sql`${payables.paid} + ${input.amount}::numeric`, payables.amount),
        ),
      )
      .returning({ id: payables.id });
    if (!moved) {
      const [p] = await tx.select().from(payables).where(eq(payables.id, payableId));
      if (!p) throw notFound();
      throw bad("amount", p.status === "open" ? "payment_exceeds_balance" : "payable_not_open");
    }
    const [payment] = await tx
      .insert(supplierPayments)
      .values({ ...input, payableId, createdBy: caller.userId })
      .returning({ id: supplierPayments.id });
    await writeAudit(tx, ctx, {
      action: "supplier_payment",
      entityType: "payable",
      entityId: payableId,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { paymentId: payment!.id, amount: input.amount },
    });
  });
  return getPayable(db, payableId);
}

/** A purchase order's payable, due 30 days after the order unless an expected date says otherwise. */
export async function createPayable(
  tx: DbOrTx,
  po: { id: string; supplier: string; total: string; orderDate: string; expectedDate: string | null },
) {
  const due =
    po.expectedDate ??
    new Date(Date.parse(`${po.orderDate}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
  await tx
    .insert(payables)
    .values({ purchaseOrderId: po.id, supplier: po.supplier, amount: po.total, dueDate: due });
}

export async function cancelPayable(tx: DbOrTx, purchaseOrderId: string) {
  // Lock the payables before looking at what is paid: a supplier payment in flight then either
  // lands first and is seen below, or finds them cancelled.
  await tx
    .select({ id: payables.id })
    .from(payables)
    .where(eq(payables.purchaseOrderId, purchaseOrderId))
    .orderBy(payables.id)
    .for("update");
  const [paid] = await tx
    .select({ id: payables.id })
    .from(payables)
    .where(and(eq(payables.purchaseOrderId, purchaseOrderId), sql`${payables.paid} > 0`));
  if (paid)
    throw new AppError(409, ErrorCode.conflict, {
      fields: [{ field: "status", code: "purchase_has_payments" }],
    });
  await tx
    .update(payables)
    .set({ status: "cancelled", updatedAt: new Date() })
    .where(eq(payables.purchaseOrderId, purchaseOrderId));
}
