import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { clientFor, freshDatabase, login, testSettings } from "../../test/helper.js";
import { buildApp } from "../app.js";

// The query every authenticated request runs is a named statement (DB_NAMED_STATEMENTS, on by
// default): prepared once per connection, then executed with each caller's id. It must answer
// for whoever asks, with what the database says now.
const db = await freshDatabase();
const named = await buildApp({ settings: testSettings({ namedStatements: true }), db });
const unnamed = await buildApp({ settings: testSettings({ namedStatements: false }), db });
await Promise.all([named.ready(), unnamed.ready()]);

describe("the authentication query", () => {
  it("answers each caller as themselves on every connection, prepared once per connection", async () => {
    const users = ["admin", "gm", "mgr1", "sales1", "sales2"] as const;
    const clients = await Promise.all(users.map((u) => clientFor(named, u)));
    // More requests at once than the pool has connections: each connection prepares it, then reuses it.
    const answers = await Promise.all(
      Array.from({ length: 60 }, (_, i) => clients[i % users.length]!({ url: "/api/v1/me" })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(60).fill(200));
    expect(answers.map((a) => a.json().username)).toEqual(
      Array.from({ length: 60 }, (_, i) => users[i % users.length]),
    );
    if (db.kind === "postgres") {
      const { rows } = await db.db.execute<{ n: number }>(
        sql`select count(*)::int as n from pg_prepared_statements where name = 'crm_auth_user'`,
      );
      // This connection is one of the pool's, and served some of the requests above.
      expect(rows[0]!.n).toBe(1);
    }
  });

  it("sees a user disabled, and enabled again, on the next request with the same token", async () => {
    const admin = await clientFor(named, "admin");
    const sales3 = await clientFor(named, "sales3");
    expect((await sales3({ url: "/api/v1/me" })).statusCode).toBe(200);
    const { user } = await login(named, "sales3");
    expect((await admin({ method: "POST", url: `/api/v1/users/${user.id}/disable` })).statusCode).toBe(200);
    for (let i = 0; i < 8; i++) expect((await sales3({ url: "/api/v1/me" })).statusCode).toBe(401);
    expect((await admin({ method: "POST", url: `/api/v1/users/${user.id}/enable` })).statusCode).toBe(200);
    expect((await (await clientFor(named, "sales3"))({ url: "/api/v1/me" })).statusCode).toBe(200);
  });

  it("is sent unnamed when named statements are off (PgBouncer before 1.21)", async () => {
    const gm = await clientFor(unnamed, "gm");
    for (let i = 0; i < 8; i++) expect((await gm({ url: "/api/v1/me" })).json().username).toBe("gm");
  });
});

afterAll(async () => {
  await named.close();
  await unnamed.close();
  await db.drop();
});
