import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import {
  fetchCategories,
  fetchInventory,
  fetchMaterialRequests,
  fetchMovements,
  fetchProducts,
  fetchPurchaseOrders,
  type MovementFilters,
  type ProductFilters,
} from "./products-api";

export const productKeys = {
  all: ["products"] as const,
  categories: ["products", "categories"] as const,
  list: (filters: ProductFilters) => ["products", "list", filters] as const,
  options: (q: string) => ["products", "options", q] as const,
  inventory: (filters: object) => ["products", "inventory", filters] as const,
  movements: (filters: MovementFilters) => ["products", "movements", filters] as const,
  materials: (filters: object) => ["products", "materials", filters] as const,
  purchases: (filters: object) => ["products", "purchases", filters] as const,
};

/** A cursor list, page by page; `items` is everything loaded so far. */
function usePages<Item>(
  queryKey: readonly unknown[],
  fetch: (cursor?: string) => Promise<{ items: Item[]; nextCursor: string | null }>,
  enabled = true,
) {
  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam }) => fetch(pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

export const useCategories = () => useQuery({ queryKey: productKeys.categories, queryFn: fetchCategories });

export const useProducts = (filters: ProductFilters) =>
  usePages(productKeys.list(filters), (cursor) => fetchProducts(filters, cursor));

/** Active products for the pickers (order and purchase lines, movements), searched by code or name. */
export const useProductOptions = (q: string) =>
  useQuery({
    queryKey: productKeys.options(q),
    queryFn: async () => (await fetchProducts({ q: q || undefined, active: "true" }, undefined, 30)).items,
    placeholderData: keepPreviousData,
  });

export const useInventory = (filters: {
  q?: string | undefined;
  categoryId?: string | undefined;
  lowStock?: "true" | undefined;
}) => usePages(productKeys.inventory(filters), (cursor) => fetchInventory(filters, cursor));

export const useMovements = (filters: MovementFilters, enabled = true) =>
  usePages(productKeys.movements(filters), (cursor) => fetchMovements(filters, cursor), enabled);

export const useMaterialRequests = (filters: { q?: string | undefined; status?: string | undefined }) =>
  usePages(productKeys.materials(filters), (cursor) => fetchMaterialRequests(filters, cursor));

export const usePurchaseOrders = (filters: { q?: string | undefined; status?: string | undefined }) =>
  usePages(productKeys.purchases(filters), (cursor) => fetchPurchaseOrders(filters, cursor));

/** After any change in products, stock, materials or purchases: every list of the module reloads. */
export function useInvalidateProducts() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: productKeys.all }), [client]);
}
