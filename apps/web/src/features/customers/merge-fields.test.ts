import { describe, expect, it } from "vitest";
import { mergeFields } from "./merge-customers-modal";

describe("mergeFields", () => {
  it("asks only for values taken from another customer; the region brings province and city", () => {
    const survivor = "a";
    const picks = {
      name: "a",
      class: "a",
      region: "b",
      areaCode: "b",
      postcode: "a",
      address: "a",
      phone: "c",
      fax: "a",
      email: "a",
      homepage: "a",
      annualRevenue: "a",
      employeeCount: "a",
      industry: "a",
      source: "a",
      status: "a",
      creditRating: "a",
      creditCode: "a",
      ownerId: "a",
    };
    expect(mergeFields(picks, survivor)).toEqual({ province: "b", city: "b", areaCode: "b", phone: "c" });
  });
});

describe("mergeFields with custom fields", () => {
  it("names a custom field's pick customFields.<key>", () => {
    expect(
      mergeFields({ name: "a", "customFields.channel": "b", "customFields.capacity": "a" }, "a"),
    ).toEqual({
      "customFields.channel": "b",
    });
  });
});
