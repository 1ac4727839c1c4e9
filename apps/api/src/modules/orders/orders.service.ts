// Orders: the reads (one order, the list), creating, editing and the recycle bin, and the helpers
// (checks, locking, audit) the lifecycle in orders-lifecycle.service.ts shares.
import {
  ErrorCode,
  lineAmount,
  type Order,
  type OrderCreate,
  type OrderStatus,
  type OrderUpdate,
  sumAmounts,
} from "@crm/contracts";
import { customers, type Db, type DbOrTx, orderLines, orders, products } from "@crm/db";
import { and, asc, desc, eq, gte, ilike, inArray, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { containing, displayNameOf, yearlyNumber } from "../../shared/sql.js";
import { checkVersion, diff } from "../../shared/versioning.js";

export const bad = (field: string, code: string) =>
  new AppError(400, ErrorCode.validation, { fields: [{ field, code }] });
export const conflict = (code: string) =>
  new AppError(409, ErrorCode.conflict, { detail: code, fields: [{ field: "status", code }] });

/** A live customer in the caller's scope, with its owner (who owns its orders and sales). */
export async function customerFor(tx: DbOrTx, caller: Caller, customerId: string) {
  const [row] = await tx
    .select({ id: customers.id, name: customers.name, ownerId: customers.ownerId })
    .from(customers)
    .where(
      and(
        eq(customers.id, customerId),
        isNull(customers.deletedAt),
        scopeWhere(caller.scope, customers.ownerId),
      ),
    );
  if (!row) throw bad("customerId", "not_found_ref");
  return { ...row, ownerId: row.ownerId ?? caller.userId };
}

/** The products of the lines, live and active (400 naming the line otherwise). */
export async function productsFor(tx: DbOrTx, ids: string[], field: (i: number) => string) {
  const rows = await tx
    .select({ id: products.id, active: products.active, deletedAt: products.deletedAt })
    .from(products)
    .where(inArray(products.id, [...new Set(ids)]));
  const ok = new Set(rows.filter((r) => r.active && !r.deletedAt).map((r) => r.id));
  const missing = ids.findIndex((id) => !ok.has(id));
  if (missing >= 0) throw bad(field(missing), "not_found_ref");
}

const priced = (lines: OrderCreate["lines"]) =>
  lines.map((l, i) => {
    const discount = l.discount ?? "0";
    return {
      lineNo: i + 1,
      productId: l.productId,
      unitPrice: l.unitPrice,
      quantity: l.quantity,
      discount,
      amount: lineAmount(l.unitPrice, l.quantity, discount),
    };
  });

async function writeLines(tx: DbOrTx, orderId: string, lines: OrderCreate["lines"]) {
  const rows = priced(lines);
  await tx.delete(orderLines).where(eq(orderLines.orderId, orderId));
  await tx.insert(orderLines).values(rows.map((r) => ({ ...r, orderId })));
  return sumAmounts(rows.map((r) => r.amount));
}

const orderColumns = {
  ...{
    id: orders.id,
    number: orders.number,
    customerId: orders.customerId,
    ownerId: orders.ownerId,
    status: orders.status,
    signingDate: orders.signingDate,
    deliveryDate: orders.deliveryDate,
    paymentTerms: orders.paymentTerms,
    notes: orders.notes,
    total: orders.total,
    instalments: orders.instalments,
    deletedAt: orders.deletedAt,
    createdAt: orders.createdAt,
    updatedAt: orders.updatedAt,
    version: orders.version,
  },
  customerName: customers.name,
  customerCode: customers.code,
  ownerName: displayNameOf(orders.ownerId),
};

type OrderRow = Awaited<ReturnType<typeof selectOrders>>[number];
const selectOrders = (db: DbOrTx, where: SQL | undefined) =>
  db.select(orderColumns).from(orders).innerJoin(customers, eq(customers.id, orders.customerId)).where(where);

const presentSummary = ({ deletedAt, createdAt, updatedAt, ...r }: OrderRow) => ({
  ...r,
  status: r.status as OrderStatus,
  deleted: deletedAt !== null,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

/** Orders are owned records: the owner's scope decides, in the one access filter. */
const inScope = (caller: Caller) => scopeWhere(caller.scope, orders.ownerId);

export async function getOrder(db: DbOrTx, caller: Caller, id: string): Promise<Order> {
  const [row] = await selectOrders(db, and(eq(orders.id, id), inScope(caller)));
  if (!row) throw notFound();
  const lines = await db
    .select({
      id: orderLines.id,
      lineNo: orderLines.lineNo,
      productId: orderLines.productId,
      productCode: products.code,
      productName: products.name,
      unit: products.unit,
      unitPrice: orderLines.unitPrice,
      quantity: orderLines.quantity,
      discount: orderLines.discount,
      amount: orderLines.amount,
      deliveredQuantity: orderLines.deliveredQuantity,
    })
    .from(orderLines)
    .innerJoin(products, eq(products.id, orderLines.productId))
    .where(eq(orderLines.orderId, id))
    .orderBy(asc(orderLines.lineNo));
  return { ...presentSummary(row), lines };
}

export async function listOrders(
  db: DbOrTx,
  caller: Caller,
  q: {
    q?: string | undefined;
    customerId?: string | undefined;
    status?: OrderStatus | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(q.cursor, 2);
  const text = q.q ? containing(q.q) : null;
  const rows = await selectOrders(
    db,
    and(
      inScope(caller),
      isNull(orders.deletedAt),
      text ? or(ilike(orders.number, text), ilike(customers.name, text)) : undefined,
      q.customerId ? eq(orders.customerId, q.customerId) : undefined,
      q.status ? eq(orders.status, q.status) : undefined,
      q.from ? gte(orders.signingDate, q.from) : undefined,
      q.to ? lte(orders.signingDate, q.to) : undefined,
      after
        ? sql`(${orders.createdAt}, ${orders.id}) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`
        : undefined,
    ),
  )
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map(presentSummary), nextCursor: page.nextCursor };
}

export const audit = (
  tx: DbOrTx,
  ctx: RequestContext,
  caller: Caller,
  order: { id: string; customerId: string; number: string },
  action: string,
  changes: Record<string, { before: unknown; after: unknown }> | null = null,
) =>
  writeAudit(tx, ctx, {
    action,
    entityType: "order",
    entityId: order.id,
    actorId: caller.userId,
    actorName: caller.displayName,
    changes,
    detail: { customerId: order.customerId, title: `合同订单 ${order.number}` },
  });

/** A draft order with a generated contract number (HT2026-0001), its lines priced by the server. */
export async function createOrder(db: Db, caller: Caller, input: OrderCreate, ctx: RequestContext) {
  const id = await db.transaction(async (tx) => {
    const customer = await customerFor(tx, caller, input.customerId);
    await productsFor(
      tx,
      input.lines.map((l) => l.productId),
      (i) => `lines.${i}.productId`,
    );
    const number = await yearlyNumber(tx, "HT", "order");
    const [row] = await tx
      .insert(orders)
      .values({
        number,
        customerId: customer.id,
        ownerId: customer.ownerId,
        signingDate: input.signingDate ?? null,
        deliveryDate: input.deliveryDate ?? null,
        paymentTerms: input.paymentTerms ?? null,
        notes: input.notes ?? null,
        ...(input.instalments ? { instalments: input.instalments } : {}),
        createdBy: caller.userId,
      })
      .returning({ id: orders.id });
    const total = await writeLines(tx, row!.id, input.lines);
    await tx.update(orders).set({ total }).where(eq(orders.id, row!.id));
    await audit(tx, ctx, caller, { id: row!.id, customerId: customer.id, number }, "create", {
      total: { before: null, after: total },
    });
    return row!.id;
  });
  return getOrder(db, caller, id);
}

export async function lockOrder(tx: DbOrTx, caller: Caller, id: string, expectedVersion: number | undefined) {
  const [row] = await tx
    .select()
    .from(orders)
    .where(and(eq(orders.id, id), inScope(caller)))
    .for("update");
  if (!row) throw notFound();
  if (row.deletedAt) throw new AppError(409, ErrorCode.gone);
  checkVersion(expectedVersion, row.version);
  return row;
}

export const bump = { version: sql`${orders.version} + 1`, updatedAt: new Date() };

export async function updateOrder(
  db: Db,
  caller: Caller,
  id: string,
  input: OrderUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockOrder(tx, caller, id, expectedVersion);
    if (current.status !== "draft") throw conflict("order_not_draft");
    const { lines, ...fields } = input;
    const changes = diff(current as unknown as Record<string, unknown>, fields);
    let total = current.total;
    if (lines) {
      await productsFor(
        tx,
        lines.map((l) => l.productId),
        (i) => `lines.${i}.productId`,
      );
      total = await writeLines(tx, id, lines);
      if (total !== current.total) changes.total = { before: current.total, after: total };
      changes.lines = { before: null, after: lines.length };
    }
    await tx
      .update(orders)
      .set({ ...fields, total, ...bump })
      .where(eq(orders.id, id));
    await audit(tx, ctx, caller, current, "update", changes);
  });
  return getOrder(db, caller, id);
}

export async function setOrderDeleted(
  db: Db,
  caller: Caller,
  id: string,
  deleted: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(orders)
      .where(and(eq(orders.id, id), inScope(caller)))
      .for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    if ((current.deletedAt !== null) === deleted) return;
    // Only drafts and cancelled orders go to the recycle bin: the others carry stock and money.
    if (deleted && !["draft", "cancelled"].includes(current.status)) throw conflict("order_not_deletable");
    await tx
      .update(orders)
      .set({ deletedAt: deleted ? new Date() : null, ...bump })
      .where(eq(orders.id, id));
    await audit(tx, ctx, caller, current, deleted ? "delete" : "restore");
  });
  return getOrder(db, caller, id);
}
