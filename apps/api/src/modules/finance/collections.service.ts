import {
  type CollectionActionCreate,
  cmp,
  dec,
  ErrorCode,
  type Payable,
  type SupplierPaymentCreate,
  str,
  sub,
} from "@crm/contracts";
import {
  collectionActions,
  customers,
  type Db,
  type DbOrTx,
  orders,
  payables,
  products,
  receivables,
  supplierPayments,
  transactions,
} from "@crm/db";
import { and, asc, desc, eq, isNull, lte, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { shanghaiDate } from "../../shared/days.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";
import { presentReceivable } from "./receivables.service.js";

const bad = (field: string, code: string) =>
  new AppError(400, ErrorCode.validation, { fields: [{ field, code }] });

/**
 * 欠款催收 at a glance: each customer with an open balance, its overdue part and aging buckets
 * as of `on` (a Shanghai day), oldest due date, owner and the latest collection action.
 * `caller` null: every customer (the reconciliation).
 */
/**
 * Open balances per customer as of `on`, most overdue first. The collection board shows a user's
 * first `limit` (500); a report drill, whose figures sum every customer, asks for all of them.
 */
export async function collectionRows(
  db: DbOrTx,
  caller: Caller | null,
  on: string,
  customerId?: string,
  limit = caller ? 500 : 1_000_000,
) {
  const balance = sql`(${receivables.amount} - ${receivables.paid})`;
  const age = sql`(${on}::date - ${receivables.dueDate})`;
  const bucket = (cond: SQL) =>
    sql<string>`round(coalesce(sum(case when ${cond} then ${balance} else 0 end), 0), 2)::text`;
  const rows = await db
    .select({
      customerId: customers.id,
      customerName: customers.name,
      customerCode: customers.code,
      ownerId: customers.ownerId,
      ownerName: displayNameOf(customers.ownerId),
      open: sql<string>`round(sum(${balance}), 2)::text`,
      overdue: bucket(sql`${age} > 0`),
      notDue: bucket(sql`${age} <= 0`),
      d1to30: bucket(sql`${age} between 1 and 30`),
      d31to60: bucket(sql`${age} between 31 and 60`),
      d61to90: bucket(sql`${age} between 61 and 90`),
      over90: bucket(sql`${age} > 90`),
      oldestDueDate: sql<string | null>`min(${receivables.dueDate})::text`,
      lastActionAt: sql<Date | null>`(select max(${collectionActions.createdAt}) from ${collectionActions} where ${collectionActions.customerId} = ${customers.id})`,
      nextActionDate: sql<
        string | null
      >`(select ${collectionActions.nextActionDate}::text from ${collectionActions} where ${collectionActions.customerId} = ${customers.id} order by ${collectionActions.createdAt} desc limit 1)`,
    })
    .from(receivables)
    .innerJoin(customers, eq(customers.id, receivables.customerId))
    .where(
      and(
        eq(receivables.status, "open"),
        sql`${receivables.amount} > ${receivables.paid}`,
        caller ? scopeWhere(caller.scope, receivables.ownerId) : undefined,
        customerId ? eq(customers.id, customerId) : undefined,
      ),
    )
    .groupBy(customers.id)
    .orderBy(sql`sum(case when ${age} > 0 then ${balance} else 0 end) desc`, sql`sum(${balance}) desc`)
    .limit(limit);
  return rows.map(({ notDue, d1to30, d31to60, d61to90, over90, lastActionAt, ...r }) => ({
    ...r,
    aging: { notDue, d1to30, d31to60, d61to90, over90 },
    lastActionAt: lastActionAt ? new Date(lastActionAt).toISOString() : null,
  }));
}

/** The whole board's figures (every customer in scope, not only the rows shown). */
export async function collectionTotals(db: DbOrTx, caller: Caller, on: string) {
  const balance = sql`(${receivables.amount} - ${receivables.paid})`;
  const [t] = await db
    .select({
      customers: sql<number>`count(distinct ${receivables.customerId})::int`,
      open: sql<string>`round(coalesce(sum(${balance}), 0), 2)::text`,
      overdue: sql<string>`round(coalesce(sum(case when ${receivables.dueDate} < ${on}::date then ${balance} else 0 end), 0), 2)::text`,
    })
    .from(receivables)
    .where(
      and(
        eq(receivables.status, "open"),
        sql`${receivables.amount} > ${receivables.paid}`,
        scopeWhere(caller.scope, receivables.ownerId),
      ),
    );
  return t ?? { customers: 0, open: "0.00", overdue: "0.00" };
}

async function customerInScope(db: DbOrTx, caller: Caller, customerId: string) {
  const [c] = await db
    .select({
      id: customers.id,
      name: customers.name,
      code: customers.code,
      address: customers.address,
      phone: customers.phone,
    })
    .from(customers)
    .where(and(eq(customers.id, customerId), scopeWhere(caller.scope, customers.ownerId)));
  if (!c) throw notFound();
  return c;
}

export async function logCollectionAction(
  db: Db,
  caller: Caller,
  customerId: string,
  input: CollectionActionCreate,
  ctx: RequestContext,
) {
  return db.transaction(async (tx) => {
    await customerInScope(tx, caller, customerId);
    const [row] = await tx
      .insert(collectionActions)
      .values({ ...input, customerId, createdBy: caller.userId })
      .returning();
    await writeAudit(tx, ctx, {
      action: "collection",
      entityType: "collection_action",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { customerId, title: `催收:${input.content.slice(0, 30)}`, kind: input.kind },
    });
    return presentAction({ ...row!, createdByName: caller.displayName });
  });
}

const presentAction = (a: typeof collectionActions.$inferSelect & { createdByName: string | null }) => ({
  id: a.id,
  customerId: a.customerId,
  kind: a.kind as CollectionActionCreate["kind"],
  content: a.content,
  promisedDate: a.promisedDate,
  promisedAmount: a.promisedAmount,
  nextActionDate: a.nextActionDate,
  createdByName: a.createdByName,
  createdAt: a.createdAt.toISOString(),
});

/** 催收账单: a customer's open receivables, their totals and aging, and the collection history. */
export async function dunningBill(db: DbOrTx, caller: Caller, customerId: string) {
  const customer = await customerInScope(db, caller, customerId);
  const on = shanghaiDate();
  const open = await db
    .select({
      r: receivables,
      orderNumber: orders.number,
      customerName: customers.name,
      ownerName: displayNameOf(receivables.ownerId),
    })
    .from(receivables)
    .innerJoin(orders, eq(orders.id, receivables.orderId))
    .innerJoin(customers, eq(customers.id, receivables.customerId))
    .where(
      and(
        eq(receivables.customerId, customerId),
        eq(receivables.status, "open"),
        sql`${receivables.amount} > ${receivables.paid}`,
        scopeWhere(caller.scope, receivables.ownerId),
      ),
    )
    .orderBy(asc(receivables.dueDate));
  const [summary] = await collectionRows(db, caller, on, customerId);
  const actions = await db
    .select({
      a: collectionActions,
      createdByName: displayNameOf(collectionActions.createdBy),
    })
    .from(collectionActions)
    .where(eq(collectionActions.customerId, customerId))
    .orderBy(desc(collectionActions.createdAt))
    .limit(100);
  return {
    on,
    customer,
    receivables: open.map((r) =>
      presentReceivable(
        { ...r.r, orderNumber: r.orderNumber, customerName: r.customerName, ownerName: r.ownerName },
        on,
      ),
    ),
    open: summary?.open ?? "0.00",
    overdue: summary?.overdue ?? "0.00",
    aging: summary?.aging ?? {
      notDue: "0.00",
      d1to30: "0.00",
      d31to60: "0.00",
      d61to90: "0.00",
      over90: "0.00",
    },
    actions: actions.map((a) => presentAction({ ...a.a, createdByName: a.createdByName })),
  };
}

// Payables -----------------------------------------------------------------------------------------

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

// Margins --------------------------------------------------------------------------------------------

/**
 * Gross margin from the sales recorded (D-07): revenue (transaction amounts) against standard
 * cost × quantity, per product, or for one order's deliveries.
 */
export async function margins(
  db: DbOrTx,
  caller: Caller,
  q: { orderId?: string | undefined; productId?: string | undefined },
) {
  const cost = sql`coalesce(${products.standardCost}, 0) * ${transactions.quantity}`;
  const rows = await db
    .select({
      productId: products.id,
      productCode: products.code,
      productName: products.name,
      quantity: sql<string>`sum(${transactions.quantity})::text`,
      revenue: sql<string>`sum(${transactions.amount})::text`,
      cost: sql<string>`round(sum(${cost}), 2)::text`,
      costKnown: sql<boolean>`bool_and(${products.standardCost} is not null)`,
    })
    .from(transactions)
    .innerJoin(products, eq(products.id, transactions.productId))
    .where(
      and(
        isNull(transactions.deletedAt),
        scopeWhere(caller.scope, transactions.ownerId),
        q.orderId ? eq(transactions.orderId, q.orderId) : undefined,
        q.productId ? eq(transactions.productId, q.productId) : undefined,
      ),
    )
    .groupBy(products.id)
    .orderBy(asc(products.code));
  return rows.map((r) => {
    const margin = sub(dec(r.revenue), dec(r.cost));
    // Percent to one decimal, exactly: margin / revenue × 100, rounded half away from zero.
    const m = margin.units * 10n ** BigInt(2 - margin.scale);
    const revenue = dec(r.revenue).units * 10n ** BigInt(2 - dec(r.revenue).scale);
    const rate =
      cmp(dec(r.revenue), dec(0)) > 0
        ? str({ units: (m * 2000n + (m >= 0n ? revenue : -revenue)) / (2n * revenue), scale: 1 })
        : null;
    return { ...r, margin: str(margin), marginPercent: rate };
  });
}
