import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { productKeys } from "../products/use-products-queries";
import {
  fetchOrder,
  fetchOrders,
  fetchTransactions,
  type OrderFilters,
  type TransactionFilters,
} from "./sales-api";

export const salesKeys = {
  all: ["sales"] as const,
  orders: (filters: OrderFilters) => ["sales", "orders", filters] as const,
  order: (id: string) => ["sales", "order", id] as const,
  transactions: (filters: TransactionFilters) => ["sales", "transactions", filters] as const,
};

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

export const useOrders = (filters: OrderFilters) =>
  usePages(salesKeys.orders(filters), (cursor) => fetchOrders(filters, cursor));

export const useOrder = (id: string | undefined) =>
  useQuery({ queryKey: salesKeys.order(id ?? ""), queryFn: () => fetchOrder(id ?? ""), enabled: !!id });

export const useTransactions = (filters: TransactionFilters, enabled = true) =>
  usePages(salesKeys.transactions(filters), (cursor) => fetchTransactions(filters, cursor), enabled);

/**
 * After a sale: orders, transactions, stock (deliveries and sales move it) and the customers'
 * timelines all reload.
 */
export function useInvalidateSales() {
  const client = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({ queryKey: salesKeys.all }),
        client.invalidateQueries({ queryKey: productKeys.all }),
        client.invalidateQueries({
          predicate: (q) => q.queryKey[0] === "customers" && q.queryKey[1] !== "dictionaries",
        }),
      ]),
    [client],
  );
}
