import { type CollectionActionCreate, cmp, dec, ErrorCode, str, sub } from "@crm/contracts";
import {
  collectionActions,
  customers,
  type Db,
  type DbOrTx,
  orders,
  products,
  receivables,
  transactions,
} from "@crm/db";
import { and, asc, desc, eq, isNull, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { shanghaiDate } from "../../shared/days.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";
import { presentReceivable } from "./receivables.service.js";

const _bad = (field: string, code: string) =>
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
