import {
  add,
  cmp,
  dec,
  ErrorCode,
  lineAmount,
  type MaterialRequest,
  type MaterialRequestCreate,
  type PurchaseOrder,
  type PurchaseOrderCreate,
  type PurchaseReceipt,
  str,
  sub,
  sumAmounts,
} from "@crm/contracts";
import {
  type Db,
  type DbOrTx,
  materialRequests,
  products,
  purchaseOrderLines,
  purchaseOrders,
} from "@crm/db";
import { and, asc, desc, eq, ilike, inArray, or, type SQL, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError, notFound } from "../../shared/errors.js";
import { containing, displayNameOf, yearlyNumber } from "../../shared/sql.js";
import { checkVersion } from "../../shared/versioning.js";
import { cancelPayable, createPayable } from "../finance/payables.service.js";
import { productsFor } from "../orders/orders.service.js";
import { postMovement } from "../products/products-stock.service.js";

const conflict = (code: string) =>
  new AppError(409, ErrorCode.conflict, { fields: [{ field: "status", code }] });
const keysetBefore = (
  created: PgColumn,
  id: PgColumn,
  after: (string | number)[] | undefined,
): SQL | undefined =>
  after ? sql`(${created}, ${id}) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)` : undefined;

// 材料单 ------------------------------------------------------------------------------------------

const requestColumns = {
  id: materialRequests.id,
  number: materialRequests.number,
  materialName: materialRequests.materialName,
  materialCode: materialRequests.materialCode,
  quantity: materialRequests.quantity,
  unit: materialRequests.unit,
  neededBy: materialRequests.neededBy,
  notes: materialRequests.notes,
  status: materialRequests.status,
  requestedById: materialRequests.requestedBy,
  requestedByName: displayNameOf(materialRequests.requestedBy),
  handledByName: displayNameOf(materialRequests.handledBy),
  createdAt: materialRequests.createdAt,
  updatedAt: materialRequests.updatedAt,
  version: materialRequests.version,
};
type RequestRow = Awaited<ReturnType<typeof selectRequests>>[number];
const selectRequests = (db: DbOrTx, where: SQL | undefined) =>
  db.select(requestColumns).from(materialRequests).where(where);
const presentRequest = (r: RequestRow): MaterialRequest => ({
  ...r,
  status: r.status as MaterialRequest["status"],
  createdAt: r.createdAt.toISOString(),
  updatedAt: r.updatedAt.toISOString(),
});

export async function getMaterialRequest(db: DbOrTx, id: string) {
  const [row] = await selectRequests(db, eq(materialRequests.id, id));
  if (!row) throw notFound();
  return presentRequest(row);
}

export async function listMaterialRequests(
  db: DbOrTx,
  q: { status?: string | undefined; q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const rows = await selectRequests(
    db,
    and(
      q.status ? eq(materialRequests.status, q.status) : undefined,
      q.q
        ? or(
            ilike(materialRequests.materialName, containing(q.q)),
            ilike(materialRequests.number, containing(q.q)),
          )
        : undefined,
      keysetBefore(materialRequests.createdAt, materialRequests.id, decodeCursor(q.cursor, 2)),
    ),
  )
    .orderBy(desc(materialRequests.createdAt), desc(materialRequests.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map(presentRequest), nextCursor: page.nextCursor };
}

export async function createMaterialRequest(
  db: Db,
  caller: Caller,
  input: MaterialRequestCreate,
  ctx: RequestContext,
) {
  const id = await db.transaction(async (tx) => {
    const number = await yearlyNumber(tx, "CL");
    const [row] = await tx
      .insert(materialRequests)
      .values({ ...input, number, requestedBy: caller.userId })
      .returning({ id: materialRequests.id });
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "material_request",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { number, materialName: input.materialName, quantity: input.quantity },
    });
    return row!.id;
  });
  return getMaterialRequest(db, id);
}

const REQUEST_STEPS = {
  accept: { from: ["requested"], to: "accepted" },
  reject: { from: ["requested"], to: "rejected" },
  done: { from: ["accepted"], to: "done" },
} as const;

/** requested → accepted → done, or requested → rejected; production answers. */
export async function transitionMaterialRequest(
  db: Db,
  caller: Caller,
  id: string,
  action: keyof typeof REQUEST_STEPS,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(materialRequests)
      .where(eq(materialRequests.id, id))
      .for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    const step = REQUEST_STEPS[action];
    if (!(step.from as readonly string[]).includes(current.status))
      throw conflict(`material_request_cannot_${action}`);
    await tx
      .update(materialRequests)
      .set({
        status: step.to,
        handledBy: caller.userId,
        version: sql`${materialRequests.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(materialRequests.id, id));
    await writeAudit(tx, ctx, {
      action,
      entityType: "material_request",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { status: { before: current.status, after: step.to } },
    });
  });
  return getMaterialRequest(db, id);
}

// 采购订单 -----------------------------------------------------------------------------------------

/** Purchase orders with their lines, in two queries whatever their number. */
async function loadPurchaseOrders(db: DbOrTx, ids: string[]): Promise<PurchaseOrder[]> {
  if (!ids.length) return [];
  const heads = await db
    .select({ po: purchaseOrders, createdByName: displayNameOf(purchaseOrders.createdBy) })
    .from(purchaseOrders)
    .where(inArray(purchaseOrders.id, ids));
  const lines = await db
    .select({
      purchaseOrderId: purchaseOrderLines.purchaseOrderId,
      id: purchaseOrderLines.id,
      lineNo: purchaseOrderLines.lineNo,
      productId: purchaseOrderLines.productId,
      productCode: products.code,
      productName: products.name,
      unitPrice: purchaseOrderLines.unitPrice,
      quantity: purchaseOrderLines.quantity,
      amount: purchaseOrderLines.amount,
      receivedQuantity: purchaseOrderLines.receivedQuantity,
    })
    .from(purchaseOrderLines)
    .innerJoin(products, eq(products.id, purchaseOrderLines.productId))
    .where(inArray(purchaseOrderLines.purchaseOrderId, ids))
    .orderBy(asc(purchaseOrderLines.lineNo));
  const byId = new Map(heads.map((h) => [h.po.id, h]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row) return [];
    const { createdBy: _c, updatedAt: _u, createdAt, status, ...po } = row.po;
    return [
      {
        ...po,
        status: status as PurchaseOrder["status"],
        lines: lines.filter((l) => l.purchaseOrderId === id).map(({ purchaseOrderId: _p, ...l }) => l),
        createdByName: row.createdByName,
        createdAt: createdAt.toISOString(),
      },
    ];
  });
}

export async function getPurchaseOrder(db: DbOrTx, id: string): Promise<PurchaseOrder> {
  const [po] = await loadPurchaseOrders(db, [id]);
  if (!po) throw notFound();
  return po;
}

export async function listPurchaseOrders(
  db: DbOrTx,
  q: { status?: string | undefined; q?: string | undefined; limit: number; cursor?: string | undefined },
) {
  const rows = await db
    .select({ id: purchaseOrders.id, createdAt: purchaseOrders.createdAt })
    .from(purchaseOrders)
    .where(
      and(
        q.status ? eq(purchaseOrders.status, q.status) : undefined,
        q.q
          ? or(ilike(purchaseOrders.number, containing(q.q)), ilike(purchaseOrders.supplier, containing(q.q)))
          : undefined,
        keysetBefore(purchaseOrders.createdAt, purchaseOrders.id, decodeCursor(q.cursor, 2)),
      ),
    )
    .orderBy(desc(purchaseOrders.createdAt), desc(purchaseOrders.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: await loadPurchaseOrders(
      db,
      page.items.map((r) => r.id),
    ),
    nextCursor: page.nextCursor,
  };
}

export async function createPurchaseOrder(
  db: Db,
  caller: Caller,
  input: PurchaseOrderCreate,
  ctx: RequestContext,
) {
  const id = await db.transaction(async (tx) => {
    await productsFor(
      tx,
      input.lines.map((l) => l.productId),
      (i) => `lines.${i}.productId`,
    );
    const number = await yearlyNumber(tx, "CG");
    const lines = input.lines.map((l, i) => ({
      ...l,
      lineNo: i + 1,
      amount: lineAmount(l.unitPrice, l.quantity),
    }));
    const { lines: _l, ...fields } = input;
    const [row] = await tx
      .insert(purchaseOrders)
      .values({ ...fields, number, total: sumAmounts(lines.map((l) => l.amount)), createdBy: caller.userId })
      .returning({ id: purchaseOrders.id });
    await tx.insert(purchaseOrderLines).values(lines.map((l) => ({ ...l, purchaseOrderId: row!.id })));
    await createPayable(tx, {
      id: row!.id,
      supplier: input.supplier,
      total: sumAmounts(lines.map((l) => l.amount)),
      orderDate: input.orderDate,
      expectedDate: input.expectedDate ?? null,
    });
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "purchase_order",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { number, supplier: input.supplier },
    });
    return row!.id;
  });
  return getPurchaseOrder(db, id);
}

async function lockPurchase(tx: DbOrTx, id: string, expectedVersion: number | undefined) {
  const [current] = await tx.select().from(purchaseOrders).where(eq(purchaseOrders.id, id)).for("update");
  if (!current) throw notFound();
  checkVersion(expectedVersion, current.version);
  return current;
}

/** Receives goods: each line's quantity enters stock through the ledger, in one transaction. */
export async function receivePurchase(
  db: Db,
  caller: Caller,
  id: string,
  input: PurchaseReceipt,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockPurchase(tx, id, expectedVersion);
    if (!["ordered", "partially_received"].includes(current.status))
      throw conflict("purchase_not_receivable");
    const lines = await tx
      .select()
      .from(purchaseOrderLines)
      .where(eq(purchaseOrderLines.purchaseOrderId, id));
    for (const [i, wanted] of input.lines.entries()) {
      const line = lines.find((l) => l.id === wanted.lineId);
      if (!line)
        throw new AppError(400, ErrorCode.validation, {
          fields: [{ field: `lines.${i}.lineId`, code: "not_found_ref" }],
        });
      if (cmp(dec(wanted.quantity), sub(dec(line.quantity), dec(line.receivedQuantity))) > 0)
        throw new AppError(400, ErrorCode.validation, {
          fields: [{ field: `lines.${i}.quantity`, code: "receipt_exceeds_order" }],
        });
      await postMovement(
        tx,
        caller,
        {
          productId: line.productId,
          kind: "purchase_receipt",
          quantity: wanted.quantity,
          reference: current.number,
        },
        ctx,
      );
      line.receivedQuantity = str(add(dec(line.receivedQuantity), dec(wanted.quantity)));
      await tx
        .update(purchaseOrderLines)
        .set({ receivedQuantity: line.receivedQuantity })
        .where(eq(purchaseOrderLines.id, line.id));
    }
    const all = lines.every((l) => cmp(dec(l.receivedQuantity), dec(l.quantity)) >= 0);
    const status = all ? "received" : "partially_received";
    await tx
      .update(purchaseOrders)
      .set({ status, version: sql`${purchaseOrders.version} + 1`, updatedAt: new Date() })
      .where(eq(purchaseOrders.id, id));
    await writeAudit(tx, ctx, {
      action: "receive",
      entityType: "purchase_order",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { status: { before: current.status, after: status } },
    });
  });
  return getPurchaseOrder(db, id);
}

export async function cancelPurchase(
  db: Db,
  caller: Caller,
  id: string,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockPurchase(tx, id, expectedVersion);
    if (current.status !== "ordered") throw conflict("purchase_not_cancellable");
    await cancelPayable(tx, id);
    await tx
      .update(purchaseOrders)
      .set({ status: "cancelled", version: sql`${purchaseOrders.version} + 1`, updatedAt: new Date() })
      .where(eq(purchaseOrders.id, id));
    await writeAudit(tx, ctx, {
      action: "cancel",
      entityType: "purchase_order",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { status: { before: current.status, after: "cancelled" } },
    });
  });
  return getPurchaseOrder(db, id);
}
