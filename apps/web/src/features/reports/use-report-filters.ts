import dayjs from "dayjs";
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import type { ReportFilters } from "./reports-api";

const KEYS = ["from", "to", "departmentId", "ownerId", "province", "class"] as const;
export type FilterKey = (typeof KEYS)[number];

/** Period presets: the dates they stand for, as of today. */
export const PERIODS = ["thisMonth", "lastMonth", "thisQuarter", "thisYear", "last12Months"] as const;
export type Period = (typeof PERIODS)[number];

export function periodRange(period: Period, today = dayjs()): { from: string; to: string } {
  const day = (d: dayjs.Dayjs) => d.format("YYYY-MM-DD");
  switch (period) {
    case "thisMonth":
      return { from: day(today.startOf("month")), to: day(today) };
    case "lastMonth": {
      const last = today.subtract(1, "month");
      return { from: day(last.startOf("month")), to: day(last.endOf("month")) };
    }
    case "thisQuarter": {
      const start = today.month(Math.floor(today.month() / 3) * 3).startOf("month");
      return { from: day(start), to: day(today) };
    }
    case "thisYear":
      return { from: day(today.startOf("year")), to: day(today) };
    case "last12Months":
      return { from: day(today.subtract(11, "month").startOf("month")), to: day(today) };
  }
}

/** The preset a range is, if it is one. */
export const periodOf = (from?: string, to?: string): Period | undefined =>
  PERIODS.find((p) => {
    const r = periodRange(p);
    return r.from === from && r.to === to;
  });

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The report filters live in the URL (?from=&to=&departmentId=…), so a view can be shared and
 * survives a reload. Values that could not be valid are dropped rather than sent.
 */
export function useReportFilters() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const out: ReportFilters = {};
    for (const key of KEYS) {
      const v = params.get(key)?.trim();
      if (!v) continue;
      if ((key === "from" || key === "to") && !DATE.test(v)) continue;
      if ((key === "departmentId" || key === "ownerId") && !UUID.test(v)) continue;
      out[key] = v;
    }
    return out;
  }, [params]);
  const setFilters = useCallback(
    (patch: Partial<Record<FilterKey, string | undefined>>) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  const clear = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);
  return { filters, setFilters, clear };
}
