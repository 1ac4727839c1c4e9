import { describe, expect, it } from "vitest";
import { blankToNull, formatMoney } from "./customer-format";

describe("formatMoney", () => {
  it("groups the integer part and always shows two decimals, without floating point", () => {
    expect(formatMoney("12345678.9")).toBe("12,345,678.90");
    expect(formatMoney("99999999999999.99")).toBe("99,999,999,999,999.99");
    expect(formatMoney("0")).toBe("0.00");
    expect(formatMoney("100")).toBe("100.00");
  });

  it("shows nothing for no value", () => {
    expect(formatMoney(null)).toBe("");
    expect(formatMoney("")).toBe("");
  });
});

describe("blankToNull", () => {
  it("trims and turns empty text into null", () => {
    expect(blankToNull("  a ")).toBe("a");
    expect(blankToNull("   ")).toBeNull();
    expect(blankToNull(undefined)).toBeNull();
  });
});
