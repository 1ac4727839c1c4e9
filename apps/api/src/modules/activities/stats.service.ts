import { CONTACT_CHANNELS, type MyStats, type PersonalFigures } from "@crm/contracts";
import {
  careRecords,
  contactRecords,
  customers,
  type DbOrTx,
  feedback,
  orders,
  paymentAllocations,
  payments,
  receivables,
  tasks,
  transactions,
} from "@crm/db";
import { type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { addDays, shanghaiDate } from "../../shared/days.js";

type Channel = (typeof CONTACT_CHANNELS)[number];

/** The instant a Shanghai day (a date expression) begins, so timestamp columns use their index. */
const startOf = (day: SQL) => sql`((${day})::timestamp at time zone 'Asia/Shanghai')`;
const money = (sum: SQL) => sql`round(coalesce(${sum}, 0), 2)::text`;

/**
 * One user's own figures between two days (date expressions, both included), as the select list
 * of one query: a scalar subquery each, every one narrowed by the owner's index first. The one
 * definition of "my figures" — the workbench's month, 我的统计 and its monthly trend use it.
 */
function figureColumns(userId: string, from: SQL, to: SQL, today: string) {
  const begins = startOf(from);
  const ends = startOf(sql`(${to}) + 1`);
  const signed = sql`owner_id = ${userId} and deleted_at is null and signing_date between ${from} and ${to}
    and status <> 'draft' and status <> 'cancelled'`;
  return sql`
    (select count(*)::int from ${customers} where owner_id = ${userId} and deleted_at is null
       and created_at >= ${begins} and created_at < ${ends}) as new_customers,
    (select count(*)::int from ${contactRecords} where owner_id = ${userId} and deleted_at is null
       and occurred_at >= ${begins} and occurred_at < ${ends}) as contacts_made,
    (select count(*)::int from ${careRecords} where owner_id = ${userId} and deleted_at is null
       and care_date between ${from} and ${to}) as care_records,
    (select count(*)::int from ${tasks} where owner_id = ${userId} and deleted_at is null and status = 'done'
       and completed_at >= ${begins} and completed_at < ${ends}) as tasks_done,
    (select count(*)::int from ${tasks} where owner_id = ${userId} and deleted_at is null and status <> 'done'
       and due_on between ${from} and least(${to}, ${today}::date - 1)) as tasks_overdue,
    (select count(*)::int from ${orders} where ${signed}) as orders_signed,
    (select ${money(sql`sum(total)`)} from ${orders} where ${signed}) as order_amount,
    (select ${money(sql`sum(amount)`)} from ${transactions} where owner_id = ${userId} and deleted_at is null
       and date between ${from} and ${to}) as transaction_amount,
    (select ${money(sql`sum(a.amount)`)} from ${paymentAllocations} a
       join ${receivables} r on r.id = a.receivable_id join ${payments} p on p.id = a.payment_id
       where r.owner_id = ${userId} and p.received_on between ${from} and ${to}) as payments_collected,
    (select ${money(sql`sum(amount - paid)`)} from ${receivables} where owner_id = ${userId}
       and status = 'open' and due_date between ${from} and ${to}) as receivables_due,
    (select count(*)::int from ${feedback} where handler_id = ${userId} and deleted_at is null
       and status = 'closed' and closed_at >= ${begins} and closed_at < ${ends}) as feedback_handled`;
}

type FigureRow = {
  new_customers: number;
  contacts_made: number;
  care_records: number;
  tasks_done: number;
  tasks_overdue: number;
  orders_signed: number;
  order_amount: string;
  transaction_amount: string;
  payments_collected: string;
  receivables_due: string;
  feedback_handled: number;
};

const figuresOf = (r: FigureRow | undefined) => ({
  newCustomers: Number(r?.new_customers ?? 0),
  contactsMade: Number(r?.contacts_made ?? 0),
  careRecords: Number(r?.care_records ?? 0),
  tasksDone: Number(r?.tasks_done ?? 0),
  tasksOverdue: Number(r?.tasks_overdue ?? 0),
  ordersSigned: Number(r?.orders_signed ?? 0),
  orderAmount: r?.order_amount ?? "0.00",
  transactionAmount: r?.transaction_amount ?? "0.00",
  paymentsCollected: r?.payments_collected ?? "0.00",
  receivablesDue: r?.receivables_due ?? "0.00",
  feedbackHandled: Number(r?.feedback_handled ?? 0),
});

/** The user's figures for one period, with contact records by channel. */
export async function personalFigures(
  db: DbOrTx,
  userId: string,
  from: string,
  to: string,
  today = shanghaiDate(),
): Promise<PersonalFigures> {
  const f = sql`${from}::date`;
  const t = sql`${to}::date`;
  const [row] = (
    await db.execute<FigureRow & { by_channel: Record<string, number> | null }>(sql`
      select ${figureColumns(userId, f, t, today)},
        (select jsonb_object_agg(channel, n) from (
           select channel, count(*)::int as n from ${contactRecords} where owner_id = ${userId} and deleted_at is null
             and occurred_at >= ${startOf(f)} and occurred_at < ${startOf(sql`${t} + 1`)} group by channel) c) as by_channel`)
  ).rows;
  const byChannel = row?.by_channel ?? {};
  return {
    ...figuresOf(row),
    contactsByChannel: Object.fromEntries(
      CONTACT_CHANNELS.map((c) => [c, Number(byChannel[c] ?? 0)]),
    ) as Record<Channel, number>,
  };
}

/** The first day of a month counted from year 0 (year * 12 + month - 1). */
const monthStart = (index: number) =>
  `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;

/** 我的统计: the caller's figures for a period and, month by month, the 12 months up to its end. */
export async function myStats(
  db: DbOrTx,
  caller: Caller,
  period: { from: string; to: string },
  today = shanghaiDate(),
): Promise<MyStats> {
  const last = Number(period.to.slice(0, 4)) * 12 + Number(period.to.slice(5, 7)) - 1;
  const lastMonth = monthStart(last);
  const first = monthStart(last - 11);
  const month = sql`m.month::date`;
  const trend = (
    await db.execute<FigureRow & { month: string }>(sql`
      select to_char(m.month, 'YYYY-MM') as month,
        ${figureColumns(caller.userId, month, sql`(m.month + interval '1 month' - interval '1 day')::date`, today)}
      from generate_series(${first}::date, ${lastMonth}::date, interval '1 month') as m(month)
      order by m.month`)
  ).rows;
  return {
    from: period.from,
    to: period.to,
    figures: await personalFigures(db, caller.userId, period.from, period.to, today),
    trend: trend.map((r) => ({ month: r.month, ...figuresOf(r) })),
  };
}

/** The caller's own month so far against the same days of last month (the workbench's figures). */
export async function monthFigures(db: DbOrTx, caller: Caller, on = shanghaiDate()) {
  const month = on.slice(0, 7);
  const start = `${month}-01`;
  const prevEnd = addDays(start, -1);
  const prevStart = `${prevEnd.slice(0, 7)}-01`;
  // The same number of days of last month, so the comparison is fair.
  const day = Number(on.slice(8, 10));
  const prevTo = `${prevEnd.slice(0, 8)}${String(Math.min(day, Number(prevEnd.slice(8, 10)))).padStart(2, "0")}`;
  return {
    month,
    thisMonth: await personalFigures(db, caller.userId, start, on, on),
    lastMonth: await personalFigures(db, caller.userId, prevStart, prevTo, on),
  };
}
