import { customers } from "@crm/db";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createCustomer, customerBody } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, multipart, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const [admin, mgr1, sales1] = await clientsFor(app, ["admin", "mgr1", "sales1"]);

async function addField(body: Record<string, unknown>, as: Inject = admin) {
  const res = await as({ method: "POST", url: "/api/v1/custom-fields", payload: body });
  if (res.statusCode !== 201) throw new Error(`field: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; key: string; version: number };
}

const errorsOf = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).errors as { field: string; code: string; message: string }[]).map((e) => [e.field, e]),
  );

// Fields used across the tests (each test file has a database of its own).
const channel = await addField({
  entity: "customer",
  label: "采购渠道",
  labelEn: "Purchasing channel",
  type: "single_choice",
  required: true,
  options: [
    { value: "direct", label: "直采" },
    { value: "dealer", label: "经销" },
  ],
});
const capacity = await addField({ entity: "customer", key: "capacity", label: "年产能(吨)", type: "number" });
const since = await addField({ entity: "customer", key: "since", label: "合作起始日", type: "date" });
const certs = await addField({
  entity: "customer",
  key: "certs",
  label: "资质",
  type: "multi_choice",
  options: [
    { value: "iso9001", label: "ISO9001" },
    { value: "iso14001", label: "ISO14001" },
    { value: "ce", label: "CE" },
  ],
});
const erp = await addField({
  entity: "customer",
  key: "erp_no",
  label: "ERP编号",
  type: "text",
  unique: true,
});
const exporter = await addField({ entity: "customer", key: "exporter", label: "出口企业", type: "boolean" });

describe("defining custom fields", () => {
  it("generates keys, keeps form order and answers every definition to any logged-in user", async () => {
    expect(channel.key).toBe("cf_1");
    const res = await sales1({ url: "/api/v1/custom-fields?entity=customer" });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((f: { key: string }) => f.key)).toEqual([
      "cf_1",
      "capacity",
      "since",
      "certs",
      "erp_no",
      "exporter",
    ]);
  });

  it("refuses bad definitions with field messages, and only admins may define", async () => {
    const bad = await admin({
      method: "POST",
      url: "/api/v1/custom-fields",
      payload: { entity: "customer", key: "Bad Key", label: "", type: "single_choice", unique: true },
    });
    expect(bad.statusCode).toBe(400);
    const errors = errorsOf(bad.body);
    expect(errors.key?.code).toBe("custom_key_format");
    expect(errors.label).toBeDefined();
    expect(errors.options?.code).toBe("custom_options_required");
    expect(errors.unique?.code).toBe("custom_unique_not_allowed");

    const taken = await admin({
      method: "POST",
      url: "/api/v1/custom-fields",
      payload: { entity: "customer", key: "capacity", label: "重复", type: "text" },
    });
    expect(taken.statusCode).toBe(409);
    expect(errorsOf(taken.body).key?.code).toBe("custom_key_taken");

    const forbidden = await sales1({
      method: "POST",
      url: "/api/v1/custom-fields",
      payload: { entity: "customer", label: "私有", type: "text" },
    });
    expect(forbidden.statusCode).toBe(403);
  });

  it("updates with the version it read (412 when stale) and audits", async () => {
    const field = await addField({ entity: "contact", label: "爱好", type: "text" });
    const ok = await admin({
      method: "PATCH",
      url: `/api/v1/custom-fields/${field.id}`,
      payload: { label: "兴趣爱好", helpText: "便于关怀" },
      headers: { "if-match": `"${field.version}"` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ label: "兴趣爱好", helpText: "便于关怀", version: 2 });
    const stale = await admin({
      method: "PATCH",
      url: `/api/v1/custom-fields/${field.id}`,
      payload: { label: "旧的" },
      headers: { "if-match": `"${field.version}"` },
    });
    expect(stale.statusCode).toBe(412);
    expect((await admin({ url: `/api/v1/custom-fields/${field.id}` })).json().label).toBe("兴趣爱好");
    const audit = await admin({ url: "/api/v1/audit-log?entityType=custom_field" });
    expect(audit.statusCode).toBe(200);
    expect(JSON.stringify(audit.json())).toContain("兴趣爱好");
  });
});

describe("custom values on customers", () => {
  it("validates each value by type, names the field, and a required one must be there", async () => {
    const res = await sales1({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({
        customFields: {
          capacity: "12吨",
          since: "2024-02-30",
          certs: ["iso9001", "unknown"],
          exporter: "yes",
          nope: "x",
        },
      }),
      headers: { "accept-language": "en" },
    });
    expect(res.statusCode).toBe(400);
    const errors = errorsOf(res.body);
    expect(errors["customFields.cf_1"]?.code).toBe("required");
    expect(errors["customFields.capacity"]?.code).toBe("custom_number_format");
    expect(errors["customFields.since"]?.code).toBe("custom_date_format");
    expect(errors["customFields.certs"]?.code).toBe("custom_option_unknown");
    expect(errors["customFields.exporter"]?.code).toBe("custom_boolean_format");
    expect(errors["customFields.nope"]?.message).toBe("There is no such custom field");
  });

  it("stores normalised values, returns them, and a PATCH changes only the keys it names", async () => {
    const created = await createCustomer(sales1, {
      name: "宁波自定义字段测试",
      customFields: {
        cf_1: "direct",
        capacity: "0012000.50",
        since: "2023-05-01",
        certs: ["ce", "iso9001", "ce"],
        exporter: true,
      },
    });
    const got = (await sales1({ url: `/api/v1/customers/${created.id}` })).json();
    expect(got.customFields).toEqual({
      cf_1: "direct",
      capacity: "12000.5",
      since: "2023-05-01",
      certs: ["iso9001", "ce"],
      exporter: true,
    });
    const patched = await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${created.id}`,
      payload: { customFields: { capacity: 800, exporter: null } },
      headers: { "if-match": `"${got.version}"` },
    });
    expect(patched.statusCode).toBe(200);
    expect(patched.json().customFields).toEqual({
      cf_1: "direct",
      capacity: "800",
      since: "2023-05-01",
      certs: ["iso9001", "ce"],
    });
    const cleared = await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${created.id}`,
      payload: { customFields: { cf_1: null } },
    });
    expect(cleared.statusCode).toBe(400);
    expect(errorsOf(cleared.body)["customFields.cf_1"]?.code).toBe("required");
    const timeline = (await sales1({ url: `/api/v1/customers/${created.id}/timeline` })).json();
    expect(JSON.stringify(timeline)).toContain("customFields.capacity");
  });

  it("keeps a unique value to one customer, also under concurrent creates, and frees it on delete", async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sales1({
          method: "POST",
          url: "/api/v1/customers",
          payload: customerBody({
            name: `唯一值并发${i}`,
            customFields: { cf_1: "dealer", erp_no: "ERP-001" },
          }),
        }),
      ),
    );
    const codes = results.map((r) => r.statusCode).sort();
    expect(codes.filter((c) => c === 201)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(7);
    const loser = results.find((r) => r.statusCode === 409)!;
    expect(errorsOf(loser.body)["customFields.erp_no"]?.code).toBe("custom_value_taken");
    const winner = results.find((r) => r.statusCode === 201)!.json();

    expect((await mgr1({ method: "DELETE", url: `/api/v1/customers/${winner.id}` })).statusCode).toBe(200);
    const reuse = await createCustomer(sales1, {
      name: "唯一值复用",
      customFields: { cf_1: "dealer", erp_no: "ERP-001" },
    });
    // The deleted one cannot come back while another customer holds its value.
    const restore = await mgr1({ method: "POST", url: `/api/v1/customers/${winner.id}/restore` });
    expect(restore.statusCode).toBe(409);
    expect(errorsOf(restore.body)["customFields.erp_no"]?.code).toBe("custom_value_taken");
    expect((await sales1({ url: `/api/v1/customers/${reuse.id}` })).json().customFields.erp_no).toBe(
      "ERP-001",
    );
  });

  it("filters the list by choice, multi choice, yes/no, text, number and date ranges", async () => {
    const base = { name: "", customFields: {} as Record<string, unknown> };
    const a = await createCustomer(mgr1, {
      ...base,
      name: "筛选甲",
      customFields: {
        cf_1: "dealer",
        capacity: "50",
        since: "2020-01-01",
        certs: ["ce"],
        erp_no: "F-A",
        exporter: true,
      },
    });
    const b = await createCustomer(mgr1, {
      ...base,
      name: "筛选乙",
      customFields: {
        cf_1: "dealer",
        capacity: "500",
        since: "2022-06-01",
        certs: ["iso9001", "ce"],
        erp_no: "F-B",
      },
    });
    const ids = async (query: string) => {
      const res = await mgr1({ url: `/api/v1/customers?q=${encodeURIComponent("筛选")}&${query}` });
      expect(res.statusCode, res.body).toBe(200);
      return res
        .json()
        .items.map((c: { id: string }) => c.id)
        .sort();
    };
    expect(await ids("cf.cf_1=dealer")).toEqual([a.id, b.id].sort());
    expect(await ids("cf.certs=iso9001")).toEqual([b.id]);
    expect(await ids("cf.exporter=true")).toEqual([a.id]);
    expect(await ids("cf.erp_no=f-b")).toEqual([b.id]);
    expect(await ids("cf.capacity=100..")).toEqual([b.id]);
    expect(await ids("cf.capacity=..50")).toEqual([a.id]);
    expect(await ids("cf.since=2021-01-01..2022-12-31")).toEqual([b.id]);

    const unknown = await mgr1({ url: "/api/v1/customers?cf.nothing=1" });
    expect(unknown.statusCode).toBe(400);
    expect(errorsOf(unknown.body)["cf.nothing"]?.code).toBe("unknown_custom_field");
    const badRange = await mgr1({ url: "/api/v1/customers?cf.since=yesterday..today" });
    expect(badRange.statusCode).toBe(400);
    expect(errorsOf(badRange.body)["cf.since"]?.code).toBe("custom_date_format");
  });

  it("bulk-sets a custom field atomically (a unique one is refused) and exports the columns", async () => {
    const one = await createCustomer(mgr1, { name: "批量自定义一", customFields: { cf_1: "direct" } });
    const two = await createCustomer(mgr1, { name: "批量自定义二", customFields: { cf_1: "direct" } });
    const refused = await mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: [one.id, two.id], set: { customFields: { erp_no: "SAME" } } },
    });
    expect(refused.statusCode).toBe(400);
    expect(errorsOf(refused.body)["set.customFields.erp_no"]?.code).toBe("custom_unique_bulk");
    const ok = await mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: [one.id, two.id], set: { customFields: { cf_1: "dealer", capacity: "7" } } },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    for (const id of [one.id, two.id]) {
      const c = (await mgr1({ url: `/api/v1/customers/${id}` })).json();
      expect(c.customFields).toEqual({ cf_1: "dealer", capacity: "7" });
    }

    const csv = await mgr1({
      url: `/api/v1/customers/export?format=csv&q=${encodeURIComponent("批量自定义")}`,
    });
    expect(csv.statusCode).toBe(200);
    const rows = Papa.parse<Record<string, string>>(csv.body.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ 采购渠道: "经销", "年产能(吨)": "7", 出口企业: "" });
    const xlsx = await mgr1({ url: `/api/v1/customers/export?format=xlsx&cf.capacity=7..7` });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const header = (book.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain("采购渠道");
    expect(book.worksheets[0]!.rowCount).toBe(3);
  });

  it("imports custom columns by label, reports bad values by line, and undo removes them", async () => {
    const file = Papa.unparse([
      ["客户名称", "客户类别", "省份", "城市", "采购渠道", "资质", "出口企业", "ERP编号"],
      ["导入字段一", "2", "浙江省", "宁波市", "直采", "ISO9001、CE", "是", "IMP-1"],
      ["导入字段二", "2", "浙江省", "宁波市", "代理", "", "否", "IMP-2"],
      ["导入字段三", "2", "浙江省", "宁波市", "", "", "", "IMP-3"],
      ["导入字段四", "2", "浙江省", "宁波市", "经销", "", "", "IMP-1"],
      ["导入字段五", "2", "浙江省", "宁波市", "经销", "", "", "ERP-001"],
    ]);
    const body = multipart({ name: "custom.csv", content: file });
    const res = await mgr1({ method: "POST", url: "/api/v1/customers/imports", ...body });
    expect(res.statusCode, res.body).toBe(201);
    const job = res.json();
    expect(job).toMatchObject({ totalRows: 5, errorRows: 4, toCreate: 1 });
    const byRow = Object.fromEntries(
      job.errors.map((e: { row: number; errors: { field: string; code: string }[] }) => [e.row, e.errors[0]]),
    );
    expect(byRow[3]).toMatchObject({ field: "customFields.cf_1", code: "custom_option_unknown" });
    expect(byRow[4]).toMatchObject({ field: "customFields.cf_1", code: "required" });
    expect(byRow[5]).toMatchObject({ field: "customFields.erp_no", code: "import_duplicate_in_file" });
    expect(byRow[6]).toMatchObject({ field: "customFields.erp_no", code: "custom_value_taken" });

    await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/commit` });
    for (let i = 0; i < 100; i++) {
      if ((await mgr1({ url: `/api/v1/customers/imports/${job.id}` })).json().status === "committed") break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const [row] = await db.db.select().from(customers).where(eq(customers.name, "导入字段一"));
    expect(row?.customFields).toEqual({
      cf_1: "direct",
      certs: ["iso9001", "ce"],
      exporter: true,
      erp_no: "IMP-1",
    });
    await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/undo` });
    const [gone] = await db.db.select().from(customers).where(eq(customers.name, "导入字段一"));
    expect(gone?.deletedAt ?? null).not.toBeNull();
  });

  it("merges a custom value picked from a merged customer, and undo gives it back", async () => {
    const keep = await createCustomer(mgr1, {
      name: "合并自定义甲",
      customFields: { cf_1: "direct", capacity: "1" },
    });
    const away = await createCustomer(mgr1, {
      name: "合并自定义乙",
      customFields: { cf_1: "dealer", capacity: "2", erp_no: "M-2" },
    });
    const merged = await mgr1({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: {
        survivorId: keep.id,
        mergedIds: [away.id],
        fields: { "customFields.capacity": away.id, "customFields.erp_no": away.id },
      },
    });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().survivor.customFields).toEqual({ cf_1: "direct", capacity: "2", erp_no: "M-2" });
    const undo = await mgr1({
      method: "POST",
      url: `/api/v1/customers/merges/${merged.json().mergeId}/undo`,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    expect((await mgr1({ url: `/api/v1/customers/${keep.id}` })).json().customFields).toEqual({
      cf_1: "direct",
      capacity: "1",
    });
  });
});

describe("changing definitions that records use", () => {
  it("refuses to drop an option in use or to make a field with repeated values unique; archive hides it", async () => {
    await createCustomer(mgr1, { name: "定义变更甲", customFields: { cf_1: "direct", capacity: "9" } });
    await createCustomer(mgr1, { name: "定义变更乙", customFields: { cf_1: "direct", capacity: "9" } });
    const current = (await admin({ url: `/api/v1/custom-fields/${channel.id}` })).json();
    const drop = await admin({
      method: "PATCH",
      url: `/api/v1/custom-fields/${channel.id}`,
      payload: { options: [{ value: "dealer", label: "经销" }] },
    });
    expect(drop.statusCode).toBe(409);
    expect(errorsOf(drop.body).options?.code).toBe("custom_option_in_use");
    const relabel = await admin({
      method: "PATCH",
      url: `/api/v1/custom-fields/${channel.id}`,
      payload: { options: [...current.options, { value: "online", label: "电商" }] },
    });
    expect(relabel.statusCode).toBe(200);

    const unique = await admin({
      method: "PATCH",
      url: `/api/v1/custom-fields/${capacity.id}`,
      payload: { unique: true },
    });
    expect(unique.statusCode).toBe(409);
    expect(errorsOf(unique.body).unique?.code).toBe("custom_unique_conflict");

    const archived = await admin({
      method: "PATCH",
      url: `/api/v1/custom-fields/${since.id}`,
      payload: { archived: true },
    });
    expect(archived.json().archived).toBe(true);
    const visible = (await sales1({ url: "/api/v1/custom-fields?entity=customer" })).json().items;
    expect(visible.map((f: { key: string }) => f.key)).not.toContain("since");
    const all = (await admin({ url: "/api/v1/custom-fields?entity=customer&archived=true" })).json().items;
    expect(all.find((f: { key: string }) => f.key === "since").archived).toBe(true);
    const write = await sales1({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ customFields: { cf_1: "direct", since: "2020-01-01" } }),
    });
    expect(errorsOf(write.body)["customFields.since"]?.code).toBe("unknown_custom_field");
    void certs;
    void erp;
    void exporter;
  });
});

describe("custom values on contacts", () => {
  it("validates and stores them like a customer's", async () => {
    await addField({ entity: "contact", key: "wechat_group", label: "微信群", type: "text", required: true });
    const customer = await createCustomer(sales1, {
      name: "联系人字段客户",
      customFields: { cf_1: "direct" },
    });
    const missing = await sales1({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: customer.id, name: "王五" },
    });
    expect(missing.statusCode).toBe(400);
    expect(errorsOf(missing.body)["customFields.wechat_group"]?.code).toBe("required");
    const ok = await sales1({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: customer.id, name: "王五", customFields: { wechat_group: "华东采购群" } },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().customFields).toEqual({ wechat_group: "华东采购群" });
  });
});
