import {
  Order,
  type OrderCreate,
  type OrderDelivery,
  OrderSummary,
  type OrderUpdate,
  page,
  Transaction,
  type TransactionCreate,
  type TransactionUpdate,
} from "@crm/contracts";
import type { z } from "zod";
import { apiRequest } from "../../shared/api";
import { query } from "../products/products-api";

export type OrderRow = z.infer<typeof OrderSummary>;

export interface OrderFilters {
  q?: string | undefined;
  customerId?: string | undefined;
  status?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export interface TransactionFilters {
  customerId?: string | undefined;
  productId?: string | undefined;
  orderId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const OrderPage = page(OrderSummary);
const TransactionPage = page(Transaction);

// 合同订单

export const fetchOrders = (filters: OrderFilters, cursor?: string) =>
  apiRequest(`/orders${query({ ...filters, limit: 50, cursor })}`, { schema: OrderPage });
export const fetchOrder = (id: string) => apiRequest(`/orders/${id}`, { schema: Order });
export const createOrder = (body: OrderCreate) =>
  apiRequest("/orders", { method: "POST", body, schema: Order });
export const updateOrder = (id: string, version: number, body: OrderUpdate) =>
  apiRequest(`/orders/${id}`, { method: "PATCH", body, ifMatch: version, schema: Order });
export const transitionOrder = (id: string, version: number, action: "sign" | "complete" | "cancel") =>
  apiRequest(`/orders/${id}/transitions`, {
    method: "POST",
    body: { action },
    ifMatch: version,
    schema: Order,
  });
export const deliverOrder = (id: string, version: number, body: OrderDelivery) =>
  apiRequest(`/orders/${id}/deliveries`, { method: "POST", body, ifMatch: version, schema: Order });
export const deleteOrder = (id: string, version: number) =>
  apiRequest(`/orders/${id}`, { method: "DELETE", ifMatch: version, schema: Order });
export const restoreOrder = (id: string, version: number) =>
  apiRequest(`/orders/${id}/restore`, { method: "POST", body: {}, ifMatch: version, schema: Order });

// 交易记录

export const fetchTransactions = (filters: TransactionFilters, cursor?: string) =>
  apiRequest(`/transactions${query({ ...filters, limit: 50, cursor })}`, { schema: TransactionPage });
export const createTransaction = (body: TransactionCreate) =>
  apiRequest("/transactions", { method: "POST", body, schema: Transaction });
export const updateTransaction = (id: string, version: number, body: TransactionUpdate) =>
  apiRequest(`/transactions/${id}`, { method: "PATCH", body, ifMatch: version, schema: Transaction });
export const deleteTransaction = (id: string, version: number) =>
  apiRequest(`/transactions/${id}`, { method: "DELETE", ifMatch: version, schema: Transaction });
