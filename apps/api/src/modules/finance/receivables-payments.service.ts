// Payments: recording money received against a customer's receivables, reversing it, and reading payments.
import { dec, ErrorCode, type Payment, type PaymentCreate, round, str, sumAmounts } from "@crm/contracts";
import { customers, type Db, type DbOrTx, paymentAllocations, payments, receivables } from "@crm/db";
import { and, desc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { shanghaiDate } from "../../shared/days.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";
import { emitEvent } from "../webhooks/webhooks.service.js";

const bad = (field: string, code: string) =>
  new AppError(400, ErrorCode.validation, { fields: [{ field, code }] });

async function loadPayments(db: DbOrTx, ids: string[]): Promise<Payment[]> {
  if (!ids.length) return [];
  const heads = await db
    .select({
      p: payments,
      customerName: customers.name,
      createdByName: displayNameOf(payments.createdBy),
      reversedById: sql<
        string | null
      >`(select r.id from ${payments} r where r.reverses_id = ${payments.id} limit 1)`,
    })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(inArray(payments.id, ids));
  const allocations = await db
    .select({
      paymentId: paymentAllocations.paymentId,
      receivableId: paymentAllocations.receivableId,
      amount: paymentAllocations.amount,
    })
    .from(paymentAllocations)
    .where(inArray(paymentAllocations.paymentId, ids));
  const byId = new Map(heads.map((h) => [h.p.id, h]));
  return ids.flatMap((id) => {
    const h = byId.get(id);
    if (!h) return [];
    return [
      {
        id,
        customerId: h.p.customerId,
        customerName: h.customerName,
        receivedOn: h.p.receivedOn,
        amount: h.p.amount,
        method: h.p.method as Payment["method"],
        reference: h.p.reference,
        notes: h.p.notes,
        reversesId: h.p.reversesId,
        reversedById: h.reversedById,
        allocations: allocations.filter((a) => a.paymentId === id).map(({ paymentId: _p, ...a }) => a),
        createdByName: h.createdByName,
        createdAt: h.p.createdAt.toISOString(),
      },
    ];
  });
}

export async function getPayment(db: DbOrTx, caller: Caller, id: string) {
  const [p] = await loadPayments(db, [id]);
  if (!p) throw notFound();
  await customerInScope(db, caller, p.customerId, () => notFound());
  return p;
}

async function customerInScope(db: DbOrTx, caller: Caller, customerId: string, fail: () => AppError) {
  const [c] = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.id, customerId), scopeWhere(caller.scope, customers.ownerId)));
  if (!c) throw fail();
}

export async function listPayments(
  db: DbOrTx,
  caller: Caller,
  q: { customerId?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await db
    .select({ id: payments.id, createdAt: payments.createdAt })
    .from(payments)
    .innerJoin(customers, eq(customers.id, payments.customerId))
    .where(
      and(
        scopeWhere(caller.scope, customers.ownerId),
        q.customerId ? eq(payments.customerId, q.customerId) : undefined,
        after
          ? sql`(${payments.createdAt}, ${payments.id}) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(payments.createdAt), desc(payments.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: await loadPayments(
      db,
      page.items.map((r) => r.id),
    ),
    nextCursor: page.nextCursor,
  };
}

/**
 * Records money received and applies it to open receivables of that customer. Each allocation
 * moves `paid` by a conditional update that only succeeds while it stays within the amount, so
 * nothing is ever paid twice, even by concurrent payments; all or nothing.
 */
export async function recordPayment(db: Db, caller: Caller, input: PaymentCreate, ctx: RequestContext) {
  if (sumAmounts(input.allocations.map((a) => a.amount)) !== str(round(dec(input.amount), 2)))
    throw bad("allocations", "allocations_not_equal_amount");
  const id = await db.transaction(async (tx) => {
    await customerInScope(tx, caller, input.customerId, () => bad("customerId", "not_found_ref"));
    const [payment] = await tx
      .insert(payments)
      .values({
        customerId: input.customerId,
        receivedOn: input.receivedOn,
        amount: input.amount,
        method: input.method,
        reference: input.reference ?? null,
        notes: input.notes ?? null,
        createdBy: caller.userId,
      })
      .returning({ id: payments.id });
    // Receivables are locked in one order (by id) whatever the allocations' order, so two payments
    // touching the same receivables in opposite orders cannot deadlock.
    const inLockOrder = [...input.allocations.entries()].sort(([, x], [, y]) =>
      x.receivableId < y.receivableId ? -1 : x.receivableId > y.receivableId ? 1 : 0,
    );
    for (const [i, a] of inLockOrder) {
      const [moved] = await tx
        .update(receivables)
        .set({
          paid: sql`${receivables.paid} + ${a.amount}::numeric`,
          status: sql`case when ${receivables.paid} + ${a.amount}::numeric = ${receivables.amount} then 'paid' else 'open' end`,
          updatedAt: new Date(),
        })
        .where(
          and(
            eq(receivables.id, a.receivableId),
            eq(receivables.customerId, input.customerId),
            eq(receivables.status, "open"),
            lte(sql`${receivables.paid} + ${a.amount}::numeric`, receivables.amount),
          ),
        )
        .returning({ id: receivables.id });
      if (!moved) {
        const [r] = await tx.select().from(receivables).where(eq(receivables.id, a.receivableId));
        throw bad(
          `allocations.${i}.amount`,
          !r || r.customerId !== input.customerId || r.status === "cancelled"
            ? "receivable_not_open"
            : "payment_exceeds_balance",
        );
      }
      await tx
        .insert(paymentAllocations)
        .values({ paymentId: payment!.id, receivableId: a.receivableId, amount: a.amount });
    }
    await writeAudit(tx, ctx, {
      action: "payment",
      entityType: "payment",
      entityId: payment!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { customerId: input.customerId, title: `收款 ${input.amount}`, amount: input.amount },
    });
    await emitEvent(tx, "payment.received", {
      id: payment!.id,
      customerId: input.customerId,
      amount: input.amount,
      receivedOn: input.receivedOn,
    });
    return payment!.id;
  });
  return getPayment(db, caller, id);
}

/** Reverses a payment with a new, negative one: its allocations are undone, nothing is edited. */
export async function reversePayment(
  db: Db,
  caller: Caller,
  id: string,
  reason: string,
  ctx: RequestContext,
) {
  const newId = await db.transaction(async (tx) => {
    const original = await getPayment(tx, caller, id);
    if (original.reversesId)
      throw new AppError(409, ErrorCode.conflict, { fields: [{ field: "id", code: "payment_is_reversal" }] });
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`payment:${id}`}))`);
    const [already] = await tx.select({ id: payments.id }).from(payments).where(eq(payments.reversesId, id));
    if (already)
      throw new AppError(409, ErrorCode.conflict, {
        fields: [{ field: "id", code: "payment_already_reversed" }],
      });
    const [reversal] = await tx
      .insert(payments)
      .values({
        customerId: original.customerId,
        receivedOn: shanghaiDate(),
        amount: `-${original.amount}`,
        method: original.method,
        reference: original.reference,
        notes: reason,
        reversesId: id,
        createdBy: caller.userId,
      })
      .returning({ id: payments.id });
    // In the same lock order as recordPayment.
    const inLockOrder = [...original.allocations].sort((x, y) =>
      x.receivableId < y.receivableId ? -1 : x.receivableId > y.receivableId ? 1 : 0,
    );
    for (const a of inLockOrder) {
      await tx
        .update(receivables)
        .set({
          paid: sql`${receivables.paid} - ${a.amount}::numeric`,
          status: sql`case when ${receivables.status} = 'paid' then 'open' else ${receivables.status} end`,
          updatedAt: new Date(),
        })
        .where(eq(receivables.id, a.receivableId));
      await tx
        .insert(paymentAllocations)
        .values({ paymentId: reversal!.id, receivableId: a.receivableId, amount: `-${a.amount}` });
    }
    await writeAudit(tx, ctx, {
      action: "payment_reversal",
      entityType: "payment",
      entityId: reversal!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { customerId: original.customerId, title: `冲销收款 ${original.amount}`, reverses: id, reason },
    });
    return reversal!.id;
  });
  return getPayment(db, caller, newId);
}
