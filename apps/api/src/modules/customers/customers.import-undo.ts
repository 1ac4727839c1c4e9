// Undo of a committed import: the whole import taken back in one transaction.
import { ErrorCode } from "@crm/contracts";
import { auditLog, customerImportRows, customerImports, customers, type Db } from "@crm/db";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import type { RequestContext } from "../../shared/audit.js";
import { AppError } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { getImport } from "./customers.import-commit.js";
import { lockedUpdates, updateCustomers } from "./customers.import-writes.js";

/** Created customers removed per statement on undo (ids only). */
const UNDO_BATCH = 10_000;

/**
 * Takes a whole import back: created customers go to the recycle bin, updated ones get their
 * previous values. Refused when any of them changed since (their version moved on).
 */
export async function undoImport(db: Db, caller: Caller, id: string, ctx: RequestContext) {
  await getImport(db, caller, id);
  await db.transaction(async (tx) => {
    const [job] = await tx.select().from(customerImports).where(eq(customerImports.id, id)).for("update");
    if (job?.status !== "committed") {
      throw new AppError(409, ErrorCode.conflict, {
        fields: [{ field: "status", code: "import_not_undoable" }],
      });
    }
    const rows = await tx
      .select()
      .from(customerImportRows)
      .where(
        and(eq(customerImportRows.importId, id), inArray(customerImportRows.action, ["create", "update"])),
      )
      .orderBy(asc(customerImportRows.rowNo));
    // Created customers: one statement per batch, refused if any changed since (version moved past 1).
    const created = rows.filter((r) => r.action === "create").map((r) => r.customerId!);
    for (let i = 0; i < created.length; i += UNDO_BATCH) {
      const chunk = created.slice(i, i + UNDO_BATCH);
      const removed = await tx
        .update(customers)
        .set({
          deletedAt: new Date(),
          deletedBy: caller.userId,
          version: sql`${customers.version} + 1`,
          updatedAt: new Date(),
        })
        .where(
          and(
            sql`${customers.id} = any(${`{${chunk.join(",")}}`}::uuid[])`,
            eq(customers.version, 1),
            isNull(customers.deletedAt),
            scopeWhere(caller.scope, customers.ownerId),
          ),
        )
        .returning({ id: customers.id });
      if (removed.length !== chunk.length) {
        throw new AppError(409, ErrorCode.conflict, {
          detail: "import_changed_since",
        });
      }
    }
    // Updated customers get their previous values back, refused if any changed since.
    for await (const slice of lockedUpdates(tx, caller, rows)) {
      const batch = slice.map(({ row: r, now }) => {
        if (now.version !== Number(r.before?.version) + 1) {
          throw new AppError(409, ErrorCode.conflict, {
            detail: "import_changed_since",
            extensions: { code: now.code },
          });
        }
        const { version: _v, ...before } = r.before ?? {};
        return { current: now, values: before };
      });
      await updateCustomers(tx, batch);
    }
    await tx
      .update(customerImports)
      .set({ status: "undone", undoneAt: new Date() })
      .where(eq(customerImports.id, id));
    await tx.insert(auditLog).values({
      action: "import_undo",
      entityType: "customer_import",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      ip: ctx.ip,
      requestId: ctx.requestId,
      detail: { rows: rows.length },
    });
  });
  return getImport(db, caller, id);
}
