// Products: reading, listing, creating, updating and (soft) deleting them, with their stock level.
import {
  ErrorCode,
  type Product,
  type ProductCreate,
  type ProductQuery,
  type ProductUpdate,
} from "@crm/contracts";
import {
  type Db,
  type DbOrTx,
  nextSequence,
  padSequence,
  productCategories,
  products,
  stockLevels,
} from "@crm/db";
import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError, notFound } from "../../shared/errors.js";
import { containing } from "../../shared/sql.js";
import { checkVersion, diff } from "../../shared/versioning.js";

export const badField = (field: string, code: string, status = 400) =>
  new AppError(status, status === 409 ? ErrorCode.conflict : ErrorCode.validation, {
    fields: [{ field, code }],
  });

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
