import { describe, expect, it } from "vitest";
import { conflictRows } from "./conflict-rows";
import { toFormValues } from "./customer-form-values";

const opened = toFormValues({
  id: "c1",
  code: "1类-01",
  name: "杭州宏达机械有限公司",
  class: "1",
  province: "浙江省",
  city: "杭州市",
  areaCode: null,
  postcode: null,
  address: "滨江区 1 号",
  phone: "0571-1",
  fax: null,
  email: null,
  homepage: null,
  annualRevenue: null,
  employeeCount: null,
  industry: "manufacturing",
  source: null,
  status: "active",
  creditRating: null,
  creditCode: null,
  ownerId: "u1",
  ownerName: "刘洋",
  letter: "H",
  lastContactAt: null,
  mergedIntoId: null,
  customFields: { cf_1: "老客户" },
  deleted: false,
  createdAt: "2026-01-01T00:00:00.000Z",
  updatedAt: "2026-01-01T00:00:00.000Z",
  version: 3,
} as never);

describe("the two versions after a conflict", () => {
  it("lists what they changed, and flags what both changed differently", () => {
    const theirs = { ...opened, address: "西湖区 2 号", status: "signed", customFields: { cf_1: "重点" } };
    const mine = { ...opened, address: "上城区 3 号", phone: "0571-9" };
    expect(conflictRows(opened, theirs, mine)).toEqual([
      { key: "address", field: "address", theirs: "西湖区 2 号", mine: "上城区 3 号", bothChanged: true },
      { key: "status", field: "status", theirs: "signed", mine: "active", bothChanged: false },
      {
        key: "customFields.cf_1",
        field: "customFields.cf_1",
        theirs: "重点",
        mine: "老客户",
        bothChanged: false,
      },
    ]);
  });

  it("does not flag a field both changed to the same value, nor count blank and empty as a change", () => {
    const theirs = { ...opened, address: "西湖区 2 号", fax: "" };
    const mine = { ...opened, address: "西湖区 2 号" };
    expect(conflictRows(opened, theirs, mine)).toEqual([
      { key: "address", field: "address", theirs: "西湖区 2 号", mine: "西湖区 2 号", bothChanged: false },
    ]);
  });
});
