// Stock: posting stock movements (one guarded statement each) and reading the movement ledger.
import { randomUUID } from "node:crypto";
import { ErrorCode, OUTGOING, type StockMovementCreate } from "@crm/contracts";
import { type Db, type DbOrTx, products, stockLevels, stockMovements } from "@crm/db";
import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { auditFrom, type RequestContext } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError } from "../../shared/errors.js";
import { displayNameOf } from "../../shared/sql.js";
import { badField } from "./products.service.js";

/**
 * A stock movement as common table expressions of the statement that posts it, and the stock
 * level's lock held from that statement on: `stock_level` moves the stock with a conditional
 * update that only succeeds while the product is live and enough stock is there (and a CHECK that
 * stock is never negative behind it), so concurrent issues can never oversell and none is lost;
 * `stock_movement` (id, balance_after) is the ledger row and `stock_movement_audit` its audit, only
 * when the update succeeded. `movementRefused` says why nothing moved.
 */
export function movementCtes(caller: Caller, input: StockMovementCreate, ctx: RequestContext) {
  const id = randomUUID();
  const magnitude = input.quantity.replace(/^-/, "");
  const delta = OUTGOING.includes(input.kind) || input.quantity.startsWith("-") ? `-${magnitude}` : magnitude;
  const ctes = sql`stock_level as (
      update ${stockLevels} set quantity = ${stockLevels}.quantity + ${delta}::numeric, updated_at = now()
      where ${stockLevels}.product_id = ${input.productId}::uuid and ${stockLevels}.quantity + ${delta}::numeric >= 0
        and exists (select 1 from ${products} p where p.id = ${input.productId}::uuid and p.deleted_at is null)
      returning quantity),
    stock_movement as (
      insert into ${stockMovements}
        (id, product_id, kind, quantity, balance_after, reason, reference, production_date, created_by)
      select ${id}::uuid, ${input.productId}::uuid, ${input.kind}::text, ${delta}::numeric, quantity,
        ${input.reason ?? null}::text, ${input.reference ?? null}::text, ${input.productionDate ?? null}::date,
        ${caller.userId}::uuid
      from stock_level
      returning id, balance_after),
    stock_movement_audit as (${auditFrom(
      ctx,
      {
        action: "stock_movement",
        entityType: "product",
        entityId: input.productId,
        actorId: caller.userId,
        actorName: caller.displayName,
        changes: sql`jsonb_build_object('stock', jsonb_build_object('before', null, 'after', m.balance_after::text))`,
        detail: { kind: input.kind, quantity: delta, movementId: id, reference: input.reference ?? null },
      },
      sql`stock_movement m`,
    )})`;
  return { id, magnitude, ctes };
}

/** Why a movement's statement moved nothing: the product is gone (400) or the stock short (409). */
export async function movementRefused(tx: DbOrTx, productId: string, requested: string): Promise<never> {
  const [product] = await tx
    .select({
      deletedAt: products.deletedAt,
      stock: sql<
        string | null
      >`(select ${stockLevels.quantity} from ${stockLevels} where ${stockLevels.productId} = ${products.id})`,
    })
    .from(products)
    .where(eq(products.id, productId));
  if (!product || product.deletedAt) throw badField("productId", "not_found_ref");
  throw new AppError(409, ErrorCode.insufficientStock, {
    fields: [{ field: "quantity", code: "insufficient_stock" }],
    extensions: { available: product.stock ?? "0", requested },
  });
}

/** Posts one movement (movementCtes) in one statement; the movement's id. */
export async function postMovement(
  tx: DbOrTx,
  caller: Caller,
  input: StockMovementCreate,
  ctx: RequestContext,
): Promise<string> {
  const movement = movementCtes(caller, input, ctx);
  const posted = await tx.execute(sql`with ${movement.ctes} select id from stock_movement`);
  if (!posted.rows.length) await movementRefused(tx, input.productId, movement.magnitude);
  return movement.id;
}

const movementColumns = {
  id: stockMovements.id,
  productId: stockMovements.productId,
  productCode: products.code,
  productName: products.name,
  kind: stockMovements.kind,
  quantity: stockMovements.quantity,
  balanceAfter: stockMovements.balanceAfter,
  reason: stockMovements.reason,
  reference: stockMovements.reference,
  productionDate: stockMovements.productionDate,
  createdByName: displayNameOf(stockMovements.createdBy),
  createdAt: stockMovements.createdAt,
};

export async function createMovement(
  db: Db,
  caller: Caller,
  input: StockMovementCreate,
  ctx: RequestContext,
) {
  const id = await db.transaction((tx) => postMovement(tx, caller, input, ctx));
  const [row] = await db
    .select(movementColumns)
    .from(stockMovements)
    .innerJoin(products, eq(products.id, stockMovements.productId))
    .where(eq(stockMovements.id, id));
  return { ...row!, kind: row!.kind as StockMovementCreate["kind"], createdAt: row!.createdAt.toISOString() };
}

export async function listMovements(
  db: DbOrTx,
  query: {
    productId?: string | undefined;
    kind?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(query.cursor, 2);
  const day = (d: string) => new Date(`${d}T00:00:00+08:00`);
  const conditions: (SQL | undefined)[] = [
    query.productId ? eq(stockMovements.productId, query.productId) : undefined,
    query.kind ? eq(stockMovements.kind, query.kind) : undefined,
    query.from ? gte(stockMovements.createdAt, day(query.from)) : undefined,
    query.to ? lt(stockMovements.createdAt, new Date(day(query.to).getTime() + 86_400_000)) : undefined,
    after
      ? sql`(${stockMovements.createdAt}, ${stockMovements.id}) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`
      : undefined,
  ];
  const rows = await db
    .select(movementColumns)
    .from(stockMovements)
    .innerJoin(products, eq(products.id, stockMovements.productId))
    .where(and(...conditions))
    .orderBy(desc(stockMovements.createdAt), desc(stockMovements.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: page.items.map((r) => ({
      ...r,
      kind: r.kind as StockMovementCreate["kind"],
      createdAt: r.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
  };
}
