import { describe, expect, it } from "vitest";
import { agingKeyOf, autoAllocate, checkAllocations } from "./finance-format";

const open = [
  { id: "b", balance: "500.00", dueDate: "2026-02-01" },
  { id: "a", balance: "300.10", dueDate: "2026-01-01" },
];

describe("autoAllocate", () => {
  it("pays the oldest due first and never more than a balance", () => {
    expect(autoAllocate("400", open)).toEqual({ a: "300.10", b: "99.90" });
    expect(autoAllocate("2000", open)).toEqual({ a: "300.10", b: "500.00" });
    expect(autoAllocate("0.1", open)).toEqual({ a: "0.10" });
  });
});

describe("checkAllocations", () => {
  it("is balanced only when the allocations add up exactly", () => {
    expect(checkAllocations("400.00", { a: "300.10", b: "99.90" }, open).balanced).toBe(true);
    const short = checkAllocations("400", { a: "300.1", b: "99.8" }, open);
    expect(short.balanced).toBe(false);
    expect(short.remaining).toBe("0.10");
  });
  it("flags inputs over a balance and bad inputs", () => {
    const c = checkAllocations("600", { a: "300.11", b: "x" }, open);
    expect([...c.exceedsBalance]).toEqual(["a"]);
    expect([...c.invalid]).toEqual(["b"]);
    expect(c.balanced).toBe(false);
  });
  it("needs a valid amount", () => {
    expect(checkAllocations("", { a: "1" }, open).remaining).toBeNull();
  });
});

describe("agingKeyOf", () => {
  it("buckets by days past due", () => {
    expect([0, 1, 30, 31, 61, 91].map(agingKeyOf)).toEqual([
      "notDue",
      "d1to30",
      "d1to30",
      "d31to60",
      "d61to90",
      "over90",
    ]);
  });
});
