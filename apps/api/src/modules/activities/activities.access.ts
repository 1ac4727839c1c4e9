import { ErrorCode, type NotificationKind, type Shareable } from "@crm/contracts";
import { activityShares, contacts, customers, type DbOrTx, notifications, users } from "@crm/db";
import { and, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { AppError } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";

/** The columns every activity table has that access depends on. */
export interface ActivityTable {
  id: AnyPgColumn;
  ownerId: AnyPgColumn;
  customerId: AnyPgColumn;
}

/**
 * Who reaches an activity (contact or care record, task, event), the one place that decides it:
 * - to read and change it: the owner is in the caller's scope, or its customer is (a salesperson
 *   who takes over a customer sees its history);
 * - to read only: it was shared with the caller.
 * `readOnly` is the SQL flag the lists return.
 */
export function activityAccess(caller: Caller, table: ActivityTable, type: Shareable) {
  const owner = scopeWhere(caller.scope, table.ownerId);
  const customer = scopeWhere(caller.scope, customers.ownerId);
  const writable: SQL | undefined =
    owner === undefined
      ? undefined
      : sql`(${owner} or exists (select 1 from ${customers} where ${customers.id} = ${table.customerId} and ${customer}))`;
  const shared = sql`exists (select 1 from ${activityShares} where ${activityShares.entityType} = ${type}
    and ${activityShares.entityId} = ${table.id} and ${activityShares.userId} = ${caller.userId})`;
  return {
    writable,
    visible: writable === undefined ? undefined : sql`(${writable} or ${shared})`,
    readOnly: writable === undefined ? sql<boolean>`false` : sql<boolean>`not ${writable}`,
  };
}

const badRef = (field: string) =>
  new AppError(400, ErrorCode.validation, { fields: [{ field, code: "not_found_ref" }] });

/** A live customer the caller reaches (400 naming the field otherwise, as for any bad reference). */
export async function assertCustomer(tx: DbOrTx, caller: Caller, customerId: string, field = "customerId") {
  const [row] = await tx
    .select({ id: customers.id, name: customers.name })
    .from(customers)
    .where(
      and(
        eq(customers.id, customerId),
        isNull(customers.deletedAt),
        scopeWhere(caller.scope, customers.ownerId),
      ),
    );
  if (!row) throw badRef(field);
  return row;
}

/**
 * The contact must belong to the customer; without a customer (an event may have none), to a
 * customer in the caller's scope, or one's own event could point at a contact one may not see.
 */
export async function assertContact(
  tx: DbOrTx,
  caller: Caller,
  contactId: string,
  customerId: string | null,
  field = "contactId",
) {
  const [row] = await tx
    .select({ id: contacts.id })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(
      and(
        eq(contacts.id, contactId),
        isNull(contacts.deletedAt),
        customerId ? eq(contacts.customerId, customerId) : scopeWhere(caller.scope, customers.ownerId),
      ),
    );
  if (!row) throw badRef(field);
}

/** An active user in the caller's scope (assignees, owners). */
export async function assertUserInScope(tx: DbOrTx, caller: Caller, userId: string, field: string) {
  if (userId === caller.userId) return;
  const [row] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.disabled, false), scopeWhere(caller.scope, users.id)));
  if (!row)
    throw new AppError(400, ErrorCode.validation, { fields: [{ field, code: "owner_out_of_scope" }] });
}

/** Active users anywhere (sharing reaches colleagues outside one's scope, by design). */
export async function assertActiveUsers(tx: DbOrTx, ids: string[], field: string) {
  if (!ids.length) return;
  const rows = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(inArray(users.id, ids), eq(users.disabled, false)));
  const found = new Set(rows.map((r) => r.id));
  const missing = ids.findIndex((id) => !found.has(id));
  if (missing >= 0) throw badRef(`${field}.${missing}`);
}

/**
 * In-app notifications for these users (except `exceptId`, the one who acted). Those who turned
 * this kind off get nothing: the trigger on `notifications` drops their rows (migration 0018), for
 * this and every other producer alike.
 */
export async function notify(
  tx: DbOrTx,
  userIds: string[],
  n: { kind: NotificationKind; title: string; link: string | null },
  exceptId?: string,
) {
  const to = [...new Set(userIds)].filter((id) => id !== exceptId);
  if (to.length) await tx.insert(notifications).values(to.map((userId) => ({ userId, ...n })));
}

/**
 * Replaces who an activity is shared with; the newly added colleagues get a notification.
 * Returns the ids added and removed (for the audit log).
 */
export async function syncShares(
  tx: DbOrTx,
  caller: Caller,
  type: Shareable,
  id: string,
  userIds: string[] | undefined,
  note: { title: string; link: string },
): Promise<{ added: string[]; removed: string[] }> {
  if (userIds === undefined) return { added: [], removed: [] };
  const wanted = [...new Set(userIds)].filter((u) => u !== caller.userId);
  await assertActiveUsers(tx, wanted, "sharedWith");
  const current = (
    await tx
      .select({ userId: activityShares.userId })
      .from(activityShares)
      .where(and(eq(activityShares.entityType, type), eq(activityShares.entityId, id)))
  ).map((r) => r.userId);
  const added = wanted.filter((u) => !current.includes(u));
  const removed = current.filter((u) => !wanted.includes(u));
  if (removed.length)
    await tx
      .delete(activityShares)
      .where(
        and(
          eq(activityShares.entityType, type),
          eq(activityShares.entityId, id),
          inArray(activityShares.userId, removed),
        ),
      );
  if (added.length) {
    await tx
      .insert(activityShares)
      .values(added.map((userId) => ({ entityType: type, entityId: id, userId, sharedBy: caller.userId })));
    await notify(tx, added, {
      kind: "shared",
      title: `${caller.displayName} 与您共享了:${note.title}`,
      link: note.link,
    });
  }
  return { added, removed };
}

/** Who each of these activities is shared with. */
export async function sharesOf(db: DbOrTx, type: Shareable, ids: string[]) {
  const out = new Map<string, { id: string; name: string }[]>();
  if (!ids.length) return out;
  const rows = await db
    .select({ entityId: activityShares.entityId, id: users.id, name: users.displayName })
    .from(activityShares)
    .innerJoin(users, eq(users.id, activityShares.userId))
    .where(and(eq(activityShares.entityType, type), inArray(activityShares.entityId, ids)));
  for (const r of rows) out.set(r.entityId, [...(out.get(r.entityId) ?? []), { id: r.id, name: r.name }]);
  return out;
}
