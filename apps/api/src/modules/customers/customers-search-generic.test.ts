// The search box's pages through the generic-plan pool (queryGeneric: each connection plans a
// statement once): the same answers as the same app reading them as every other statement, for
// every kind of search, scope, order and page; and planned generically indeed.
import { queryGeneric } from "@crm/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { customerPages, withAndWithoutGenericPlans } from "../../../test/generic-plans.js";
import type { Inject } from "../../../test/helper.js";

const users = ["sales1", "sales2", "mgr1", "gm"] as const;
const { db, plainDb, generic, usual } = await withAndWithoutGenericPlans(users);

interface Page {
  items: Record<string, unknown>[];
  total: number | null;
  totalExact: boolean | null;
  nextCursor: string | null;
}
/** Every page of a search (two customers each), following the cursor. */
const pages = (as: Inject, query: string) => customerPages<Page>(as, query, 2, 50);

describe("the search box through the generic-plan pool", () => {
  it("answers every search, scope, order and page as the usual statements do", async () => {
    const [sales1, sales2] = [generic[0]!, generic[1]!];
    for (const [as, name] of [
      [sales1, "瓯海鹭鸥鲸业机械有限公司"],
      [sales1, "乐清鹭鸥鲸业机械有限公司"],
      [sales1, "温州鹭鸥鲸业阀门有限公司"],
      [sales1, "鹭鸥电气（温州）有限公司"],
      [sales1, "鹭鸥鲸业（乐清）机械有限公司"],
      [sales1, "鹭鸥泵业有限公司"],
      [sales1, "鹭鸥阀门有限公司"],
      [sales2, "苍南鹭鸥鲸业机械有限公司"],
      [sales2, "平阳鹭鸥鲸业水泵有限公司"],
    ] as const) {
      await createCustomer(as, { name });
    }
    // One of gm's own, outside mgr1's department.
    const outside = await createCustomer(generic[3]!, { name: "鹭鸥鲸港务有限公司" });
    // A customer found by its contact's name only (the contacts' lookup, planned once too).
    const byContact = await createCustomer(sales1, { name: "温州海燕贸易有限公司" });
    const contact = await sales1({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: byContact.id, name: "陈鹭鸥" },
    });
    expect(contact.statusCode, contact.body).toBe(201);
    // One found by its email only (the initials' lookup of pinyin, email, phone and homepage).
    const byEmail = await createCustomer(sales2, {
      name: "平阳海燕贸易有限公司",
      email: "qzmx.lo@example.com",
    });
    const searches = [
      "鹭",
      "鹭鸥",
      "鹭鸥鲸",
      "鹭鸥鲸业机械",
      "温州鹭",
      "lojy",
      "lo",
      "ohlo",
      "zzzz",
      "鸥鲸业阀",
      "qzmx",
    ].map((q) => `q=${encodeURIComponent(q)}`);
    // The letter bar (a salesperson's own letter: one statement from the owner+letter index).
    const letters = ["L", "W", "H", "Y", "Q"].map((l) => `letter=${l}`);
    let compared = 0;
    for (const [i, user] of users.entries()) {
      for (const q of [...searches, ...letters]) {
        for (const sort of ["-createdAt", "createdAt"]) {
          const query = `${q}&sort=${sort}`;
          const got = await pages(generic[i]!, query);
          expect(got, `${user} ${q} ${sort}`).toEqual(await pages(usual[i]!, query));
          compared += got.flatMap((p) => p.items).length;
        }
      }
    }
    // Not vacuous: the searches found customers, and sales1's own are eight of 鹭鸥's (seven by
    // name, one by its contact).
    expect(compared).toBeGreaterThan(100);
    const found = await pages(generic[0]!, `q=${encodeURIComponent("鹭鸥")}`);
    expect(found[0]!.total).toBe(8);
    expect(found.flatMap((p) => p.items.map((c) => c.id))).toContain(byContact.id);
    // qzmx: sales2's customer for sales2 and mgr1, no one's for sales1.
    for (const [i, ids] of [
      [1, [byEmail.id]],
      [2, [byEmail.id]],
      [0, []],
    ] as const) {
      const got = await pages(generic[i]!, "q=qzmx");
      expect(
        got.flatMap((p) => p.items.map((c) => c.id)),
        users[i],
      ).toEqual(ids);
    }
    // mgr1 (Dep-01: sales1 and sales2, a scope of several owners, tested against a hashed set in
    // these statements) finds both salespeople's, each once, and not gm's: by a counted token
    // (鲸: the page and the owners' counts) and by a longer one (鹭鸥鲸, counted from postings).
    for (const q of ["鲸", "鹭鸥鲸"]) {
      const managed = await pages(generic[2]!, `q=${encodeURIComponent(q)}`);
      const items = managed.flatMap((p) => p.items);
      expect(managed[0]!.total, q).toBe(6);
      expect(new Set(items.map((c) => c.id)).size, q).toBe(6);
      expect(new Set(items.map((c) => c.ownerName)), q).toEqual(new Set(["张伟", "刘洋"]));
      expect(
        items.map((c) => c.id),
        q,
      ).not.toContain(outside.id);
    }
    // Four of them under L: two pages and a half, and each found once.
    const own = await pages(generic[0]!, "letter=L");
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own[0]!.total).toBe(new Set(own.flatMap((p) => p.items.map((c) => c.id))).size);
    expect(own[0]!.total).toBeGreaterThanOrEqual(4);
  });

  it("plans the pages once per connection, generically, and leaves the other statements alone", async () => {
    await pages(generic[2]!, `q=${encodeURIComponent("鹭鸥")}`);
    await pages(generic[2]!, "q=lojy");
    await pages(generic[0]!, "letter=L");
    const rows = await queryGeneric(db.db, {
      toSQL: () => ({
        sql: `select count(*) filter (where generic_plans > 0 and custom_plans = 0),
                count(*) filter (where custom_plans > 0),
                current_setting('plan_cache_mode'),
                count(*) filter (where statement like '%from "contacts"%' and generic_plans > 0),
                count(*) filter (where statement like 'select "customers"."id" from "customers"%lower("customers"."email")%' and generic_plans > 0),
                count(*) filter (where statement like '%customer_search_counts%'
                  and cardinality(array_positions(parameter_types, 'uuid[]'::regtype)) = 1),
                count(*) filter (where statement like '%customer_search_counts%'
                  and cardinality(array_positions(parameter_types, 'uuid[]'::regtype)) > 1)
              from pg_prepared_statements where name like 'crm_g_%'`,
        params: [],
      }),
    });
    // (Requests one after another use one connection of the pool, the one read here.)
    const [genericOnly, custom, mode, contactsLookup, initialsLookup, ownersOnce, ownersTwice] = rows![0]!;
    expect(Number(genericOnly)).toBeGreaterThan(0);
    expect(Number(contactsLookup)).toBeGreaterThan(0);
    expect(Number(initialsLookup)).toBeGreaterThan(0);
    // mgr1's 鹭鸥 uses the owners three times (the page, the counts and their deltas): sent once.
    expect(Number(ownersOnce)).toBeGreaterThan(0);
    expect(Number(ownersTwice)).toBe(0);
    expect(Number(custom)).toBe(0);
    expect(mode).toBe("force_generic_plan");
    // The app's own pool plans as PostgreSQL decides (custom plans for the LIKE and trigram tests).
    const { rows: setting } = await db.db.execute<{ m: string }>(
      sql`select current_setting('plan_cache_mode') as m`,
    );
    expect(setting[0]!.m).toBe("auto");
    // A transaction, or a database made without the pool, has none: the statement runs as usual.
    expect(await queryGeneric(plainDb, { toSQL: () => ({ sql: "select 1", params: [] }) })).toBeNull();
  });
});
