import { createHash } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CUSTOMER_SORTS } from "@crm/contracts";
import { customers, users } from "@crm/db";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { bearer, clientFor, DEMO_PASSWORD, login, setupApp, testSettings } from "../test/helper.js";
import { buildApp } from "./app.js";

const web = mkdtempSync(join(tmpdir(), "crm-web-"));
writeFileSync(join(web, "index.html"), "<!doctype html><title>CRM</title><div id=root></div>");
writeFileSync(join(web, "app.js"), "console.log(1)");

const ALLOWED = "https://partner.example.com";
const { app, db } = await setupApp({ webDist: web, corsOrigins: [ALLOWED] });
// The same app behind a TLS-terminating proxy it trusts (TRUST_PROXY=1).
const proxied = await buildApp({ settings: testSettings({ webhookPollMs: 0 }), db, trustProxy: true });
await proxied.ready();
afterAll(() => proxied.close());

const admin = await clientFor(app, "admin");

/** The directives of a Content-Security-Policy header, by name. */
const csp = (header: unknown) =>
  Object.fromEntries(
    String(header)
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name, values]),
  );

const expectHardened = (headers: Record<string, unknown>) => {
  const policy = csp(headers["content-security-policy"]);
  expect(policy["script-src"]).toEqual(["'self'"]);
  expect(policy["frame-ancestors"]).toEqual(["'none'"]);
  expect(policy["object-src"]).toEqual(["'none'"]);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("no-referrer");
};

describe("security headers", () => {
  it("are on the SPA page, its files, API answers, errors and streamed exports alike", async () => {
    const answers = await Promise.all([
      app.inject("/customers/42"),
      app.inject("/app.js"),
      app.inject("/api/health"),
      app.inject("/api/v1/nothing"),
      admin({ url: "/api/v1/customers" }),
      admin({ url: "/api/v1/customers/export?format=csv" }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 404, 200, 200]);
    for (const res of answers) expectHardened(res.headers);
    // Scripts never inline; styles may be (antd's CSS-in-JS injects <style> tags).
    const policy = csp(answers[0]!.headers["content-security-policy"]);
    expect(policy["style-src"]).toEqual(["'self'", "'unsafe-inline'"]);
    expect(String(answers[0]!.headers["content-security-policy"])).not.toMatch(/script-src[^;]*unsafe/);
  });

  it("let the API reference run its inline scripts by hash, not by 'unsafe-inline'", async () => {
    const res = await app.inject("/api/docs/");
    expect(res.statusCode).toBe(200);
    const inline = [...res.body.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
      (m) => m[1]!,
    );
    expect(inline).toHaveLength(2);
    expect(inline[0]).toContain("jitless: true");
    const hashes = inline.map((text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`);
    expect(csp(res.headers["content-security-policy"])["script-src"]).toEqual(["'self'", ...hashes]);
  });

  it("send HSTS only over TLS: not on plain http, nor for a forged X-Forwarded-Proto without TRUST_PROXY", async () => {
    expect((await app.inject("/api/health")).headers["strict-transport-security"]).toBeUndefined();
    const forged = await app.inject({ url: "/api/health", headers: { "x-forwarded-proto": "https" } });
    expect(forged.headers["strict-transport-security"]).toBeUndefined();
    const plain = await proxied.inject({ url: "/api/health", headers: { "x-forwarded-proto": "http" } });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    const tls = await proxied.inject({ url: "/api/health", headers: { "x-forwarded-proto": "https" } });
    expect(tls.headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
  });
});

describe("CORS allow-list (CORS_ORIGINS)", () => {
  it("gives an allowed origin the headers, on answers and preflights, without credentials", async () => {
    const { accessToken } = await login(app, "gm");
    const res = await app.inject({
      url: "/api/v1/me",
      headers: { origin: ALLOWED, authorization: `Bearer ${accessToken}` },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers["access-control-allow-origin"]).toBe(ALLOWED);
    expect(res.headers["access-control-expose-headers"]).toContain("ETag");
    expect(res.headers.vary).toContain("Origin");
    expect(res.headers["access-control-allow-credentials"]).toBeUndefined();
    const preflight = await app.inject({
      method: "OPTIONS",
      url: "/api/v1/customers",
      headers: { origin: ALLOWED, "access-control-request-method": "PATCH" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-origin"]).toBe(ALLOWED);
    expect(preflight.headers["access-control-allow-methods"]).toContain("PATCH");
    expect(preflight.headers["access-control-allow-headers"]).toContain("If-Match");
  });

  it("gives any other origin no CORS header at all", async () => {
    for (const origin of ["https://evil.example", "https://partner.example.com.evil.example", "null"]) {
      const res = await app.inject({ url: "/api/health", headers: { origin } });
      expect(res.headers["access-control-allow-origin"]).toBeUndefined();
      const preflight = await app.inject({
        method: "OPTIONS",
        url: "/api/v1/customers",
        headers: { origin, "access-control-request-method": "DELETE" },
      });
      expect(preflight.statusCode).toBe(404);
      expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
      expect(preflight.headers["access-control-allow-methods"]).toBeUndefined();
    }
  });

  it("is off by default: no origin is allowed", async () => {
    const res = await proxied.inject({ url: "/api/health", headers: { origin: ALLOWED } });
    expect(res.headers["access-control-allow-origin"]).toBeUndefined();
  });
});

describe("CSRF on the refresh-cookie routes", () => {
  const withCookie = (token: string, headers: Record<string, string>, url = "/api/v1/auth/refresh") =>
    app.inject({ method: "POST", url, payload: {}, headers: { cookie: `crm_refresh=${token}`, ...headers } });

  it("refuses a cross-site or sibling-subdomain refresh and logout, and the session lives on", async () => {
    const { refreshToken } = await login(app, "sales1");
    const attempts: Record<string, string>[] = [
      { "sec-fetch-site": "cross-site", origin: "https://evil.example" },
      { "sec-fetch-site": "same-site", origin: "http://evil.localhost:80" },
      { origin: "https://evil.example" },
      { origin: "null" },
    ];
    for (const headers of attempts) {
      for (const url of ["/api/v1/auth/refresh", "/api/v1/auth/logout"]) {
        const res = await withCookie(refreshToken, headers, url);
        expect(res.statusCode).toBe(403);
        expect(res.headers["content-type"]).toMatch(/problem\+json/);
        expect(res.json()).toMatchObject({
          code: "forbidden",
          errors: [{ field: "origin", code: "cross_site_request" }],
        });
      }
    }
    // Nothing was used up or revoked: the app's own page can still refresh with it.
    const own = await withCookie(refreshToken, {
      "sec-fetch-site": "same-origin",
      origin: "http://localhost:80",
    });
    expect(own.statusCode).toBe(200);
  });

  it("accepts the app's own pages (Sec-Fetch-Site same-origin, or an Origin of this host) and non-browser clients", async () => {
    const a = await login(app, "sales2");
    const own = await withCookie(a.refreshToken, { origin: "http://localhost:80" });
    expect(own.statusCode).toBe(200);
    const next = await withCookie(own.json().refreshToken, {});
    expect(next.statusCode).toBe(200);
    // A token in the body is no ambient credential: it needs no origin check.
    const b = await login(app, "sales2");
    const body = await app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refreshToken: b.refreshToken },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(body.statusCode).toBe(200);
  });

  it("takes JSON only, so a cross-site form cannot post to them at all", async () => {
    const { refreshToken } = await login(app, "sales1");
    for (const type of [
      "application/x-www-form-urlencoded",
      "text/plain",
      "multipart/form-data; boundary=x",
    ]) {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/auth/refresh",
        payload: "refreshToken=x",
        headers: { cookie: `crm_refresh=${refreshToken}`, "content-type": type },
      });
      expect(res.statusCode, type).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, type).toBeLessThan(500);
    }
  });
});

describe("sort and filter parameters: an allow-list, never SQL", () => {
  it("takes every listed sort", async () => {
    for (const sort of CUSTOMER_SORTS) {
      expect((await admin({ url: `/api/v1/customers?sort=${sort}` })).statusCode, sort).toBe(200);
    }
  });

  it("answers anything else with 400 problem+json naming the parameter, and runs nothing", async () => {
    const before = (await db.db.select({ id: customers.id }).from(customers)).length;
    const bad: [string, string][] = [
      ["sort=passwordHash", "sort"],
      ["sort=deleted_at", "sort"],
      ["sort=name%3Bdrop%20table%20customers", "sort"],
      ["sort=name%20desc", "sort"],
      ["sort=(select%201)", "sort"],
      ["cf.nosuchfield=1", "cf.nosuchfield"],
      ["createdFrom=2026-13-01", "createdFrom"],
      ["ownerId=1%20or%201%3D1", "ownerId"],
      ["letter=A'--", "letter"],
      ["limit=100000", "limit"],
      ["cursor=garbage", "cursor"],
    ];
    for (const [query, field] of bad) {
      const res = await admin({ url: `/api/v1/customers?${query}` });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers["content-type"]).toMatch(/problem\+json/);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(res.body).not.toMatch(/syntax|relation|column|select /i);
    }
    const drill = await admin({ url: "/api/v1/reports/sales/records?dimension=password_hash&value=x" });
    expect(drill.statusCode).toBe(400);
    expect(drill.json().errors[0].field).toBe("dimension");
    expect((await db.db.select({ id: customers.id }).from(customers)).length).toBe(before);
  });
});

describe("passwords and sessions", () => {
  const me = (token: string) => app.inject({ url: "/api/v1/me", headers: bearer(token) });
  const refresh = (refreshToken: string) =>
    app.inject({ method: "POST", url: "/api/v1/auth/refresh", payload: { refreshToken } });
  const hashOf = async (username: string) =>
    (await db.db.select({ h: users.passwordHash }).from(users).where(eq(users.username, username)))[0]!.h;
  const idOf = async (username: string) =>
    (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

  it("hashes with argon2id at OWASP's parameters (m=19 MiB, t=2, p=1) or stronger", async () => {
    const { accessToken } = await login(app, "service1");
    const res = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: bearer(accessToken),
      payload: { currentPassword: DEMO_PASSWORD, newPassword: "Service2027x" },
    });
    expect(res.statusCode).toBe(200);
    const [, algorithm, version, params] = (await hashOf("service1")).split("$");
    expect([algorithm, version]).toEqual(["argon2id", "v=19"]);
    const p = Object.fromEntries(
      params!
        .split(",")
        .map((kv) => kv.split("="))
        .map(([k, v]) => [k, Number(v)]),
    );
    expect(p.m).toBeGreaterThanOrEqual(19 * 1024);
    expect(p.t).toBeGreaterThanOrEqual(2);
    expect(p.p).toBeGreaterThanOrEqual(1);
  });

  it("refuses new passwords under 8 characters, over 128, without both letters and digits, or among the commonest", async () => {
    const { accessToken } = await login(app, "prod1");
    for (const [newPassword, code] of [
      ["Ab1", "too_small"],
      ["abcdefgh", "password_needs_digit"],
      ["12345678", "password_needs_letter"],
      [`A1${"x".repeat(127)}`, "too_big"],
      ["Password123", "password_too_common"],
      ["WoAiNi1314", "password_too_common"],
    ]) {
      const res = await app.inject({
        method: "POST",
        url: "/api/v1/me/password",
        headers: bearer(accessToken),
        payload: { currentPassword: DEMO_PASSWORD, newPassword },
      });
      expect(res.statusCode, newPassword).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: "newPassword", code });
    }
    expect((await me(accessToken)).statusCode).toBe(200);
  });

  it("disabling a user ends every session at once: access and refresh tokens, and they stay dead after re-enabling", async () => {
    const a = await login(app, "sales3");
    const b = await login(app, "sales3");
    const id = await idOf("sales3");
    const etag = (await admin({ url: `/api/v1/users/${id}` })).headers.etag as string;
    const off = await admin({
      method: "POST",
      url: `/api/v1/users/${id}/disable`,
      headers: { "if-match": etag },
    });
    expect(off.statusCode).toBe(200);
    for (const s of [a, b]) {
      expect((await me(s.accessToken)).statusCode).toBe(401);
      expect((await refresh(s.refreshToken)).statusCode).toBe(401);
    }
    const on = await admin({
      method: "POST",
      url: `/api/v1/users/${id}/enable`,
      headers: { "if-match": off.headers.etag as string },
    });
    expect(on.statusCode).toBe(200);
    for (const s of [a, b]) {
      expect((await me(s.accessToken)).statusCode).toBe(401);
      expect((await refresh(s.refreshToken)).statusCode).toBe(401);
    }
    expect((await me((await login(app, "sales3")).accessToken)).statusCode).toBe(200);
  });

  it("a password reset by an administrator ends the user's sessions too", async () => {
    const s = await login(app, "finance1");
    const res = await admin({
      method: "POST",
      url: `/api/v1/users/${await idOf("finance1")}/reset-password`,
      payload: {},
    });
    expect(res.statusCode).toBe(200);
    expect((await me(s.accessToken)).statusCode).toBe(401);
    expect((await refresh(s.refreshToken)).statusCode).toBe(401);
  });
});
