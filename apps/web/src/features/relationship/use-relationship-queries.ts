import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { usePermissions } from "../../shared/api";
import {
  type ActivityFilters,
  careRecordsApi,
  contactRecordsApi,
  eventsApi,
  fetchCareSuggestions,
  fetchCustomerContacts,
  fetchFollowUps,
  fetchNotifications,
  fetchScopeUsers,
  fetchUnreadCount,
  searchCustomers,
  type TaskFilters,
  tasksApi,
} from "./relationship-api";

export type ActivityKind = "records" | "care" | "tasks" | "events";

export const relationshipKeys = {
  all: ["relationship"] as const,
  list: (kind: ActivityKind, filters: ActivityFilters | TaskFilters) =>
    ["relationship", kind, "list", filters] as const,
  one: (kind: ActivityKind, id: string) => ["relationship", kind, "one", id] as const,
  followUps: (ownerId?: string) => ["relationship", "follow-ups", ownerId ?? "me"] as const,
  care: ["relationship", "care-suggestions"] as const,
  customers: (q: string) => ["relationship", "customer-options", q] as const,
  contacts: (customerId: string) => ["relationship", "contact-options", customerId] as const,
  users: (q: string) => ["relationship", "users", q] as const,
};

export const notificationKeys = {
  all: ["notifications"] as const,
  unread: ["notifications", "unread-count"] as const,
  list: (unreadOnly: boolean) => ["notifications", "list", unreadOnly] as const,
};

/** An activity list, page by page (cursor); `items` is everything loaded so far. */
function useActivityPages<Filters extends ActivityFilters, Item>(
  kind: ActivityKind,
  filters: Filters,
  fetch: (filters: Filters, cursor?: string) => Promise<{ items: Item[]; nextCursor: string | null }>,
  enabled: boolean,
) {
  const query = useInfiniteQuery({
    queryKey: relationshipKeys.list(kind, filters),
    queryFn: ({ pageParam }) => fetch(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

export const useContactRecords = (filters: ActivityFilters, enabled = true) =>
  useActivityPages("records", filters, contactRecordsApi.list, enabled);
export const useCareRecords = (filters: ActivityFilters, enabled = true) =>
  useActivityPages("care", filters, careRecordsApi.list, enabled);
export const useTasks = (filters: TaskFilters, enabled = true) =>
  useActivityPages("tasks", filters, tasksApi.list, enabled);
export const useEvents = (filters: ActivityFilters, enabled = true) =>
  useActivityPages("events", filters, eventsApi.list, enabled);

export const useContactRecord = (id: string | undefined) =>
  useQuery({
    queryKey: relationshipKeys.one("records", id ?? ""),
    queryFn: () => contactRecordsApi.get(id ?? ""),
    enabled: !!id,
  });
export const useCareRecord = (id: string | undefined) =>
  useQuery({
    queryKey: relationshipKeys.one("care", id ?? ""),
    queryFn: () => careRecordsApi.get(id ?? ""),
    enabled: !!id,
  });
export const useTask = (id: string | undefined) =>
  useQuery({
    queryKey: relationshipKeys.one("tasks", id ?? ""),
    queryFn: () => tasksApi.get(id ?? ""),
    enabled: !!id,
  });
export const useEvent = (id: string | undefined) =>
  useQuery({
    queryKey: relationshipKeys.one("events", id ?? ""),
    queryFn: () => eventsApi.get(id ?? ""),
    enabled: !!id,
  });

export const useFollowUps = (ownerId?: string) =>
  useQuery({ queryKey: relationshipKeys.followUps(ownerId), queryFn: () => fetchFollowUps({ ownerId }) });

export const useCareSuggestions = () =>
  useQuery({ queryKey: relationshipKeys.care, queryFn: () => fetchCareSuggestions({}) });

export const useCustomerOptions = (q: string) =>
  useQuery({
    queryKey: relationshipKeys.customers(q),
    queryFn: () => searchCustomers(q),
    placeholderData: keepPreviousData,
  });

export const useContactOptions = (customerId: string | undefined) =>
  useQuery({
    queryKey: relationshipKeys.contacts(customerId ?? ""),
    queryFn: () => fetchCustomerContacts(customerId ?? ""),
    enabled: !!customerId,
  });

/**
 * Colleagues in the caller's scope, for the share and assignee pickers and the team views. Only asked
 * for with user:read (managers); salespeople get `allowed: false` and the pickers say why they are not there.
 */
export function useScopeUsers(q = "") {
  const { can } = usePermissions();
  const allowed = can("user:read");
  const query = useQuery({
    queryKey: relationshipKeys.users(q),
    queryFn: () => fetchScopeUsers(q),
    enabled: allowed,
    staleTime: 5 * 60_000,
    placeholderData: keepPreviousData,
  });
  return { ...query, allowed: allowed && !query.isError };
}

/** The unread badge: polled every 20 s and when the window regains focus. */
export const useUnreadCount = () =>
  useQuery({
    queryKey: notificationKeys.unread,
    queryFn: fetchUnreadCount,
    refetchInterval: 20_000,
    refetchOnWindowFocus: "always",
    staleTime: 0,
  });

export const useNotifications = (unreadOnly: boolean, enabled = true) =>
  useQuery({
    queryKey: notificationKeys.list(unreadOnly),
    queryFn: () => fetchNotifications(unreadOnly ? { unread: "true" } : {}),
    enabled,
    staleTime: 0,
  });

/** After a change: every activity list, record, follow-up list and the notifications load again. */
export function useInvalidateRelationship() {
  const client = useQueryClient();
  return useCallback(
    () =>
      Promise.all([
        client.invalidateQueries({
          predicate: (q) =>
            q.queryKey[0] === "relationship" &&
            !["customer-options", "contact-options", "users"].includes(String(q.queryKey[1])),
        }),
        client.invalidateQueries({ queryKey: notificationKeys.all }),
        // A contact record may change the customer's status and last contact.
        client.invalidateQueries({
          predicate: (q) => q.queryKey[0] === "customers" && q.queryKey[1] !== "dictionaries",
        }),
      ]),
    [client],
  );
}
