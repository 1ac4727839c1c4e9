import { z } from "zod";
import { Money } from "./money.js";

/** A quantity as an exact decimal string (up to 12 integer digits and 3 decimals: pieces, tons, metres). */
export const Quantity = z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, { error: "quantity_format" });
/** A signed quantity (adjustments may take stock out). */
export const SignedQuantity = z.string().regex(/^-?\d{1,12}(\.\d{1,3})?$/, { error: "quantity_format" });

export const ProductCategory = z
  .object({
    id: z.uuid(),
    letter: z.string().meta({ description: "A–Z: the product code's prefix (A-01)" }),
    name: z.string(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "ProductCategory" });

export const ProductCategoryCreate = z
  .strictObject({
    letter: z
      .string()
      .trim()
      .regex(/^[A-Z]$/, { error: "category_letter_format" }),
    name: z.string().trim().min(1).max(30),
  })
  .meta({ id: "ProductCategoryCreate" });
export type ProductCategoryCreate = z.infer<typeof ProductCategoryCreate>;

export const ProductCategoryUpdate = z
  .strictObject({ name: z.string().trim().min(1).max(30).optional(), active: z.boolean().optional() })
  .meta({ id: "ProductCategoryUpdate" });
export type ProductCategoryUpdate = z.infer<typeof ProductCategoryUpdate>;

const productFields = {
  categoryId: z.uuid().meta({ description: "Decides the code's letter; the code never changes afterwards" }),
  name: z.string().trim().min(1).max(50),
  specification: z.string().trim().max(100).nullable().optional(),
  unit: z.string().trim().min(1).max(10),
  listPrice: Money.meta({ description: "单价, exact decimal string" }),
  standardCost: Money.nullable().optional(),
  lowStockThreshold: Quantity.nullable().optional().meta({ description: "Warn when stock is at or below" }),
  active: z.boolean().optional(),
  description: z.string().trim().max(500).nullable().optional(),
};

export const ProductCreate = z.strictObject(productFields).meta({ id: "ProductCreate" });
export type ProductCreate = z.infer<typeof ProductCreate>;
export const ProductUpdate = z.strictObject(productFields).partial().meta({ id: "ProductUpdate" });
export type ProductUpdate = z.infer<typeof ProductUpdate>;

export const Product = z
  .object({
    id: z.uuid(),
    code: z.string().meta({ description: "{category letter}-{seq}: A-01, A-100 after A-99; never reused" }),
    categoryId: z.uuid(),
    categoryName: z.string(),
    name: z.string(),
    specification: z.string().nullable(),
    unit: z.string(),
    listPrice: z.string(),
    standardCost: z.string().nullable(),
    lowStockThreshold: z.string().nullable(),
    active: z.boolean(),
    description: z.string().nullable(),
    stock: z.string().meta({ description: "Current stock: the sum of the product's movements" }),
    lowStock: z.boolean(),
    deleted: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Product" });
export type Product = z.infer<typeof Product>;

export const ProductQuery = z.object({
  q: z.string().trim().max(50).optional().meta({ description: "Code, name or specification" }),
  categoryId: z.uuid().optional(),
  active: z.enum(["true", "false"]).optional(),
  lowStock: z.enum(["true"]).optional().meta({ description: "Only products at or below their threshold" }),
  deleted: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type ProductQuery = z.infer<typeof ProductQuery>;

/** Kinds of stock movement: receipts add, issues take out, adjustments go either way. */
export const MOVEMENT_KINDS = [
  "production_receipt",
  "purchase_receipt",
  "sale_issue",
  "return",
  "adjustment",
] as const;
export type MovementKind = (typeof MOVEMENT_KINDS)[number];
export const OUTGOING: readonly MovementKind[] = ["sale_issue"];

export const StockMovementCreate = z
  .strictObject({
    productId: z.uuid(),
    kind: z.enum(MOVEMENT_KINDS),
    quantity: SignedQuantity.meta({
      description: "How much: positive; for an adjustment the sign says in (+) or out (−)",
    }),
    reason: z
      .string()
      .trim()
      .max(200)
      .nullable()
      .optional()
      .meta({ description: "Required for adjustments" }),
    reference: z
      .string()
      .trim()
      .max(50)
      .nullable()
      .optional()
      .meta({ description: "产品单 / order / purchase number" }),
    productionDate: z.iso
      .date()
      .nullable()
      .optional()
      .meta({ description: "生产日期 of a production receipt" }),
  })
  .refine((m) => m.kind === "adjustment" || !m.quantity.startsWith("-"), {
    error: "quantity_positive",
    path: ["quantity"],
  })
  .refine((m) => !/^-?0+(\.0+)?$/.test(m.quantity), { error: "quantity_positive", path: ["quantity"] })
  .refine((m) => m.kind !== "adjustment" || !!m.reason, { error: "reason_required", path: ["reason"] })
  .meta({ id: "StockMovementCreate" });
export type StockMovementCreate = z.infer<typeof StockMovementCreate>;

export const StockMovement = z
  .object({
    id: z.uuid(),
    productId: z.uuid(),
    productCode: z.string(),
    productName: z.string(),
    kind: z.enum(MOVEMENT_KINDS),
    quantity: z.string().meta({ description: "Signed: + into stock, − out of it" }),
    balanceAfter: z.string(),
    reason: z.string().nullable(),
    reference: z.string().nullable(),
    productionDate: z.string().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "StockMovement" });
export type StockMovement = z.infer<typeof StockMovement>;

export const StockMovementQuery = z.object({
  productId: z.uuid().optional(),
  kind: z.enum(MOVEMENT_KINDS).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
