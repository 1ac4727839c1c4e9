import {
  MaterialRequest,
  type MaterialRequestCreate,
  Product,
  ProductCategory,
  type ProductCategoryCreate,
  type ProductCategoryUpdate,
  type ProductCreate,
  type ProductUpdate,
  PurchaseOrder,
  type PurchaseOrderCreate,
  type PurchaseReceipt,
  page,
  StockMovement,
  type StockMovementCreate,
} from "@crm/contracts";
import { z } from "zod";
import { apiRequest } from "../../shared/api";

type Params = Record<string, string | number | boolean | undefined | null>;

/** Query string of the defined, non-empty values. */
export function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export type Category = z.infer<typeof ProductCategory>;

/** 库存信息: one product's stock (GET /inventory). */
export const InventoryItem = z.object({
  productId: z.string(),
  code: z.string(),
  name: z.string(),
  categoryName: z.string(),
  unit: z.string(),
  stock: z.string(),
  lowStockThreshold: z.string().nullable(),
  lowStock: z.boolean(),
});
export type InventoryItem = z.infer<typeof InventoryItem>;

export interface ProductFilters {
  q?: string | undefined;
  categoryId?: string | undefined;
  active?: "true" | "false" | undefined;
  lowStock?: "true" | undefined;
  deleted?: "true" | undefined;
}

export interface MovementFilters {
  productId?: string | undefined;
  kind?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

const Categories = z.object({ items: z.array(ProductCategory) });
const ProductPage = page(Product);
const InventoryPage = page(InventoryItem);
const MovementPage = page(StockMovement);
const MaterialPage = page(MaterialRequest);
const PurchasePage = page(PurchaseOrder);

// 产品分类 and 产品目录

export const fetchCategories = async () =>
  (await apiRequest("/product-categories", { schema: Categories })).items;
export const createCategory = (body: ProductCategoryCreate) =>
  apiRequest("/product-categories", { method: "POST", body, schema: ProductCategory });
export const updateCategory = (id: string, version: number, body: ProductCategoryUpdate) =>
  apiRequest(`/product-categories/${id}`, {
    method: "PATCH",
    body,
    ifMatch: version,
    schema: ProductCategory,
  });

export const fetchProducts = (filters: ProductFilters, cursor?: string, limit = 50) =>
  apiRequest(`/products${query({ ...filters, limit, cursor })}`, { schema: ProductPage });
export const fetchProduct = (id: string) => apiRequest(`/products/${id}`, { schema: Product });
export const createProduct = (body: ProductCreate) =>
  apiRequest("/products", { method: "POST", body, schema: Product });
export const updateProduct = (id: string, version: number, body: ProductUpdate) =>
  apiRequest(`/products/${id}`, { method: "PATCH", body, ifMatch: version, schema: Product });
export const deleteProduct = (id: string, version: number) =>
  apiRequest(`/products/${id}`, { method: "DELETE", ifMatch: version, schema: Product });
export const restoreProduct = (id: string, version: number) =>
  apiRequest(`/products/${id}/restore`, { method: "POST", body: {}, ifMatch: version, schema: Product });

// 库存信息 and the stock ledger

export const fetchInventory = (
  filters: Pick<ProductFilters, "q" | "categoryId" | "lowStock">,
  cursor?: string,
) => apiRequest(`/inventory${query({ ...filters, limit: 100, cursor })}`, { schema: InventoryPage });
export const fetchMovements = (filters: MovementFilters, cursor?: string) =>
  apiRequest(`/stock-movements${query({ ...filters, limit: 50, cursor })}`, { schema: MovementPage });
export const createMovement = (body: StockMovementCreate) =>
  apiRequest("/stock-movements", { method: "POST", body, schema: StockMovement });

// 材料单

export const fetchMaterialRequests = (
  filters: { q?: string | undefined; status?: string | undefined },
  cursor?: string,
) => apiRequest(`/material-requests${query({ ...filters, limit: 50, cursor })}`, { schema: MaterialPage });
export const createMaterialRequest = (body: MaterialRequestCreate) =>
  apiRequest("/material-requests", { method: "POST", body, schema: MaterialRequest });
export const transitionMaterialRequest = (
  id: string,
  version: number,
  action: "accept" | "reject" | "done",
) =>
  apiRequest(`/material-requests/${id}/transitions`, {
    method: "POST",
    body: { action },
    ifMatch: version,
    schema: MaterialRequest,
  });

// 采购订单

export const fetchPurchaseOrders = (
  filters: { q?: string | undefined; status?: string | undefined },
  cursor?: string,
) => apiRequest(`/purchase-orders${query({ ...filters, limit: 50, cursor })}`, { schema: PurchasePage });
export const createPurchaseOrder = (body: PurchaseOrderCreate) =>
  apiRequest("/purchase-orders", { method: "POST", body, schema: PurchaseOrder });
export const receivePurchaseOrder = (id: string, version: number, body: PurchaseReceipt) =>
  apiRequest(`/purchase-orders/${id}/receipts`, {
    method: "POST",
    body,
    ifMatch: version,
    schema: PurchaseOrder,
  });
export const cancelPurchaseOrder = (id: string, version: number) =>
  apiRequest(`/purchase-orders/${id}/cancel`, {
    method: "POST",
    body: {},
    ifMatch: version,
    schema: PurchaseOrder,
  });
