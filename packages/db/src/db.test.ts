import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDb } from "./client.js";
import { nextCodeCte, nextSequence, padSequence, reserveSequence } from "./codes.js";
import { departments, users } from "./schema/index.js";
import { seedDemo, seedFirstAdmin } from "./seed.js";
import { freshTestDatabase } from "./testing.js";

// Hashing is the API's business; a reversible stand-in keeps these tests fast.
const fakeHash = async (p: string) => `plain:${p}`;

describe("embedded database", () => {
  it("keeps its data in DATA_DIR across a restart", async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "crm-db-")), "data");
    const first = createDb({ dataDir: dir });
    await first.migrate();
    await seedDemo(first.db, fakeHash);
    await first.close();

    const second = createDb({ dataDir: dir });
    await second.migrate();
    const [row] = await second.db.select({ n: count() }).from(users);
    expect(row?.n).toBe(9);
    await second.close();
  });
});

describe("demo seed", () => {
  it("creates the demo company once; a second run changes nothing", async () => {
    const h = await freshTestDatabase();
    expect((await seedDemo(h.db, fakeHash)).created).toBe(9);
    expect((await seedDemo(h.db, fakeHash)).created).toBe(0);
    const depts = await h.db.select().from(departments).orderBy(departments.code);
    expect(depts.map((d) => `${d.code} ${d.name}`)).toEqual([
      "Dep-00 总公司",
      "Dep-01 供销部",
      "Dep-02 市场部",
      "Dep-03 生产部",
      "Dep-04 财务部",
      "Dep-05 客服部",
    ]);
    const root = depts[0]!;
    expect(depts.slice(1).every((d) => d.parentId === root.id)).toBe(true);
    const [mgr1] = await h.db.select().from(users).where(eq(users.username, "mgr1"));
    const [sales1] = await h.db.select().from(users).where(eq(users.username, "sales1"));
    expect(sales1?.managerId).toBe(mgr1?.id);
    expect(depts[1]?.headUserId).toBe(mgr1?.id);
    // The next generated department code follows the seeded ones.
    expect(await nextSequence(h.db, "department")).toBe(6);
    await h.drop();
  });

  it("outside demo mode creates only the first administrator, and only on an empty database", async () => {
    const h = await freshTestDatabase();
    expect(await seedFirstAdmin(h.db, fakeHash, "Str0ngPass!", true)).toBe(true);
    expect(await seedFirstAdmin(h.db, fakeHash, "Other0Pass!", true)).toBe(false);
    const all = await h.db.select().from(users);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      username: "admin",
      mustChangePassword: true,
      passwordHash: "plain:Str0ngPass!",
    });
    await h.drop();
  });
});

describe("code sequences", () => {
  it("pads to two digits and does not stop at 99", () => {
    expect(padSequence(1)).toBe("01");
    expect(padSequence(99)).toBe("99");
    expect(padSequence(100)).toBe("100");
  });

  it("never hands out the same number twice, even to concurrent callers", async () => {
    const h = await freshTestDatabase();
    const got = await Promise.all(Array.from({ length: 40 }, () => nextSequence(h.db, "customer:1")));
    expect(new Set(got).size).toBe(40);
    expect(Math.max(...got)).toBe(40);
    await reserveSequence(h.db, "customer:1", 10);
    expect(await nextSequence(h.db, "customer:1")).toBe(41);
    expect(await nextSequence(h.db, "customer:2")).toBe(1);
    await h.drop();
  });

  it("takes the number inside the statement that uses it, padded like padSequence", async () => {
    const h = await freshTestDatabase();
    const take = async () => {
      const res = await h.db.execute<{ code: string }>(
        sql`with ${nextCodeCte("c", "customer:9", "9类-")} select code from c`,
      );
      return res.rows[0]!.code;
    };
    expect(await take()).toBe("9类-01");
    await reserveSequence(h.db, "customer:9", 98);
    expect([await take(), await take()]).toEqual(["9类-99", "9类-100"]);
    expect(await nextSequence(h.db, "customer:9")).toBe(101);
    await h.drop();
  });
});
