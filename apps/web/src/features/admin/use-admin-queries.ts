import type { DictionaryType } from "@crm/contracts";
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import {
  type AuditFilters,
  fetchAuditLog,
  fetchDepartments,
  fetchDictionaryItems,
  fetchRoles,
  fetchUsers,
  type UserFilters,
} from "./admin-api";

export const adminKeys = {
  departments: ["admin", "departments"] as const,
  roles: (includeDeleted: boolean) => ["admin", "roles", { includeDeleted }] as const,
  users: (filters: UserFilters) => ["admin", "users", filters] as const,
  audit: (filters: AuditFilters) => ["admin", "audit", filters] as const,
  dictionary: (type: DictionaryType) => ["admin", "dictionaries", type] as const,
};

/** One drop-down list (字典) with its inactive items, for the admin page. */
export function useDictionaryItems(type: DictionaryType) {
  return useQuery({
    queryKey: adminKeys.dictionary(type),
    queryFn: () => fetchDictionaryItems(type),
    placeholderData: keepPreviousData,
  });
}

export function useDepartments(enabled = true) {
  return useQuery({ queryKey: adminKeys.departments, queryFn: fetchDepartments, enabled });
}

export function useRoles(includeDeleted = false, enabled = true) {
  return useQuery({
    queryKey: adminKeys.roles(includeDeleted),
    queryFn: () => fetchRoles(includeDeleted),
    enabled,
    placeholderData: keepPreviousData,
  });
}

/** People, page by page (cursor); `items` is every page loaded so far. */
export function useUserPages(filters: UserFilters, enabled = true) {
  const query = useInfiniteQuery({
    queryKey: adminKeys.users(filters),
    queryFn: ({ pageParam }) => fetchUsers(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

export function useAuditPages(filters: AuditFilters) {
  const query = useInfiniteQuery({
    queryKey: adminKeys.audit(filters),
    queryFn: ({ pageParam }) => fetchAuditLog(filters, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** After any change: the lists it may affect (and the audit log, which records it) load again. */
export function useInvalidateAdmin() {
  const client = useQueryClient();
  return useCallback(
    (...lists: ("departments" | "roles" | "users" | "dictionaries")[]) =>
      Promise.all([...lists, "audit"].map((list) => client.invalidateQueries({ queryKey: ["admin", list] }))),
    [client],
  );
}
