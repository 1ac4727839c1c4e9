// The counts a 1- or 2-character name search's total comes from (migration 0035): always equal to
// the postings they count, whatever wrote the customers, and exact in every scope.
import { customers, users } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { commitImport, createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";
import { compactSearchCounts } from "./customers.search.js";

const { app, db } = await setupApp();
const [sales1, sales2, mgr1, gm] = await clientsFor(app, ["sales1", "sales2", "mgr1", "gm"]);
const userId = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
const [sales1Id, sales2Id] = [await userId("sales1"), await userId("sales2")];

const search = async (as: Inject, q: string) =>
  (await as({ url: `/api/v1/customers?limit=200&q=${encodeURIComponent(q)}` })).json() as {
    items: { id: string }[];
    total: number;
    totalExact: boolean;
  };
const ids = async (as: Inject, q: string) => (await search(as, q)).items.map((c) => c.id);

/** Per token and owner: what the postings say, and what the counts plus their deltas say. */
async function countsAndPostings() {
  const posted = await db.db.execute<{ token: string; owner: string; n: string }>(sql`
    select token, coalesce(owner_id, '00000000-0000-0000-0000-000000000000')::text as owner, count(*) as n
    from customer_search_postings where char_length(token) <= 2 group by 1, 2 order by 1, 2`);
  const counted = await db.db.execute<{ token: string; owner: string; n: string }>(sql`
    select token, owner_id::text as owner, sum(n) as n from (
      select token, owner_id, n from customer_search_counts
      union all select token, owner_id, n from customer_search_count_deltas
    ) c group by 1, 2 having sum(n) <> 0 order by 1, 2`);
  const rows = (r: { rows: { token: string; owner: string; n: string }[] }) =>
    r.rows.map((x) => `${x.token} ${x.owner} ${Number(x.n)}`);
  return { posted: rows(posted), counted: rows(counted) };
}
const deltas = async () =>
  Number(
    (await db.db.execute<{ n: string }>(sql`select count(*) as n from customer_search_count_deltas`)).rows[0]!
      .n,
  );

describe("the counts a 1- or 2-character search's total comes from", () => {
  it("give exact totals in every scope, current after a rename, a new owner or a delete, folded or not", async () => {
    const made = [];
    for (const [owner, as] of [
      [sales1Id, sales1],
      [sales1Id, sales1],
      [sales1Id, sales1],
      [sales2Id, sales2],
      [sales2Id, sales2],
    ] as const) {
      made.push(await createCustomer(as, { name: `瓯江${made.length}号阀门`, ownerId: owner }));
    }
    const totals = async () =>
      Promise.all(
        [sales1, sales2, mgr1, gm].map(async (as) => {
          const page = await search(as, "瓯江");
          expect(page.totalExact).toBe(true);
          expect(page.items).toHaveLength(page.total);
          return page.total;
        }),
      );
    expect(await totals()).toEqual([3, 2, 5, 5]);
    // "江" alone is counted too.
    expect((await search(sales2, "江")).total).toBe((await ids(sales2, "江")).length);
    const writes = [
      await sales1({
        method: "PATCH",
        url: `/api/v1/customers/${made[0]!.id}`,
        payload: { name: "温州阀门" },
      }),
      await mgr1({
        method: "PATCH",
        url: `/api/v1/customers/${made[1]!.id}`,
        payload: { ownerId: sales2Id },
      }),
      await mgr1({ method: "DELETE", url: `/api/v1/customers/${made[3]!.id}` }),
    ];
    expect(writes.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(await totals()).toEqual([1, 2, 3, 3]);
    await compactSearchCounts(db.db);
    expect(await totals()).toEqual([1, 2, 3, 3]);
    expect((await mgr1({ method: "POST", url: `/api/v1/customers/${made[3]!.id}/restore` })).statusCode).toBe(
      200,
    );
    expect(await totals()).toEqual([1, 3, 4, 4]);
  });

  it("stay right under concurrent creates while the deltas are being folded (no waits, no deadlocks)", async () => {
    const writes = Array.from({ length: 24 }, (_, i) =>
      createCustomer(i % 2 ? sales1 : sales2, { name: `乐清${i}号电器开关` }),
    );
    const folds = Array.from({ length: 6 }, () => compactSearchCounts(db.db));
    await Promise.all([...writes, ...folds]);
    const now = await countsAndPostings();
    expect(now.counted).toEqual(now.posted);
    expect((await search(mgr1, "乐清")).total).toBe(24);
    expect((await search(sales1, "电器")).total).toBe((await ids(sales1, "电器")).length);
  });

  it("match the postings after a bulk edit, a merge, an import, their undos and a removed row, before and after the fold", async () => {
    const a = await createCustomer(mgr1, { name: "德清莫干山旅业", ownerId: sales1Id });
    const b = await createCustomer(
      mgr1,
      { name: "德清莫干山旅游开发", ownerId: sales2Id },
      "?allowDuplicate=true",
    );
    const bulk = await mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: [a.id, b.id], set: { ownerId: sales2Id } },
    });
    expect(bulk.statusCode).toBe(200);
    const merged = await mgr1({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: a.id, mergedIds: [b.id], fields: { name: b.id } },
    });
    expect(merged.statusCode).toBe(200);
    let now = await countsAndPostings();
    expect(now.counted).toEqual(now.posted);
    expect((await search(sales2, "旅业")).total).toBe(0);
    const undo = await mgr1({
      method: "POST",
      url: `/api/v1/customers/merges/${merged.json().mergeId}/undo`,
    });
    expect(undo.statusCode).toBe(200);
    expect((await search(sales2, "莫干")).total).toBe(2);
    // An import (many rows in one statement) and its undo.
    const rows = Array.from({ length: 30 }, (_, i) => [`安吉竹编工艺${i + 1}号厂`, "3", "浙江省", "湖州市"]);
    const job = await commitImport(mgr1, rows);
    const imported = async () => (await search(mgr1, "竹编")).total;
    for (let i = 0; i < 300 && (await imported()) < 30; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await imported()).toBe(30);
    now = await countsAndPostings();
    expect(now.counted).toEqual(now.posted);
    expect((await mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/undo` })).statusCode).toBe(
      200,
    );
    expect(await imported()).toBe(0);
    // A row removed outright (a reset or a cleanup; the API only soft-deletes).
    const removed = await createCustomer(sales2, { name: "德清莫干山竹海" });
    expect((await search(sales2, "莫干")).total).toBe(3);
    await db.db.delete(customers).where(eq(customers.id, removed.id));
    expect((await search(sales2, "莫干")).total).toBe(2);
    now = await countsAndPostings();
    expect(now.posted.length).toBeGreaterThan(50);
    expect(now.counted).toEqual(now.posted);
    expect(await deltas()).toBeGreaterThan(0);
    expect(await compactSearchCounts(db.db)).toBeGreaterThan(0);
    expect(await deltas()).toBe(0);
    now = await countsAndPostings();
    expect(now.counted).toEqual(now.posted);
  });
});
