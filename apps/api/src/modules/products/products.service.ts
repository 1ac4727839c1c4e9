import { randomUUID } from "node:crypto";
import {
  ErrorCode,
  OUTGOING,
  type Product,
  type ProductCategoryCreate,
  type ProductCategoryUpdate,
  type ProductCreate,
  type ProductQuery,
  type ProductUpdate,
  type StockMovementCreate,
} from "@crm/contracts";
import {
  type Db,
  type DbOrTx,
  nextSequence,
  padSequence,
  productCategories,
  products,
  stockLevels,
  stockMovements,
} from "@crm/db";
import { and, asc, desc, eq, gte, isNotNull, isNull, lt, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { auditFrom, type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError, notFound } from "../../shared/errors.js";
import { containing, displayNameOf } from "../../shared/sql.js";
import { checkVersion, diff } from "../../shared/versioning.js";

const badField = (field: string, code: string, status = 400) =>
  new AppError(status, status === 409 ? ErrorCode.conflict : ErrorCode.validation, {
    fields: [{ field, code }],
  });

// Categories ---------------------------------------------------------------------------------------

export async function listCategories(db: DbOrTx) {
  return db.select().from(productCategories).orderBy(asc(productCategories.letter));
}

export async function createCategory(
  db: Db,
  caller: Caller,
  input: ProductCategoryCreate,
  ctx: RequestContext,
) {
  return db.transaction(async (tx) => {
    const [taken] = await tx
      .select()
      .from(productCategories)
      .where(eq(productCategories.letter, input.letter));
    if (taken) throw badField("letter", "category_letter_taken", 409);
    const [row] = await tx.insert(productCategories).values(input).returning();
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "product_category",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff({}, input),
    });
    return row!;
  });
}

export async function updateCategory(
  db: Db,
  caller: Caller,
  id: string,
  input: ProductCategoryUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(productCategories)
      .where(eq(productCategories.id, id))
      .for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    const changes = diff(current, input);
    if (!Object.keys(changes).length) return current;
    const [row] = await tx
      .update(productCategories)
      .set({ ...input, version: sql`${productCategories.version} + 1` })
      .where(eq(productCategories.id, id))
      .returning();
    await writeAudit(tx, ctx, {
      action: "update",
      entityType: "product_category",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
    });
    return row!;
  });
}

// Products -----------------------------------------------------------------------------------------

const stock = sql<string>`coalesce((select ${stockLevels.quantity} from ${stockLevels} where ${stockLevels.productId} = ${products.id}), 0)::text`;
const lowStock = sql<boolean>`(${products.lowStockThreshold} is not null and coalesce((select ${stockLevels.quantity} from ${stockLevels} where ${stockLevels.productId} = ${products.id}), 0) <= ${products.lowStockThreshold})`;

const productColumns = {
  id: products.id,
  code: products.code,
  categoryId: products.categoryId,
  categoryName: sql<string>`(select ${productCategories.name} from ${productCategories} where ${productCategories.id} = ${products.categoryId})`,
  name: products.name,
  specification: products.specification,
  unit: products.unit,
  listPrice: products.listPrice,
  standardCost: products.standardCost,
  lowStockThreshold: products.lowStockThreshold,
  active: products.active,
  description: products.description,
  stock,
  lowStock,
  deletedAt: products.deletedAt,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
  version: products.version,
};

type Row = { deletedAt: Date | null; createdAt: Date; updatedAt: Date } & Omit<
  Product,
  "deleted" | "createdAt" | "updatedAt"
>;

const present = ({ deletedAt, createdAt, updatedAt, ...rest }: Row): Product => ({
  ...rest,
  deleted: deletedAt !== null,
  createdAt: createdAt.toISOString(),
  updatedAt: updatedAt.toISOString(),
});

export async function getProduct(db: DbOrTx, id: string): Promise<Product> {
  const [row] = await db.select(productColumns).from(products).where(eq(products.id, id));
  if (!row) throw notFound();
  return present(row as Row);
}

export async function listProducts(db: DbOrTx, query: ProductQuery) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select(productColumns)
    .from(products)
    .where(
      and(
        query.deleted === "true" ? isNotNull(products.deletedAt) : isNull(products.deletedAt),
        query.q
          ? sql`(${products.code} ilike ${containing(query.q)} or ${products.name} ilike ${containing(query.q)} or ${products.specification} ilike ${containing(query.q)})`
          : undefined,
        query.categoryId ? eq(products.categoryId, query.categoryId) : undefined,
        query.active ? eq(products.active, query.active === "true") : undefined,
        query.lowStock ? lowStock : undefined,
        after
          ? sql`(${products.code}, ${products.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(products.code), asc(products.id))
    .limit(query.limit + 1);
  const page = pageOf(rows as Row[], query.limit, (r) => [r.code, r.id]);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

async function activeCategory(tx: DbOrTx, id: string) {
  const [category] = await tx.select().from(productCategories).where(eq(productCategories.id, id));
  if (!category?.active) throw badField("categoryId", "not_found_ref");
  return category;
}

/** A product with a generated code `{letter}-{seq}` (A-01 … A-99, A-100), never reused. */
export async function createProduct(db: Db, caller: Caller, input: ProductCreate, ctx: RequestContext) {
  const id = await db.transaction(async (tx) => {
    const category = await activeCategory(tx, input.categoryId);
    const code = `${category.letter}-${padSequence(await nextSequence(tx, `product:${category.letter}`))}`;
    const [row] = await tx
      .insert(products)
      .values({ ...input, code, createdBy: caller.userId })
      .returning({ id: products.id });
    await tx.insert(stockLevels).values({ productId: row!.id, quantity: "0" });
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "product",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff({}, { code, ...input }),
    });
    return row!.id;
  });
  return getProduct(db, id);
}

export async function updateProduct(
  db: Db,
  caller: Caller,
  id: string,
  input: ProductUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(products).where(eq(products.id, id)).for("update");
    if (!current) throw notFound();
    if (current.deletedAt) throw new AppError(409, ErrorCode.gone);
    checkVersion(expectedVersion, current.version);
    if (input.categoryId && input.categoryId !== current.categoryId)
      await activeCategory(tx, input.categoryId);
    const changes = diff(current as unknown as Record<string, unknown>, input);
    if (!Object.keys(changes).length) return;
    await tx
      .update(products)
      .set({ ...input, version: sql`${products.version} + 1`, updatedAt: new Date() })
      .where(eq(products.id, id));
    await writeAudit(tx, ctx, {
      action: "update",
      entityType: "product",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
    });
  });
  return getProduct(db, id);
}

export async function setProductDeleted(
  db: Db,
  caller: Caller,
  id: string,
  deleted: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(products).where(eq(products.id, id)).for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    if ((current.deletedAt !== null) === deleted) return;
    await tx
      .update(products)
      .set({
        deletedAt: deleted ? new Date() : null,
        version: sql`${products.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(products.id, id));
    await writeAudit(tx, ctx, {
      action: deleted ? "delete" : "restore",
      entityType: "product",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
    });
  });
  return getProduct(db, id);
}

// Stock ----------------------------------------------------------------------------------------------

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
