import { describe, expect, it } from "vitest";
import { mergeReloaded } from "./merge-reload";

describe("mergeReloaded", () => {
  it("keeps what the user changed and takes the rest from the fresh record, custom fields key by key", () => {
    const before = { label: "交货周期", labelEn: "", helpText: "", customFields: { a: "1", b: "x" } };
    const current = { label: "交货周期", labelEn: "", helpText: "天数", customFields: { a: "2", b: "x" } };
    const fresh = {
      label: "交期",
      labelEn: "Lead time",
      helpText: "",
      customFields: { a: "1", b: "y", c: true },
    };
    expect(mergeReloaded(current, before, fresh)).toEqual({
      label: "交期",
      labelEn: "Lead time",
      helpText: "天数",
      customFields: { a: "2", b: "y", c: true },
    });
  });
});
