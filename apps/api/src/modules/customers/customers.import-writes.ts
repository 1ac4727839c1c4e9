// The batched writes of an import's commit and of its undo: one statement per batch of rows.
import { auditLog, customerImportRows, customerSearchColumns, customers, type DbOrTx } from "@crm/db";
import { and, asc, getTableColumns, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";

/** Rows per statement: large enough that a statement's overhead is small, small enough for progress. */
export const BATCH = 2000;

export type SearchSource = Parameters<typeof customerSearchColumns>[0];
type CustomerRow = typeof customers.$inferSelect;
const columnOf = getTableColumns(customers);
/** The column's name in the database (the schema's keys are camelCase, its columns snake_case). */
const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
/** Columns the database fills on insert (defaults) or that a new customer leaves empty. */
const NOT_INSERTED = new Set([
  "createdAt",
  "updatedAt",
  "version",
  "deletedAt",
  "deletedBy",
  "mergedIntoId",
  "lastContactAt",
]);
const INSERTED = Object.keys(columnOf).filter((k) => !NOT_INSERTED.has(k));
/** Fields an import row (or an undo) may set on an existing customer, and what they derive. */
const DERIVED = Object.keys(customerSearchColumns({ name: "x" }));

/** A record keyed by column names, as jsonb_populate_recordset(null::customers, …) reads it. */
function byColumn(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = record[k];
    out[snake(k)] = v instanceof Date ? v.toISOString() : (v ?? null);
  }
  return out;
}

/**
 * One statement per batch: the customers (their postings by the insert trigger) and one audit
 * entry each. Which row became which customer (for undo) was written at the dry run; rows of an
 * import validated before that are linked here.
 */
export async function insertCustomers(
  tx: DbOrTx,
  importId: string,
  batch: { rowNo: number; linked: boolean; record: Record<string, unknown> }[],
  audit: { actorId: string; actorName: string; ip: string; requestId: string },
) {
  const payload = JSON.stringify(batch.map((b) => byColumn(b.record, INSERTED)));
  const cols = sql.raw(INSERTED.map((k) => `"${snake(k)}"`).join(", "));
  const picked = sql.raw(
    INSERTED.map((k) => {
      const name = snake(k);
      return k === "customFields" ? `coalesce(s."${name}", '{}'::jsonb)` : `s."${name}"`;
    }).join(", "),
  );
  await tx.execute(sql`with ins as (
      insert into ${customers} (${cols})
      select ${picked} from jsonb_populate_recordset(null::customers, ${payload}::jsonb) as s
      returning id, code
    )
    insert into ${auditLog} (action, entity_type, entity_id, actor_id, actor_name, ip, request_id, detail)
    select 'import', 'customer', ins.id::text, ${audit.actorId}::uuid, ${audit.actorName}, ${audit.ip},
      ${audit.requestId}, jsonb_build_object('importId', ${importId}::text, 'code', ins.code)
    from ins`);
  const unlinked = batch.filter((b) => !b.linked);
  if (!unlinked.length) return;
  const links = JSON.stringify(unlinked.map((b) => ({ row_no: b.rowNo, id: b.record.id })));
  await tx.execute(sql`update ${customerImportRows} r set customer_id = v.id
    from jsonb_to_recordset(${links}::jsonb) as v(row_no int, id uuid)
    where r.import_id = ${importId} and r.row_no = v.row_no`);
}

/**
 * Update rows in batches in which each customer appears once (two rows may match one customer,
 * by code): a later row then reads what the earlier one wrote, as one statement per row would.
 */
function updateBatches<T extends { customerId: string | null }>(rows: T[]): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let ids = new Set<string>();
  for (const r of rows) {
    if (batch.length === BATCH || ids.has(r.customerId!)) {
      batches.push(batch);
      batch = [];
      ids = new Set();
    }
    batch.push(r);
    ids.add(r.customerId!);
  }
  if (batch.length) batches.push(batch);
  return batches;
}

/** The customers of `ids` in the caller's scope, locked; a missing one is a 404 like findInScope's. */
async function lockInScope(tx: DbOrTx, caller: Caller, ids: string[]): Promise<Map<string, CustomerRow>> {
  const found = await tx
    .select()
    .from(customers)
    .where(
      and(
        sql`${customers.id} = any(${`{${[...new Set(ids)].join(",")}}`}::uuid[])`,
        scopeWhere(caller.scope, customers.ownerId),
      ),
    )
    .orderBy(asc(customers.id))
    .for("update");
  const map = new Map(found.map((c) => [c.id, c]));
  if (ids.some((x) => !map.has(x))) throw notFound();
  return map;
}

/**
 * An import's update rows in batches (updateBatches), each row with its customer as it is now,
 * locked in the caller's scope: what a commit applies the file to and an undo checks against.
 */
export async function* lockedUpdates<T extends { customerId: string | null; action: string }>(
  tx: DbOrTx,
  caller: Caller,
  rows: T[],
): AsyncGenerator<{ row: T; now: CustomerRow }[]> {
  for (const slice of updateBatches(rows.filter((r) => r.action === "update"))) {
    const current = await lockInScope(
      tx,
      caller,
      slice.map((r) => r.customerId!),
    );
    yield slice.map((row) => ({ row, now: current.get(row.customerId!)! }));
  }
}

/**
 * Sets each customer's given fields (and what they derive), bumping its version: one statement
 * for the batch. A row that does not give a field keeps the customer's value (locked, so current).
 */
export async function updateCustomers(
  tx: DbOrTx,
  batch: { current: CustomerRow; values: Record<string, unknown> }[],
) {
  if (!batch.length) return;
  const fields = [...new Set(batch.flatMap((b) => Object.keys(b.values)))].filter(
    (k) => k in columnOf && !DERIVED.includes(k) && k !== "id" && k !== "version",
  );
  const keys = [...fields, ...DERIVED];
  const payload = JSON.stringify(
    batch.map((b) => {
      const next = { ...b.current, ...b.values } as CustomerRow;
      return {
        ...byColumn({ ...next, ...customerSearchColumns(next as SearchSource) }, keys),
        id: b.current.id,
      };
    }),
  );
  const set = sql.raw(
    keys
      .map((k) => {
        const name = snake(k);
        return `"${name}" = v."${name}"`;
      })
      .join(", "),
  );
  await tx.execute(sql`update ${customers} c set ${set}, version = c.version + 1, updated_at = now()
    from jsonb_populate_recordset(null::customers, ${payload}::jsonb) as v
    where c.id = v.id`);
}
