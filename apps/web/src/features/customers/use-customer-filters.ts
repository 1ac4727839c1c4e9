import { CUSTOMER_SORTS } from "@crm/contracts";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { filterKey, isFilterParam } from "../../shared/custom-fields/custom-field-values";
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

/** A change to the URL's state: a value sets, undefined removes; custom filters as `cf.<key>`. */
export type FilterPatch = Partial<
  Record<(typeof FILTER_KEYS)[number] | "sort" | "tab", string | undefined>
> & {
  [param: `cf.${string}`]: string | undefined;
};

const isSort = (value: string | null): value is CustomerSort =>
  (CUSTOMER_SORTS as readonly (string | null)[]).includes(value);

/**
 * The list's state lives in the URL (?q=&letter=&class=…&cf.<key>=…&sort=&tab=bin), so a filtered
 * list can be shared, reloaded, and is still there when the user comes back from a customer's page.
 *
 * `customKeys` are the active custom fields (undefined while they load): a `cf.` parameter of a field
 * that is no longer active is left out of the query (the API would refuse it), and while the fields
 * load a URL with custom filters is not `ready` to be asked for.
 */
export function useCustomerFilters(customKeys?: readonly string[]) {
  const [search, setSearch] = useSearchParams();
  const customParams = [...search.keys()].filter(isFilterParam);
  const ready = customKeys !== undefined || customParams.length === 0;
  const activeCustom = customParams
    .filter((param) => customKeys?.includes(filterKey(param)) && search.get(param))
    .sort()
    .join("&");
  const filters = useMemo(() => {
    const result: CustomerFilters = {};
    for (const key of FILTER_KEYS) {
      const value = search.get(key);
      if (value) result[key] = value;
    }
    for (const param of activeCustom ? activeCustom.split("&") : []) {
      result[param as `cf.${string}`] = search.get(param) ?? undefined;
    }
    return result;
  }, [search, activeCustom]);
  const rawSort = search.get("sort");
  const sort: CustomerSort = isSort(rawSort) ? rawSort : "-createdAt";
  const tab: CustomerTab = search.get("tab") === "bin" ? "bin" : "all";
  const params: CustomerListParams = useMemo(
    () => ({ ...filters, sort, deleted: tab === "bin" ? "true" : undefined }),
    [filters, sort, tab],
  );

  const update = useCallback(
    (patch: FilterPatch) => {
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
    () =>
      setSearch(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const key of [...previous.keys()]) {
            if ((PANEL_FILTERS as readonly string[]).includes(key) || isFilterParam(key)) next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  /** A saved view: exactly its filters and sort (custom ones included), keeping the tab. */
  const replaceAll = useCallback(
    (query: Record<string, string>) =>
      setSearch(
        (previous) => {
          const next = new URLSearchParams();
          const tabValue = previous.get("tab");
          if (tabValue) next.set("tab", tabValue);
          for (const [key, value] of Object.entries(query)) {
            const known = (FILTER_KEYS as readonly string[]).includes(key) || key === "sort";
            if (value && (known || isFilterParam(key))) next.set(key, value);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  const panelCount =
    PANEL_FILTERS.filter((key) => filters[key]).length + Object.keys(filters).filter(isFilterParam).length;
  return {
    filters,
    params,
    sort,
    tab,
    ready,
    update,
    clearPanel,
    replaceAll,
    panelCount,
    /** The URL has custom-field filters (counted in `panelCount` once the fields are known). */
    hasCustomFilters: customParams.length > 0,
  };
}
