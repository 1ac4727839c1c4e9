import { auditLog, loginThrottle, users } from "@crm/db";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp({ loginMaxFailures: 5, loginLockSeconds: 900 });

const loginAs = (username: string, password: string, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url: "/api/v1/auth/login", payload: { username, password }, headers });

describe("POST /api/v1/auth/login", () => {
  it("logs in with the demo password and returns tokens, the profile and an httpOnly cookie", async () => {
    const res = await loginAs("admin", DEMO_PASSWORD);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.tokenType).toBe("Bearer");
    expect(body.accessToken.split(".")).toHaveLength(3);
    expect(body.refreshToken).toMatch(/^rt_/);
    expect(body.user).toMatchObject({
      username: "admin",
      departmentName: "总公司",
      mustChangePassword: false,
    });
    const cookie = res.cookies.find((c) => c.name === "crm_refresh");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict", path: "/api/v1/auth" });
    expect(cookie?.value).toBe(body.refreshToken);
  });

  it("accepts the username in any case and with surrounding spaces", async () => {
    expect((await loginAs("  Sales1 ", DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it("answers a wrong password and an unknown user with the same generic 401", async () => {
    const wrong = await loginAs("gm", "not-the-password");
    const unknown = await loginAs("nobody-here", "not-the-password");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json()).toMatchObject({
      code: "invalid_credentials",
      title: "用户名或密码错误",
      status: 401,
    });
  });

  it("speaks English when asked", async () => {
    const res = await loginAs("gm", "nope", { "accept-language": "en-US,en;q=0.9,zh;q=0.1" });
    expect(res.json().title).toBe("Wrong username or password");
  });

  it("refuses a malformed body with 400 problem+json naming each field, and writes nothing", async () => {
    const before = await db.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "", extra: 1 },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body.code).toBe("validation_failed");
    const fields = body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(["extra", "password", "username"]);
    const password = body.errors.find((e: { field: string }) => e.field === "password");
    expect(password).toMatchObject({ code: "required", message: "此项为必填项" });
    const after = await db.db.select({ n: sql<number>`count(*)::int` }).from(auditLog);
    expect(after[0]?.n).toBe(before[0]?.n);
  });

  it("refuses a body that is not JSON, or not an object, with 4xx problem+json", async () => {
    const broken = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "application/json" },
      payload: "{not json",
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe("bad_request");
    const text = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      headers: { "content-type": "text/plain" },
      payload: "admin",
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe("unsupported_media_type");
    const array = await app.inject({ method: "POST", url: "/api/v1/auth/login", payload: [1, 2] });
    expect(array.statusCode).toBe(400);
  });

  it("locks a username after repeated failures, even for the right password, until the lock expires", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await loginAs("finance1", `wrong-${i}`)).statusCode);
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((s) => s === 429)).toBe(true);

    const locked = await loginAs("finance1", DEMO_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe("account_locked");
    expect(Number(locked.headers["retry-after"])).toBeGreaterThan(800);

    // The lock runs out (moved into the past rather than waited for).
    await db.db
      .update(loginThrottle)
      .set({ lockedUntil: new Date(Date.now() - 1000) })
      .where(eq(loginThrottle.key, "u:finance1"));
    expect((await loginAs("finance1", DEMO_PASSWORD)).statusCode).toBe(200);
    // Success clears the counter: a new run of failures starts from zero.
    expect((await loginAs("finance1", "wrong-again")).statusCode).toBe(401);
  });

  it("locks unknown usernames the same way, so a lock does not reveal who exists", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await loginAs("ghost-user", "x")).statusCode);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
  });

  it("refuses a disabled user with the right password", async () => {
    await db.db.update(users).set({ disabled: true }).where(eq(users.username, "prod1"));
    const res = await loginAs("prod1", DEMO_PASSWORD);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("account_disabled");
    await db.db.update(users).set({ disabled: false }).where(eq(users.username, "prod1"));
  });

  it("records successful and failed logins in the audit log", async () => {
    await loginAs("service1", "bad");
    await loginAs("service1", DEMO_PASSWORD);
    const [service1] = await db.db.select().from(users).where(eq(users.username, "service1"));
    const rows = await db.db
      .select({ action: auditLog.action, ip: auditLog.ip })
      .from(auditLog)
      .where(and(eq(auditLog.entityType, "user"), eq(auditLog.entityId, service1!.id)));
    expect(rows.map((r) => r.action).sort()).toEqual(["login", "login_failed"]);
    expect(rows.every((r) => r.ip)).toBe(true);
  });
});

describe("login rate limit per IP", async () => {
  const limited = await setupApp({ loginRatePerMinute: 3 });
  it("answers 429 problem+json with RateLimit headers once an address exceeds its budget", async () => {
    const send = () =>
      limited.app.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "gm", password: "nope" },
        remoteAddress: "10.9.9.9",
      });
    const first = await send();
    expect(first.headers["ratelimit-limit"]).toBe("3");
    await send();
    await send();
    const fourth = await send();
    expect(fourth.statusCode).toBe(429);
    expect(fourth.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(fourth.json().code).toBe("rate_limited");
    expect(Number(fourth.headers["retry-after"])).toBeGreaterThan(0);
    const other = await limited.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "gm", password: DEMO_PASSWORD },
      remoteAddress: "10.9.9.10",
    });
    expect(other.statusCode).toBe(200);
  });
});
