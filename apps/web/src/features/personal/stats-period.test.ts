import dayjs from "dayjs";
import { describe, expect, it } from "vitest";
import { formatAmount, periodFromSearch, presetOf, presetPeriod } from "./stats-period";

const today = dayjs("2026-03-31");

describe("我的统计 periods", () => {
  it("computes the presets from today, last month to its last day", () => {
    expect(presetPeriod("thisMonth", today)).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    expect(presetPeriod("lastMonth", today)).toEqual({ from: "2026-02-01", to: "2026-02-28" });
    expect(presetPeriod("last3Months", today)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(presetPeriod("thisYear", today)).toEqual({ from: "2026-01-01", to: "2026-03-31" });
    expect(presetPeriod("lastMonth", dayjs("2026-01-15"))).toEqual({ from: "2025-12-01", to: "2025-12-31" });
  });

  it("recognises a preset and reads the URL, falling back to this month on anything invalid", () => {
    expect(presetOf({ from: "2026-02-01", to: "2026-02-28" }, today)).toBe("lastMonth");
    expect(presetOf({ from: "2026-02-02", to: "2026-02-28" }, today)).toBeUndefined();
    const read = (q: string) => periodFromSearch(new URLSearchParams(q), today);
    expect(read("from=2025-06-01&to=2025-06-30")).toEqual({ from: "2025-06-01", to: "2025-06-30" });
    for (const bad of ["", "from=2025-06-30&to=2025-06-01", "from=2025-02-30&to=2025-03-01", "from=x&to=y"]) {
      expect(read(bad), bad).toEqual({ from: "2026-03-01", to: "2026-03-31" });
    }
  });

  it("formats exact amounts with separators", () => {
    expect(formatAmount("2469.00")).toBe("¥2,469.00");
    expect(formatAmount("1234567.5")).toBe("¥1,234,567.50");
    expect(formatAmount("0.00")).toBe("¥0.00");
    expect(formatAmount("-1000.00")).toBe("-¥1,000.00");
  });
});
