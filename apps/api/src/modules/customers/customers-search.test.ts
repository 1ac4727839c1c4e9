import {
  customerSearchColumns,
  customerSearchPostings,
  customers,
  normaliseText,
  searchGrams,
  users,
} from "@crm/db";
import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commitImport, createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const [sales1, sales2, mgr1, gm, admin] = await clientsFor(app, ["sales1", "sales2", "mgr1", "gm", "admin"]);
const userId = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
const [sales1Id, sales2Id] = [await userId("sales1"), await userId("sales2")];

/** A customer's postings, and what they should be from the row as it is now. */
async function postings(id: string) {
  const rows = await db.db
    .select()
    .from(customerSearchPostings)
    .where(eq(customerSearchPostings.customerId, id))
    .orderBy(asc(customerSearchPostings.token));
  const [c] = await db.db.select().from(customers).where(eq(customers.id, id));
  const expected =
    c && c.deletedAt === null
      ? searchGrams(normaliseText(c.name))
          .sort()
          .map((token) => ({ token, createdAt: c.createdAt, customerId: c.id, ownerId: c.ownerId }))
      : [];
  return { rows: [...rows].sort((a, b) => a.token.localeCompare(b.token)), expected };
}

async function expectPostingsInStep(id: string) {
  const { rows, expected } = await postings(id);
  expect(rows).toEqual([...expected].sort((a, b) => a.token.localeCompare(b.token)));
  return rows;
}

const search = async (as: Inject, q: string, extra = "") =>
  (await as({ url: `/api/v1/customers?limit=200&q=${encodeURIComponent(q)}${extra}` })).json() as {
    items: { id: string; name: string }[];
    total: number;
    totalExact: boolean;
    nextCursor: string | null;
  };
const ids = async (as: Inject, q: string, extra = "") => (await search(as, q, extra)).items.map((c) => c.id);

async function waitFor(as: Inject, id: string, status: string) {
  for (let i = 0; i < 300; i++) {
    const job = (await as({ url: `/api/v1/customers/imports/${id}` })).json();
    if (job.status === status || job.status === "failed") return job;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`import ${id} never reached ${status}`);
}

describe("the search postings follow every write of a customer", () => {
  it("a new customer is posted under its name's grams with its owner and date, and found by 1 to 5 characters", async () => {
    const c = await createCustomer(sales1, { name: "嘉善锦程纺织有限公司" });
    const rows = await expectPostingsInStep(c.id);
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.every((r) => r.ownerId === sales1Id)).toBe(true);
    expect(rows.map((r) => r.token)).not.toContain("公司");
    for (const q of [
      "锦",
      "锦程",
      "锦程纺",
      "锦程纺织",
      "嘉善锦程纺织",
      "公司",
      "有限公司",
      "锦程纺织有限公司",
    ]) {
      expect(await ids(sales1, q), q).toContain(c.id);
    }
    expect(await ids(sales1, "程锦")).toEqual([]);
    expect(await ids(sales1, "锦程织纺")).toEqual([]);
  });

  it("a renamed customer moves to its new grams; an edit of another field leaves them alone", async () => {
    const c = await createCustomer(sales1, { name: "平湖星辰光电" });
    const before = await expectPostingsInStep(c.id);
    await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      payload: { address: "平湖经济开发区" },
    });
    expect(await expectPostingsInStep(c.id)).toEqual(before);
    await sales1({ method: "PATCH", url: `/api/v1/customers/${c.id}`, payload: { name: "平湖月影光电" } });
    await expectPostingsInStep(c.id);
    expect(await ids(sales1, "星辰")).toEqual([]);
    expect(await ids(sales1, "月影光")).toEqual([c.id]);
  });

  it("a new owner takes the postings along: the old owner no longer finds it, the new one does", async () => {
    const c = await createCustomer(mgr1, { name: "海宁皮革城商贸", ownerId: sales1Id });
    expect(await ids(sales1, "皮革城")).toEqual([c.id]);
    await mgr1({ method: "PATCH", url: `/api/v1/customers/${c.id}`, payload: { ownerId: sales2Id } });
    const rows = await expectPostingsInStep(c.id);
    expect(rows.every((r) => r.ownerId === sales2Id)).toBe(true);
    expect(await ids(sales1, "皮革城")).toEqual([]);
    expect(await ids(sales2, "皮革城")).toEqual([c.id]);
    // A bulk edit too, many rows in one statement.
    const d = await createCustomer(mgr1, { name: "海宁经编布业", ownerId: sales2Id });
    const bulk = await mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: [c.id, d.id], set: { ownerId: sales1Id } },
    });
    expect(bulk.statusCode).toBe(200);
    for (const id of [c.id, d.id]) {
      expect((await expectPostingsInStep(id)).every((r) => r.ownerId === sales1Id)).toBe(true);
    }
    expect((await ids(sales1, "海宁")).sort()).toEqual([c.id, d.id].sort());
    expect(await ids(sales2, "海宁")).toEqual([]);
  });

  it("a deleted customer leaves the postings and comes back with a restore", async () => {
    const c = await createCustomer(mgr1, { name: "桐乡毛衫针织" });
    await mgr1({ method: "DELETE", url: `/api/v1/customers/${c.id}` });
    expect((await postings(c.id)).rows).toEqual([]);
    expect(await ids(mgr1, "毛衫")).toEqual([]);
    await mgr1({ method: "POST", url: `/api/v1/customers/${c.id}/restore` });
    expect((await expectPostingsInStep(c.id)).length).toBeGreaterThan(0);
    expect(await ids(mgr1, "毛衫")).toEqual([c.id]);
  });

  it("a merge removes the merged customer's postings and renames the survivor's; undo puts both back", async () => {
    const a = await createCustomer(mgr1, { name: "德清莫干山旅业" });
    const b = await createCustomer(mgr1, { name: "德清莫干山旅游开发" }, "?allowDuplicate=true");
    const res = await mgr1({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: a.id, mergedIds: [b.id], fields: { name: b.id } },
    });
    expect(res.statusCode).toBe(200);
    expect((await postings(b.id)).rows).toEqual([]);
    await expectPostingsInStep(a.id);
    expect(await ids(mgr1, "莫干山旅")).toEqual([a.id]);
    expect(await ids(mgr1, "旅业")).toEqual([]);
    expect(await ids(mgr1, "旅游开发")).toEqual([a.id]);
    const undo = await mgr1({ method: "POST", url: `/api/v1/customers/merges/${res.json().mergeId}/undo` });
    expect(undo.statusCode).toBe(200);
    await expectPostingsInStep(a.id);
    await expectPostingsInStep(b.id);
    expect(await ids(mgr1, "旅业")).toEqual([a.id]);
    expect(await ids(mgr1, "旅游开发")).toEqual([b.id]);
  });

  it("an import posts every created customer and its undo removes them", async () => {
    const rows = Array.from({ length: 30 }, (_, i) => [`安吉竹编工艺${i + 1}号厂`, "3", "浙江省", "湖州市"]);
    const job = await commitImport(mgr1, rows);
    expect(await waitFor(mgr1, job.id, "committed")).toMatchObject({ processed: 30 });
    const found = await search(mgr1, "竹编工艺");
    expect(found).toMatchObject({ total: 30, totalExact: true });
    for (const c of found.items) await expectPostingsInStep(c.id);
    expect(await ids(mgr1, "竹编工艺17号")).toEqual([
      found.items.find((c) => c.name === "安吉竹编工艺17号厂")!.id,
    ]);
    await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/undo` });
    expect(await search(mgr1, "竹编工艺")).toMatchObject({ items: [], total: 0, totalExact: true });
    for (const c of found.items) expect((await postings(c.id)).rows).toEqual([]);
  }, 60_000);

  it("a removed row (the API only soft-deletes; a reset or a cleanup may not) takes its postings along", async () => {
    const c = await createCustomer(sales1, { name: "永康五金工具" });
    expect((await postings(c.id)).rows.length).toBeGreaterThan(0);
    await db.db.delete(customers).where(eq(customers.id, c.id));
    expect((await postings(c.id)).rows).toEqual([]);
    expect(await ids(sales1, "五金工具")).toEqual([]);
  });
});

describe("a name search through the postings", () => {
  it("answers what the general search answers, in scope, with contacts, filters and rechecks", async () => {
    await createCustomer(sales1, { name: "嵊州领带织造", class: "2" });
    await createCustomer(sales1, { name: "嵊州厨具电器" });
    await createCustomer(sales2, { name: "嵊州领带服饰" });
    await createCustomer(sales1, { name: "嵊州3号领带厂" });
    const contactOnly = await createCustomer(sales2, { name: "新昌轴承" });
    await gm({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: contactOnly.id, name: "嵊州领带王" },
    });
    const cases: [Inject, string, string][] = [
      [sales1, "嵊州", ""],
      [sales1, "嵊州领带", ""],
      [mgr1, "嵊", ""],
      [sales1, "领", "&sort=createdAt"],
      [gm, "织", "&class=2"],
      [mgr1, "嵊州领带", ""],
      [mgr1, "嵊州领带", "&class=2"],
      [mgr1, "领带", "&sort=createdAt"],
      [gm, "州领带", ""],
      [gm, "嵊州领带王", ""],
      [gm, "有限公司", ""],
      // Letters and digits are not posted: the ideographs around them find, the name rechecks.
      [gm, "3号领带", ""],
      [gm, "州3号", ""],
      [sales1, "嵊州3", ""],
    ];
    for (const [as, q, extra] of cases) {
      const fast = await search(as, q, extra);
      // Ordered by code, the same search takes the general path (token index and substring).
      const general = await search(as, q, `${extra.replace("&sort=createdAt", "")}&sort=code`);
      expect(fast.items.map((c) => c.id).sort(), q + extra).toEqual(general.items.map((c) => c.id).sort());
      expect(fast.total, q + extra).toBe(general.items.length);
      expect(fast.totalExact).toBe(true);
    }
    expect((await search(gm, "嵊州领带")).items.map((c) => c.name).sort()).toEqual(
      ["嵊州领带服饰", "嵊州领带织造", "新昌轴承"].sort(),
    );
    expect((await search(sales1, "嵊州领带")).items.map((c) => c.name)).toEqual(["嵊州领带织造"]);
    expect((await search(gm, "州3号领")).items.map((c) => c.name)).toEqual(["嵊州3号领带厂"]);
  });

  it("pages newest first (or oldest) with a cursor, the total on the first page only", async () => {
    const made: string[] = [];
    for (let i = 0; i < 5; i++)
      made.push((await createCustomer(sales1, { name: `舟山渔业第${i}合作社` })).id);
    const seen: string[] = [];
    let url = `/api/v1/customers?limit=2&q=${encodeURIComponent("渔业")}`;
    for (let page = 0; page < 3; page++) {
      const body = (await sales1({ url })).json();
      expect(body.total).toBe(page === 0 ? 5 : null);
      seen.push(...body.items.map((c: { id: string }) => c.id));
      if (!body.nextCursor) break;
      url = `/api/v1/customers?limit=2&q=${encodeURIComponent("渔业")}&cursor=${body.nextCursor}`;
    }
    expect(seen).toEqual([...made].reverse());
    const oldest = (
      await sales1({ url: `/api/v1/customers?limit=5&sort=createdAt&q=${encodeURIComponent("渔业")}` })
    )
      .json()
      .items.map((c: { id: string }) => c.id);
    expect(oldest).toEqual(made);
    // A small total is counted on every first page: a new match shows at once.
    await createCustomer(sales1, { name: "舟山渔业第5合作社" });
    expect(
      (await sales1({ url: `/api/v1/customers?limit=2&q=${encodeURIComponent("渔业")}` })).json().total,
    ).toBe(6);
  });

  it("finds a customer by a contact named a moment ago, beside those named so", async () => {
    const named = await createCustomer(sales1, { name: "温岭水泵制造" });
    const other = await createCustomer(sales1, { name: "玉环阀门" });
    const ids = async () => (await search(sales1, "温岭水泵")).items.map((c) => c.id).sort();
    expect(await ids()).toEqual([named.id]);
    const contact = await sales1({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: other.id, name: "温岭水泵王" },
    });
    expect(contact.statusCode).toBe(201);
    expect(await ids()).toEqual([named.id, other.id].sort());
    expect((await search(sales1, "温岭水泵")).total).toBe(2);
  });

  it("counts exactly up to 10,000 and estimates beyond, flagged, on both paths", async () => {
    const owner = sales2Id;
    const values = Array.from({ length: 10_005 }, (_, i) => {
      const name = `衢州柑橘${i}号园`;
      return {
        name,
        code: `3类-9${String(i).padStart(5, "0")}`,
        class: "3",
        province: "浙江省",
        city: "衢州市",
        ownerId: owner,
        ...customerSearchColumns({ name }),
      };
    });
    for (let i = 0; i < values.length; i += 2_000)
      await db.db.insert(customers).values(values.slice(i, i + 2_000));
    await db.db.execute(sql`analyze customers`);
    const all = await search(gm, "柑橘");
    // Past the exact limit: "about N", here the postings' own count.
    expect(all.totalExact).toBe(false);
    expect(all.total).toBe(10_005);
    expect(all.items).toHaveLength(200);
    // Asked again, the page skips the count it knows to be past the limit: the same answer.
    const again = await search(gm, "柑橘");
    expect(again).toMatchObject({ total: 10_005, totalExact: false });
    expect(again.items.map((c) => c.id)).toEqual(all.items.map((c) => c.id));
    // The general path (ordered by name): never an exact total past the limit either.
    const byName = await search(gm, "柑橘", "&sort=name");
    expect(byName.totalExact).toBe(false);
    expect(byName.total).toBeGreaterThan(10_000);
    // And its page is the first by name whichever way the total was found (a wrong estimate
    // reads the page again in order).
    const firstByName = await db.db
      .select({ id: customers.id })
      .from(customers)
      .where(sql`${customers.name} like '衢州柑橘%' and ${customers.deletedAt} is null`)
      .orderBy(customers.pinyin, customers.id)
      .limit(200);
    expect(byName.items.map((c) => c.id)).toEqual(firstByName.map((c) => c.id));
    // Narrowed by a filter to 1,500 (more than the old limit of 1,000): exact on both paths.
    await db.db
      .update(customers)
      .set({ class: "2" })
      .where(sql`${customers.code} like '3类-9%' and substring(${customers.code} from 5)::int < 1500`);
    await db.db.execute(sql`analyze customers`);
    expect(await search(gm, "柑橘", "&class=2")).toMatchObject({ total: 1_500, totalExact: true });
    expect(await search(gm, "柑橘", "&class=2&sort=name")).toMatchObject({ total: 1_500, totalExact: true });
    // And by the recheck of a longer query.
    expect(await search(gm, "柑橘12号园")).toMatchObject({ total: 1, totalExact: true });
    expect((await search(sales1, "柑橘")).total).toBe(0);
    // Moved to a class the statistics have not seen (no analyze since), the planner expects a
    // handful where 10,005 match: the bounded count reaches its bound, the total is "about N",
    // and the page is read again in order, still the newest 200.
    await db.db.update(customers).set({ class: "9" }).where(sql`${customers.code} like '3类-9%'`);
    const list = (await gm({ url: "/api/v1/customers?limit=200&class=9" })).json() as {
      items: { id: string }[];
      total: number;
      totalExact: boolean;
    };
    expect(list.totalExact).toBe(false);
    expect(list.total).toBeGreaterThan(10_000);
    // The newest 200 live customers of class 9, as the database has them now.
    const newest = async () =>
      (
        await db.db
          .select({ id: customers.id })
          .from(customers)
          .where(sql`${customers.class} = '9' and ${customers.deletedAt} is null`)
          .orderBy(sql`${customers.createdAt} desc, ${customers.id} desc`)
          .limit(200)
      ).map((c) => c.id);
    expect(list.items.map((c) => c.id)).toEqual(await newest());
    // Remembered as large (30 s): asked again after most moved on, the first page is read in
    // order without counting, so it is still "about N", and still the newest of what matches now.
    await db.db
      .update(customers)
      .set({ class: "8" })
      .where(sql`${customers.code} like '3类-9%' and substring(${customers.code} from 5)::int >= 1000`);
    const later = (await gm({ url: "/api/v1/customers?limit=200&class=9" })).json() as typeof list;
    expect(later.totalExact).toBe(false);
    expect(later.items.map((c) => c.id)).toEqual(await newest());
    // Another user's same search is their own (the scope is part of what is remembered): counted
    // (mgr1 manages sales2, who owns them).
    expect((await mgr1({ url: "/api/v1/customers?limit=200&class=9" })).json()).toMatchObject({
      total: 1_000,
      totalExact: true,
    });
    // The same filter in another order is another search: counted exactly.
    expect((await gm({ url: "/api/v1/customers?limit=200&class=9&sort=name" })).json()).toMatchObject({
      total: 1_000,
      totalExact: true,
    });
  });
});

describe("owners' names on list pages", () => {
  it("come from a cache that a rename (or a new user) refreshes at once, on every path", async () => {
    const c = await createCustomer(sales2, { name: "义乌小商品外贸" });
    const shown = async (extra: string) =>
      (await sales2({ url: `/api/v1/customers?limit=200${extra}` }))
        .json()
        .items.find((x: { id: string }) => x.id === c.id)?.ownerName;
    // The plain list, the postings and the general search (another order).
    const paths = ["", `&q=${encodeURIComponent("小商品")}`, `&q=${encodeURIComponent("小商品")}&sort=name`];
    for (const p of paths) expect(await shown(p), p).toBe("刘洋");
    const renamed = await admin({
      method: "PATCH",
      url: `/api/v1/users/${sales2Id}`,
      payload: { displayName: "刘洋洋" },
    });
    expect(renamed.statusCode).toBe(200);
    for (const p of paths) expect(await shown(p), p).toBe("刘洋洋");
    expect((await sales2({ url: `/api/v1/customers/${c.id}` })).json().ownerName).toBe("刘洋洋");
  });
});
