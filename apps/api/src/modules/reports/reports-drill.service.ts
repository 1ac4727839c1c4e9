// Drill-down: the DRILLS map (one drill per report figure's dimension) and `drill`, its entry point.
import {
  AGING_BUCKETS,
  type DRILL_DIMENSIONS,
  type DrillRecords,
  ErrorCode,
  ORDER_STATUSES,
  type ReportName,
} from "@crm/contracts";
import {
  contactRecords,
  customers,
  type DbOrTx,
  feedback,
  orders,
  returnVisits,
  transactions,
} from "@crm/db";
import { and, eq, exists, isNull, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { shanghaiDate } from "../../shared/days.js";
import { AppError } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { displayNameOf } from "../../shared/sql.js";
import { revenueBand } from "./reports.service.js";
import {
  contactRecordList,
  customerRecords,
  feedbackRecords,
  orderRecords,
  type PageArgs,
  transactionRecords,
} from "./reports-drill.lists.js";
import {
  balances,
  customerValueRecords,
  dashboardMonths,
  evaluationWhere,
  month,
  named,
  nullable,
  oneOf,
  productName,
  salesWhere,
  satisfactionWhere,
  uuid,
  visitsWhere,
} from "./reports-drill-conditions.service.js";
import { liveSales, ownedBy, period, type ReportFilters } from "./reports-filters.js";

/**
 * 钻取: the records behind one figure of a report. Each condition below repeats the report's own
 * (scope first, then the filters), narrowed to the figure's row, so the records are exactly what
 * the figure counts — the tests hold each `total` against its figure.
 */
type Drill = (
  db: DbOrTx,
  caller: Caller,
  f: ReportFilters,
  value: string,
  page: PageArgs,
) => Promise<DrillRecords>;

export const DRILLS: { [R in ReportName]: Record<(typeof DRILL_DIMENSIONS)[R][number], Drill> } = {
  "first-transactions": {
    // The customers whose first sale fell in the month: their first sales.
    month: async (db, caller, f, v, page) => {
      const base = and(
        liveSales,
        await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId),
      );
      const firsts = sql`(select distinct on (${transactions.customerId}) ${transactions.id} from ${transactions}
        where ${base ?? sql`true`} order by ${transactions.customerId}, ${transactions.date}, ${transactions.createdAt})`;
      return transactionRecords(
        db,
        and(
          sql`${transactions.id} in ${firsts}`,
          period(transactions.date, f),
          sql`to_char(${transactions.date}, 'YYYY-MM') = ${month(v)}`,
        ),
        page,
      );
    },
    // One customer's sales, the first among them.
    customer: async (db, caller, f, v, page) =>
      transactionRecords(
        db,
        and(
          liveSales,
          await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId),
          eq(transactions.customerId, uuid(v)),
        ),
        page,
      ),
  },

  "customer-evaluation": {
    region: async (db, caller, f, v, page) =>
      customerRecords(db, and(await evaluationWhere(db, caller, f), nullable(customers.province, v)), page),
    creditRating: async (db, caller, f, v, page) =>
      customerRecords(
        db,
        and(await evaluationWhere(db, caller, f), nullable(sql`${customers.creditRating}`, v)),
        page,
      ),
    revenueBand: async (db, caller, f, v, page) =>
      customerRecords(
        db,
        and(
          await evaluationWhere(db, caller, f),
          sql`${revenueBand} = ${oneOf(v, ["unknown", "under_1m", "1m_10m", "10m_100m", "over_100m"])}`,
        ),
        page,
      ),
    // A (potential) customer's tracking: its contact records.
    tracking: async (db, caller, f, v, page) =>
      contactRecordList(
        db,
        and(
          isNull(contactRecords.deletedAt),
          eq(contactRecords.customerId, uuid(v)),
          scopeWhere(caller.scope, contactRecords.ownerId),
          exists(
            db
              .select({ one: sql`1` })
              .from(customers)
              .where(and(eq(customers.id, contactRecords.customerId), await evaluationWhere(db, caller, f))),
          ),
        ),
        page,
      ),
  },

  visits: {
    salesperson: async (db, caller, f, v, page) =>
      contactRecordList(db, and(await visitsWhere(db, caller, f), eq(contactRecords.ownerId, uuid(v))), page),
    customer: async (db, caller, f, v, page) =>
      contactRecordList(
        db,
        and(await visitsWhere(db, caller, f), eq(contactRecords.customerId, uuid(v))),
        page,
      ),
    complaintType: async (db, caller, f, v, page) =>
      feedbackRecords(
        db,
        and(
          isNull(feedback.deletedAt),
          v === ""
            ? sql`${feedback.type} in ('complaint', 'fault')`
            : eq(feedback.type, oneOf(v, ["complaint", "fault"])),
          period(feedback.occurredOn, f),
          scopeWhere(caller.scope, customers.ownerId),
        ),
        page,
      ),
  },

  "customer-value": {
    segment: (db, caller, f, v, page) =>
      customerValueRecords(
        db,
        caller,
        f,
        (r) => r.segment === oneOf(v, ["champion", "new", "at_risk_valuable", "dormant", "regular"]),
        page,
      ),
    abc: (db, caller, f, v, page) =>
      customerValueRecords(db, caller, f, (r) => r.abc === oneOf(v, ["A", "B", "C"]), page),
    customer: async (db, caller, f, v, page) =>
      transactionRecords(
        db,
        and(await salesWhere(db, caller, f), eq(transactions.customerId, uuid(v))),
        page,
      ),
  },

  satisfaction: {
    type: async (db, caller, f, v, page) =>
      feedbackRecords(db, and(satisfactionWhere(caller, f), eq(feedback.type, v)), page),
    product: async (db, caller, f, v, page) =>
      feedbackRecords(db, and(satisfactionWhere(caller, f), named(feedback.productId, productName, v)), page),
    handler: async (db, caller, f, v, page) =>
      feedbackRecords(
        db,
        and(satisfactionWhere(caller, f), named(feedback.handlerId, displayNameOf(feedback.handlerId), v)),
        page,
      ),
    // The feedback rated in the month (a done return visit then).
    month: async (db, caller, f, v, page) =>
      feedbackRecords(
        db,
        and(
          satisfactionWhere(caller, f),
          sql`exists (select 1 from ${returnVisits} v where v.feedback_id = ${feedback.id} and v.status = 'done'
            and to_char(v.done_at at time zone 'Asia/Shanghai', 'YYYY-MM') = ${month(v)})`,
        ),
        page,
      ),
  },

  sales: {
    month: async (db, caller, f, v, page) =>
      transactionRecords(
        db,
        and(await salesWhere(db, caller, f), sql`to_char(${transactions.date}, 'YYYY-MM') = ${month(v)}`),
        page,
      ),
    salesperson: async (db, caller, f, v, page) =>
      transactionRecords(db, and(await salesWhere(db, caller, f), eq(transactions.ownerId, uuid(v))), page),
    product: async (db, caller, f, v, page) =>
      transactionRecords(db, and(await salesWhere(db, caller, f), eq(transactions.productId, uuid(v))), page),
    region: async (db, caller, f, v, page) =>
      transactionRecords(db, and(await salesWhere(db, caller, f), nullable(customers.province, v)), page),
    orderStatus: async (db, caller, f, v, page) =>
      orderRecords(
        db,
        and(
          isNull(orders.deletedAt),
          period(orders.signingDate, f),
          await ownedBy(db, caller, f, orders.ownerId, orders.customerId),
          eq(orders.status, oneOf(v, ORDER_STATUSES)),
        ),
        page,
      ),
    aging: async (db, caller, f, v, page) => {
      const bucket = oneOf(v, AGING_BUCKETS);
      return balances(db, caller, f.to ?? shanghaiDate(), (r) => r.aging[bucket], page);
    },
  },

  dashboard: {
    revenueThisMonth: async (db, caller, f, _v, page) =>
      transactionRecords(
        db,
        and(
          liveSales,
          await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId),
          sql`to_char(${transactions.date}, 'YYYY-MM') = ${dashboardMonths(f).month}`,
        ),
        page,
      ),
    revenueLastMonth: async (db, caller, f, _v, page) =>
      transactionRecords(
        db,
        and(
          liveSales,
          await ownedBy(db, caller, f, transactions.ownerId, transactions.customerId),
          sql`to_char(${transactions.date}, 'YYYY-MM') = ${dashboardMonths(f).lastMonth}`,
        ),
        page,
      ),
    newCustomers: async (db, caller, f, _v, page) =>
      customerRecords(
        db,
        and(
          isNull(customers.deletedAt),
          await ownedBy(db, caller, f, customers.ownerId),
          sql`to_char(${customers.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM') = ${dashboardMonths(f).month}`,
        ),
        page,
      ),
    openReceivables: (db, caller, f, _v, page) =>
      balances(db, caller, dashboardMonths(f).today, (r) => r.open, page),
    overdueReceivables: (db, caller, f, _v, page) =>
      balances(db, caller, dashboardMonths(f).today, (r) => r.overdue, page),
    openFeedback: (db, caller, _f, _v, page) =>
      feedbackRecords(
        db,
        and(
          isNull(feedback.deletedAt),
          sql`${feedback.status} <> 'closed'`,
          scopeWhere(caller.scope, customers.ownerId),
        ),
        page,
      ),
    complaints: (db, caller, f, _v, page) =>
      feedbackRecords(
        db,
        and(
          isNull(feedback.deletedAt),
          eq(feedback.type, "complaint"),
          sql`to_char(${feedback.occurredOn}, 'YYYY-MM') = ${dashboardMonths(f).month}`,
          scopeWhere(caller.scope, customers.ownerId),
        ),
        page,
      ),
    // The top salespeople's figure: their sales this month so far.
    salesperson: async (db, caller, f, v, page) => {
      const { month: m, today } = dashboardMonths(f);
      return transactionRecords(
        db,
        and(
          await salesWhere(db, caller, { ...f, from: `${m}-01`, to: today }),
          eq(transactions.ownerId, uuid(v)),
        ),
        page,
      );
    },
  },
};

export function drill<R extends ReportName>(
  db: DbOrTx,
  caller: Caller,
  report: R,
  dimension: (typeof DRILL_DIMENSIONS)[R][number],
  filters: ReportFilters,
  value: string | undefined,
  page: PageArgs,
): Promise<DrillRecords> {
  const fn = (DRILLS[report] as Record<string, Drill>)[dimension];
  if (!fn)
    throw new AppError(400, ErrorCode.validation, {
      fields: [{ field: "dimension", code: "invalid_value" }],
    });
  return fn(db, caller, filters, value ?? "", page);
}
