import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { customers } from "./customers.js";
import { users } from "./identity.js";
import { products, stockMovements } from "./products.js";

const ts = () => timestamp({ withTimezone: true, precision: 3 });
const money = () => numeric({ precision: 16, scale: 2 });
const quantity = () => numeric({ precision: 15, scale: 3 });

/** 合同订单: a contract with a customer, owned by its salesperson. */
export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    status: text().notNull().default("draft"),
    signingDate: date(),
    deliveryDate: date(),
    paymentTerms: text(),
    notes: text(),
    total: money().notNull().default("0"),
    /** Payment terms: [{percent, dueInDays}], turned into receivables at signing. */
    instalments: jsonb()
      .$type<{ percent: string; dueInDays: number }[]>()
      .notNull()
      .default([{ percent: "100", dueInDays: 30 }]),
    signedAt: ts(),
    deletedAt: ts(),
    createdBy: uuid(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("orders_number_uq").on(t.number),
    index("orders_customer_idx").on(t.customerId, t.createdAt),
    index("orders_owner_idx").on(t.ownerId, t.createdAt),
  ],
);

export const orderLines = pgTable(
  "order_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    lineNo: integer().notNull(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    unitPrice: money().notNull(),
    quantity: quantity().notNull(),
    discount: numeric({ precision: 5, scale: 2 }).notNull().default("0"),
    amount: money().notNull(),
    deliveredQuantity: quantity().notNull().default("0"),
  },
  (t) => [
    uniqueIndex("order_lines_no_uq").on(t.orderId, t.lineNo),
    check("order_lines_delivered_le_quantity", sql`${t.deliveredQuantity} <= ${t.quantity}`),
  ],
);

/** 交易记录: a sale of a product to a customer; its stock movement is linked. */
export const transactions = pgTable(
  "transactions",
  {
    id: uuid().primaryKey().defaultRandom(),
    date: date().notNull(),
    customerId: uuid()
      .notNull()
      .references(() => customers.id),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    orderId: uuid().references(() => orders.id),
    orderLineId: uuid().references(() => orderLines.id),
    orderNumber: text(),
    unitPrice: money().notNull(),
    quantity: quantity().notNull(),
    amount: money().notNull(),
    ownerId: uuid()
      .notNull()
      .references(() => users.id),
    movementId: uuid().references(() => stockMovements.id),
    deletedAt: ts(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    index("transactions_customer_idx").on(t.customerId, t.date),
    index("transactions_owner_idx").on(t.ownerId, t.date),
    index("transactions_product_idx").on(t.productId, t.date),
    index("transactions_order_idx").on(t.orderId),
  ],
);
