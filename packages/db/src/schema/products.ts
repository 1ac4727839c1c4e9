import { sql } from "drizzle-orm";
import {
  boolean,
  check,
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

const ts = () => timestamp({ withTimezone: true, precision: 3 });
const quantity = () => numeric({ precision: 15, scale: 3 });

/** 产品类别: a capital letter (the code prefix) and a name. */
export const productCategories = pgTable(
  "product_categories",
  {
    id: uuid().primaryKey().defaultRandom(),
    letter: text().notNull(),
    name: text().notNull(),
    active: boolean().notNull().default(true),
    version: integer().notNull().default(1),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [uniqueIndex("product_categories_letter_uq").on(t.letter)],
);

/** 产品信息 (SPEC §5): the catalogue. Stock is not a column here: it is the ledger's sum. */
export const products = pgTable(
  "products",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    categoryId: uuid()
      .notNull()
      .references(() => productCategories.id),
    name: text().notNull(),
    specification: text(),
    unit: text().notNull(),
    listPrice: numeric({ precision: 16, scale: 2 }).notNull(),
    standardCost: numeric({ precision: 16, scale: 2 }),
    lowStockThreshold: quantity(),
    active: boolean().notNull().default(true),
    description: text(),
    deletedAt: ts(),
    createdBy: uuid(),
    createdAt: ts().notNull().defaultNow(),
    updatedAt: ts().notNull().defaultNow(),
    version: integer().notNull().default(1),
  },
  (t) => [
    uniqueIndex("products_code_uq").on(t.code),
    index("products_category_idx").on(t.categoryId),
    index("products_name_trgm").using("gin", sql`${t.name} gin_trgm_ops`),
  ],
);

/**
 * 库存: the running total of each product's movements, kept in the same transaction as each
 * movement by a conditional update, and never negative (CHECK). Not edited in place otherwise.
 */
export const stockLevels = pgTable(
  "stock_levels",
  {
    productId: uuid()
      .primaryKey()
      .references(() => products.id),
    quantity: quantity().notNull().default("0"),
    updatedAt: ts().notNull().defaultNow(),
  },
  (t) => [check("stock_levels_not_negative", sql`${t.quantity} >= 0`)],
);

/** The stock ledger: every change of stock, append-only; corrections are new movements. */
export const stockMovements = pgTable(
  "stock_movements",
  {
    id: uuid().primaryKey().defaultRandom(),
    productId: uuid()
      .notNull()
      .references(() => products.id),
    kind: text().notNull(),
    quantity: quantity().notNull(),
    balanceAfter: quantity().notNull(),
    reason: text(),
    reference: text(),
    productionDate: date(),
    createdBy: uuid().references(() => users.id),
    createdAt: ts().notNull().defaultNow(),
  },
  (t) => [
    index("stock_movements_product_idx").on(t.productId, t.createdAt),
    index("stock_movements_created_idx").on(t.createdAt),
  ],
);
