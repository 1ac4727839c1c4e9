import { auditLog, customerImportRows, customers, nameKey, pinyinOf } from "@crm/db";
import { and, eq, inArray, isNull } from "drizzle-orm";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, multipart, setupApp } from "../../../test/helper.js";

// The import writes in batches (2,000 rows a statement at commit, 5,000 when the dry run stores
// the parsed rows): these files cross those boundaries.
const { app, db } = await setupApp();
const [mgr1] = await clientsFor(app, ["mgr1"]);

async function upload(as: Inject, content: string, fields: Record<string, string> = {}) {
  const body = multipart({ name: "customers.csv", content }, fields);
  const res = await as({
    method: "POST",
    url: "/api/v1/customers/imports",
    payload: body.payload,
    headers: body.headers,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function commit(as: Inject, id: string) {
  expect((await as({ method: "POST", url: `/api/v1/customers/imports/${id}/commit` })).statusCode).toBe(202);
  for (let i = 0; i < 600; i++) {
    const job = (await as({ url: `/api/v1/customers/imports/${id}` })).json();
    if (job.status !== "committing") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} never finished`);
}

const live = async () =>
  (await db.db.select({ id: customers.id }).from(customers).where(isNull(customers.deletedAt))).length;

/** Each import row to create, with the customer its customer_id points at. */
async function linkedRows(importId: string) {
  return db.db
    .select({
      rowNo: customerImportRows.rowNo,
      data: customerImportRows.data,
      customerId: customerImportRows.customerId,
      name: customers.name,
      code: customers.code,
      class: customers.class,
      deletedAt: customers.deletedAt,
    })
    .from(customerImportRows)
    .leftJoin(customers, eq(customers.id, customerImportRows.customerId))
    .where(and(eq(customerImportRows.importId, importId), eq(customerImportRows.action, "create")));
}

/** `rows` rows in three classes; lines 2,003 and 5,202 (if any) repeat line 2's name (other batches). */
function bigFile(tag: string, rows: number) {
  const lines = [["客户名称", "客户类别", "省份", "城市", "电话"]];
  for (let i = 1; i <= rows; i++)
    lines.push([`批次${tag}企业${i}号`, String((i % 3) + 1), "江苏省", "苏州市", `0512-${6000000 + i}`]);
  lines[2002]![0] = `批次${tag}企业1号`;
  if (rows >= 5201) lines[5201]![0] = `批次${tag}企业1号`;
  return Papa.unparse(lines);
}

describe("imports larger than a batch", () => {
  it("reports in-file duplicates across batches, links every row to its customer, numbers codes per class without gaps, and undoes it all", async () => {
    const before = await live();
    const job = await upload(mgr1, bigFile("甲", 5_300));
    expect(job).toMatchObject({ totalRows: 5_300, errorRows: 2, toCreate: 5_298 });
    expect(job.errors.map((e: { row: number }) => e.row)).toEqual([2003, 5202]);
    expect(job.errors[1].errors[0]).toMatchObject({ field: "name", code: "import_duplicate_in_file" });
    expect(await live()).toBe(before);

    const done = await commit(mgr1, job.id);
    expect(done).toMatchObject({ status: "committed", processed: 5_298 });
    expect(await live()).toBe(before + 5_298);

    const rows = await linkedRows(job.id);
    expect(rows).toHaveLength(5_298);
    // Every row became the customer it names, of its class.
    expect(rows.filter((r) => r.name !== r.data!.name || r.class !== r.data!.class)).toEqual([]);
    // Codes: one run of consecutive numbers per class, in file order.
    for (const cls of ["1", "2", "3"]) {
      const seqs = rows
        .filter((r) => r.class === cls)
        .sort((a, b) => a.rowNo - b.rowNo)
        .map((r) => {
          expect(r.code).toMatch(new RegExp(`^${cls}类-\\d+$`));
          return Number(r.code!.split("-")[1]);
        });
      expect(seqs.length).toBeGreaterThan(1_700);
      expect(seqs.every((s, k) => k === 0 || s === seqs[k - 1]! + 1)).toBe(true);
    }
    // One audit entry per created customer, naming the import.
    const audits = await db.db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.action, "import"), eq(auditLog.entityType, "customer")));
    expect(audits.length).toBeGreaterThanOrEqual(5_298);
    // Posted for the search: a customer of the last batch is found by name.
    const found = (
      await mgr1({ url: `/api/v1/customers?q=${encodeURIComponent("批次甲企业5299号")}` })
    ).json();
    expect(found.items.map((c: { name: string }) => c.name)).toEqual(["批次甲企业5299号"]);

    const undone = await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/undo` });
    expect(undone.json().status).toBe("undone");
    expect(await live()).toBe(before);
    expect((await linkedRows(job.id)).every((r) => r.deletedAt !== null)).toBe(true);
    expect(
      (await mgr1({ url: `/api/v1/customers?q=${encodeURIComponent("批次甲企业5299号")}` })).json().total,
    ).toBe(0);
  }, 180_000);

  it("commits an import validated before rows were given their customer's id at the dry run", async () => {
    const before = await live();
    const job = await upload(mgr1, bigFile("乙", 2_600));
    // As the dry run stored rows to create until now: without a customer id.
    await db.db
      .update(customerImportRows)
      .set({ customerId: null })
      .where(and(eq(customerImportRows.importId, job.id), eq(customerImportRows.action, "create")));
    expect(await commit(mgr1, job.id)).toMatchObject({ status: "committed", processed: 2_599 });
    const rows = await linkedRows(job.id);
    expect(rows.filter((r) => r.name !== r.data!.name)).toEqual([]);
    await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/undo` });
    expect(await live()).toBe(before);
  }, 120_000);
});

describe("the update policy, set-based", () => {
  it("updates every matched customer with its derived search columns, and undo restores each one", async () => {
    const a = await createCustomer(mgr1, { name: "吴江丝绸", phone: "0512-63331234" });
    const b = await createCustomer(mgr1, { name: "张家港钢铁", address: "港区1号" });
    const c = await createCustomer(mgr1, { name: "常熟纺织" });
    const file = Papa.unparse([
      ["客户编码", "客户名称", "客户类别", "省份", "城市", "地址"],
      [a.code, "吴江丝绸新材料", "1", "浙江省", "杭州市", "盛泽镇8号"],
      [b.code, "张家港钢铁", "2", "江苏省", "苏州市", "保税区2号"],
      [c.code, "常熟纺织", "1", "浙江省", "杭州市", "虞山3号"],
    ]);
    const job = await upload(mgr1, file, { duplicatePolicy: "update", matchKey: "code" });
    expect(job).toMatchObject({ toUpdate: 3, toCreate: 0, errorRows: 0 });
    expect(await commit(mgr1, job.id)).toMatchObject({ status: "committed", processed: 3 });

    const get = async (id: string) => (await mgr1({ url: `/api/v1/customers/${id}` })).json();
    expect(await get(a.id)).toMatchObject({
      name: "吴江丝绸新材料",
      address: "盛泽镇8号",
      phone: "0512-63331234",
      version: a.version + 1,
    });
    expect(await get(b.id)).toMatchObject({ class: "2", province: "江苏省", address: "保税区2号" });
    expect(await get(c.id)).toMatchObject({ address: "虞山3号" });
    // The new name is what the search and the duplicate key know now.
    const search = async (q: string) =>
      (await mgr1({ url: `/api/v1/customers?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((x: { id: string }) => x.id);
    expect(await search("丝绸新材料")).toEqual([a.id]);
    const [keys] = await db.db
      .select({ nameKey: customers.nameKey, pinyin: customers.pinyin })
      .from(customers)
      .where(eq(customers.id, a.id));
    expect(keys).toEqual({ nameKey: nameKey("吴江丝绸新材料"), pinyin: pinyinOf("吴江丝绸新材料").pinyin });
    const audits = await db.db
      .select({ entityId: auditLog.entityId, changes: auditLog.changes })
      .from(auditLog)
      .where(and(eq(auditLog.action, "import"), inArray(auditLog.entityId, [a.id, b.id, c.id])));
    expect(audits).toHaveLength(3);
    expect(audits.find((x) => x.entityId === b.id)!.changes).toMatchObject({
      address: { before: "港区1号", after: "保税区2号" },
    });

    const undone = await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/undo` });
    expect(undone.json().status).toBe("undone");
    expect(await get(a.id)).toMatchObject({
      name: "吴江丝绸",
      address: null,
      phone: "0512-63331234",
      version: a.version + 2,
    });
    expect(await get(b.id)).toMatchObject({ class: "1", province: "浙江省", address: "港区1号" });
    expect(await get(c.id)).toMatchObject({ address: null });
    expect(await search("丝绸新材料")).toEqual([]);
    expect(await search("吴江丝绸")).toEqual([a.id]);
  });

  it("applies two rows matching one customer in file order, the later one last", async () => {
    const a = await createCustomer(mgr1, { name: "太湖渔业" });
    const file = Papa.unparse([
      ["客户编码", "客户名称", "客户类别", "省份", "城市", "地址"],
      [a.code, "太湖渔业", "1", "浙江省", "杭州市", "第一行"],
      [a.code, "太湖渔业合作社", "1", "浙江省", "杭州市", "第二行"],
    ]);
    const job = await upload(mgr1, file, { duplicatePolicy: "update", matchKey: "code" });
    expect(job).toMatchObject({ toUpdate: 2, errorRows: 0 });
    expect(await commit(mgr1, job.id)).toMatchObject({ status: "committed", processed: 2 });
    expect((await mgr1({ url: `/api/v1/customers/${a.id}` })).json()).toMatchObject({
      name: "太湖渔业合作社",
      address: "第二行",
      version: a.version + 2,
    });
    const before = await db.db
      .select({ rowNo: customerImportRows.rowNo, before: customerImportRows.before })
      .from(customerImportRows)
      .where(eq(customerImportRows.importId, job.id))
      .orderBy(customerImportRows.rowNo);
    expect(before.map((r) => r.before?.address ?? null)).toEqual([null, "第一行"]);
  });
});
