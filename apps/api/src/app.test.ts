import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { auditLog, users } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bearer, freshDatabase, login, setupApp, testSettings } from "../test/helper.js";
import { buildApp } from "./app.js";

const web = mkdtempSync(join(tmpdir(), "crm-web-"));
writeFileSync(join(web, "index.html"), "<!doctype html><title>CRM</title><div id=root></div>");
writeFileSync(join(web, "app.js"), "console.log(1)");

const { app, db } = await setupApp({ webDist: web }, (a) => {
  // A test-only business route, to exercise the access rules on something other than /me.
  a.get("/api/v1/probe", { config: { access: "authenticated" } }, async () => ({ ok: true }));
  a.get(
    "/api/v1/probe-permission",
    { config: { access: { permission: "dictionary:manage" } } },
    async () => ({
      ok: true,
    }),
  );
  // A transaction PostgreSQL rolled back for a deadlock, as drizzle wraps the driver's error.
  a.post("/api/v1/probe-deadlock", { config: { access: "authenticated" } }, async () => {
    const driver = Object.assign(new Error("deadlock detected"), { code: "40P01" });
    throw Object.assign(new Error("Failed query: update customers …"), { cause: driver });
  });
});

describe("health and readiness", () => {
  it("answers /api/health and /api/ready without authentication", async () => {
    expect((await app.inject("/api/health")).json()).toEqual({ status: "ok" });
    const ready = await app.inject("/api/ready");
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe("ready");
    expect(ready.json().database).toBe(db.kind);
  });
});

describe("a transaction lost to a concurrent one", () => {
  it("answers 409 write_conflict with Retry-After, not 500", async () => {
    const { accessToken } = await login(app, "sales1");
    for (const [lang, title] of [
      ["zh-CN", /稍后重试/],
      ["en", /try again/],
    ] as const) {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/probe-deadlock",
        headers: { ...bearer(accessToken), "accept-language": lang },
      });
      expect(res.statusCode).toBe(409);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      expect(res.headers["retry-after"]).toBe("1");
      expect(res.json()).toMatchObject({
        status: 409,
        code: "write_conflict",
        title: expect.stringMatching(title),
      });
    }
  });
});

describe("the route table", () => {
  it("refuses to start when a /api/v1 route declares no access", async () => {
    const handle = await freshDatabase();
    const bad = await buildApp({ settings: testSettings(), db: handle });
    expect(() => bad.get("/api/v1/forgotten", async () => "oops")).toThrow(/declares no access/);
    await bad.close();
    await handle.drop();
  });

  it("asks for a token on every non-public route, and lists every route in the OpenAPI document", async () => {
    const doc = (await app.inject("/api/openapi.json")).json();
    expect(doc.openapi).toBe("3.1.0");
    expect(app.routeTable.length).toBeGreaterThan(5);
    for (const route of app.routeTable) {
      const pathKey = route.url.replace(/:(\w+)/g, "{$1}");
      expect(doc.paths[pathKey]?.[route.method.toLowerCase()], `${route.method} ${route.url}`).toBeDefined();
      if (route.access === "public") continue;
      const res = await app.inject({ method: route.method as "GET", url: route.url.replace(/:\w+/g, "x") });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(doc.paths[pathKey][route.method.toLowerCase()].security).toEqual([{ bearerAuth: [] }]);
    }
    expect(doc.components.securitySchemes.bearerAuth.scheme).toBe("bearer");
  });

  it("renders the interactive docs at /api/docs", async () => {
    const res = await app.inject("/api/docs/");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/text\/html/);
    expect(res.body).toContain("/api/openapi.json");
  });

  it("answers 403 when the caller lacks the route's permission", async () => {
    const { accessToken } = await login(app, "gm");
    const res = await app.inject({ url: "/api/v1/probe-permission", headers: bearer(accessToken) });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe("forbidden");
  });

  it("keeps a user who must change their password to /me and the password route", async () => {
    const { accessToken } = await login(app, "sales2");
    await db.db.update(users).set({ mustChangePassword: true }).where(eq(users.username, "sales2"));
    const blocked = await app.inject({ url: "/api/v1/probe", headers: bearer(accessToken) });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe("password_change_required");
    const profile = await app.inject({ url: "/api/v1/me", headers: bearer(accessToken) });
    expect(profile.json().mustChangePassword).toBe(true);
    await db.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, "sales2"));
    expect((await app.inject({ url: "/api/v1/probe", headers: bearer(accessToken) })).statusCode).toBe(200);
  });
});

describe("errors and request ids", () => {
  it("answers an unknown API path with 404 problem+json", async () => {
    const res = await app.inject("/api/v1/no-such-thing");
    expect(res.statusCode).toBe(404);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: "not_found", status: 404, instance: "/api/v1/no-such-thing" });
  });

  it("echoes a well-formed X-Request-Id and makes one up otherwise", async () => {
    const given = await app.inject({ url: "/api/health", headers: { "x-request-id": "abc-12345678" } });
    expect(given.headers["x-request-id"]).toBe("abc-12345678");
    const evil = await app.inject({ url: "/api/health", headers: { "x-request-id": "<script>" } });
    expect(evil.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("refuses a body over the size limit with 413", async () => {
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "a", password: "x".repeat(2 * 1024 * 1024) },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe("payload_too_large");
  });
});

describe("the web app", () => {
  it("serves index.html for client routes and real files as they are, never for /api", async () => {
    const page = await app.inject("/customers/42?tab=contacts");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("<div id=root>");
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
    expect((await app.inject("/app.js")).body).toBe("console.log(1)");
    expect((await app.inject("/missing.js")).statusCode).toBe(404);
    expect((await app.inject("/api/v1/nothing")).headers["content-type"]).toMatch(/problem\+json/);
  });
});

describe("the audit log", () => {
  it("cannot be altered, even with direct SQL", async () => {
    await login(app, "admin");
    const [row] = await db.db.select().from(auditLog).limit(1);
    expect(row).toBeDefined();
    await expect(
      db.db.update(auditLog).set({ action: "forged" }).where(eq(auditLog.id, row!.id)),
    ).rejects.toThrow();
    await expect(db.db.delete(auditLog).where(eq(auditLog.id, row!.id))).rejects.toThrow();
    await expect(db.db.execute(sql`truncate audit_log`)).rejects.toThrow();
    const [still] = await db.db.select().from(auditLog).where(eq(auditLog.id, row!.id));
    expect(still?.action).toBe(row!.action);
  });
});
