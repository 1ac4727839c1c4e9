import { z } from "zod";
import { Money } from "./money.js";

export const RECEIVABLE_STATUSES = ["open", "paid", "cancelled"] as const;
export const PAYMENT_METHODS = ["bank_transfer", "cash", "check", "acceptance_bill", "other"] as const;
export const COLLECTION_ACTIONS = ["call", "letter", "visit", "promise"] as const;

const positiveMoney = Money.refine((m) => !/^0+(\.0+)?$/.test(m), { error: "amount_positive" });

/** An instalment of an order's payment terms: a share of the total due some days after signing. */
export const Instalment = z.strictObject({
  percent: z.string().regex(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/, { error: "percent_format" }),
  dueInDays: z.number().int().min(0).max(3650),
});
export const Instalments = z
  .array(Instalment)
  .min(1)
  .max(24)
  .refine((list) => list.reduce((sum, i) => sum + Math.round(Number(i.percent) * 100), 0) === 10_000, {
    error: "instalments_not_100",
  })
  .meta({ description: "Payment terms as instalments: percents adding up to 100, due N days after signing" });

export const Receivable = z
  .object({
    id: z.uuid(),
    orderId: z.uuid(),
    orderNumber: z.string(),
    customerId: z.uuid(),
    customerName: z.string(),
    ownerId: z.uuid(),
    ownerName: z.string().nullable(),
    instalmentNo: z.number().int(),
    amount: z.string(),
    paid: z.string(),
    balance: z.string().meta({ description: "amount − paid" }),
    dueDate: z.string(),
    overdueDays: z.number().int().meta({ description: "Days past due (0 when not due or settled)" }),
    status: z.enum(RECEIVABLE_STATUSES),
    createdAt: z.string(),
  })
  .meta({ id: "Receivable" });
export type Receivable = z.infer<typeof Receivable>;

export const ReceivableQuery = z.object({
  customerId: z.uuid().optional(),
  orderId: z.uuid().optional(),
  status: z.enum(RECEIVABLE_STATUSES).optional(),
  overdue: z.enum(["true"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const PaymentCreate = z
  .strictObject({
    customerId: z.uuid(),
    receivedOn: z.iso.date(),
    amount: positiveMoney,
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().trim().max(50).nullable().optional(),
    notes: z.string().trim().max(500).nullable().optional(),
    allocations: z
      .array(z.strictObject({ receivableId: z.uuid(), amount: positiveMoney }))
      .min(1)
      .max(100)
      .meta({ description: "Which receivables it pays; the amounts add up to the payment's" }),
  })
  .meta({ id: "PaymentCreate" });
export type PaymentCreate = z.infer<typeof PaymentCreate>;

export const Payment = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    customerName: z.string(),
    receivedOn: z.string(),
    amount: z.string().meta({ description: "Negative for a reversal" }),
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().nullable(),
    notes: z.string().nullable(),
    reversesId: z.uuid().nullable(),
    reversedById: z.uuid().nullable(),
    allocations: z.array(z.object({ receivableId: z.uuid(), amount: z.string() })),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "Payment" });
export type Payment = z.infer<typeof Payment>;

export const PaymentReversal = z
  .strictObject({ reason: z.string().trim().min(1).max(200) })
  .meta({ id: "PaymentReversal" });

export const Payable = z
  .object({
    id: z.uuid(),
    purchaseOrderId: z.uuid(),
    purchaseOrderNumber: z.string(),
    supplier: z.string(),
    amount: z.string(),
    paid: z.string(),
    balance: z.string(),
    dueDate: z.string(),
    status: z.enum(RECEIVABLE_STATUSES),
    createdAt: z.string(),
  })
  .meta({ id: "Payable" });
export type Payable = z.infer<typeof Payable>;

export const SupplierPaymentCreate = z
  .strictObject({
    paidOn: z.iso.date(),
    amount: positiveMoney,
    method: z.enum(PAYMENT_METHODS),
    reference: z.string().trim().max(50).nullable().optional(),
  })
  .meta({ id: "SupplierPaymentCreate" });
export type SupplierPaymentCreate = z.infer<typeof SupplierPaymentCreate>;

export const AgingBuckets = z.object({
  notDue: z.string(),
  d1to30: z.string(),
  d31to60: z.string(),
  d61to90: z.string(),
  over90: z.string(),
});

export const CollectionRow = z
  .object({
    customerId: z.uuid(),
    customerName: z.string(),
    customerCode: z.string(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    open: z.string(),
    overdue: z.string(),
    aging: AgingBuckets,
    oldestDueDate: z.string().nullable(),
    lastActionAt: z.string().nullable(),
    nextActionDate: z.string().nullable(),
  })
  .meta({ id: "CollectionRow" });

export const CollectionActionCreate = z
  .strictObject({
    kind: z.enum(COLLECTION_ACTIONS),
    content: z.string().trim().min(1).max(1000),
    promisedDate: z.iso.date().nullable().optional().meta({ description: "For a promise to pay" }),
    promisedAmount: Money.nullable().optional(),
    nextActionDate: z.iso.date().nullable().optional(),
  })
  .refine((a) => a.kind !== "promise" || !!a.promisedDate, {
    error: "promise_date_required",
    path: ["promisedDate"],
  })
  .meta({ id: "CollectionActionCreate" });
export type CollectionActionCreate = z.infer<typeof CollectionActionCreate>;

export const CollectionAction = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    kind: z.enum(COLLECTION_ACTIONS),
    content: z.string(),
    promisedDate: z.string().nullable(),
    promisedAmount: z.string().nullable(),
    nextActionDate: z.string().nullable(),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "CollectionAction" });
