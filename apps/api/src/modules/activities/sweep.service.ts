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
import { shanghaiDate, shanghaiDayStart } from "../../shared/days.js";
import { every } from "../../shared/every.js";
import { setting } from "../settings/settings.service.js";

/**
 * The notifications nobody's action produces: a customer's follow-up day has come or it has had no
 * contact for the followUpDays setting, a receivable is overdue, an event's reminder time is
 * reached. Each is made once (a dedupe key per occasion), whichever process sweeps first; a user
 * who turned a kind off gets none of it (the notifications table's trigger drops them). Returns how
 * many were made.
 */
export async function sweepNotifications(db: DbOrTx, now = new Date()): Promise<number> {
  const today = shanghaiDate(now);
  const days = await setting(db, "followUpDays");
  // As the workbench list: the last contact before the start of the (days - 1)th day back.
  const cutoff = new Date(shanghaiDayStart(today).getTime() - (days - 1) * 86_400_000);
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
    ), silent as (
      -- Once per silence: the key names the last contact, so a new contact starts a new one.
      insert into ${notifications} (user_id, kind, title, link, dedupe_key)
      select c.owner_id, 'follow_up_due', '已 ' || ${days}::int || ' 天未联系:' || c.name, '/customers/' || c.id,
             'no_contact:' || c.id || ':' || to_char(c.last_contact_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD')
      from ${customers} c
      where c.last_contact_at < ${cutoff} and c.last_contact_at >= ${cutoff}::timestamptz - interval '7 days'
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
    select (select count(*) from follow_ups)::int + (select count(*) from silent)::int
         + (select count(*) from overdue)::int
         + (select count(*) from reminders)::int as n`);
  return Number(made.rows[0]?.n ?? 0);
}

/** Sweeps every `everyMs` until the app closes. */
export function startSweeper(db: Db, log: FastifyBaseLogger, everyMs: number) {
  return every(everyMs, log, "notification sweep", () => sweepNotifications(db));
}
