// A search of 3+ letters or digits (migration 0036): the initials' substrings from their suffix
// postings, pinyin, email, phone and homepage from the trigram index over the rest. Checked
// against the customers themselves, tested row by row, whatever wrote them.
import { customerSearchColumns, customers, users } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commitImport, createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const [sales1, sales2, mgr1, gm] = await clientsFor(app, ["sales1", "sales2", "mgr1", "gm"]);
const userId = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
const [sales1Id, sales2Id] = [await userId("sales1"), await userId("sales2")];

interface Page {
  items: { id: string; createdAt: string }[];
  total: number | null;
  totalExact: boolean | null;
  nextCursor: string | null;
}
const search = async (as: Inject, q: string, extra = "") =>
  (await as({ url: `/api/v1/customers?limit=200&q=${encodeURIComponent(q)}${extra}` })).json() as Page;
const ids = (page: Page) => page.items.map((c) => c.id).sort();

/** The live customers (of some owners, or all) whose initials or lookup text contain q, read row by row. */
async function truth(q: string, owners: string[] | null) {
  const { rows } = await db.db.execute<{ id: string }>(sql`
    select id from customers where deleted_at is null
    and (strpos(initials, ${q}) > 0
      or strpos(pinyin || ' ' || coalesce(lower(email), '') || ' ' || coalesce(phone_key, '') || ' '
        || coalesce(homepage_key, ''), ${q}) > 0)
    and (${owners === null} or owner_id = any(${`{${(owners ?? []).join(",")}}`}::uuid[]))`);
  return rows.map((r) => r.id).sort();
}

/** The suffix postings as they are, and as the live customers say they should be. */
async function postingsAndCustomers() {
  const line = (r: { suffix: string; owner: string | null; created: string; id: string }) =>
    `${r.suffix} ${r.owner} ${r.created} ${r.id}`;
  const posted = await db.db.execute<{
    suffix: string;
    owner: string | null;
    created: string;
    id: string;
  }>(sql`
    select suffix, owner_id::text as owner, created_at::text as created, customer_id::text as id
    from customer_initials_postings order by 1, 2, 3, 4`);
  const expected = await db.db.execute<{
    suffix: string;
    owner: string | null;
    created: string;
    id: string;
  }>(sql`
    select substr(initials, i) as suffix, owner_id::text as owner, created_at::text as created, id::text as id
    from customers, generate_series(1, char_length(initials) - 2) as i
    where deleted_at is null order by 1, 2, 3, 4`);
  return { posted: posted.rows.map(line), expected: expected.rows.map(line) };
}

describe("a search of 3+ letters or digits", () => {
  it("finds initials' substrings, pinyin and phone in the caller's scope with exact totals, in every order", async () => {
    const made = [];
    for (const [name, owner, as, phone] of [
      ["瓯海鹭鸥鲸业", sales1Id, sales1, "0577-86612345"],
      ["乐清鹭鸥鲸业", sales1Id, sales1, null],
      ["温州鹭鸥鲸业", sales1Id, sales1, null],
      ["苍南鹭鸥鲸业", sales2Id, sales2, null],
      ["平阳鹭鸥鲸业", sales2Id, sales2, null],
    ] as const) {
      made.push(await createCustomer(as, { name, ownerId: owner, ...(phone ? { phone } : {}) }));
    }
    const mine = made.slice(0, 3).map((c) => c.id);
    const all = made.map((c) => c.id);
    // lojy: the initials of 鹭鸥鲸业, inside each name's initials (ohlojy, lqlojy, …).
    for (const [as, expected] of [
      [sales1, mine],
      [sales2, all.slice(3)],
      [mgr1, all],
      [gm, all],
    ] as const) {
      for (const sort of ["", "&sort=createdAt", "&sort=name", "&sort=code"]) {
        const page = await search(as, "lojy", sort);
        expect(ids(page)).toEqual([...expected].sort());
        expect(page.total).toBe(expected.length);
        expect(page.totalExact).toBe(true);
      }
    }
    // Upper case and full-width are normalised; a middle piece (hloj of ohlojy) finds only that one.
    expect(ids(await search(gm, "ＬＯＪＹ"))).toEqual([...all].sort());
    expect(ids(await search(gm, "hloj"))).toEqual([made[0]!.id]);
    // Full pinyin of 鹭鸥鲸 (no initials contain it), and the phone's digits.
    expect(ids(await search(mgr1, "luoujing"))).toEqual([...all].sort());
    expect(ids(await search(sales2, "luoujing"))).toEqual(all.slice(3).sort());
    expect(ids(await search(sales1, "057786612345"))).toEqual([made[0]!.id]);
    expect(ids(await search(sales2, "057786612345"))).toEqual([]);
    // A query found in some customers' initials and in others' pinyin (or both: 南港市 is ngs and
    // nangangshi) is each customer once, as the customers read row by row say.
    const ngs = await createCustomer(sales1, { name: "南港市鹭鸥鲸业", class: "2" });
    for (const q of ["ngs", "lqj", "ouj", "jye", "hou"]) {
      const page = await search(gm, q);
      expect(ids(page), q).toEqual(await truth(q, null));
      expect(page.total, q).toBe(page.items.length);
      expect(ids(await search(sales1, q)), q).toEqual(await truth(q, [sales1Id]));
    }
    // Another filter with the search.
    const classTwo = await search(gm, "lojy", "&class=2");
    expect(ids(classTwo)).toEqual([ngs.id]);
    expect(classTwo.total).toBe(1);
    expect(ids(await search(gm, "lojy", "&class=1"))).toEqual([...all].sort());
    expect((await search(gm, "lojy", "&class=3")).total).toBe(0);
  });

  it("pages through the matches newest first (and oldest first), each once", async () => {
    const made = [];
    for (let i = 0; i < 7; i++) made.push(await createCustomer(sales1, { name: `洞头岙鲨${i}号渔业` }));
    const q = "dtas"; // 洞头岙鲨: dtas
    for (const [sort, order] of [
      ["", -1],
      ["&sort=createdAt", 1],
    ] as const) {
      const seen: Page["items"] = [];
      let cursor: string | null = null;
      let first: Page | null = null;
      do {
        const res = await sales1({
          url: `/api/v1/customers?limit=3&q=${q}${sort}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
        });
        expect(res.statusCode).toBe(200);
        const page = res.json() as Page;
        first ??= page;
        seen.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(first?.total).toBe(7);
      expect(seen.map((c) => c.id).sort()).toEqual(made.map((c) => c.id).sort());
      const times = seen.map((c) => order * Date.parse(c.createdAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
    }
  });

  it("follows renames, owners, deletes and restores; the recycle bin finds by initials too", async () => {
    const c = await createCustomer(sales1, { name: "玉环鲟鳇鱼业" }); // yhxhyy
    expect(ids(await search(sales1, "xhyy"))).toEqual([c.id]);
    const renamed = await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      headers: { "if-match": `"${c.version}"` },
      payload: { name: "玉环鳕鳗鱼业" },
    });
    expect(renamed.statusCode).toBe(200);
    expect(ids(await search(sales1, "xhyy"))).toEqual([]); // 鳕鳗: xm
    expect(ids(await search(sales1, "yhxmyy"))).toEqual([c.id]);
    const moved = await mgr1({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      headers: { "if-match": `"${renamed.json().version}"` },
      payload: { ownerId: sales2Id },
    });
    expect(moved.statusCode).toBe(200);
    expect(ids(await search(sales1, "xmyy"))).toEqual([]);
    expect(ids(await search(sales2, "xmyy"))).toEqual([c.id]);
    expect((await mgr1({ method: "DELETE", url: `/api/v1/customers/${c.id}` })).statusCode).toBe(200);
    expect(ids(await search(mgr1, "xmyy"))).toEqual([]);
    expect(ids(await search(mgr1, "xmyy", "&deleted=true"))).toEqual([c.id]);
    expect(ids(await search(mgr1, "yuhuan", "&deleted=true"))).toEqual([c.id]);
    expect((await mgr1({ method: "POST", url: `/api/v1/customers/${c.id}/restore` })).statusCode).toBe(200);
    expect(ids(await search(sales2, "xmyy"))).toEqual([c.id]);
    const now = await postingsAndCustomers();
    expect(now.posted).toEqual(now.expected);
  });

  it("keeps its postings equal to the customers after a bulk edit, a merge, an import, their undos and a removed row", async () => {
    const a = await createCustomer(mgr1, { name: "嵊泗贻贝养殖", ownerId: sales1Id });
    const b = await createCustomer(mgr1, { name: "嵊泗贻贝加工", ownerId: sales1Id }, "?allowDuplicate=true");
    const bulk = await mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: [a.id, b.id], set: { ownerId: sales2Id } },
    });
    expect(bulk.statusCode).toBe(200);
    expect(ids(await search(sales2, "ssyb"))).toEqual([a.id, b.id].sort());
    const merged = await mgr1({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: a.id, mergedIds: [b.id], fields: { name: b.id } },
    });
    expect(merged.statusCode).toBe(200);
    expect(ids(await search(sales2, "ssyb"))).toEqual([a.id]);
    expect(ids(await search(sales2, "ybjg"))).toEqual([a.id]); // the survivor took b's name
    let now = await postingsAndCustomers();
    expect(now.posted).toEqual(now.expected);
    const undo = await mgr1({
      method: "POST",
      url: `/api/v1/customers/merges/${merged.json().mergeId}/undo`,
    });
    expect(undo.statusCode).toBe(200);
    expect(ids(await search(sales2, "ybyz"))).toEqual([a.id]);
    expect(ids(await search(sales2, "ybjg"))).toEqual([b.id]);
    const rows = Array.from({ length: 20 }, (_, i) => [`岱山带鱼${i + 1}号船队`, "3", "浙江省", "舟山市"]);
    const job = await commitImport(mgr1, rows);
    const imported = async () => (await search(mgr1, "dsdy")).total ?? 0;
    for (let i = 0; i < 300 && (await imported()) < 20; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await imported()).toBe(20);
    now = await postingsAndCustomers();
    expect(now.posted).toEqual(now.expected);
    expect((await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/undo` })).statusCode).toBe(
      200,
    );
    expect(await imported()).toBe(0);
    // A row removed outright (a reset or a cleanup; the API only soft-deletes).
    const removed = await createCustomer(sales2, { name: "嵊泗贻贝育苗" });
    expect(ids(await search(sales2, "ybym"))).toEqual([removed.id]);
    await db.db.delete(customers).where(eq(customers.id, removed.id));
    expect(ids(await search(sales2, "ybym"))).toEqual([]);
    now = await postingsAndCustomers();
    expect(now.posted.length).toBeGreaterThan(30);
    expect(now.posted).toEqual(now.expected);
  });

  it("answers a piece common in pinyin (past the lookup's bound) through the general path, as exactly", async () => {
    // 1,010 customers whose pinyin holds yubang (鹬蚌), written in one statement.
    await db.db.insert(customers).values(
      Array.from({ length: 1_010 }, (_, i) => {
        const name = `鹬蚌渔具${i}号`;
        return {
          name,
          code: `3类-9${String(i).padStart(5, "0")}`,
          class: "3",
          province: "浙江省",
          city: "宁波市",
          ownerId: i % 3 ? sales1Id : sales2Id,
          ...customerSearchColumns({ name }),
        };
      }),
    );
    for (const [as, owners] of [
      [gm, null],
      [sales1, [sales1Id]],
    ] as const) {
      const page = await search(as, "yubang");
      const expected = await truth("yubang", owners ? [...owners] : null);
      expect(expected.length).toBeGreaterThan(600);
      expect(page.total).toBe(expected.length);
      expect(page.totalExact).toBe(true);
      expect(page.items).toHaveLength(200);
      for (const c of page.items) expect(expected).toContain(c.id);
    }
    // Asked again (the general path at once, the lookup known to find too many), a customer added
    // since is found and counted: what is remembered is the path, not the answer.
    const added = await createCustomer(sales1, { name: "鹬蚌渔具新号" });
    const again = await search(sales1, "yubang");
    const expected = await truth("yubang", [sales1Id]);
    expect(expected).toContain(added.id);
    expect(again.total).toBe(expected.length);
    expect(again.items.map((c) => c.id)).toContain(added.id);
  });
});
