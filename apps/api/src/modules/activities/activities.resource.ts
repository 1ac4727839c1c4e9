import { type ActivityQuery, ErrorCode, type Shareable } from "@crm/contracts";
import { customers, type Db, type DbOrTx } from "@crm/db";
import { and, eq, getTableColumns, isNull, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { shanghaiDayStart } from "../../shared/days.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { containing, displayNameOf } from "../../shared/sql.js";
import { checkVersion } from "../../shared/versioning.js";
import { type ActivityTable, activityAccess, sharesOf } from "./activities.access.js";

type Table = PgTable & ActivityTable & { deletedAt: PgColumn; version: PgColumn; updatedAt: PgColumn };

/** What differs between contact records, care records, tasks and events; the rest is shared. */
export interface Resource<T extends Table, Out> {
  type: Shareable;
  table: T;
  /** The day or instant that orders the list (newest first) and that from/to filter on. */
  when: PgColumn;
  whenKind: "date" | "timestamp";
  order: "asc" | "desc";
  /** Free-text search over the resource's own text columns. */
  search: (like: string) => SQL;
  present: (row: Record<string, unknown>) => Out;
  title: (row: Record<string, unknown>) => string;
  link: (id: string) => string;
  /** More read-only columns (names of related records). */
  extra?: Record<string, SQL>;
}

const ownerName = (t: ActivityTable) => displayNameOf(t.ownerId);
const customerName = (t: ActivityTable) =>
  sql<string | null>`(select ${customers.name} from ${customers} where ${customers.id} = ${t.customerId})`;

function columns<T extends Table>(caller: Caller, r: Resource<T, unknown>) {
  return {
    ...getTableColumns(r.table),
    ownerName: ownerName(r.table),
    customerName: customerName(r.table),
    readOnly: activityAccess(caller, r.table, r.type).readOnly,
    ...r.extra,
  };
}

/** The Access fields every activity carries. */
function accessFields(row: Record<string, unknown>, shared: { id: string; name: string }[]) {
  return {
    ownerId: row.ownerId as string,
    ownerName: (row.ownerName as string | null) ?? null,
    sharedWith: shared,
    readOnly: Boolean(row.readOnly),
    createdAt: (row.createdAt as Date).toISOString(),
    updatedAt: (row.updatedAt as Date).toISOString(),
    version: row.version as number,
  };
}

export async function listActivities<T extends Table, Out>(
  db: DbOrTx,
  caller: Caller,
  r: Resource<T, Out>,
  query: ActivityQuery,
  extra?: SQL,
) {
  const access = activityAccess(caller, r.table, r.type);
  const after = decodeCursor(query.cursor, 2);
  const toValue = (v: string | number) => (r.whenKind === "timestamp" ? new Date(String(v)) : String(v));
  const op = r.order === "desc" ? sql`<` : sql`>`;
  const when = r.whenKind === "date" ? sql`coalesce(${r.when}, '9999-12-31')` : sql`${r.when}`;
  const upper = query.to
    ? r.whenKind === "date"
      ? sql`${r.when} <= ${query.to}`
      : sql`${r.when} < ${new Date(shanghaiDayStart(query.to).getTime() + 86_400_000)}`
    : undefined;
  const lower = query.from
    ? r.whenKind === "date"
      ? sql`${r.when} >= ${query.from}`
      : sql`${r.when} >= ${shanghaiDayStart(query.from)}`
    : undefined;
  const rows = await db
    .select(columns(caller, r))
    .from(r.table as PgTable)
    .where(
      and(
        access.visible,
        isNull(r.table.deletedAt),
        query.customerId ? eq(r.table.customerId, query.customerId) : undefined,
        query.ownerId ? eq(r.table.ownerId, query.ownerId) : undefined,
        lower,
        upper,
        query.q ? r.search(containing(query.q)) : undefined,
        extra,
        after
          ? sql`(${when}, ${r.table.id}) ${op} (${toValue(after[0]!)}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(
      ...(r.order === "desc"
        ? [sql`${when} desc`, sql`${r.table.id} desc`]
        : [sql`${when} asc`, sql`${r.table.id} asc`]),
    )
    .limit(query.limit + 1);
  const page = pageOf(rows as Record<string, unknown>[], query.limit, (row) => {
    const v = row[keyOf(r)];
    return [v instanceof Date ? v.toISOString() : String(v ?? "9999-12-31"), String(row.id)];
  });
  const shares = await sharesOf(
    db,
    r.type,
    page.items.map((i) => String(i.id)),
  );
  return {
    items: page.items.map((row) => ({
      ...r.present(row),
      ...accessFields(row, shares.get(String(row.id)) ?? []),
    })),
    nextCursor: page.nextCursor,
  };
}

const keyOf = (r: Resource<Table, unknown>) =>
  Object.entries(getTableColumns(r.table)).find(([, c]) => c === r.when)?.[0] ?? "createdAt";

/** One activity the caller may read (404 otherwise, whatever the reason). */
export async function getActivity<T extends Table, Out>(
  db: DbOrTx,
  caller: Caller,
  r: Resource<T, Out>,
  id: string,
) {
  const access = activityAccess(caller, r.table, r.type);
  const [row] = await db
    .select(columns(caller, r))
    .from(r.table as PgTable)
    .where(and(eq(r.table.id, id), access.visible));
  if (!row) throw notFound();
  const shares = await sharesOf(db, r.type, [id]);
  return { ...r.present(row), ...accessFields(row, shares.get(id) ?? []), deleted: row.deletedAt !== null };
}

/**
 * The row to change, locked: 404 when out of reach, 403 when only shared with the caller
 * (read-only), 409 when deleted, 412 when the version is stale.
 */
export async function lockForWrite<T extends Table>(
  tx: DbOrTx,
  caller: Caller,
  r: Resource<T, unknown>,
  id: string,
  expectedVersion: number | undefined,
  allowDeleted = false,
) {
  const access = activityAccess(caller, r.table, r.type);
  const [row] = await tx
    .select({ ...getTableColumns(r.table), readOnly: access.readOnly })
    .from(r.table as PgTable)
    .where(and(eq(r.table.id, id), access.visible))
    .for("update");
  if (!row) throw notFound();
  const current = row as Record<string, unknown>;
  if (current.readOnly) throw new AppError(403, ErrorCode.forbidden, { detail: "shared_read_only" });
  if (current.deletedAt && !allowDeleted) throw new AppError(409, ErrorCode.gone);
  checkVersion(expectedVersion, current.version as number);
  return current;
}

/** Soft delete and restore, audited. */
export async function setActivityDeleted<T extends Table, Out>(
  db: Db,
  caller: Caller,
  r: Resource<T, Out>,
  id: string,
  deleted: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockForWrite(tx, caller, r, id, expectedVersion, true);
    if ((current.deletedAt !== null) === deleted) return;
    await tx
      .update(r.table)
      .set({
        deletedAt: deleted ? new Date() : null,
        version: sql`${r.table.version} + 1`,
        updatedAt: new Date(),
      } as never)
      .where(eq(r.table.id, id));
    await writeAudit(tx, ctx, {
      action: deleted ? "delete" : "restore",
      entityType: r.type,
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { customerId: current.customerId ?? null, title: r.title(current) },
    });
  });
  return getActivity(db, caller, r, id);
}

/** Customers whose owner is in scope: used to bound what a manager may list for "ownerId". */
export const customerInScope = (caller: Caller) => scopeWhere(caller.scope, customers.ownerId);
