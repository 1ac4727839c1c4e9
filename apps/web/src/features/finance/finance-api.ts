import {
  AgingBuckets,
  CollectionAction,
  type CollectionActionCreate,
  CollectionRow,
  Payable,
  Payment,
  type PaymentCreate,
  page,
  type RECEIVABLE_STATUSES,
  Receivable,
  type SupplierPaymentCreate,
} from "@crm/contracts";
import { z } from "zod";
import { apiRequest } from "../../shared/api";

type Params = Record<string, string | number | boolean | undefined | null>;

function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export type ReceivableStatus = (typeof RECEIVABLE_STATUSES)[number];
export type CollectionRowT = z.infer<typeof CollectionRow>;
export type CollectionActionT = z.infer<typeof CollectionAction>;
export type Aging = z.infer<typeof AgingBuckets>;

export interface ReceivableFilters {
  customerId?: string | undefined;
  orderId?: string | undefined;
  status?: ReceivableStatus | undefined;
  overdue?: "true" | undefined;
}

const ReceivablePage = page(Receivable);
const PaymentPage = page(Payment);
const PayablePage = page(Payable);
const Collections = z.object({
  on: z.string(),
  items: z.array(CollectionRow),
  totals: z.object({ customers: z.number(), open: z.string(), overdue: z.string() }),
});

export const DunningBill = z.object({
  on: z.string(),
  customer: z.object({
    id: z.uuid(),
    name: z.string(),
    code: z.string(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
  }),
  receivables: z.array(Receivable),
  open: z.string(),
  overdue: z.string(),
  aging: AgingBuckets,
  actions: z.array(CollectionAction),
});
export type DunningBill = z.infer<typeof DunningBill>;

export const Margin = z.object({
  productId: z.uuid(),
  productCode: z.string(),
  productName: z.string(),
  quantity: z.string(),
  revenue: z.string(),
  cost: z.string(),
  costKnown: z.boolean(),
  margin: z.string(),
  marginPercent: z.string().nullable(),
});
export type Margin = z.infer<typeof Margin>;
const Margins = z.object({ items: z.array(Margin) });

/** 财务管理: receivables, payments, payables, collection and margins (all under /api/v1). */
export const financeApi = {
  receivables: (filters: ReceivableFilters & { limit?: number }, cursor?: string) =>
    apiRequest(`/receivables${query({ ...filters, cursor })}`, { schema: ReceivablePage }),
  payments: (filters: { customerId?: string | undefined }, cursor?: string) =>
    apiRequest(`/payments${query({ ...filters, cursor })}`, { schema: PaymentPage }),
  recordPayment: (body: PaymentCreate) => apiRequest("/payments", { method: "POST", body, schema: Payment }),
  reversePayment: (id: string, reason: string) =>
    apiRequest(`/payments/${id}/reverse`, { method: "POST", body: { reason }, schema: Payment }),
  payables: (filters: { supplier?: string | undefined; status?: ReceivableStatus | undefined }) =>
    apiRequest(`/payables${query({ ...filters, limit: 500 })}`, { schema: PayablePage }),
  paySupplier: (id: string, body: SupplierPaymentCreate) =>
    apiRequest(`/payables/${id}/payments`, { method: "POST", body, schema: Payable }),
  collections: (on?: string) => apiRequest(`/collections${query({ on })}`, { schema: Collections }),
  dunningBill: (customerId: string) => apiRequest(`/collections/${customerId}`, { schema: DunningBill }),
  logAction: (customerId: string, body: CollectionActionCreate) =>
    apiRequest(`/collections/${customerId}/actions`, { method: "POST", body, schema: CollectionAction }),
  margins: (filters: { orderId?: string | undefined; productId?: string | undefined } = {}) =>
    apiRequest(`/finance/margins${query(filters)}`, { schema: Margins }),
};
