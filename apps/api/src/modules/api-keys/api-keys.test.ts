import { apiKeys, users } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clientFor, setupApp } from "../../../test/helper.js";

// Keys: what a bad request is told (and that it creates nothing), expiry, revocation, last use.
const { app, db } = await setupApp();
const admin = await clientFor(app, "admin");
const sales = await clientFor(app, "sales1");
const idOf = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
const gmId = await idOf("gm");

const errorsOf = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  );
const count = async () => (await db.db.select({ n: sql<number>`count(*)::int` }).from(apiKeys))[0]!.n;
const withKey = (secret: string, url: string) =>
  app.inject({ url, headers: { authorization: `Bearer ${secret}` } });

async function create(payload: Record<string, unknown>) {
  const res = await admin({ method: "POST", url: "/api/v1/api-keys", payload });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string; prefix: string };
}

describe("API keys", () => {
  it("refuses bad keys with field errors in the caller's language, creating nothing", async () => {
    const before = await count();
    const cases: [Record<string, unknown>, Record<string, string>][] = [
      [{ name: " ", userId: gmId }, { name: "too_small" }],
      [{ name: "ok", userId: "nope" }, { userId: "invalid_format" }],
      [{ name: "ok", userId: gmId, permissions: [] }, { permissions: "too_small" }],
      [
        { name: "ok", userId: gmId, permissions: ["customer:read", "customer:fly"] },
        { "permissions.1": "unknown_permission" },
      ],
      [{ name: "ok", userId: gmId, expiresAt: "2020-01-01T00:00:00Z" }, { expiresAt: "expires_in_past" }],
      [{ name: "ok", userId: gmId, expiresAt: "tomorrow" }, { expiresAt: "invalid_format" }],
      [{ name: "ok", userId: "00000000-0000-4000-8000-000000000000" }, { userId: "not_found_ref" }],
    ];
    for (const [payload, errors] of cases) {
      const res = await admin({ method: "POST", url: "/api/v1/api-keys", payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe("validation_failed");
      expect(errorsOf(res.body), JSON.stringify(payload)).toMatchObject(errors);
    }
    const english = await admin({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "ok", userId: gmId, expiresAt: "2020-01-01T00:00:00Z" },
      headers: { "accept-language": "en" },
    });
    expect(english.json().errors[0].message).toBe("The expiry must be in the future");
    const chinese = await admin({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "ok", userId: gmId, expiresAt: "2020-01-01T00:00:00Z" },
    });
    expect(chinese.json().errors[0].message).toBe("到期时间必须晚于现在");

    // A disabled user cannot stand behind a key.
    await db.db.update(users).set({ disabled: true }).where(eq(users.username, "sales3"));
    const disabled = await admin({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "ok", userId: await idOf("sales3") },
    });
    expect(errorsOf(disabled.body)).toEqual({ userId: "not_found_ref" });
    await db.db.update(users).set({ disabled: false }).where(eq(users.username, "sales3"));

    const forbidden = await sales({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: { name: "x", userId: gmId },
    });
    expect(forbidden.statusCode).toBe(403);
    expect((await sales({ url: "/api/v1/api-keys" })).statusCode).toBe(403);
    expect((await app.inject({ url: "/api/v1/api-keys" })).statusCode).toBe(401);
    expect(await count()).toBe(before);
  });

  it("lists keys with their service user, narrowing, dates and prefix, never the secret", async () => {
    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const key = await create({
      name: "ERP 对接",
      userId: gmId,
      permissions: ["customer:read", "customer:read", "order:read"],
      expiresAt,
    });
    expect(key.secret.startsWith(key.prefix)).toBe(true);
    expect(key.prefix).toMatch(/^crm_k_.{6}$/);
    const [stored] = await db.db.select().from(apiKeys).where(eq(apiKeys.id, key.id));
    expect(stored!.hash).not.toContain(key.secret);
    expect(JSON.stringify(stored)).not.toContain(key.secret);
    const list = await admin({ url: "/api/v1/api-keys" });
    expect(list.body).not.toContain(key.secret);
    const listed = list.json().items.find((k: { id: string }) => k.id === key.id);
    expect(listed).toMatchObject({
      name: "ERP 对接",
      userId: gmId,
      userName: expect.any(String),
      permissions: ["customer:read", "order:read"],
      expiresAt: new Date(expiresAt).toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    });

    expect((await withKey(key.secret, "/api/v1/customers?limit=1")).statusCode).toBe(200);
    // The last use is noted in the background.
    let lastUsedAt: Date | null = null;
    for (let i = 0; i < 40 && !lastUsedAt; i++) {
      lastUsedAt = (await db.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.lastUsedAt;
      if (!lastUsedAt) await new Promise((r) => setTimeout(r, 25));
    }
    expect(lastUsedAt).not.toBeNull();
  });

  it("stops an expired key and a revoked one at once; revoking twice keeps the first time", async () => {
    const key = await create({ name: "到期", userId: gmId });
    expect((await withKey(key.secret, "/api/v1/customers?limit=1")).statusCode).toBe(200);
    await db.db
      .update(apiKeys)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(apiKeys.id, key.id));
    const expired = await withKey(key.secret, "/api/v1/customers?limit=1");
    expect(expired.statusCode).toBe(401);
    expect(expired.json().code).toBe("token_invalid");

    const other = await create({ name: "吊销", userId: gmId, permissions: ["customer:read"] });
    expect((await withKey(other.secret, "/api/v1/orders")).statusCode).toBe(403);
    const revoked = await admin({ method: "DELETE", url: `/api/v1/api-keys/${other.id}` });
    expect(revoked.statusCode).toBe(200);
    const first = revoked.json().revokedAt;
    expect(first).not.toBeNull();
    expect((await withKey(other.secret, "/api/v1/customers?limit=1")).statusCode).toBe(401);
    const again = await admin({ method: "DELETE", url: `/api/v1/api-keys/${other.id}` });
    expect(again.json().revokedAt).toBe(first);
    expect(
      (await admin({ method: "DELETE", url: "/api/v1/api-keys/00000000-0000-4000-8000-000000000000" }))
        .statusCode,
    ).toBe(404);
    expect((await admin({ method: "DELETE", url: "/api/v1/api-keys/nope" })).statusCode).toBe(400);
    expect((await sales({ method: "DELETE", url: `/api/v1/api-keys/${key.id}` })).statusCode).toBe(403);
    expect((await db.db.select().from(apiKeys).where(eq(apiKeys.id, key.id)))[0]!.revokedAt).toBeNull();
  });
});
