import { type DrillRecords, ErrorCode } from "@crm/contracts";
import {
  contactRecords,
  customers,
  type DbOrTx,
  feedback,
  orders,
  products,
  returnVisits,
  transactions,
} from "@crm/db";
import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { decodeCursor, encodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError } from "../../shared/errors.js";
import { displayNameOf } from "../../shared/sql.js";

/**
 * The record lists a drill-down returns. Each takes the full condition of the figure (scope and
 * filters included, built by the caller from the report's own conditions) and pages by keyset.
 */
export interface PageArgs {
  limit: number;
  cursor?: string | undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KEY_FORMATS = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  timestamptz: /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/,
  text: /^[\s\S]{0,100}$/,
} as const;

const invalidCursor = () =>
  new AppError(400, ErrorCode.validation, { fields: [{ field: "cursor", code: "invalid_cursor" }] });

/** Rows after the cursor's (key, id), in the order `dir` of both; the cursor is checked before SQL sees it. */
function after(
  cursor: string | undefined,
  key: AnyPgColumn | SQL,
  id: AnyPgColumn,
  type: keyof typeof KEY_FORMATS,
  dir: "asc" | "desc",
): SQL | undefined {
  const decoded = decodeCursor(cursor, 2);
  if (!decoded) return undefined;
  const [k, i] = decoded;
  if (typeof k !== "string" || typeof i !== "string" || !KEY_FORMATS[type].test(k) || !UUID.test(i))
    throw invalidCursor();
  return sql`(${key}, ${id}) ${sql.raw(dir === "desc" ? "<" : ">")} (${k}::${sql.raw(type)}, ${i}::uuid)`;
}

const countOf = async (q: Promise<{ n: number }[]>) => (await q)[0]?.n ?? 0;
const n = sql<number>`count(*)::int`;

export async function transactionRecords(db: DbOrTx, where: SQL | undefined, page: PageArgs) {
  const rows = await db
    .select({
      id: transactions.id,
      date: transactions.date,
      customerId: transactions.customerId,
      customerName: customers.name,
      productName: products.name,
      quantity: transactions.quantity,
      amount: transactions.amount,
      ownerName: displayNameOf(transactions.ownerId),
      orderId: transactions.orderId,
      orderNumber: transactions.orderNumber,
    })
    .from(transactions)
    .innerJoin(customers, eq(customers.id, transactions.customerId))
    .innerJoin(products, eq(products.id, transactions.productId))
    .where(and(where, after(page.cursor, transactions.date, transactions.id, "date", "desc")))
    .orderBy(desc(transactions.date), desc(transactions.id))
    .limit(page.limit + 1);
  const total = await countOf(
    db
      .select({ n })
      .from(transactions)
      .innerJoin(customers, eq(customers.id, transactions.customerId))
      .where(where),
  );
  return { kind: "transactions", total, ...pageOf(rows, page.limit, (r) => [r.date, r.id]) } as const;
}

const customerColumns = {
  id: customers.id,
  code: customers.code,
  name: customers.name,
  province: customers.province,
  creditRating: customers.creditRating,
  class: customers.class,
  ownerName: displayNameOf(customers.ownerId),
};

export async function customerRecords(db: DbOrTx, where: SQL | undefined, page: PageArgs) {
  const rows = await db
    .select(customerColumns)
    .from(customers)
    .where(and(where, after(page.cursor, customers.code, customers.id, "text", "asc")))
    .orderBy(asc(customers.code), asc(customers.id))
    .limit(page.limit + 1);
  const total = await countOf(db.select({ n }).from(customers).where(where));
  return { kind: "customers", total, ...pageOf(rows, page.limit, (r) => [r.code, r.id]) } as const;
}

/** Customers a report computed in memory (ranked), with its figures for each; paged by position. */
export async function rankedCustomerRecords(
  db: DbOrTx,
  ranked: { customerId: string; detail: Record<string, string | number | null> }[],
  page: PageArgs,
) {
  const decoded = decodeCursor(page.cursor, 1);
  const start = decoded ? decoded[0] : 0;
  if (typeof start !== "number" || !Number.isInteger(start) || start < 0) throw invalidCursor();
  const slice = ranked.slice(start, start + page.limit);
  const found = slice.length
    ? await db
        .select(customerColumns)
        .from(customers)
        .where(
          inArray(
            customers.id,
            slice.map((r) => r.customerId),
          ),
        )
    : [];
  const byId = new Map(found.map((c) => [c.id, c]));
  const items = slice.flatMap((r) => {
    const c = byId.get(r.customerId);
    return c ? [{ ...c, detail: r.detail }] : [];
  });
  const next = start + page.limit < ranked.length ? encodeCursor([start + page.limit]) : null;
  return { kind: "customers", total: ranked.length, items, nextCursor: next } as const;
}

export async function contactRecordList(db: DbOrTx, where: SQL | undefined, page: PageArgs) {
  const rows = await db
    .select({
      id: contactRecords.id,
      occurredAt: contactRecords.occurredAt,
      channel: contactRecords.channel,
      customerId: contactRecords.customerId,
      customerName: customers.name,
      content: contactRecords.content,
      result: contactRecords.result,
      ownerName: displayNameOf(contactRecords.ownerId),
    })
    .from(contactRecords)
    .innerJoin(customers, eq(customers.id, contactRecords.customerId))
    .where(
      and(where, after(page.cursor, contactRecords.occurredAt, contactRecords.id, "timestamptz", "desc")),
    )
    .orderBy(desc(contactRecords.occurredAt), desc(contactRecords.id))
    .limit(page.limit + 1);
  const total = await countOf(
    db
      .select({ n })
      .from(contactRecords)
      .innerJoin(customers, eq(customers.id, contactRecords.customerId))
      .where(where),
  );
  const items = rows.map((r) => ({ ...r, occurredAt: new Date(r.occurredAt).toISOString() }));
  return {
    kind: "contactRecords",
    total,
    ...pageOf(items, page.limit, (r) => [r.occurredAt, r.id]),
  } as const;
}

/** The latest satisfaction rating given on a feedback's return visits. */
const latestRating = sql<number | null>`(select ${returnVisits.rating} from ${returnVisits}
  where ${returnVisits.feedbackId} = ${feedback.id} and ${returnVisits.status} = 'done'
  order by ${returnVisits.doneAt} desc limit 1)`;

/** Feedback; the condition may use `customers` (joined). */
export async function feedbackRecords(db: DbOrTx, where: SQL | undefined, page: PageArgs) {
  const rows = await db
    .select({
      id: feedback.id,
      number: feedback.number,
      subject: feedback.subject,
      type: feedback.type,
      status: feedback.status,
      occurredOn: feedback.occurredOn,
      customerId: feedback.customerId,
      customerName: customers.name,
      productName: sql<
        string | null
      >`(select ${products.name} from ${products} where ${products.id} = ${feedback.productId})`,
      handlerName: displayNameOf(feedback.handlerId),
      rating: latestRating,
    })
    .from(feedback)
    .innerJoin(customers, eq(customers.id, feedback.customerId))
    .where(and(where, after(page.cursor, feedback.occurredOn, feedback.id, "date", "desc")))
    .orderBy(desc(feedback.occurredOn), desc(feedback.id))
    .limit(page.limit + 1);
  const total = await countOf(
    db.select({ n }).from(feedback).innerJoin(customers, eq(customers.id, feedback.customerId)).where(where),
  );
  return { kind: "feedback", total, ...pageOf(rows, page.limit, (r) => [r.occurredOn, r.id]) } as const;
}

export async function orderRecords(db: DbOrTx, where: SQL | undefined, page: PageArgs) {
  const rows = await db
    .select({
      id: orders.id,
      number: orders.number,
      customerId: orders.customerId,
      customerName: customers.name,
      status: orders.status,
      signingDate: orders.signingDate,
      total: orders.total,
      ownerName: displayNameOf(orders.ownerId),
      createdAt: orders.createdAt,
    })
    .from(orders)
    .innerJoin(customers, eq(customers.id, orders.customerId))
    .where(and(where, after(page.cursor, orders.createdAt, orders.id, "timestamptz", "desc")))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(page.limit + 1);
  const total = await countOf(
    db.select({ n }).from(orders).innerJoin(customers, eq(customers.id, orders.customerId)).where(where),
  );
  const items = rows.map((r) => ({ ...r, createdAt: new Date(r.createdAt).toISOString() }));
  const out = pageOf(items, page.limit, (r) => [r.createdAt, r.id]);
  return {
    kind: "orders",
    total,
    items: out.items.map(({ createdAt: _, ...r }) => r),
    nextCursor: out.nextCursor,
  } as const;
}

/** Customers' open balances (the collection board's rows), with the part a figure counts. */
export function balanceRecords(
  rows: {
    customerId: string;
    customerName: string;
    customerCode: string;
    ownerName: string | null;
    open: string;
    overdue: string;
    amount: string;
  }[],
  page: PageArgs,
): DrillRecords {
  const decoded = decodeCursor(page.cursor, 1);
  const start = decoded ? decoded[0] : 0;
  if (typeof start !== "number" || !Number.isInteger(start) || start < 0) throw invalidCursor();
  return {
    kind: "balances",
    total: rows.length,
    items: rows.slice(start, start + page.limit),
    nextCursor: start + page.limit < rows.length ? encodeCursor([start + page.limit]) : null,
  };
}
