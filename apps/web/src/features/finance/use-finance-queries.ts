import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { financeApi, type ReceivableFilters, type ReceivableStatus } from "./finance-api";

export const financeKeys = {
  all: ["finance"] as const,
  receivables: (filters: ReceivableFilters) => ["finance", "receivables", filters] as const,
  openReceivables: (customerId: string) => ["finance", "receivables", "open", customerId] as const,
  payments: (customerId?: string) => ["finance", "payments", customerId ?? ""] as const,
  payables: (supplier?: string, status?: ReceivableStatus) =>
    ["finance", "payables", supplier ?? "", status ?? ""] as const,
  collections: (on?: string) => ["finance", "collections", on ?? "today"] as const,
  bill: (customerId: string) => ["finance", "bill", customerId] as const,
  margins: ["finance", "margins"] as const,
};

/** Every finance list and bill is stale after money moves. */
export function useInvalidateFinance() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: financeKeys.all }), [client]);
}

export function useReceivables(filters: ReceivableFilters) {
  const query = useInfiniteQuery({
    queryKey: financeKeys.receivables(filters),
    queryFn: ({ pageParam }) => financeApi.receivables(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** A customer's open receivables (all of them, up to 200), for the payment form. */
export const useOpenReceivables = (customerId: string | null | undefined) =>
  useQuery({
    queryKey: financeKeys.openReceivables(customerId ?? ""),
    queryFn: async () =>
      (await financeApi.receivables({ customerId: customerId ?? "", status: "open", limit: 200 })).items,
    enabled: !!customerId,
  });

export function usePayments(customerId?: string) {
  const query = useInfiniteQuery({
    queryKey: financeKeys.payments(customerId),
    queryFn: ({ pageParam }) => financeApi.payments({ customerId }, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

export const usePayables = (supplier?: string, status?: ReceivableStatus, enabled = true) =>
  useQuery({
    queryKey: financeKeys.payables(supplier, status),
    queryFn: () => financeApi.payables({ supplier, status }),
    placeholderData: keepPreviousData,
    enabled,
  });

export const useCollections = (on?: string) =>
  useQuery({
    queryKey: financeKeys.collections(on),
    queryFn: () => financeApi.collections(on),
    placeholderData: keepPreviousData,
  });

export const useDunningBill = (customerId: string | undefined) =>
  useQuery({
    queryKey: financeKeys.bill(customerId ?? ""),
    queryFn: () => financeApi.dunningBill(customerId ?? ""),
    enabled: !!customerId,
  });

export const useMargins = (enabled = true) =>
  useQuery({ queryKey: financeKeys.margins, queryFn: () => financeApi.margins(), enabled });
