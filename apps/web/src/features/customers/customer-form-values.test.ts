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
});
