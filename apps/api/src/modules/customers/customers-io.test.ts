import { customers } from "@crm/db";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, multipart, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const [mgr1, sales1, gm] = await clientsFor(app, ["mgr1", "sales1", "gm"]);

/** A 1,000-row file with five bad rows at known lines. */
function thousandRows() {
  const header = ["客户名称", "客户类别", "省份", "城市", "电话", "邮箱", "年营业额", "行业"];
  const rows: string[][] = [];
  for (let i = 1; i <= 1000; i++)
    rows.push([`导入测试企业${i}号`, "2", "江苏省", "苏州市", "", "", "1000000.50", "制造业"]);
  rows[9]![0] = ""; // line 11: no name
  rows[99]![3] = "杭州市"; // line 101: city outside the province
  rows[199]![5] = "not-an-email"; // line 201
  rows[299]![7] = "炼金术"; // line 301: not in the industry list
  rows[399]![0] = "导入测试企业1号"; // line 401: repeats line 2
  return `\uFEFF${Papa.unparse([header, ...rows])}`;
}

async function upload(
  as: Inject,
  name: string,
  content: string | Buffer,
  fields: Record<string, string> = {},
) {
  const body = multipart({ name, content }, fields);
  return as({
    method: "POST",
    url: "/api/v1/customers/imports",
    payload: body.payload,
    headers: body.headers,
  });
}

async function waitFor(as: Inject, id: string, status: string) {
  for (let i = 0; i < 300; i++) {
    const job = (await as({ url: `/api/v1/customers/imports/${id}` })).json();
    if (job.status === status || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} never reached ${status}`);
}

const count = async () => (await db.db.select({ id: customers.id }).from(customers)).length;

describe("import", () => {
  it("dry-runs a 1,000-row CSV: reports the 5 bad rows by line and writes nothing", async () => {
    const before = await count();
    const res = await upload(mgr1, "customers.csv", thousandRows());
    expect(res.statusCode).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({ status: "validated", totalRows: 1000, errorRows: 5, toCreate: 995 });
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([11, 101, 201, 301, 401]);
    expect(job.errors[1].errors[0]).toMatchObject({ field: "city", code: "city_not_in_province" });
    expect(job.errors[3].errors[0]).toMatchObject({ field: "industry", code: "not_in_dictionary" });
    expect(job.errors[4].errors[0]).toMatchObject({ code: "import_duplicate_in_file" });
    expect(await count()).toBe(before);
    const errors = await mgr1({ url: `/api/v1/customers/imports/${job.id}/errors.csv` });
    const parsed = Papa.parse<Record<string, string>>(errors.body.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    });
    expect(parsed.data).toHaveLength(5);
    expect(parsed.data[1]).toMatchObject({ 城市: "杭州市" });
    expect(parsed.data[1]!.错误).toContain("city");
  });

  it("commits the good rows all at once in the background, with codes, and undoes the whole import", async () => {
    const before = await count();
    const { id } = (await upload(mgr1, "customers.csv", thousandRows())).json();
    const started = await mgr1({ method: "POST", url: `/api/v1/customers/imports/${id}/commit` });
    expect(started.statusCode).toBe(202);
    const again = await mgr1({ method: "POST", url: `/api/v1/customers/imports/${id}/commit` });
    expect(again.statusCode).toBe(409);
    const done = await waitFor(mgr1, id, "committed");
    expect(done).toMatchObject({ status: "committed", processed: 995 });
    expect(await count()).toBe(before + 995);
    const found = (await mgr1({ url: `/api/v1/customers?q=${encodeURIComponent("导入测试企业7号")}` })).json()
      .items;
    expect(found[0]).toMatchObject({
      class: "2",
      industry: "manufacturing",
      annualRevenue: "1000000.50",
      ownerName: "李经理",
    });
    expect(found[0].code).toMatch(/^2类-\d+$/);

    const undone = await mgr1({ method: "POST", url: `/api/v1/customers/imports/${id}/undo` });
    expect(undone.json().status).toBe("undone");
    expect(
      (await mgr1({ url: `/api/v1/customers?q=${encodeURIComponent("导入测试企业")}` })).json().total,
    ).toBe(0);
  }, 120_000);

  it("updates matched customers with the update policy, and undo restores them", async () => {
    const existing = await createCustomer(mgr1, { name: "昆山精密", phone: "0512-57771234" });
    const file = Papa.unparse([
      ["客户编码", "客户名称", "客户类别", "省份", "城市", "地址"],
      [existing.code, "昆山精密", "1", "江苏省", "苏州市", "昆山开发区1号"],
    ]);
    const job = (
      await upload(mgr1, "update.csv", file, { duplicatePolicy: "update", matchKey: "code" })
    ).json();
    expect(job).toMatchObject({ toUpdate: 1, toCreate: 0, errorRows: 0 });
    await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/commit` });
    await waitFor(mgr1, job.id, "committed");
    expect((await mgr1({ url: `/api/v1/customers/${existing.id}` })).json().address).toBe("昆山开发区1号");
    await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/undo` });
    expect((await mgr1({ url: `/api/v1/customers/${existing.id}` })).json().address).toBeNull();
  });

  it("skips duplicates by default and reads XLSX too", async () => {
    await createCustomer(mgr1, { name: "太仓港口物流" });
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("客户");
    sheet.addRow(["name", "class", "province", "city"]);
    sheet.addRow(["太仓港口物流有限公司", "3", "江苏省", "苏州市"]);
    sheet.addRow(["常熟服装城", "3", "江苏省", "苏州市"]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const job = (await upload(mgr1, "customers.xlsx", buffer)).json();
    expect(job).toMatchObject({ totalRows: 2, toSkip: 1, toCreate: 1, errorRows: 0 });
  });

  it("refuses a file without the required columns, a wrong type, and people without customer:import", async () => {
    const missing = await upload(mgr1, "x.csv", "客户名称,省份\n某公司,浙江省\n");
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors.map((e: { field: string }) => e.field)).toEqual([
      "mapping.class",
      "mapping.city",
    ]);
    const wrong = await upload(mgr1, "x.txt", "hello");
    expect(wrong.json().errors[0]).toMatchObject({ field: "file", code: "import_file_required" });
    expect((await upload(sales1, "x.csv", thousandRows())).statusCode).toBe(403);
  });
});

describe("export", () => {
  it("exports the caller's filtered list as CSV with Chinese headers and dictionary labels, and audits it", async () => {
    await createCustomer(sales1, { name: "导出测试甲", industry: "energy" });
    const res = await sales1({ url: "/api/v1/customers/export?format=csv" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/csv/);
    const rows = Papa.parse<Record<string, string>>(res.body.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r.客户名称)).toEqual(["导出测试甲"]);
    expect(rows[0]).toMatchObject({ 行业: "能源化工", 负责人: "张伟" });
    const filtered = await gm({ url: `/api/v1/customers/export?format=csv&q=${encodeURIComponent("导出")}` });
    expect(filtered.body.split("\r\n").filter(Boolean)).toHaveLength(2);
  });

  it("exports XLSX that opens, in English when asked", async () => {
    const res = await gm({
      url: "/api/v1/customers/export?format=xlsx",
      headers: { "accept-language": "en" },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe("Name");
    expect(sheet.rowCount).toBeGreaterThan(2);
  });

  it("needs customer:export", async () => {
    const finance1 = (await clientsFor(app, ["finance1"]))[0];
    expect((await finance1({ url: "/api/v1/customers/export" })).statusCode).toBe(403);
  });
});
