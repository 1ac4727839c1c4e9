// Large parameters sent once on the generic-plan pool (sendOnce, used by queryGeneric).
import { describe, expect, it } from "vitest";
import { queryGeneric, sendOnce } from "./client.js";
import { freshTestDatabase } from "./testing.js";

const ids = Array.from({ length: 3 }, (_, i) => `0000000${i}-0000-4000-8000-000000000000`);
const owners = `{${ids.join(",")}}`;

describe("sendOnce", () => {
  it("sends a large value once when every use of each copy has the same cast", () => {
    const got = sendOnce({
      sql: "select $1::text, $2::uuid[], $3, $4::uuid[] limit $5",
      params: ["杭州宏", owners, 51, owners, 51],
    });
    expect(got.params).toEqual(["杭州宏", owners, 51, 51]);
    expect(got.text).toBe("select $1::text, $2::uuid[], $3, $2::uuid[] limit $4");
  });

  it("keeps copies apart whose casts differ, or that are small, or that have no cast", () => {
    const cases = [
      { sql: "select $1::uuid[], $2::text[]", params: [owners, owners] },
      { sql: "select $1::uuid[], $2", params: [owners, owners] },
      { sql: "select $1::uuid[], $2::uuid[], $2::text", params: [owners, owners] },
      { sql: "select $1::text, $2::text", params: ["short", "short"] },
    ];
    for (const q of cases) expect(sendOnce(q)).toEqual({ text: q.sql, params: q.params });
  });

  it("renumbers every later parameter, $10 and beyond included", () => {
    const params = [owners, ...Array.from({ length: 9 }, (_, i) => i), owners, "x"];
    const sql = params.map((_, i) => `$${i + 1}${i === 0 || i === 10 ? "::uuid[]" : ""}`).join(", ");
    const got = sendOnce({ sql, params });
    expect(got.params).toEqual([owners, 0, 1, 2, 3, 4, 5, 6, 7, 8, "x"]);
    expect(got.text).toBe("$1::uuid[], $2, $3, $4, $5, $6, $7, $8, $9, $10, $1::uuid[], $11");
  });
});

describe.runIf(process.env.TEST_DATABASE_URL)("queryGeneric with a value sent once", () => {
  it("answers as with each copy sent, and the statement takes the value once", async () => {
    const h = await freshTestDatabase();
    try {
      // The statement's own parameter types, read while it runs (on the connection that prepared it).
      const rows = await queryGeneric(h.db, {
        toSQL: () => ({
          sql: `select cardinality($1::uuid[]), $2::uuid[] = $3::uuid[], $4::text,
                  (select count(*) from unnest($5::uuid[]) u where u = any($6::uuid[])),
                  (select parameter_types::text from pg_prepared_statements where statement like '%cardinality%')`,
          params: [owners, owners, owners, "t", owners, `{${ids[1]}}`],
        }),
      });
      expect(rows).toEqual([[3, true, "t", "1", "{uuid[],text,uuid[]}"]]);
    } finally {
      await h.drop();
    }
  });
});
