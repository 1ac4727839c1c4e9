// The two pools of a PostgreSQL handle: the generic-plan pool keeps its connections (and the
// plans they made) through a pause that closes the main pool's.
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { queryGeneric } from "./client.js";
import { freshTestDatabase } from "./testing.js";

const h = await freshTestDatabase();
afterAll(() => h.drop());

const connectionState = {
  toSQL: () => ({ sql: "select pg_backend_pid(), count(*) from pg_prepared_statements", params: [] }),
};
/** The generic pool's connection: its server process and how many statements it has prepared. */
const genericConnection = async () => {
  const rows = await queryGeneric(h.db, connectionState);
  if (!rows) throw new Error("these tests need TEST_DATABASE_URL: the generic-plan pool is PostgreSQL's");
  return { pid: Number(rows[0]![0]), prepared: Number(rows[0]![1]) };
};
const mainPid = async () =>
  Number((await h.db.execute<{ pid: number }>(sql`select pg_backend_pid() as pid`)).rows[0]!.pid);

describe("connection pools", () => {
  it("keep a generic-plan connection and its prepared statements through 11 s unused; the main pool's closes", async () => {
    const before = await genericConnection();
    expect(before.prepared).toBeGreaterThanOrEqual(1);
    const main = await mainPid();
    // pg closes a connection after 10 s unused by default; the main pool keeps that.
    await new Promise((r) => setTimeout(r, 11_000));
    const after = await genericConnection();
    expect(after.pid).toBe(before.pid);
    expect(after.prepared).toBe(before.prepared);
    expect(await mainPid()).not.toBe(main);
  }, 30_000);
});
