// Report export: XLSX and CSV downloads, their sheets and headers, and formula defusing.
import { auditLog } from "@crm/db";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { db, gm, ids, sales1 } from "./reports-drill-fixtures.js";
import { defuse } from "./reports-export.js";

describe("report export", () => {
  it("XLSX: a summary sheet and one sheet per table, numbers as numbers; only with report:export", async () => {
    const res = await gm({ url: "/api/v1/reports/sales?from=2026-01-01&to=2026-03-31&format=xlsx" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="sales-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "汇总",
      "按月",
      "按业务员",
      "按产品",
      "按地区",
      "订单状态",
    ]);
    const months = book.getWorksheet("按月")!;
    expect(months.getRow(1).values).toEqual([undefined, "月份", "销售额", "数量", "交易笔数"]);
    expect(
      [2, 3, 4].map((n) => [months.getRow(n).getCell(1).value, months.getRow(n).getCell(2).value]),
    ).toEqual([
      ["2026-01", 100],
      ["2026-02", 700],
      ["2026-03", 100],
    ]);
    const summary = book.getWorksheet("汇总")!;
    const figures = Object.fromEntries(
      summary.getSheetValues().flatMap((r) => (Array.isArray(r) && r[1] ? [[String(r[1]), r[2]]] : [])),
    );
    expect(figures).toMatchObject({
      开始日期: "2026-01-01",
      结束日期: "2026-03-31",
      "应收账龄:1–30 天": 300,
    });

    expect((await sales1({ url: "/api/v1/reports/sales?format=xlsx" })).statusCode).toBe(403);
    // The filters in words: the owner's name, not an id.
    const byOwner = await gm({ url: `/api/v1/reports/sales?ownerId=${ids.sales1}&format=xlsx` });
    const book3 = new ExcelJS.Workbook();
    await book3.xlsx.load(byOwner.rawPayload as unknown as ArrayBuffer);
    expect(book3.getWorksheet("汇总")!.getRow(3).values).toEqual([undefined, "负责人", "张伟"]);
    const english = await gm({
      url: "/api/v1/reports/dashboard?format=xlsx",
      headers: { "accept-language": "en" },
    });
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    expect(book2.worksheets.map((w) => w.name)).toEqual(["Summary", "Top salespeople"]);
    const audits = await db.db.select().from(auditLog).where(eq(auditLog.entityType, "report"));
    expect(audits.filter((x) => x.action === "export").map((x) => x.detail?.format)).toEqual([
      "xlsx",
      "xlsx",
      "xlsx",
    ]);
  });

  it("CSV: the main table with headers in the caller's language, formulas defused", async () => {
    const res = await gm({ url: "/api/v1/reports/first-transactions?format=csv" });
    expect(res.statusCode).toBe(200);
    const rows = Papa.parse<Record<string, string>>(res.body.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => [r.客户名称, r.金额])).toEqual([
      ["钻取客户甲", "100.00"],
      ["钻取客户乙", "500.00"],
      ["'=钻取客户丙", "100.00"],
    ]);
    expect(Object.keys(rows[0]!)).not.toContain("customerId");
    expect([
      defuse("=1+2"),
      defuse("+x"),
      defuse("-12.50"),
      defuse("@a"),
      defuse("plain"),
      defuse(3),
    ]).toEqual(["'=1+2", "'+x", "-12.50", "'@a", "plain", 3]);
  });

  it("XLSX: the same text defused, by the one sanitiser every export uses", async () => {
    const res = await gm({ url: "/api/v1/reports/first-transactions?format=xlsx" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const texts: unknown[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((r) => r.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain("'=钻取客户丙");
    expect(texts.filter((v) => typeof v === "string" && /^[=+@\t\r]/.test(v))).toEqual([]);
  });
});
