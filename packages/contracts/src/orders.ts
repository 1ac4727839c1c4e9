import { z } from "zod";
import { Instalments } from "./finance.js";
import { Money } from "./money.js";
import { Quantity } from "./products.js";

export const ORDER_STATUSES = [
  "draft",
  "signed",
  "partially_delivered",
  "delivered",
  "completed",
  "cancelled",
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

const Discount = z
  .string()
  .regex(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, { error: "discount_format" })
  .meta({ description: "折扣 in percent off, 0–100 with up to 2 decimals" });

export const OrderLineInput = z.strictObject({
  productId: z.uuid(),
  unitPrice: Money,
  quantity: Quantity.refine((q) => !/^0+(\.0+)?$/.test(q), { error: "quantity_positive" }),
  discount: Discount.default("0"),
});

const orderFields = {
  customerId: z.uuid(),
  signingDate: z.iso
    .date()
    .nullable()
    .optional()
    .meta({ description: "签订日期 (set when signing if empty)" }),
  deliveryDate: z.iso.date().nullable().optional().meta({ description: "交货日期" }),
  paymentTerms: z.string().trim().max(200).nullable().optional(),
  notes: z.string().trim().max(1000).nullable().optional(),
  instalments: Instalments.optional().meta({
    description: "Payment terms: receivables created at signing (default: 100% due 30 days after signing)",
  }),
  lines: z.array(OrderLineInput).min(1, { error: "order_lines_required" }).max(500),
};

export const OrderCreate = z.strictObject(orderFields).meta({ id: "OrderCreate" });
export type OrderCreate = z.input<typeof OrderCreate>;
export const OrderUpdate = z
  .strictObject(orderFields)
  .omit({ customerId: true })
  .partial()
  .meta({ id: "OrderUpdate", description: "Drafts only; `lines` replaces every line" });
export type OrderUpdate = z.infer<typeof OrderUpdate>;

export const OrderLine = z.object({
  id: z.uuid(),
  lineNo: z.number().int(),
  productId: z.uuid(),
  productCode: z.string(),
  productName: z.string(),
  unit: z.string(),
  unitPrice: z.string(),
  quantity: z.string(),
  discount: z.string(),
  amount: z
    .string()
    .meta({ description: "unit price × quantity × (1 − discount %), to the fen, by the server" }),
  deliveredQuantity: z.string(),
});

export const Order = z
  .object({
    id: z.uuid(),
    number: z.string().meta({ description: "合同编号, generated: HT{year}-{seq}" }),
    customerId: z.uuid(),
    customerName: z.string(),
    customerCode: z.string(),
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    status: z.enum(ORDER_STATUSES),
    signingDate: z.string().nullable(),
    deliveryDate: z.string().nullable(),
    paymentTerms: z.string().nullable(),
    notes: z.string().nullable(),
    total: z.string(),
    instalments: z.array(z.object({ percent: z.string(), dueInDays: z.number().int() })),
    lines: z.array(OrderLine),
    deleted: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Order" });
export type Order = z.infer<typeof Order>;

export const OrderSummary = Order.omit({ lines: true }).meta({ id: "OrderSummary" });

export const OrderQuery = z.object({
  q: z.string().trim().max(50).optional().meta({ description: "Contract number or customer name" }),
  customerId: z.uuid().optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  from: z.iso.date().optional().meta({ description: "Signed on or after" }),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const OrderDelivery = z
  .strictObject({
    date: z.iso.date().optional().meta({ description: "Transaction date; today (Asia/Shanghai) by default" }),
    lines: z
      .array(z.strictObject({ lineId: z.uuid(), quantity: Quantity }))
      .min(1)
      .max(500),
  })
  .meta({ id: "OrderDelivery" });
export type OrderDelivery = z.infer<typeof OrderDelivery>;

export const OrderTransition = z
  .strictObject({ action: z.enum(["sign", "complete", "cancel"]) })
  .meta({ id: "OrderTransition" });

// 交易记录 (input screen 3) ---------------------------------------------------------------------

export const TransactionCreate = z
  .strictObject({
    customerId: z.uuid(),
    productId: z.uuid(),
    orderNumber: z.string().trim().max(30).nullable().optional(),
    date: z.iso.date(),
    unitPrice: Money,
    quantity: Quantity.refine((q) => !/^0+(\.0+)?$/.test(q), { error: "quantity_positive" }),
  })
  .meta({ id: "TransactionCreate" });
export type TransactionCreate = z.infer<typeof TransactionCreate>;

export const TransactionUpdate = TransactionCreate.omit({ customerId: true, productId: true })
  .partial()
  .meta({ id: "TransactionUpdate" });
export type TransactionUpdate = z.infer<typeof TransactionUpdate>;

export const Transaction = z
  .object({
    id: z.uuid(),
    date: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    productId: z.uuid(),
    productCode: z.string(),
    productName: z.string(),
    orderId: z.uuid().nullable(),
    orderNumber: z.string().nullable(),
    unitPrice: z.string(),
    quantity: z.string(),
    amount: z.string().meta({ description: "unit price × quantity, to the fen, by the server" }),
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    deleted: z.boolean(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Transaction" });
export type Transaction = z.infer<typeof Transaction>;

export const TransactionQuery = z.object({
  customerId: z.uuid().optional(),
  productId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
