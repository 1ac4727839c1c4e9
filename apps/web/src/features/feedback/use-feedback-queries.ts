import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { usePermissions } from "../../shared/api";
import { notificationKeys } from "../relationship/use-relationship-queries";
import {
  type FeedbackFilters,
  fetchFeedback,
  fetchFeedbackPage,
  fetchReturnVisits,
  searchProducts,
} from "./feedback-api";

export const feedbackKeys = {
  all: ["feedback"] as const,
  list: (filters: FeedbackFilters) => ["feedback", "list", filters] as const,
  one: (id: string) => ["feedback", "one", id] as const,
  visits: (params: { status?: "pending" | "done"; feedbackId?: string }) =>
    ["feedback", "return-visits", params] as const,
  handlers: ["feedback", "known-handlers"] as const,
  products: (q: string) => ["feedback", "product-options", q] as const,
};

/** The feedback list, page by page (cursor); `items` is everything loaded so far. */
export function useFeedbackList(filters: FeedbackFilters) {
  const query = useInfiniteQuery({
    queryKey: feedbackKeys.list(filters),
    queryFn: ({ pageParam }) => fetchFeedbackPage(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

export const useFeedback = (id: string | undefined) =>
  useQuery({ queryKey: feedbackKeys.one(id ?? ""), queryFn: () => fetchFeedback(id ?? ""), enabled: !!id });

export const useReturnVisits = (params: { status?: "pending" | "done"; feedbackId?: string }) =>
  useQuery({ queryKey: feedbackKeys.visits(params), queryFn: () => fetchReturnVisits(params) });

/** Products for the picker; only asked for with product:read. */
export function useProductOptions(q: string) {
  const { can } = usePermissions();
  const allowed = can("product:read");
  const query = useQuery({
    queryKey: feedbackKeys.products(q),
    queryFn: () => searchProducts(q),
    enabled: allowed,
    placeholderData: keepPreviousData,
  });
  return { ...query, allowed: allowed && !query.isError };
}

/**
 * Without user:read the colleagues cannot be listed: the handler picker then offers the people who
 * have handled feedback before (from the latest feedback the caller can see).
 */
export const useKnownHandlers = (enabled: boolean) =>
  useQuery({
    queryKey: feedbackKeys.handlers,
    queryFn: async () => {
      const { items } = await fetchFeedbackPage({}, undefined, 200);
      const seen = new Map<string, string>();
      for (const f of items) if (f.handlerId && f.handlerName) seen.set(f.handlerId, f.handlerName);
      return [...seen].map(([id, name]) => ({ id, name }));
    },
    enabled,
    staleTime: 60_000,
  });

/** After a change: the feedback lists, records, return visits, notifications and the customer's timeline. */
export function useInvalidateFeedback() {
  const client = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({
          predicate: (q) => q.queryKey[0] === "feedback" && q.queryKey[1] !== "product-options",
        }),
        client.invalidateQueries({ queryKey: notificationKeys.all }),
        client.invalidateQueries({
          predicate: (q) => q.queryKey[0] === "customers" && q.queryKey[1] !== "dictionaries",
        }),
      ]),
    [client],
  );
}
