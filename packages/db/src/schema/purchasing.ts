import {
  date,
  index,
  integer,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { users } from "./identity.js";
import { products } from "./products.js";

const ts = () => timestamp({ withTimezone: true, precision: 3 });
const money = () => numeric({ precision: 16, scale: 2 });
const quantity = () => numeric({ precision: 15, scale: 3 });

/** 材料单: what supply & sales ask production for (D-04). */
export const materialRequests = pgTable(
  "material_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    materialName: text().notNull(),
    materialCode: text(),
    quantity: quantity().notNull(),
    unit: text().notNull(),
    neededBy: date(),
    notes: text(),
    status: text().notNull().default("requested"),
    requestedBy: uuid().references(() => users.id),
    handledBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("material_requests_number_uq").on(t.number),
    index("material_requests_status_idx").on(t.status, t.createdAt),
  ],
);

/** 采购订单: goods bought from a supplier; receiving them adds stock. */
export const purchaseOrders = pgTable(
  "purchase_orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    number: text().notNull(),
    supplier: text().notNull(),
    supplierContact: text(),
    orderDate: date().notNull(),
    expectedDate: date(),
    notes: text(),
    status: text().notNull().default("ordered"),
    total: money().notNull(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("purchase_orders_number_uq").on(t.number),
    index("purchase_orders_created_idx").on(t.createdAt),
  ],
);

export const purchaseOrderLines = pgTable(
  "purchase_order_lines",
  {
    id: uuid().primaryKey().defaultRandom(),
    purchaseOrderId: uuid()
      .notNull()
      .references(() => purchaseOrders.id),
    lineNo: integer().notNull(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    unitPrice: money().notNull(),
    quantity: quantity().notNull(),
    amount: money().notNull(),
    receivedQuantity: quantity().notNull().default("0"),
  },
  (t) => [uniqueIndex("purchase_order_lines_no_uq").on(t.purchaseOrderId, t.lineNo)],
);
