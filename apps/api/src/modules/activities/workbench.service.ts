import { contactRecords, contacts, customers, type DbOrTx, notifications } from "@crm/db";
import { and, desc, eq, isNull, lt, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { shanghaiDayStart } from "../../shared/days.js";
import { notFound } from "../../shared/errors.js";
import { displayNameOf } from "../../shared/sql.js";
import { assertUserInScope } from "./activities.access.js";

/**
 * Customers due for follow-up (跟进提醒) for one salesperson (the caller, or someone in their
 * scope): the latest contact record's next follow-up date has come (on or before `on`, a day in
 * Asia/Shanghai), or the last contact is more than `days` days before `on`.
 */
export async function followUps(
  db: DbOrTx,
  caller: Caller,
  options: { on: string; days: number; ownerId?: string | undefined; limit: number },
) {
  const ownerId = options.ownerId ?? caller.userId;
  await assertUserInScope(db, caller, ownerId, "ownerId");
  const cutoff = new Date(shanghaiDayStart(options.on).getTime() - (options.days - 1) * 86_400_000);
  const latest = sql`(select ${contactRecords.nextFollowUpOn} from ${contactRecords}
    where ${contactRecords.customerId} = ${customers.id} and ${contactRecords.deletedAt} is null
    order by ${contactRecords.occurredAt} desc, ${contactRecords.id} desc limit 1)`;
  const rows = await db
    .select({
      customerId: customers.id,
      customerName: customers.name,
      customerCode: customers.code,
      ownerId: customers.ownerId,
      ownerName: displayNameOf(customers.ownerId),
      dueOn: sql<string | null>`${latest}::text`,
      lastContactAt: customers.lastContactAt,
    })
    .from(customers)
    .where(
      and(
        eq(customers.ownerId, ownerId),
        isNull(customers.deletedAt),
        sql`(${latest} <= ${options.on}::date or ${customers.lastContactAt} < ${cutoff})`,
      ),
    )
    .orderBy(sql`${latest} asc nulls last`, customers.lastContactAt)
    .limit(options.limit);
  return rows.map((r) => ({
    ...r,
    reason: r.dueOn !== null && r.dueOn <= options.on ? ("follow_up_due" as const) : ("no_contact" as const),
    lastContactAt: r.lastContactAt?.toISOString() ?? null,
  }));
}

/** Contacts' birthdays in the next `days` days (from `from`), for the caller's customers. */
export async function careSuggestions(db: DbOrTx, caller: Caller, options: { from: string; days: number }) {
  const start = sql`${options.from}::date`;
  // The birthday in the year of `from` (29 Feb falls on 28 Feb in other years), or the next year's.
  const thisYear = sql`make_date(extract(year from ${start})::int, extract(month from ${contacts.birthday})::int,
    least(extract(day from ${contacts.birthday})::int, extract(day from (date_trunc('month', make_date(extract(year from ${start})::int, extract(month from ${contacts.birthday})::int, 1)) + interval '1 month - 1 day'))::int))`;
  const next = sql`(case when ${thisYear} >= ${start} then ${thisYear} else (${thisYear} + interval '1 year')::date end)`;
  const rows = await db
    .select({
      on: sql<string>`${next}::text`,
      customerId: customers.id,
      customerName: customers.name,
      contactId: contacts.id,
      contactName: contacts.name,
    })
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(
      and(
        sql`${contacts.birthday} is not null`,
        isNull(contacts.deletedAt),
        isNull(customers.deletedAt),
        eq(customers.ownerId, caller.userId),
        sql`${next} < ${start} + ${options.days}::int`,
      ),
    )
    .orderBy(sql`${next}`)
    .limit(200);
  return rows.map((r) => ({ kind: "birthday" as const, years: null, ...r }));
}

export async function listNotifications(
  db: DbOrTx,
  caller: Caller,
  query: { unread?: "true" | "false" | undefined; limit: number; cursor?: string | undefined },
) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select()
    .from(notifications)
    .where(
      and(
        eq(notifications.userId, caller.userId),
        query.unread === "true" ? isNull(notifications.readAt) : undefined,
        after
          ? sql`(${notifications.createdAt}, ${notifications.id}) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return {
    items: page.items.map((n) => ({
      id: n.id,
      kind: n.kind as never,
      title: n.title,
      link: n.link,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
    })),
    nextCursor: page.nextCursor,
    unread: await unreadCount(db, caller),
  };
}

export async function unreadCount(db: DbOrTx, caller: Caller): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(notifications)
    .where(and(eq(notifications.userId, caller.userId), isNull(notifications.readAt)));
  return row?.n ?? 0;
}

/** Marks one (404 unless it is the caller's) or all of the caller's notifications read. */
export async function markRead(db: DbOrTx, caller: Caller, id: string | null) {
  const updated = await db
    .update(notifications)
    .set({ readAt: new Date() })
    .where(
      and(
        eq(notifications.userId, caller.userId),
        id ? eq(notifications.id, id) : isNull(notifications.readAt),
        id ? undefined : lt(notifications.createdAt, new Date(Date.now() + 1000)),
      ),
    )
    .returning({ id: notifications.id });
  if (id && !updated.length) throw notFound();
  return { unread: await unreadCount(db, caller) };
}
