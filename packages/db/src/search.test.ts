import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { normaliseText, postingTokens, SEARCH_STOP_GRAMS, searchGrams } from "./search.js";
import { freshTestDatabase } from "./testing.js";

const h = await freshTestDatabase();
afterAll(() => h.drop());

describe("name grams of the search postings", () => {
  it("are the distinct 1-, 2- and 3-character pieces but those of 有限公司", () => {
    expect(searchGrams("华华公司").sort()).toEqual(["华", "华华", "华华公", "华公", "华公司"].sort());
    expect(searchGrams("有限公司")).toEqual([]);
    expect(searchGrams("")).toEqual([]);
    expect(searchGrams("ab")).toEqual(["a", "b", "ab"]);
  });

  it("are computed the same by the database's customer_search_grams() (its triggers post them)", async () => {
    const names = [
      "杭州宏达机械有限公司",
      "宏达（杭州）科技股份有限公司",
      "华华华",
      "3m中国有限公司",
      "𠀀𠀁字公司", // outside the basic plane: one character each, in JavaScript and in PostgreSQL
      "有限公司",
      "宏",
      "",
    ].map(normaliseText);
    for (const name of names) {
      const { rows } = await h.db.execute<{ g: string[] }>(sql`select customer_search_grams(${name}) as g`);
      expect([...rows[0]!.g].sort(), name).toEqual(searchGrams(name).sort());
    }
  });
});

describe("a query's posting tokens", () => {
  it("are the query itself up to 3 characters (exact), its trigrams beyond (to recheck), never a stop gram", () => {
    expect(postingTokens("华")).toEqual({ tokens: ["华"], exact: true });
    expect(postingTokens("杭州宏")).toEqual({ tokens: ["杭州宏"], exact: true });
    expect(postingTokens("杭州宏达")).toEqual({ tokens: ["杭州宏", "州宏达"], exact: false });
    expect(postingTokens("公司")).toEqual({ tokens: [], exact: true });
    expect(postingTokens("宏达有限公司")).toEqual({ tokens: ["宏达有", "达有限"], exact: false });
    expect(postingTokens("有限公司")).toEqual({ tokens: [], exact: false });
    for (const stop of SEARCH_STOP_GRAMS) expect(searchGrams(`宏达${stop}`)).not.toContain(stop);
  });
});
