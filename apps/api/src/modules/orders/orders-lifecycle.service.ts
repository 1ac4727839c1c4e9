// The order's lifecycle: signing, completing and cancelling (with their receivables), and delivering from stock.
import { add, cmp, dec, lineAmount, type OrderDelivery, type OrderStatus, str, sub } from "@crm/contracts";
import { type Db, orderLines, orders, transactions } from "@crm/db";
import { eq } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import type { RequestContext } from "../../shared/audit.js";
import { shanghaiDate } from "../../shared/days.js";
import { cancelReceivables, createReceivables } from "../finance/receivables.service.js";
import { postMovement } from "../products/products-stock.service.js";
import { emitEvent } from "../webhooks/webhooks.service.js";
import { audit, bad, bump, conflict, getOrder, lockOrder } from "./orders.service.js";

const NEXT: Record<"sign" | "complete" | "cancel", { from: OrderStatus[]; to: OrderStatus }> = {
  sign: { from: ["draft"], to: "signed" },
  complete: { from: ["delivered"], to: "completed" },
  cancel: { from: ["draft", "signed"], to: "cancelled" },
};

/** draft → signed → (partly) delivered → completed; draft or signed (nothing delivered) → cancelled. */
export async function transitionOrder(
  db: Db,
  caller: Caller,
  id: string,
  action: keyof typeof NEXT,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockOrder(tx, caller, id, expectedVersion);
    const step = NEXT[action];
    if (!step.from.includes(current.status as OrderStatus)) throw conflict(`order_cannot_${action}`);
    const signing =
      action === "sign" ? { signingDate: current.signingDate ?? shanghaiDate(), signedAt: new Date() } : {};
    // Signing creates the receivables of the payment terms; cancelling cancels the unpaid ones.
    if (action === "sign") await createReceivables(tx, { ...current, signingDate: signing.signingDate! });
    if (action === "cancel") await cancelReceivables(tx, id);
    await tx
      .update(orders)
      .set({ status: step.to, ...signing, ...bump })
      .where(eq(orders.id, id));
    await audit(tx, ctx, caller, current, action, { status: { before: current.status, after: step.to } });
    if (action === "sign")
      await emitEvent(tx, "order.signed", {
        id,
        number: current.number,
        customerId: current.customerId,
        total: current.total,
      });
  });
  return getOrder(db, caller, id);
}

/**
 * Delivers some or all of a signed order in one transaction: each line's quantity leaves stock
 * (never below zero: 409 and nothing is delivered) and becomes a transaction record.
 */
export async function deliverOrder(
  db: Db,
  caller: Caller,
  id: string,
  input: OrderDelivery,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockOrder(tx, caller, id, expectedVersion);
    if (!["signed", "partially_delivered"].includes(current.status)) throw conflict("order_not_deliverable");
    const lines = await tx.select().from(orderLines).where(eq(orderLines.orderId, id));
    const date = input.date ?? shanghaiDate();
    for (const [i, wanted] of input.lines.entries()) {
      const line = lines.find((l) => l.id === wanted.lineId);
      if (!line) throw bad(`lines.${i}.lineId`, "not_found_ref");
      const remaining = sub(dec(line.quantity), dec(line.deliveredQuantity));
      if (cmp(dec(wanted.quantity), remaining) > 0)
        throw bad(`lines.${i}.quantity`, "delivery_exceeds_order");
      const movementId = await postMovement(
        tx,
        caller,
        {
          productId: line.productId,
          kind: "sale_issue",
          quantity: wanted.quantity,
          reference: current.number,
        },
        ctx,
      );
      await tx.insert(transactions).values({
        date,
        customerId: current.customerId,
        productId: line.productId,
        orderId: id,
        orderLineId: line.id,
        orderNumber: current.number,
        unitPrice: line.unitPrice,
        quantity: wanted.quantity,
        amount: lineAmount(line.unitPrice, wanted.quantity, line.discount),
        ownerId: current.ownerId,
        movementId,
      });
      line.deliveredQuantity = str(add(dec(line.deliveredQuantity), dec(wanted.quantity)));
      await tx
        .update(orderLines)
        .set({ deliveredQuantity: line.deliveredQuantity })
        .where(eq(orderLines.id, line.id));
    }
    const done = lines.every((l) => cmp(dec(l.deliveredQuantity), dec(l.quantity)) >= 0);
    const status: OrderStatus = done ? "delivered" : "partially_delivered";
    await tx
      .update(orders)
      .set({ status, ...bump })
      .where(eq(orders.id, id));
    await audit(tx, ctx, caller, current, "deliver", { status: { before: current.status, after: status } });
    await emitEvent(tx, "order.delivered", {
      id,
      number: current.number,
      customerId: current.customerId,
      status,
    });
  });
  return getOrder(db, caller, id);
}
