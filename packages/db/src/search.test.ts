import { asc, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { customerInitialsPostings, customerSearchPostings, customers } from "./schema/index.js";
import {
  customerSearchColumns,
  normaliseText,
  postingTokens,
  SEARCH_STOP_GRAMS,
  searchGrams,
} from "./search.js";
import { freshTestDatabase } from "./testing.js";

const h = await freshTestDatabase();
afterAll(() => h.drop());

describe("name grams of the search postings", () => {
  it("are the distinct 1-, 2- and 3-ideograph pieces but those of 有限公司", () => {
    expect(searchGrams("华华公司").sort()).toEqual(["华", "华华", "华华公", "华公", "华公司"].sort());
    expect(searchGrams("有限公司")).toEqual([]);
    expect(searchGrams("")).toEqual([]);
    expect(searchGrams("ab")).toEqual([]);
    // Ideographs only: letters, digits and brackets are searched by pinyin, phone or code.
    expect(searchGrams("宏达(3m)厂").sort()).toEqual(["宏", "达", "厂", "宏达"].sort());
    expect(searchGrams("宏")).toEqual(["宏"]);
    expect(searchGrams("公")).toEqual([]);
  });

  it("are computed the same by the database's customer_search_grams() (its triggers post them)", async () => {
    const names = [
      "杭州宏达机械有限公司",
      "宏达（杭州）科技股份有限公司",
      "华华华",
      "3m中国有限公司",
      "宏达(杭州)1号厂",
      "abc",
      "𠀀𠀁字公司", // outside the basic plane: one character each, in JavaScript and in PostgreSQL
      "有限公司",
      "宏",
      "公",
      "",
    ].map(normaliseText);
    for (const name of names) {
      const { rows } = await h.db.execute<{ g: string[] }>(sql`select customer_search_grams(${name}) as g`);
      expect([...rows[0]!.g].sort(), name).toEqual(searchGrams(name).sort());
    }
  });
});

describe("a query's posting tokens", () => {
  it("are the query itself for 1 to 3 ideographs (exact), its longest posted pieces otherwise (to recheck), never a stop gram", () => {
    expect(postingTokens("华")).toEqual({ tokens: ["华"], exact: true });
    // A stop character matches nearly every name: the date index, not the postings.
    expect(postingTokens("公").tokens).toEqual([]);
    expect(postingTokens("宏达")).toEqual({ tokens: ["宏达"], exact: true });
    expect(postingTokens("杭州宏")).toEqual({ tokens: ["杭州宏"], exact: true });
    expect(postingTokens("杭州宏达")).toEqual({ tokens: ["杭州宏", "州宏达"], exact: false });
    expect(postingTokens("公司").tokens).toEqual([]);
    expect(postingTokens("宏达有限公司")).toEqual({ tokens: ["宏达有", "达有限"], exact: false });
    expect(postingTokens("有限公司").tokens).toEqual([]);
    // Not a posted gram itself: its longest posted pieces, to recheck.
    expect(postingTokens("宏达1")).toEqual({ tokens: ["宏达"], exact: false });
    expect(postingTokens("3m中国")).toEqual({ tokens: ["中国"], exact: false });
    // Never a single character to recheck: too many postings to walk for a rare match.
    expect(postingTokens("a宏b达c").tokens).toEqual([]);
    expect(postingTokens("宏1").tokens).toEqual([]);
    expect(postingTokens("宏达x")).toEqual({ tokens: ["宏达"], exact: false });
    expect(postingTokens("𠀀𠀁")).toEqual({ tokens: [], exact: false });
    for (const stop of SEARCH_STOP_GRAMS) expect(searchGrams(`宏达${stop}`)).not.toContain(stop);
  });
});

describe("customer_search_postings_rebuild()", () => {
  it("posts every live customer afresh, as the triggers did, and keeps the indexes", async () => {
    const names = ["湖州丝绸有限公司", "湖州南浔木业", "长兴蓄电池厂"];
    await h.db.insert(customers).values(
      names.map((name, i) => ({
        name,
        code: `1类-${i + 1}`,
        class: "1",
        province: "浙江省",
        city: "湖州市",
        ...customerSearchColumns({ name }),
        deletedAt: i === 2 ? new Date() : null,
      })),
    );
    const all = () =>
      h.db
        .select()
        .from(customerSearchPostings)
        .orderBy(asc(customerSearchPostings.token), asc(customerSearchPostings.customerId));
    const byTriggers = await all();
    expect(byTriggers).toHaveLength(
      searchGrams(normaliseText(names[0]!)).length + searchGrams(normaliseText(names[1]!)).length,
    );
    await h.db.execute(sql`delete from customer_search_postings where token = '湖州'`);
    const { rows } = await h.db.execute<{ n: number }>(sql`select customer_search_postings_rebuild() as n`);
    expect(Number(rows[0]!.n)).toBe(byTriggers.length);
    expect(await all()).toEqual(byTriggers);
    // The 1- and 2-character tokens' counts, computed afresh (no deltas left behind).
    const counts = await h.db.execute<{ posted: string; counted: string; deltas: string }>(sql`
      select (select count(*) from customer_search_postings where char_length(token) <= 2) as posted,
        (select sum(n) from customer_search_counts) as counted,
        (select count(*) from customer_search_count_deltas) as deltas`);
    expect(Number(counts.rows[0]!.counted)).toBe(Number(counts.rows[0]!.posted));
    expect(Number(counts.rows[0]!.posted)).toBeGreaterThan(10);
    expect(Number(counts.rows[0]!.deltas)).toBe(0);
    const indexes = await h.db.execute<{ indexname: string }>(
      sql`select indexname from pg_indexes where tablename = 'customer_search_postings' order by 1`,
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual([
      "customer_search_postings_customer_idx",
      "customer_search_postings_date_idx",
      "customer_search_postings_owner_idx",
    ]);
  });
});

describe("customer_initials_postings_rebuild()", () => {
  it("posts every live customer's initials suffixes afresh, as the triggers did, and keeps the indexes", async () => {
    const all = () =>
      h.db
        .select()
        .from(customerInitialsPostings)
        .orderBy(asc(customerInitialsPostings.suffix), asc(customerInitialsPostings.customerId));
    const byTriggers = await all();
    // The live customers of the test above: 湖州丝绸有限公司 hzscyxgs (6 suffixes of 3+), 湖州南浔木业 hznxmy (4).
    expect(byTriggers.map((p) => p.suffix).sort()).toEqual(
      ["hzscyxgs", "zscyxgs", "scyxgs", "cyxgs", "yxgs", "xgs", "hznxmy", "znxmy", "nxmy", "xmy"].sort(),
    );
    await h.db.execute(sql`delete from customer_initials_postings where suffix like 'hz%'`);
    const { rows } = await h.db.execute<{ n: number }>(sql`select customer_initials_postings_rebuild() as n`);
    expect(Number(rows[0]!.n)).toBe(byTriggers.length);
    expect(await all()).toEqual(byTriggers);
    const indexes = await h.db.execute<{ indexname: string }>(
      sql`select indexname from pg_indexes where tablename = 'customer_initials_postings' order by 1`,
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual([
      "customer_initials_postings_customer_idx",
      "customer_initials_postings_suffix_idx",
    ]);
  });
});
