import type { CustomFieldDefinition } from "@crm/contracts";
import { describe, expect, it } from "vitest";
import { toCreateBody, toUpdateBody } from "./custom-field-drawer";
import { validateOptionList } from "./custom-field-options-editor";
import { reorderPatches } from "./custom-fields-page";

const values = {
  label: " 采购渠道 ",
  labelEn: "",
  key: "",
  type: "single_choice" as const,
  options: [
    { value: "", label: "直采" },
    { value: "dealer", label: " 经销 " },
  ],
  required: true,
  unique: true,
  helpText: "  ",
};

const field: CustomFieldDefinition = {
  id: "00000000-0000-4000-8000-000000000001",
  entity: "customer",
  key: "channel",
  label: "采购渠道",
  labelEn: null,
  type: "single_choice",
  options: [
    { value: "直采", label: "直采" },
    { value: "dealer", label: "经销" },
  ],
  required: true,
  unique: false,
  helpText: null,
  position: 10,
  archived: false,
  version: 3,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
};

describe("custom field drawer", () => {
  it("creates without a key when none was typed, an option's value defaulting to its label", () => {
    expect(toCreateBody("customer", values)).toEqual({
      entity: "customer",
      label: "采购渠道",
      type: "single_choice",
      required: true,
      unique: false,
      options: [
        { value: "直采", label: "直采" },
        { value: "dealer", label: "经销" },
      ],
    });
    expect(toCreateBody("contact", { ...values, type: "number", key: "capacity" })).toMatchObject({
      key: "capacity",
      unique: true,
    });
    expect(toCreateBody("contact", { ...values, type: "number" })).not.toHaveProperty("options");
  });

  it("sends only what changed", () => {
    expect(toUpdateBody(field, { ...values, key: "channel" })).toEqual({});
    expect(
      toUpdateBody(field, {
        ...values,
        labelEn: "Channel",
        options: [...values.options, { value: "online", label: "网购" }],
      }),
    ).toEqual({
      labelEn: "Channel",
      options: [
        { value: "直采", label: "直采" },
        { value: "dealer", label: "经销" },
        { value: "online", label: "网购" },
      ],
    });
  });

  it("wants at least one option and no value twice", async () => {
    await expect(validateOptionList([])).rejects.toThrow("请至少添加一个选项");
    await expect(
      validateOptionList([
        { value: "", label: "直采" },
        { value: "直采", label: "直接采购" },
      ]),
    ).rejects.toThrow("选项值“直采”重复");
    await expect(validateOptionList(values.options)).resolves.toBeUndefined();
  });

  it("renumbers positions when a field moves and saves only those that changed", () => {
    const fields = [
      { id: "a", position: 10, version: 1 },
      { id: "b", position: 20, version: 1 },
      { id: "c", position: 30, version: 2 },
    ];
    expect(reorderPatches(fields, 2, 1)).toEqual([
      { id: "c", version: 2, position: 20 },
      { id: "b", version: 1, position: 30 },
    ]);
    // Equal positions (fields made at once): the whole order is written out.
    const same = fields.map((f) => ({ ...f, position: 5 }));
    expect(reorderPatches(same, 0, 1).map((p) => p.id)).toEqual(["b", "a", "c"]);
  });
});
