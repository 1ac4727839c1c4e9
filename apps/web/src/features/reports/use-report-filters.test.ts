import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { PERIODS, periodOf, periodRange } from "./use-report-filters";

describe("report period presets", () => {
  const today = dayjs("2026-05-20");

  it("stand for the dates a manager means by them", () => {
    expect(Object.fromEntries(PERIODS.map((p) => [p, periodRange(p, today)]))).toEqual({
      thisMonth: { from: "2026-05-01", to: "2026-05-20" },
      lastMonth: { from: "2026-04-01", to: "2026-04-30" },
      thisQuarter: { from: "2026-04-01", to: "2026-05-20" },
      thisYear: { from: "2026-01-01", to: "2026-05-20" },
      last12Months: { from: "2025-06-01", to: "2026-05-20" },
    });
    expect(periodRange("lastMonth", dayjs("2026-03-31"))).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(periodRange("thisQuarter", dayjs("2026-12-31"))).toEqual({ from: "2026-10-01", to: "2026-12-31" });
  });

  it("are recognised from the dates in the address, and a range that is none of them is custom", () => {
    const now = periodRange("thisYear");
    expect(periodOf(now.from, now.to)).toBe("thisYear");
    expect(periodOf("2020-01-01", "2020-02-01")).toBeUndefined();
    expect(periodOf(undefined, undefined)).toBeUndefined();
  });
});
