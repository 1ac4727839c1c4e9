import type { Customer } from "@crm/contracts";
import { describe, expect, it } from "vitest";
import { toCreateBody, toFormValues, toUpdateBody } from "./customer-form-values";

const customer = {
  id: "0e8058f6-c048-40b0-9323-745917160625",
  code: "1类-01",
  name: "杭州宏达机械",
  class: "1",
  province: "浙江省",
  city: "杭州市",
  areaCode: "0571",
  postcode: null,
  address: null,
  phone: "0571-88886666",
  fax: null,
  email: null,
  homepage: null,
  annualRevenue: "12345678.90",
  employeeCount: 120,
  industry: "manufacturing",
  source: null,
  status: "active",
  creditRating: null,
  creditCode: null,
  ownerId: null,
  ownerName: null,
  letter: "H",
  lastContactAt: null,
  mergedIntoId: null,
  customFields: { channel: "direct", capacity: "100", archived_one: "kept" },
  deleted: false,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 1,
} satisfies Customer;

describe("customer form values", () => {
  it("creates with empty text as null, money as typed and the owner only when picked", () => {
    const values = { ...toFormValues(null), name: " 宏达 ", class: "1", province: "浙江省", city: "杭州市" };
    const body = toCreateBody({ ...values, annualRevenue: "99999999999999.99", employeeCount: "12" });
    expect(body).toMatchObject({
      name: "宏达",
      phone: null,
      annualRevenue: "99999999999999.99",
      employeeCount: 12,
    });
    expect(body).not.toHaveProperty("ownerId");
  });

  it("sends only what changed, province and city together", () => {
    const before = toFormValues(customer);
    expect(toUpdateBody(before, before)).toEqual({});
    expect(toUpdateBody(before, { ...before, city: "宁波市", areaCode: "0574", phone: "" })).toEqual({
      province: "浙江省",
      city: "宁波市",
      areaCode: "0574",
      phone: null,
    });
    expect(toUpdateBody(before, { ...before, employeeCount: "" })).toEqual({ employeeCount: null });
  });

  it("sends the filled-in custom fields on a create and only the changed ones on an edit", () => {
    const defs = [
      { key: "channel", type: "single_choice" as const, options: [{ value: "direct", label: "直采" }] },
      { key: "capacity", type: "number" as const, options: [] },
      { key: "note", type: "text" as const, options: [] },
      {
        key: "lines",
        type: "multi_choice" as const,
        options: [
          { value: "a", label: "甲" },
          { value: "b", label: "乙" },
        ],
      },
    ];
    const values = { ...toFormValues(null), name: "宏达", class: "1", province: "浙江省", city: "杭州市" };
    const body = toCreateBody(
      { ...values, customFields: { channel: "direct", note: "  ", capacity: "0100.50" } },
      defs,
    );
    expect(body.customFields).toEqual({ channel: "direct", capacity: "100.5" });
    expect(toCreateBody(values, defs)).not.toHaveProperty("customFields");

    const before = toFormValues(customer);
    expect(before.customFields).toEqual({ channel: "direct", capacity: "100", archived_one: "kept" });
    // The form only holds the fields it shows; the archived one is never sent.
    const shown = { channel: "direct", capacity: "100.0", note: "", lines: ["b", "a"] };
    expect(toUpdateBody(before, { ...before, customFields: shown }, defs)).toEqual({
      customFields: { lines: ["a", "b"] },
    });
    expect(
      toUpdateBody(before, { ...before, customFields: { ...shown, capacity: null, lines: [] } }, defs),
    ).toEqual({ customFields: { capacity: null } });
  });
});
