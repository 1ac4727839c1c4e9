import { CUSTOMER_SORTS } from "@crm/contracts";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { CustomerFilters, CustomerListParams } from "./customers-api";

export type CustomerSort = (typeof CUSTOMER_SORTS)[number];
export type CustomerTab = "all" | "bin";

/** The filters of the panel (everything but the search box and the letter bar). */
export const PANEL_FILTERS = [
  "class",
  "status",
  "industry",
  "source",
  "creditRating",
  "province",
  "city",
  "ownerId",
  "createdFrom",
  "createdTo",
] as const satisfies readonly (keyof CustomerFilters)[];

export const FILTER_KEYS = ["q", "letter", ...PANEL_FILTERS] as const;

export const LETTERS = [..."ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"] as const;

const isSort = (value: string | null): value is CustomerSort =>
  (CUSTOMER_SORTS as readonly (string | null)[]).includes(value);

/**
 * The list's state lives in the URL (?q=&letter=&class=…&sort=&tab=bin), so a filtered list can be
 * shared, reloaded, and is still there when the user comes back from a customer's page.
 */
export function useCustomerFilters() {
  const [search, setSearch] = useSearchParams();
  const filters = useMemo(() => {
    const result: CustomerFilters = {};
    for (const key of FILTER_KEYS) {
      const value = search.get(key);
      if (value) result[key] = value;
    }
    return result;
  }, [search]);
  const rawSort = search.get("sort");
  const sort: CustomerSort = isSort(rawSort) ? rawSort : "-createdAt";
  const tab: CustomerTab = search.get("tab") === "bin" ? "bin" : "all";
  const params: CustomerListParams = useMemo(
    () => ({ ...filters, sort, deleted: tab === "bin" ? "true" : undefined }),
    [filters, sort, tab],
  );

  const update = useCallback(
    (patch: Partial<Record<(typeof FILTER_KEYS)[number] | "sort" | "tab", string | undefined>>) => {
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      );
    },
    [setSearch],
  );

  const clearPanel = useCallback(
    () => update(Object.fromEntries(PANEL_FILTERS.map((key) => [key, undefined]))),
    [update],
  );

  const panelCount = PANEL_FILTERS.filter((key) => filters[key]).length;
  return { filters, params, sort, tab, update, clearPanel, panelCount };
}
