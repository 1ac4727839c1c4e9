import { randomUUID } from "node:crypto";
import { defuseCell, ErrorCode } from "@crm/contracts";
import {
  auditLog,
  codeSequences,
  customerImportRows,
  customerImports,
  customerSearchColumns,
  type Db,
  type DbOrTx,
  padSequence,
} from "@crm/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import Papa from "papaparse";
import type { Caller } from "../../plugins/access.js";
import type { RequestContext } from "../../shared/audit.js";
import { AppError, notFound } from "../../shared/errors.js";
import {
  BATCH,
  insertCustomers,
  lockedUpdates,
  type SearchSource,
  updateCustomers,
} from "./customers.import-writes.js";

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

/** The commit was not this request's to run (another holds the import, or it is not validated). */
class NotClaimed extends Error {}
const notCommittable = () =>
  new AppError(409, ErrorCode.conflict, { fields: [{ field: "status", code: "import_not_committable" }] });

/**
 * Writes every planned row in ONE transaction (all or nothing), in the background: the request
 * returns at once and the client polls the import for progress.
 *
 * On PostgreSQL the commit's transaction takes the import's lock BEFORE the job says
 * `committing`: a job seen committing with its lock free is then surely abandoned (its process
 * died), never one whose commit has not begun yet (another request or process polling in that gap
 * used to settle it as interrupted, failing a live commit). Of concurrent commits of one import,
 * the one that gets the lock (tried, not waited for) and then claims the job runs; the others
 * answer 409 at once. The embedded database has one connection and one process: there the job is
 * claimed first and the transaction follows.
 */
export async function startCommit(
  db: Db,
  caller: Caller,
  id: string,
  ctx: RequestContext,
  log: FastifyBaseLogger,
  embedded = false,
) {
  const job = await getImport(db, caller, id);
  const claim = async () =>
    (
      await db
        .update(customerImports)
        .set({ status: "committing" })
        .where(and(eq(customerImports.id, id), eq(customerImports.status, "validated")))
        .returning({ id: customerImports.id })
    ).length > 0;
  let running: Promise<number>;
  if (embedded) {
    if (!(await claim())) throw notCommittable();
    running = commit(db, caller, id, ctx, async () => true);
  } else {
    let locked!: (held: boolean) => void;
    const lockResult = new Promise<boolean>((resolve) => {
      locked = resolve;
    });
    let claimed!: (ok: boolean) => void;
    const claimResult = new Promise<boolean>((resolve) => {
      claimed = resolve;
    });
    running = commit(db, caller, id, ctx, async (held) => {
      locked(held);
      return held && (await claimResult);
    });
    // A failure before the lock (no connection) answers this request.
    const held = await Promise.race([lockResult, running.then(() => false)]);
    if (!held) {
      await running.catch(() => undefined);
      throw notCommittable();
    }
    let ok = false;
    try {
      ok = await claim();
    } finally {
      claimed(ok);
    }
    if (!ok) {
      await running.catch(() => undefined);
      throw notCommittable();
    }
  }
  progress.set(id, 0);
  void running
    .catch(async (err: unknown) => {
      if (err instanceof NotClaimed) return;
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

/**
 * The commit's transaction. `gate` is told whether the import's lock was had (tried, on
 * PostgreSQL) and answers whether to go on: the job is claimed meanwhile (see startCommit).
 */
async function commit(
  db: Db,
  caller: Caller,
  id: string,
  ctx: RequestContext,
  gate: (held: boolean) => Promise<boolean>,
): Promise<number> {
  return db.transaction(async (tx) => {
    // The lock tells other processes this commit is alive; the status is read under it, as a
    // process that found the job abandoned may have just settled it.
    const { rows: lock } = await tx.execute<{ held: boolean }>(
      sql`select pg_try_advisory_xact_lock(${COMMIT_LOCK}, hashtext(${id})) as held`,
    );
    if (!(await gate(Boolean(lock[0]?.held)))) throw new NotClaimed();
    const [claimed] = await tx
      .select({ status: customerImports.status })
      .from(customerImports)
      .where(eq(customerImports.id, id));
    if (claimed?.status !== "committing") throw notCommittable();
    const rows = await tx
      .select({
        rowNo: customerImportRows.rowNo,
        data: customerImportRows.data,
        action: customerImportRows.action,
        customerId: customerImportRows.customerId,
      })
      .from(customerImportRows)
      .where(
        and(eq(customerImportRows.importId, id), inArray(customerImportRows.action, ["create", "update"])),
      )
      .orderBy(asc(customerImportRows.rowNo));
    const audit = {
      actorId: caller.userId,
      actorName: caller.displayName,
      ip: ctx.ip,
      requestId: ctx.requestId,
    };
    let written = 0;

    // Codes: one reservation per class, handed out in file order.
    const creates = rows.filter((r) => r.action === "create");
    const perClass = new Map<string, number>();
    for (const r of creates) {
      const cls = String(r.data!.class);
      perClass.set(cls, (perClass.get(cls) ?? 0) + 1);
    }
    const nextSeq = new Map<string, number>();
    for (const [cls, n] of perClass) nextSeq.set(cls, await reserveCodes(tx, cls, n));

    // The next batch is prepared (pinyin, grams, codes) while the database writes this one.
    let writing: Promise<number> | null = null;
    for (let i = 0; i < creates.length; i += BATCH) {
      const batch = creates.slice(i, i + BATCH).map((r) => {
        const data = r.data as SearchSource & Record<string, unknown>;
        const cls = String(data.class);
        const seq = nextSeq.get(cls)!;
        nextSeq.set(cls, seq + 1);
        return {
          rowNo: r.rowNo,
          linked: r.customerId !== null,
          record: {
            ...data,
            // Given at the dry run; an import validated before that was so gets one now.
            id: r.customerId ?? randomUUID(),
            code: `${cls}类-${padSequence(seq)}`,
            ownerId: caller.userId,
            createdBy: caller.userId,
            ...customerSearchColumns(data),
          },
        };
      });
      if (writing) {
        written += await writing;
        reportProgress(db, id, written);
      }
      writing = insertCustomers(tx, id, batch, audit).then(() => batch.length);
    }
    if (writing) {
      written += await writing;
      reportProgress(db, id, written);
    }

    for await (const slice of lockedUpdates(tx, caller, rows)) {
      const batch = slice.map(({ row: r, now }) => {
        const data = { ...(r.data as Record<string, unknown>) };
        // Custom values in the file add to (or replace) the customer's own; the others stay.
        if (data.customFields) data.customFields = { ...now.customFields, ...(data.customFields as object) };
        const before: Record<string, unknown> = Object.fromEntries(
          Object.keys(data).map((k) => [k, (now as Record<string, unknown>)[k]]),
        );
        before.version = now.version;
        return {
          rowNo: r.rowNo,
          current: now,
          values: data,
          before,
          changes: Object.fromEntries(
            Object.keys(data).map((k) => [k, { before: before[k] ?? null, after: data[k] }]),
          ),
        };
      });
      await updateCustomers(tx, batch);
      await tx.execute(sql`with v as (
          select * from jsonb_to_recordset(${JSON.stringify(
            batch.map((b) => ({ row_no: b.rowNo, id: b.current.id, before: b.before, changes: b.changes })),
          )}::jsonb) as v(row_no int, id uuid, before jsonb, changes jsonb)
        ), marked as (
          update ${customerImportRows} r set before = v.before from v
          where r.import_id = ${id} and r.row_no = v.row_no
        )
        insert into ${auditLog} (action, entity_type, entity_id, actor_id, actor_name, ip, request_id, changes, detail)
        select 'import', 'customer', v.id::text, ${audit.actorId}::uuid, ${audit.actorName}, ${audit.ip},
          ${audit.requestId}, v.changes, jsonb_build_object('importId', ${id}::text)
        from v order by v.row_no`);
      written += batch.length;
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
