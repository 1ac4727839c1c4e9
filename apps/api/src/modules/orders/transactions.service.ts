import { randomUUID } from "node:crypto";
import {
  cmp,
  dec,
  ErrorCode,
  lineAmount,
  str,
  sub,
  type Transaction,
  type TransactionCreate,
  type TransactionUpdate,
} from "@crm/contracts";
import { customers, type Db, type DbOrTx, products, transactions } from "@crm/db";
import { and, desc, eq, gte, isNull, lte, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { auditFrom, type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { commitWithoutWaitingForFlush, untilDurable } from "../../shared/durable.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";
import { checkVersion, diff } from "../../shared/versioning.js";
import { movementCtes, movementRefused, postMovement } from "../products/products-stock.service.js";
import { customerFor, productsFor } from "./orders.service.js";

const columns = {
  id: transactions.id,
  date: transactions.date,
  customerId: transactions.customerId,
  customerName: customers.name,
  productId: transactions.productId,
  productCode: products.code,
  productName: products.name,
  orderId: transactions.orderId,
  orderNumber: transactions.orderNumber,
  unitPrice: transactions.unitPrice,
  quantity: transactions.quantity,
  amount: transactions.amount,
  ownerId: transactions.ownerId,
  ownerName: displayNameOf(transactions.ownerId),
  deletedAt: transactions.deletedAt,
  createdAt: transactions.createdAt,
  version: transactions.version,
};

const select = (db: DbOrTx) =>
  db
    .select(columns)
    .from(transactions)
    .innerJoin(customers, eq(customers.id, transactions.customerId))
    .innerJoin(products, eq(products.id, transactions.productId));

type Row = Awaited<ReturnType<ReturnType<typeof select>["where"]>>[number];
const present = ({ deletedAt, createdAt, ...r }: Row): Transaction => ({
  ...r,
  deleted: deletedAt !== null,
  createdAt: createdAt.toISOString(),
});

/** Sales are owned records: their salesperson's scope decides. */
const inScope = (caller: Caller) => scopeWhere(caller.scope, transactions.ownerId);

export async function getTransaction(db: DbOrTx, caller: Caller, id: string) {
  const [row] = await select(db).where(and(eq(transactions.id, id), inScope(caller)));
  if (!row) throw notFound();
  return present(row);
}

export async function listTransactions(
  db: DbOrTx,
  caller: Caller,
  q: {
    customerId?: string | undefined;
    productId?: string | undefined;
    orderId?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await select(db)
    .where(
      and(
        inScope(caller),
        isNull(transactions.deletedAt),
        q.customerId ? eq(transactions.customerId, q.customerId) : undefined,
        q.productId ? eq(transactions.productId, q.productId) : undefined,
        q.orderId ? eq(transactions.orderId, q.orderId) : undefined,
        q.from ? gte(transactions.date, q.from) : undefined,
        q.to ? lte(transactions.date, q.to) : undefined,
        after
          ? sql`(${transactions.createdAt}, ${transactions.id}) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(transactions.createdAt), desc(transactions.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

const audit = (
  tx: DbOrTx,
  ctx: RequestContext,
  caller: Caller,
  t: { id: string; customerId: string },
  action: string,
  changes: Record<string, { before: unknown; after: unknown }> | null,
) =>
  writeAudit(tx, ctx, {
    action,
    entityType: "transaction",
    entityId: t.id,
    actorId: caller.userId,
    actorName: caller.displayName,
    changes,
    detail: { customerId: t.customerId, title: "交易记录" },
  });

/**
 * 交易记录 (input screen 3): the amount is the server's; the stock leaves through the ledger. The
 * checks only read; then one statement moves the stock, posts the movement, writes the sale and
 * both audits, all or nothing. Concurrent sales of the product queue on its stock row (and the
 * sale's report rollups on its customer), so those locks are held by that statement alone,
 * committed by the server without a round trip back to this process (which may be busy with other
 * requests), and not through the disk flush either (shared/durable.ts): the answer waits for that.
 */
export async function createTransaction(
  db: Db,
  caller: Caller,
  input: TransactionCreate,
  ctx: RequestContext,
) {
  const customer = await customerFor(db, caller, input.customerId);
  await productsFor(db, [input.productId], () => "productId");
  const id = randomUUID();
  const amount = lineAmount(input.unitPrice, input.quantity);
  const movement = movementCtes(
    caller,
    {
      productId: input.productId,
      kind: "sale_issue",
      quantity: input.quantity,
      reference: input.orderNumber ?? null,
    },
    ctx,
  );
  const posted = await db.execute(sql`with ${movement.ctes},
    sale as (
      insert into ${transactions}
        (id, date, customer_id, product_id, order_number, unit_price, quantity, amount, owner_id, movement_id)
      select ${id}::uuid, ${input.date}::date, ${customer.id}::uuid, ${input.productId}::uuid,
        ${input.orderNumber ?? null}::text, ${input.unitPrice}::numeric, ${input.quantity}::numeric,
        ${amount}::numeric, ${customer.ownerId}::uuid, id
      from stock_movement
      returning id),
    sale_audit as (${auditFrom(
      ctx,
      {
        action: "create",
        entityType: "transaction",
        entityId: id,
        actorId: caller.userId,
        actorName: caller.displayName,
        changes: diff({}, { ...input, amount }),
        detail: { customerId: customer.id, title: "交易记录" },
      },
      sql`sale`,
    )})
    select ${commitWithoutWaitingForFlush} from stock_movement`);
  if (!posted.rows.length) await movementRefused(db, input.productId, movement.magnitude);
  await untilDurable(db);
  return getTransaction(db, caller, id);
}

async function lock(tx: DbOrTx, caller: Caller, id: string, expectedVersion: number | undefined) {
  const [row] = await tx
    .select()
    .from(transactions)
    .where(and(eq(transactions.id, id), inScope(caller)))
    .for("update");
  if (!row) throw notFound();
  checkVersion(expectedVersion, row.version);
  return row;
}

/**
 * Edits a sale; a quantity change corrects stock through a movement (more sold: an issue that
 * may be refused for lack of stock; less: a return), in the same transaction.
 */
export async function updateTransaction(
  db: Db,
  caller: Caller,
  id: string,
  input: TransactionUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lock(tx, caller, id, expectedVersion);
    if (current.deletedAt) throw new AppError(409, ErrorCode.gone);
    if (current.orderId && (input.quantity || input.unitPrice))
      throw new AppError(409, ErrorCode.conflict, {
        fields: [{ field: "quantity", code: "transaction_from_order" }],
      });
    const quantity = input.quantity ?? current.quantity;
    const unitPrice = input.unitPrice ?? current.unitPrice;
    const delta = sub(dec(quantity), dec(current.quantity));
    if (delta.units !== 0n) {
      const more = cmp(delta, dec(0)) > 0;
      await postMovement(
        tx,
        caller,
        {
          productId: current.productId,
          kind: more ? "sale_issue" : "return",
          quantity: str(more ? delta : { units: -delta.units, scale: delta.scale }),
          reference: current.orderNumber,
          reason: "交易记录修改",
        },
        ctx,
      );
    }
    const values = { ...input, amount: lineAmount(unitPrice, quantity) };
    const changes = diff(current as unknown as Record<string, unknown>, values);
    if (!Object.keys(changes).length) return;
    await tx
      .update(transactions)
      .set({ ...values, version: sql`${transactions.version} + 1`, updatedAt: new Date() })
      .where(eq(transactions.id, id));
    await audit(tx, ctx, caller, current, "update", changes);
  });
  return getTransaction(db, caller, id);
}

/** Soft delete returns the goods to stock; restore takes them out again (if there is stock). */
export async function setTransactionDeleted(
  db: Db,
  caller: Caller,
  id: string,
  deleted: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lock(tx, caller, id, expectedVersion);
    if ((current.deletedAt !== null) === deleted) return;
    if (current.orderId)
      throw new AppError(409, ErrorCode.conflict, {
        fields: [{ field: "id", code: "transaction_from_order" }],
      });
    await postMovement(
      tx,
      caller,
      {
        productId: current.productId,
        kind: deleted ? "return" : "sale_issue",
        quantity: current.quantity,
        reference: current.orderNumber,
        reason: deleted ? "交易记录删除" : "交易记录恢复",
      },
      ctx,
    );
    await tx
      .update(transactions)
      .set({
        deletedAt: deleted ? new Date() : null,
        version: sql`${transactions.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(transactions.id, id));
    await audit(tx, ctx, caller, current, deleted ? "delete" : "restore", null);
  });
  return getTransaction(db, caller, id);
}
