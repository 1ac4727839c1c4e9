import { describe, expect, it } from "vitest";
import { csvHeaders, xlsxHeaders } from "./import-headers";
import { autoMapping, mappingParam, mappingProblems } from "./import-mapping";
import { templateCsv } from "./import-template";

/** A ZIP of stored (uncompressed) entries, enough for the reader. */
function storedZip(files: Record<string, string>): ArrayBuffer {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const nameBytes = encoder.encode(name);
    const data = encoder.encode(text);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint32(18, data.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, nameBytes.length, true);
    parts.push(new Uint8Array(local.buffer), nameBytes, data);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint32(20, data.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, nameBytes.length, true);
    entry.setUint32(42, offset, true);
    central.push(new Uint8Array(entry.buffer), nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const size = central.reduce((n, p) => n + p.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(10, Object.keys(files).length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  const all = [...parts, ...central, new Uint8Array(end.buffer)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out.buffer;
}

const defs = [
  { key: "channel", label: "采购渠道", labelEn: "Channel" },
  { key: "erp_no", label: "ERP 编号", labelEn: null },
];

describe("import headers and mapping", () => {
  it("reads a CSV header row with a BOM, quotes and a line break inside quotes", () => {
    expect(csvHeaders('\uFEFF客户名称,"地址, 详细","备""注\n二行",,城市\r\n杭州,x')).toEqual([
      "客户名称",
      "地址, 详细",
      '备"注\n二行',
      "城市",
    ]);
  });

  it("reads the first row of an XLSX's first sheet, shared and inline strings", async () => {
    const zip = storedZip({
      "xl/workbook.xml": '<workbook><sheets><sheet name="客户" sheetId="1" r:id="rId3"/></sheets></workbook>',
      "xl/_rels/workbook.xml.rels":
        '<Relationships><Relationship Id="rId3" Type="x" Target="worksheets/sheet7.xml"/></Relationships>',
      "xl/sharedStrings.xml":
        "<sst><si><t>客户名称</t></si><si><r><t>采购</t></r><r><t>渠道</t></r></si></sst>",
      "xl/worksheets/sheet7.xml":
        '<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>省份 &amp; 城市</t></is></c><c r="C1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>0</v></c></row></sheetData></worksheet>',
    });
    expect(await xlsxHeaders(zip)).toEqual(["客户名称", "省份 & 城市", "采购渠道"]);
  });

  it("maps headers as the server does: built-in first, custom fields by label or key, the rest left out", () => {
    const mapping = autoMapping(
      ["客户名称", "Class", "省份", "city", "采购渠道", "erp_no", "备注", "负责人"],
      defs,
    );
    expect(mapping).toEqual({
      客户名称: "name",
      Class: "class",
      省份: "province",
      city: "city",
      采购渠道: "customFields.channel",
      erp_no: "customFields.erp_no",
      备注: "",
      负责人: "",
    });
    expect(mappingProblems(mapping)).toEqual({ missing: [], repeated: [] });
    expect(mappingProblems({ ...mapping, city: "", 备注: "class" })).toEqual({
      missing: ["city"],
      repeated: ["class"],
    });
  });

  it("sends every column, or only the changed ones when that would be too long", () => {
    expect(JSON.parse(mappingParam({ a: "name", b: "" }, { a: "name", b: "phone" }))).toEqual({
      a: "name",
      b: "",
    });
    const long = Object.fromEntries(Array.from({ length: 400 }, (_, i) => [`很长的列名${i}很长的列名`, ""]));
    const changed = { ...long, 客户名称: "name" };
    expect(JSON.parse(mappingParam(changed, { ...long, 客户名称: "" }))).toEqual({ 客户名称: "name" });
  });

  it("adds the custom fields to the template", () => {
    const [header, example] = templateCsv(["采购渠道", "年产能"]).slice(1).trim().split("\r\n");
    expect(header?.endsWith(",统一社会信用代码,采购渠道,年产能")).toBe(true);
    expect(example?.split(",")).toHaveLength(header?.split(",").length ?? 0);
  });
});
