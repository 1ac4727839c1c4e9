import dayjs, { type Dayjs } from "dayjs";

export const DAY = "YYYY-MM-DD";
export const PRESETS = ["thisMonth", "lastMonth", "last3Months", "thisYear"] as const;
export type Preset = (typeof PRESETS)[number];
export interface Period {
  from: string;
  to: string;
}

/** A preset's days, both ends included, as of `today` (the company's and the browser's day). */
export function presetPeriod(preset: Preset, today: Dayjs = dayjs()): Period {
  const day = (d: Dayjs) => d.format(DAY);
  switch (preset) {
    case "thisMonth":
      return { from: day(today.startOf("month")), to: day(today) };
    case "lastMonth": {
      const last = today.subtract(1, "month");
      return { from: day(last.startOf("month")), to: day(last.endOf("month")) };
    }
    case "last3Months":
      return { from: day(today.subtract(2, "month").startOf("month")), to: day(today) };
    case "thisYear":
      return { from: day(today.startOf("year")), to: day(today) };
  }
}

/** Which preset a period is, if any. */
export const presetOf = (period: Period, today: Dayjs = dayjs()): Preset | undefined =>
  PRESETS.find((p) => {
    const candidate = presetPeriod(p, today);
    return candidate.from === period.from && candidate.to === period.to;
  });

/** A real day written YYYY-MM-DD (2025-02-30 is not). */
const isDay = (value: string | null): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && dayjs(value).format(DAY) === value;

/** The period in the URL (?from=&to=), or this month when it is missing or not a valid range. */
export function periodFromSearch(search: URLSearchParams, today: Dayjs = dayjs()): Period {
  const from = search.get("from");
  const to = search.get("to");
  if (isDay(from) && isDay(to) && from <= to) return { from, to };
  return presetPeriod("thisMonth", today);
}

/** An exact decimal amount with thousands separators, never through a float: "¥12,345.60". */
export function formatAmount(amount: string): string {
  const [whole = "0", fraction = "00"] = amount.replace(/^-/, "").split(".");
  const sign = amount.startsWith("-") ? "-" : "";
  return `${sign}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction.padEnd(2, "0")}`;
}
