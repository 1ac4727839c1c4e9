// The plain list and the letter bar by date through the generic-plan pool (planned once per
// connection): the same pages as the same app planning each with its values, for everyone's, one
// owner's and several owners' customers; several owners' only when they own more than EXACT_UP_TO.
import { customers, queryGeneric, users } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { customerPages, withAndWithoutGenericPlans } from "../../../test/generic-plans.js";
import type { Inject } from "../../../test/helper.js";

const names = ["sales1", "sales2", "mgr1", "gm"] as const;
const { db, generic, usual } = await withAndWithoutGenericPlans(names);

const idOf = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

interface Page {
  items: { id: string; ownerId: string }[];
  total: number | null;
  totalExact: boolean | null;
  nextCursor: string | null;
}
/** The first `count` pages of a list (40 customers each), following the cursor. */
const pages = (as: Inject, query: string, count = 3) => customerPages<Page>(as, query, 40, count);

describe("the plain list and the letter bar through the generic-plan pool", () => {
  it("pages as the usual statements do, for every kind of scope, when several owners own many", async () => {
    // More than EXACT_UP_TO customers in Dep-01 (mgr1, sales1, sales2), a letter's worth among
    // them, and gm's newest of all (first on any page a broken scope would let through).
    const [sales1, sales2, gm] = [await idOf("sales1"), await idOf("sales2"), await idOf("gm")];
    await db.db.execute(sql`
      insert into ${customers} (code, name, class, province, city, letter, pinyin, initials,
        name_search, search_tokens, name_key, owner_id, created_at)
      select '9类-' || i, '批量客户' || i, '3', '浙江省', '杭州市', case when i % 2 = 0 then 'Z' else 'P' end,
        'piliang' || i, 'pl' || i, '批量客户' || i, '{}', 'piliang' || i,
        case when i % 3 = 0 then ${sales2}::uuid when i <= 30 then ${gm}::uuid else ${sales1}::uuid end,
        now() - i * interval '1 minute' + case when i <= 30 then interval '1 day' else interval '0' end
      from generate_series(1, 10600) i`);
    await db.db.execute(sql`analyze ${customers}`);
    const managed = new Set([sales1, sales2, await idOf("mgr1")]);
    let compared = 0;
    for (const [i, user] of names.entries()) {
      for (const q of ["", "letter=Z", "letter=P"]) {
        for (const sort of ["-createdAt", "createdAt"]) {
          const query = `${q}&sort=${sort}`;
          const got = await pages(generic[i]!, query);
          expect(got, `${user} ${query}`).toEqual(await pages(usual[i]!, query));
          const items = got.flatMap((p) => p.items);
          compared += items.length;
          if (user === "mgr1") {
            expect(items.every((c) => managed.has(c.ownerId))).toBe(true);
            expect(new Set(items.map((c) => c.id)).size).toBe(items.length);
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1_000);
    // mgr1's list is large ("about N"), so its pages are the generic ones of several owners.
    const [first] = await pages(generic[2]!, "", 1);
    expect(first!.totalExact).toBe(false);
    expect(first!.total).toBeGreaterThan(10_000);
  });

  it("plans several owners' pages once, generically, with the owners as a hashed set", async () => {
    await pages(generic[2]!, "", 2);
    const rows = await queryGeneric(db.db, {
      toSQL: () => ({
        sql: `select count(*) filter (where generic_plans > 0 and custom_plans = 0),
                count(*) filter (where custom_plans > 0)
              from pg_prepared_statements where name like 'crm_g_%' and statement like '%unnest%'`,
        params: [],
      }),
    });
    const [genericOnly, custom] = rows![0]!.map(Number);
    expect(genericOnly).toBeGreaterThan(0);
    expect(custom).toBe(0);
  });
});
