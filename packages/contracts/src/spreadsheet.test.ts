import { describe, expect, it } from "vitest";
import { defuseCell } from "./spreadsheet.js";

describe("defuseCell (OWASP CSV injection)", () => {
  it("prefixes ' to text a spreadsheet would run as a formula", () => {
    for (const text of [
      "=1+2",
      '=HYPERLINK("http://x","y")',
      "+1 cmd",
      "-2+3",
      "@SUM(A1)",
      "\t=1",
      "\r=1",
      "-",
      "+86 138",
    ]) {
      expect(defuseCell(text)).toBe(`'${text}`);
    }
  });

  it("leaves plain text, negative amounts and non-text values alone", () => {
    for (const value of ["客户", "a=b", " =1", "-12.50", "-3", "", 5, -5, null, undefined]) {
      expect(defuseCell(value)).toBe(value);
    }
  });
});
