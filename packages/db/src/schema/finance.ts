import { sql } from "drizzle-orm";
import { check, date, index, integer, numeric, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { customers } from "./customers.js";
import { users } from "./identity.js";
import { orders } from "./orders.js";
import { purchaseOrders } from "./purchasing.js";

const ts = () => timestamp({ withTimezone: true, precision: 3 });
const money = () => numeric({ precision: 16, scale: 2 });

/** 应收款: one per instalment of a signed order. `paid` is the sum of its allocations, kept in step. */
export const receivables = pgTable(
  "receivables",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    instalmentNo: integer().notNull(),
    amount: money().notNull(),
    paid: money().notNull().default("0"),
    dueDate: date().notNull(),
    status: text().notNull().default("open"),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    check("receivables_paid_within_amount", sql`${t.paid} >= 0 and ${t.paid} <= ${t.amount}`),
    index("receivables_customer_idx").on(t.customerId, t.dueDate),
    index("receivables_owner_idx").on(t.ownerId, t.dueDate),
    index("receivables_order_idx").on(t.orderId),
    index("receivables_open_idx").on(t.dueDate).where(sql`status = 'open'`),
  ],
);

/** Money received from a customer; append-only (a reversal is a new, negative payment). */
export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    receivedOn: date().notNull(),
    amount: money().notNull(),
    method: text().notNull(),
    reference: text(),
    notes: text(),
    reversesId: uuid(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("payments_customer_idx").on(t.customerId, t.receivedOn),
    index("payments_reverses_idx").on(t.reversesId),
  ],
);

export const paymentAllocations = pgTable(
  "payment_allocations",
  {
    id: uuid().primaryKey().defaultRandom(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    receivableId: uuid()
      .notNull()
      .references(() => receivables.id),
    amount: money().notNull(),
  },
  (t) => [
    index("payment_allocations_payment_idx").on(t.paymentId),
    index("payment_allocations_receivable_idx").on(t.receivableId),
  ],
);

/** 应付款: what a purchase order owes its supplier. */
export const payables = pgTable(
  "payables",
  {
    id: uuid().primaryKey().defaultRandom(),
    purchaseOrderId: uuid()
      .notNull()
      .references(() => purchaseOrders.id),
    supplier: text().notNull(),
    amount: money().notNull(),
    paid: money().notNull().default("0"),
    dueDate: date().notNull(),
    status: text().notNull().default("open"),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [
    check("payables_paid_within_amount", sql`${t.paid} >= 0 and ${t.paid} <= ${t.amount}`),
    index("payables_supplier_idx").on(t.supplier, t.dueDate),
  ],
);

/** Money paid to a supplier against a payable; append-only, reversals are negative entries. */
export const supplierPayments = pgTable(
  "supplier_payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    payableId: uuid()
      .notNull()
      .references(() => payables.id),
    paidOn: date().notNull(),
    amount: money().notNull(),
    method: text().notNull(),
    reference: text(),
    reversesId: uuid(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index("supplier_payments_payable_idx").on(t.payableId)],
);

/** 催收: what was done to collect a customer's debt, and what comes next. */
export const collectionActions = pgTable(
  "collection_actions",
  {
    id: uuid().primaryKey().defaultRandom(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    kind: text().notNull(),
    content: text().notNull(),
    promisedDate: date(),
    promisedAmount: money(),
    nextActionDate: date(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [index("collection_actions_customer_idx").on(t.customerId, t.createdAt)],
);
