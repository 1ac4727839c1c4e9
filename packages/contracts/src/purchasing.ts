import { z } from "zod";
import { Money } from "./money.js";
import { Quantity } from "./products.js";

const positive = Quantity.refine((q) => !/^0+(\.0+)?$/.test(q), { error: "quantity_positive" });

// 材料单 (D-04: supply & sales → production) -------------------------------------------------

export const MATERIAL_REQUEST_STATUSES = ["requested", "accepted", "done", "rejected"] as const;

export const MaterialRequestCreate = z
  .strictObject({
    materialName: z.string().trim().min(1).max(50),
    materialCode: z.string().trim().max(30).nullable().optional(),
    quantity: positive,
    unit: z.string().trim().min(1).max(10),
    neededBy: z.iso.date().nullable().optional(),
    notes: z.string().trim().max(500).nullable().optional(),
  })
  .meta({ id: "MaterialRequestCreate" });
export type MaterialRequestCreate = z.infer<typeof MaterialRequestCreate>;

export const MaterialRequest = z
  .object({
    id: z.uuid(),
    number: z.string().meta({ description: "CL{year}-{seq}" }),
    materialName: z.string(),
    materialCode: z.string().nullable(),
    quantity: z.string(),
    unit: z.string(),
    neededBy: z.string().nullable(),
    notes: z.string().nullable(),
    status: z.enum(MATERIAL_REQUEST_STATUSES),
    requestedById: z.uuid().nullable(),
    requestedByName: z.string().nullable(),
    handledByName: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "MaterialRequest" });
export type MaterialRequest = z.infer<typeof MaterialRequest>;

export const MaterialRequestTransition = z
  .strictObject({ action: z.enum(["accept", "done", "reject"]) })
  .meta({ id: "MaterialRequestTransition" });

export const MaterialRequestQuery = z.object({
  status: z.enum(MATERIAL_REQUEST_STATUSES).optional(),
  q: z.string().trim().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

// 采购订单 ---------------------------------------------------------------------------------------

export const PURCHASE_STATUSES = ["ordered", "partially_received", "received", "cancelled"] as const;

export const PurchaseOrderCreate = z
  .strictObject({
    supplier: z.string().trim().min(1).max(50),
    supplierContact: z.string().trim().max(50).nullable().optional(),
    orderDate: z.iso.date(),
    expectedDate: z.iso.date().nullable().optional(),
    notes: z.string().trim().max(500).nullable().optional(),
    lines: z
      .array(z.strictObject({ productId: z.uuid(), unitPrice: Money, quantity: positive }))
      .min(1, { error: "order_lines_required" })
      .max(500),
  })
  .meta({ id: "PurchaseOrderCreate" });
export type PurchaseOrderCreate = z.infer<typeof PurchaseOrderCreate>;

export const PurchaseOrder = z
  .object({
    id: z.uuid(),
    number: z.string().meta({ description: "CG{year}-{seq}" }),
    supplier: z.string(),
    supplierContact: z.string().nullable(),
    orderDate: z.string(),
    expectedDate: z.string().nullable(),
    notes: z.string().nullable(),
    status: z.enum(PURCHASE_STATUSES),
    total: z.string(),
    lines: z.array(
      z.object({
        id: z.uuid(),
        lineNo: z.number().int(),
        productId: z.uuid(),
        productCode: z.string(),
        productName: z.string(),
        unitPrice: z.string(),
        quantity: z.string(),
        amount: z.string(),
        receivedQuantity: z.string(),
      }),
    ),
    createdByName: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "PurchaseOrder" });
export type PurchaseOrder = z.infer<typeof PurchaseOrder>;

export const PurchaseReceipt = z
  .strictObject({
    lines: z
      .array(z.strictObject({ lineId: z.uuid(), quantity: positive }))
      .min(1)
      .max(500),
  })
  .meta({ id: "PurchaseReceipt" });
export type PurchaseReceipt = z.infer<typeof PurchaseReceipt>;

export const PurchaseOrderQuery = z.object({
  status: z.enum(PURCHASE_STATUSES).optional(),
  q: z.string().trim().max(50).optional().meta({ description: "Number or supplier" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
