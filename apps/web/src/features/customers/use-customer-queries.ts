import type { DictionaryItem, DictionaryType } from "@crm/contracts";
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../shared/api";
import { DICTIONARIES_QUERY_KEY } from "../../shared/api/query-keys";
import {
  type CustomerListParams,
  fetchContacts,
  fetchCustomer,
  fetchCustomers,
  fetchDictionaries,
  fetchTimeline,
  fetchUsers,
} from "./customers-api";

export const customerKeys = {
  all: ["customers"] as const,
  list: (params: CustomerListParams) => ["customers", "list", params] as const,
  one: (id: string) => ["customers", "one", id] as const,
  timeline: (id: string) => ["customers", "timeline", id] as const,
  contacts: (id: string) => ["customers", "contacts", id] as const,
  dictionaries: DICTIONARIES_QUERY_KEY,
  users: (q: string) => ["customers", "users", q] as const,
};

/**
 * Customers, page by page (cursor); `items` is every page loaded so far, `first` the first page.
 * Disabled while the list cannot be asked for yet (custom-field filters wait for the fields).
 */
export function useCustomerPages(params: CustomerListParams, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: customerKeys.list(params),
    queryFn: ({ pageParam }) => fetchCustomers(params, pageParam),
    enabled,
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [], first: query.data?.pages[0] };
}

export function useCustomer(id: string) {
  return useQuery({ queryKey: customerKeys.one(id), queryFn: () => fetchCustomer(id) });
}

export function useTimeline(id: string, enabled = true) {
  return useQuery({ queryKey: customerKeys.timeline(id), queryFn: () => fetchTimeline(id), enabled });
}

export function useContacts(id: string, enabled = true) {
  return useQuery({ queryKey: customerKeys.contacts(id), queryFn: () => fetchContacts(id), enabled });
}

/** People to pick as owner; only asked for when the user may read users (managers). */
export function useUserSearch(q: string) {
  const { can } = usePermissions();
  return useQuery({
    queryKey: customerKeys.users(q),
    queryFn: () => fetchUsers(q),
    enabled: can("user:read"),
    placeholderData: keepPreviousData,
  });
}

export interface Dictionaries {
  isLoading: boolean;
  /** The label of a code in the UI language; unknown codes show as they are. */
  label: (type: DictionaryType, code: string | null | undefined) => string;
  /** Choices for a form: active items, plus `current` when it is an inactive one already on the record. */
  options: (type: DictionaryType, current?: string | null) => { value: string; label: string }[];
}

/** The drop-down lists (字典), loaded once and labelled in the UI language. */
export function useDictionaries(): Dictionaries {
  const { i18n } = useTranslation();
  const { data, isLoading } = useQuery({
    queryKey: customerKeys.dictionaries,
    queryFn: fetchDictionaries,
    staleTime: 5 * 60_000,
  });
  const english = i18n.language === "en";
  return useMemo(() => {
    const items = data ?? [];
    const text = (item: DictionaryItem) => (english && item.labelEn ? item.labelEn : item.label);
    const find = (type: DictionaryType, code: string) =>
      items.find((i) => i.type === type && i.code === code);
    return {
      isLoading,
      label: (type, code) => {
        if (!code) return "";
        const item = find(type, code);
        return item ? text(item) : code;
      },
      options: (type, current) =>
        items
          .filter((i) => i.type === type && (i.active || i.code === current))
          .sort((a, b) => a.sortOrder - b.sortOrder)
          .map((i) => ({ value: i.code, label: text(i) })),
    };
  }, [data, isLoading, english]);
}

/** After a change: every customer list, record, timeline and contact list loads again. */
export function useInvalidateCustomers() {
  const client = useQueryClient();
  return useCallback(
    () =>
      client.invalidateQueries({
        predicate: (q) => q.queryKey[0] === "customers" && q.queryKey[1] !== "dictionaries",
      }),
    [client],
  );
}
