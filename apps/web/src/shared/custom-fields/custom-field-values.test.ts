import type { CustomFieldDefinition } from "@crm/contracts";
import { describe, expect, it } from "vitest";
import {
  customCreateValues,
  customPatchValues,
  customValueDisplay,
  customValueIssue,
  formatRange,
  parseRange,
  toCustomFormValues,
} from "./custom-field-values";

const def = (over: Partial<CustomFieldDefinition>): CustomFieldDefinition => ({
  id: "00000000-0000-4000-8000-000000000001",
  entity: "customer",
  key: "k",
  label: "字段",
  labelEn: null,
  type: "text",
  options: [],
  required: false,
  unique: false,
  helpText: null,
  position: 10,
  archived: false,
  version: 1,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  ...over,
});

const channel = def({
  key: "channel",
  type: "single_choice",
  options: [
    { value: "direct", label: "直采" },
    { value: "dealer", label: "经销" },
  ],
});
const capacity = def({ key: "capacity", type: "number" });
const since = def({ key: "since", type: "date" });
const vip = def({ key: "vip", type: "boolean" });
const lines = def({
  key: "lines",
  type: "multi_choice",
  options: [
    { value: "a", label: "甲" },
    { value: "b", label: "乙" },
    { value: "c", label: "丙" },
  ],
});

describe("custom field values", () => {
  it("reads stored values into the form, numbers as text", () => {
    expect(toCustomFormValues({ capacity: 12, vip: false, lines: ["a"], bad: { x: 1 } })).toEqual({
      capacity: "12",
      vip: false,
      lines: ["a"],
    });
  });

  it("creates with the filled-in values only, false being a value", () => {
    expect(
      customCreateValues([channel, capacity, vip, lines, since], {
        channel: "dealer",
        capacity: "",
        vip: false,
        lines: [],
        since: null,
      }),
    ).toEqual({ channel: "dealer", vip: false });
    expect(customCreateValues([channel], {})).toBeUndefined();
  });

  it("patches only changed values, clears with null and ignores fields the form does not show", () => {
    const before = { channel: "direct", capacity: "100", lines: ["a", "b"], old: "kept" };
    expect(
      customPatchValues([channel, capacity, lines], before, {
        channel: "direct",
        capacity: "100.00",
        lines: ["b", "a"],
      }),
    ).toBeUndefined();
    expect(
      customPatchValues([channel, capacity, lines, vip], before, {
        channel: null,
        capacity: "100",
        vip: true,
      }),
    ).toEqual({ channel: null, vip: true });
  });

  it("checks values as the API does", () => {
    expect(customValueIssue(capacity, "12.5")).toBeNull();
    expect(customValueIssue(capacity, "1e5")).toBe("custom_number_format");
    expect(customValueIssue(since, "2024-02-30")).toBe("custom_date_format");
    expect(customValueIssue(channel, "other")).toBe("custom_option_unknown");
    expect(customValueIssue(channel, "")).toBeNull();
  });

  it("shows choices by label, yes/no in the UI language and numbers grouped", () => {
    expect(customValueDisplay(lines, ["a", "c"], "zh-CN")).toBe("甲、丙");
    expect(customValueDisplay(vip, false, "en")).toBe("No");
    expect(customValueDisplay(capacity, "1234567.25", "zh-CN")).toBe("1,234,567.25");
    expect(customValueDisplay(capacity, undefined, "zh-CN")).toBe("");
  });

  it("reads and writes the from..to of range filters", () => {
    expect(parseRange("100..")).toEqual(["100", ""]);
    expect(parseRange("..2024-12-31")).toEqual(["", "2024-12-31"]);
    expect(parseRange("7")).toEqual(["7", "7"]);
    expect(formatRange("1", null)).toBe("1..");
    expect(formatRange("", "")).toBeUndefined();
  });
});
