import { describe, expect, it } from "vitest";
import { fileNameOf } from "./customers-io-api";
import { TEMPLATE_HEADERS, templateCsv } from "./import-template";

describe("templateCsv", () => {
  it("has a BOM, the Chinese headers and one example row of the same width", () => {
    const text = templateCsv();
    expect(text.startsWith("\uFEFF客户名称,客户类别,省份,城市")).toBe(true);
    const lines = text.slice(1).trim().split("\r\n");
    expect(lines).toHaveLength(2);
    expect(lines[1]?.split(",")).toHaveLength(TEMPLATE_HEADERS.length);
  });
});

describe("fileNameOf", () => {
  it("reads filename*, then filename, then falls back", () => {
    expect(fileNameOf("attachment; filename*=UTF-8''%E5%AE%A2%E6%88%B7.csv", "x")).toBe("客户.csv");
    expect(fileNameOf('attachment; filename="customers-20260101.xlsx"', "x")).toBe("customers-20260101.xlsx");
    expect(fileNameOf(null, "customers.csv")).toBe("customers.csv");
  });
});
