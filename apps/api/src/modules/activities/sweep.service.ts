import {
  contactRecords,
  customers,
  type Db,
  type DbOrTx,
  events,
  notifications,
  orders,
  receivables,
} from "@crm/db";
import { sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Caller } from "../../plugins/access.js";
import { shanghaiDate } from "../../shared/days.js";

/**
 * The notifications nobody's action produces: a customer's follow-up day has come, a receivable is
 * overdue, an event's reminder time is reached. Each is made once (a dedupe key per occasion),
 * whichever process sweeps first. Returns how many were made.
 */
export async function sweepNotifications(db: DbOrTx, now = new Date()): Promise<number> {
  const today = shanghaiDate(now);
  const made = await db.execute<{ n: number }>(sql`
    with latest as (
      select distinct on (r.customer_id) r.customer_id, r.next_follow_up_on
      from ${contactRecords} r where r.deleted_at is null
      order by r.customer_id, r.occurred_at desc, r.id desc
    ), follow_ups as (
      insert into ${notifications} (user_id, kind, title, link, dedupe_key)
      select c.owner_id, 'follow_up_due', '今天该跟进:' || c.name, '/customers/' || c.id,
             'follow_up:' || c.id || ':' || l.next_follow_up_on
      from latest l join ${customers} c on c.id = l.customer_id
      where l.next_follow_up_on <= ${today}::date and l.next_follow_up_on > ${today}::date - 7
        and c.deleted_at is null and c.owner_id is not null
      on conflict (dedupe_key) do nothing returning 1
    ), overdue as (
      insert into ${notifications} (user_id, kind, title, link, dedupe_key)
      select r.owner_id, 'receivable_overdue',
             '应收款逾期:' || o.number || ' 第' || r.instalment_no || '期 ' || (r.amount - r.paid)::text,
             '/finance/receivables?customerId=' || r.customer_id, 'receivable_overdue:' || r.id
      from ${receivables} r join ${orders} o on o.id = r.order_id
      where r.status = 'open' and r.amount > r.paid and r.due_date < ${today}::date
      on conflict (dedupe_key) do nothing returning 1
    ), reminders as (
      insert into ${notifications} (user_id, kind, title, link, dedupe_key)
      select e.owner_id, 'event_reminder', '日程提醒:' || e.title, '/relationship/calendar?event=' || e.id,
             'event:' || e.id || ':' || extract(epoch from e.starts_at)::bigint
      from ${events} e
      where e.deleted_at is null and e.remind_minutes_before is not null
        and e.starts_at - make_interval(mins => e.remind_minutes_before) <= ${now}
        and e.starts_at > ${now}
      on conflict (dedupe_key) do nothing returning 1
    )
    select (select count(*) from follow_ups)::int + (select count(*) from overdue)::int
         + (select count(*) from reminders)::int as n`);
  return Number(made.rows[0]?.n ?? 0);
}

/** Sweeps every `everyMs` until the app closes. */
export function startSweeper(db: Db, log: FastifyBaseLogger, everyMs: number) {
  const timer = setInterval(() => {
    sweepNotifications(db).catch((err: unknown) => log.error({ err }, "notification sweep"));
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** The caller's own month so far against last month (the workbench's figures). */
export async function monthFigures(db: DbOrTx, caller: Caller, on = shanghaiDate()) {
  const month = on.slice(0, 7);
  const start = `${month}-01`;
  const prevStart = `${new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 7)}-01`;
  const figures = async (from: string, to: string) => {
    const [row] = (
      await db.execute<{
        new_customers: number;
        contacts_made: number;
        orders_signed: number;
        order_amount: string;
        receivables_due: string;
      }>(sql`
      select
        (select count(*)::int from ${customers} where owner_id = ${caller.userId} and deleted_at is null
           and (created_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date) as new_customers,
        (select count(*)::int from ${contactRecords} where owner_id = ${caller.userId} and deleted_at is null
           and (occurred_at at time zone 'Asia/Shanghai')::date between ${from}::date and ${to}::date) as contacts_made,
        (select count(*)::int from ${orders} where owner_id = ${caller.userId} and deleted_at is null
           and signing_date between ${from}::date and ${to}::date and status <> 'draft' and status <> 'cancelled') as orders_signed,
        (select coalesce(sum(total), 0)::numeric(16,2)::text from ${orders} where owner_id = ${caller.userId} and deleted_at is null
           and signing_date between ${from}::date and ${to}::date and status <> 'draft' and status <> 'cancelled') as order_amount,
        (select coalesce(sum(amount - paid), 0)::numeric(16,2)::text from ${receivables} where owner_id = ${caller.userId}
           and status = 'open' and due_date between ${from}::date and ${to}::date) as receivables_due`)
    ).rows;
    return {
      newCustomers: row?.new_customers ?? 0,
      contactsMade: row?.contacts_made ?? 0,
      ordersSigned: row?.orders_signed ?? 0,
      orderAmount: row?.order_amount ?? "0.00",
      receivablesDue: row?.receivables_due ?? "0.00",
    };
  };
  const prevEnd = new Date(Date.parse(`${start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  // The same number of days of last month, so the comparison is fair.
  const day = Number(on.slice(8, 10));
  const prevDays = Number(prevEnd.slice(8, 10));
  const prevTo = `${prevStart.slice(0, 8)}${String(Math.min(day, prevDays)).padStart(2, "0")}`;
  return { month, thisMonth: await figures(start, on), lastMonth: await figures(prevStart, prevTo) };
}
