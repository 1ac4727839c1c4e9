import { describe, expect, it } from "vitest";
import { add, cmp, dec, lineAmount, round, str, sumAmounts } from "./decimal.js";

describe("exact decimals", () => {
  it("adds without float drift: 3 × 0.1 + 0.2 is 0.50", () => {
    expect(lineAmount("0.1", "3")).toBe("0.30");
    expect(sumAmounts([lineAmount("0.1", "3"), "0.2"])).toBe("0.50");
  });

  it("sums 1,000,000 line items with no drift", () => {
    const amounts = Array.from({ length: 1_000_000 }, (_, i) => (i % 2 ? "0.10" : "0.01"));
    expect(sumAmounts(amounts)).toBe("55000.00");
  });

  it("rounds half away from zero to the fen, with discounts", () => {
    expect(lineAmount("19.99", "3", "15")).toBe("50.97"); // 59.97 × 0.85 = 50.9745
    expect(lineAmount("0.05", "1", "50")).toBe("0.03"); // 0.025 rounds up
    expect(lineAmount("128000.00", "2.5", "0")).toBe("320000.00");
    expect(str(round(dec("-0.005"), 2))).toBe("-0.01");
    expect(str(round(dec("-0.004"), 2))).toBe("0.00");
  });

  it("compares and prints", () => {
    expect(cmp(dec("1.50"), dec("1.5"))).toBe(0);
    expect(cmp(dec("2"), dec("10"))).toBe(-1);
    expect(str(add(dec("99999999999999.99"), dec("0.01")))).toBe("100000000000000.00");
    expect(() => dec("1e5")).toThrow();
  });
});
