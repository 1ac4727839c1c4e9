// Product categories: listing, creating and updating them (each a letter that prefixes its products' codes).
import type { ProductCategoryCreate, ProductCategoryUpdate } from "@crm/contracts";
import { type Db, type DbOrTx, productCategories } from "@crm/db";
import { asc, eq, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { notFound } from "../../shared/errors.js";
import { checkVersion, diff } from "../../shared/versioning.js";
import { badField } from "./products.service.js";

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
