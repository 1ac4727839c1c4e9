import { defuseCell, ErrorCode } from "@crm/contracts";
import {
  auditLog,
  codeSequences,
  customerImportRows,
  customerImports,
  customerSearchColumns,
  customers,
  type Db,
  type DbOrTx,
  padSequence,
} from "@crm/db";
import { and, asc, eq, inArray, isNull, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import Papa from "papaparse";
import type { Caller } from "../../plugins/access.js";
import type { RequestContext } from "../../shared/audit.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { findInScope } from "./customers.service.js";

const scoped = (caller: Caller) => scopeWhere(caller.scope, customers.ownerId);

const BATCH = 500;
/** Progress of the commits running in this process (rows written so far). */
const progress = new Map<string, number>();
const lastShared = new Map<string, number>();

/**
 * Progress of a running commit: in this process's memory, and every 2 s on the job row too
 * (outside the commit's transaction, not awaited, never backwards), so a poll answered by another
 * API process sees it. On the embedded database the row write waits for the commit: harmless.
 */
function reportProgress(db: Db, id: string, written: number) {
  progress.set(id, written);
  const now = Date.now();
  if (now - (lastShared.get(id) ?? 0) < 2_000) return;
  lastShared.set(id, now);
  void db
    .update(customerImports)
    .set({ processed: sql`greatest(${customerImports.processed}, ${written})` })
    .where(and(eq(customerImports.id, id), eq(customerImports.status, "committing")))
    .catch(() => undefined);
}

/** Held by a commit's transaction (with the import's hash) for as long as it runs. */
const COMMIT_LOCK = 7_272_027;
const INTERRUPTED =
  "提交中断（服务停止），未写入任何数据 / the commit was interrupted (the server stopped); nothing was written";

/**
 * A job left `committing` by a process that died (kill -9, power cut): its transaction rolled
 * back, so nothing was written; it says so (failed) once no transaction holds its lock.
 */
async function settleInterrupted(db: Db, id: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{ free: boolean }>(
      sql`select pg_try_advisory_xact_lock(${COMMIT_LOCK}, hashtext(${id})) as free`,
    );
    if (!rows[0]?.free) return false;
    const settled = await tx
      .update(customerImports)
      .set({ status: "failed", error: INTERRUPTED })
      .where(and(eq(customerImports.id, id), eq(customerImports.status, "committing")))
      .returning({ id: customerImports.id });
    return settled.length > 0;
  });
}

export async function getImport(db: Db, caller: Caller, id: string) {
  const [job] = await db.select().from(customerImports).where(eq(customerImports.id, id));
  // Imports are their author's (or an administrator's with every scope).
  if (!job || (job.createdBy !== caller.userId && !caller.scope.all)) throw notFound();
  if (job.status === "committing" && !progress.has(id) && (await settleInterrupted(db, id))) {
    job.status = "failed";
    job.error = INTERRUPTED;
  }
  const rows = await db
    .select({ rowNo: customerImportRows.rowNo, errors: customerImportRows.errors })
    .from(customerImportRows)
    .where(and(eq(customerImportRows.importId, id), eq(customerImportRows.action, "error")))
    .orderBy(asc(customerImportRows.rowNo))
    .limit(1000);
  const { createdBy: _c, options, ...rest } = job;
  return {
    ...rest,
    ...options,
    processed: progress.get(id) ?? job.processed,
    createdAt: job.createdAt.toISOString(),
    committedAt: job.committedAt?.toISOString() ?? null,
    undoneAt: job.undoneAt?.toISOString() ?? null,
    errors: rows.map((r) => ({ row: r.rowNo, errors: r.errors ?? [] })),
  };
}

/** The rejected rows as they were, plus a column saying why, for correcting and importing again. */
export async function errorFile(db: Db, caller: Caller, id: string): Promise<string> {
  await getImport(db, caller, id);
  const rows = await db
    .select()
    .from(customerImportRows)
    .where(and(eq(customerImportRows.importId, id), eq(customerImportRows.action, "error")))
    .orderBy(asc(customerImportRows.rowNo));
  const data = rows.map((r) => ({
    ...r.raw,
    错误: (r.errors ?? []).map((e) => `${e.field}: ${e.message}`).join("; "),
  }));
  const fields = Object.keys(data[0] ?? { 错误: "" });
  // The file's own text goes back out: formulas in it are defused like in every export.
  const body = data.map((r: Record<string, unknown>) => fields.map((f) => defuseCell(r[f] ?? "")));
  return `\uFEFF${Papa.unparse({ fields: fields.map(defuseCell), data: body })}`;
}

async function reserveCodes(tx: DbOrTx, cls: string, n: number): Promise<number> {
  const [row] = await tx
    .insert(codeSequences)
    .values({ scope: `customer:${cls}`, lastValue: n })
    .onConflictDoUpdate({
      target: codeSequences.scope,
      set: { lastValue: sql`${codeSequences.lastValue} + ${n}` },
    })
    .returning({ last: codeSequences.lastValue });
  return row!.last - n + 1;
}

/**
 * Writes every planned row in ONE transaction (all or nothing), in the background: the request
 * returns at once and the client polls the import for progress.
 */
export async function startCommit(
  db: Db,
  caller: Caller,
  id: string,
  ctx: RequestContext,
  log: FastifyBaseLogger,
) {
  const job = await getImport(db, caller, id);
  const claimed = await db
    .update(customerImports)
    .set({ status: "committing" })
    .where(and(eq(customerImports.id, id), eq(customerImports.status, "validated")))
    .returning({ id: customerImports.id });
  if (!claimed.length)
    throw new AppError(409, ErrorCode.conflict, {
      fields: [{ field: "status", code: "import_not_committable" }],
    });
  progress.set(id, 0);
  void commit(db, caller, id, ctx)
    .catch(async (err: unknown) => {
      log.error({ err, importId: id }, "import commit failed; nothing was written");
      await db
        .update(customerImports)
        .set({ status: "failed", error: err instanceof Error ? err.message.slice(0, 500) : "failed" })
        .where(eq(customerImports.id, id));
    })
    .finally(() => {
      progress.delete(id);
      lastShared.delete(id);
    });
  return { ...job, status: "committing" };
}

async function commit(db: Db, caller: Caller, id: string, ctx: RequestContext): Promise<number> {
  return db.transaction(async (tx) => {
    // The lock tells other processes this commit is alive; the status is read under it, as a
    // process that found the job abandoned may have just settled it.
    await tx.execute(sql`select pg_advisory_xact_lock(${COMMIT_LOCK}, hashtext(${id}))`);
    const [claimed] = await tx
      .select({ status: customerImports.status })
      .from(customerImports)
      .where(eq(customerImports.id, id));
    if (claimed?.status !== "committing") {
      throw new AppError(409, ErrorCode.conflict, {
        fields: [{ field: "status", code: "import_not_committable" }],
      });
    }
    const rows = await tx
      .select()
      .from(customerImportRows)
      .where(
        and(eq(customerImportRows.importId, id), inArray(customerImportRows.action, ["create", "update"])),
      )
      .orderBy(asc(customerImportRows.rowNo));
    let written = 0;
    const creates = rows.filter((r) => r.action === "create");
    const byClass = new Map<string, typeof creates>();
    for (const r of creates) {
      const cls = String(r.data!.class);
      byClass.set(cls, [...(byClass.get(cls) ?? []), r]);
    }
    for (const [cls, group] of byClass) {
      let seq = await reserveCodes(tx, cls, group.length);
      for (let i = 0; i < group.length; i += BATCH) {
        const slice = group.slice(i, i + BATCH);
        const values = slice.map((r) => {
          const data = r.data as Parameters<typeof customerSearchColumns>[0] & Record<string, unknown>;
          return {
            ...(data as typeof customers.$inferInsert),
            ownerId: caller.userId,
            createdBy: caller.userId,
            code: `${cls}类-${padSequence(seq++)}`,
            ...customerSearchColumns(data),
          };
        });
        const inserted = await tx
          .insert(customers)
          .values(values)
          .returning({ id: customers.id, code: customers.code });
        // Remember which customer each row became (for undo), one statement per batch.
        const pairs = sql.join(
          slice.map((r, k) => sql`(${r.rowNo}::int, ${inserted[k]!.id}::uuid)`),
          sql`, `,
        );
        await tx.execute(sql`update ${customerImportRows} set customer_id = v.cid
          from (values ${pairs}) as v(row_no, cid)
          where ${customerImportRows.importId} = ${id} and ${customerImportRows.rowNo} = v.row_no`);
        await tx.insert(auditLog).values(
          inserted.map((c) => ({
            action: "import",
            entityType: "customer",
            entityId: c.id,
            actorId: caller.userId,
            actorName: caller.displayName,
            ip: ctx.ip,
            requestId: ctx.requestId,
            detail: { importId: id, code: c.code },
          })),
        );
        written += slice.length;
        reportProgress(db, id, written);
      }
    }
    for (const r of rows.filter((x) => x.action === "update")) {
      const current = await findInScope(tx, caller, r.customerId!, true);
      const data = { ...(r.data as Record<string, unknown>) };
      // Custom values in the file add to (or replace) the customer's own; the others stay.
      if (data.customFields)
        data.customFields = { ...current.customFields, ...(data.customFields as object) };
      const before = Object.fromEntries(
        Object.keys(data).map((k) => [k, (current as Record<string, unknown>)[k]]),
      );
      before.version = current.version;
      await tx
        .update(customers)
        .set({
          ...(data as Partial<typeof customers.$inferInsert>),
          ...customerSearchColumns({ ...current, ...data } as Parameters<typeof customerSearchColumns>[0]),
          version: sql`${customers.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(customers.id, current.id));
      await tx
        .update(customerImportRows)
        .set({ before })
        .where(and(eq(customerImportRows.importId, id), eq(customerImportRows.rowNo, r.rowNo)));
      await tx.insert(auditLog).values({
        action: "import",
        entityType: "customer",
        entityId: current.id,
        actorId: caller.userId,
        actorName: caller.displayName,
        ip: ctx.ip,
        requestId: ctx.requestId,
        changes: Object.fromEntries(
          Object.keys(data).map((k) => [k, { before: before[k] ?? null, after: data[k] }]),
        ),
        detail: { importId: id },
      });
      written += 1;
      reportProgress(db, id, written);
    }
    // The job says committed in the same transaction as its rows: both or neither.
    await tx
      .update(customerImports)
      .set({ status: "committed", committedAt: new Date(), processed: written })
      .where(eq(customerImports.id, id));
    return written;
  });
}

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
      );
    // Created customers: one statement, refused if any changed since (version moved past 1).
    const created = rows.filter((r) => r.action === "create").map((r) => r.customerId!);
    for (let i = 0; i < created.length; i += 1000) {
      const chunk = created.slice(i, i + 1000);
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
            inArray(customers.id, chunk),
            eq(customers.version, 1),
            isNull(customers.deletedAt),
            scoped(caller),
          ),
        )
        .returning({ id: customers.id });
      if (removed.length !== chunk.length) {
        throw new AppError(409, ErrorCode.conflict, {
          detail: "import_changed_since",
        });
      }
    }
    for (const r of rows.filter((x) => x.action === "update")) {
      const current = await findInScope(tx, caller, r.customerId!, true);
      if (current.version !== Number(r.before?.version) + 1) {
        throw new AppError(409, ErrorCode.conflict, {
          detail: "import_changed_since",
          extensions: { code: current.code },
        });
      }
      const { version: _v, ...before } = r.before ?? {};
      await tx
        .update(customers)
        .set({
          ...(before as Partial<typeof customers.$inferInsert>),
          ...customerSearchColumns({ ...current, ...before } as Parameters<typeof customerSearchColumns>[0]),
          version: sql`${customers.version} + 1`,
          updatedAt: new Date(),
        })
        .where(eq(customers.id, current.id));
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
