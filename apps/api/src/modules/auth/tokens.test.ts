import { refreshTokens, users } from "@crm/db";
import { eq } from "drizzle-orm";
import jwt from "jsonwebtoken";
import { describe, expect, it } from "vitest";
import { bearer, DEMO_PASSWORD, login, setupApp } from "../../../test/helper.js";

const { app, db, settings } = await setupApp();

const me = (headers: Record<string, string>) => app.inject({ method: "GET", url: "/api/v1/me", headers });
const refresh = (payload: object, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url: "/api/v1/auth/refresh", payload, headers });

describe("access tokens", () => {
  it("opens /me with a valid token", async () => {
    const { accessToken } = await login(app, "mgr1");
    const res = await me(bearer(accessToken));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ username: "mgr1", displayName: "李经理", departmentName: "供销部" });
  });

  it("answers 401 problem+json without a token", async () => {
    const res = await me({});
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("unauthenticated");
    expect(res.headers["www-authenticate"]).toBe("Bearer");
  });

  it("refuses a token signed with another secret", async () => {
    const { user } = await login(app, "gm");
    const forged = jwt.sign({ ep: 0 }, "another-secret-another-secret-another-secret", {
      algorithm: "HS256",
      issuer: "crm",
      audience: "crm-api",
      subject: user.id,
      expiresIn: 600,
    });
    const res = await me(bearer(forged));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("token_invalid");
  });

  it("refuses an unsigned token (alg: none)", async () => {
    const { user } = await login(app, "gm");
    const unsigned = jwt.sign({ ep: 0, iss: "crm", aud: "crm-api", sub: user.id }, null, {
      algorithm: "none",
    });
    const res = await me(bearer(unsigned));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("token_invalid");
  });

  it("refuses an expired token with token_expired", async () => {
    const { user } = await login(app, "gm");
    const expired = jwt.sign({ ep: 0, exp: Math.floor(Date.now() / 1000) - 60 }, settings.jwtSecret, {
      algorithm: "HS256",
      issuer: "crm",
      audience: "crm-api",
      subject: user.id,
    });
    const res = await me(bearer(expired));
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("token_expired");
  });

  it("refuses a token for another audience or issuer, or one that is garbage", async () => {
    const { user } = await login(app, "gm");
    for (const opts of [
      { issuer: "crm", audience: "someone-else" },
      { issuer: "evil", audience: "crm-api" },
    ]) {
      const token = jwt.sign({ ep: 0 }, settings.jwtSecret, {
        algorithm: "HS256",
        subject: user.id,
        ...opts,
      });
      expect((await me(bearer(token))).statusCode).toBe(401);
    }
    expect((await me(bearer("not.a.token"))).statusCode).toBe(401);
    expect((await me({ authorization: "Basic YWRtaW46eA==" })).statusCode).toBe(401);
  });

  it("stops accepting a disabled user's token", async () => {
    const { accessToken } = await login(app, "sales3");
    await db.db.update(users).set({ disabled: true }).where(eq(users.username, "sales3"));
    expect((await me(bearer(accessToken))).statusCode).toBe(401);
    await db.db.update(users).set({ disabled: false }).where(eq(users.username, "sales3"));
  });
});

describe("refresh tokens", () => {
  it("rotates: the answer carries a new refresh token and a working access token", async () => {
    const first = await login(app, "sales1");
    const res = await refresh({ refreshToken: first.refreshToken });
    expect(res.statusCode).toBe(200);
    const second = res.json();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect((await me(bearer(second.accessToken))).statusCode).toBe(200);
  });

  it("reads the refresh token from the cookie when the body has none", async () => {
    const first = await login(app, "sales2");
    const res = await refresh({}, { cookie: `crm_refresh=${first.refreshToken}` });
    expect(res.statusCode).toBe(200);
    expect(res.cookies.find((c) => c.name === "crm_refresh")?.value).toBe(res.json().refreshToken);
  });

  it("revokes the whole family when a used refresh token is presented again", async () => {
    const first = await login(app, "sales1");
    const second = (await refresh({ refreshToken: first.refreshToken })).json();
    const replay = await refresh({ refreshToken: first.refreshToken });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe("refresh_token_invalid");
    // The thief's replay also ends the legitimate holder's session.
    expect((await refresh({ refreshToken: second.refreshToken })).statusCode).toBe(401);
  });

  it("refuses unknown, missing and expired refresh tokens", async () => {
    expect((await refresh({ refreshToken: "rt_unknown_unknown_unknown" })).statusCode).toBe(401);
    expect((await refresh({})).statusCode).toBe(401);
    const { refreshToken } = await login(app, "gm");
    await db.db.update(refreshTokens).set({ expiresAt: new Date(Date.now() - 1000) });
    expect((await refresh({ refreshToken })).statusCode).toBe(401);
  });

  it("logout ends the session and clears the cookie", async () => {
    const { refreshToken } = await login(app, "service1");
    const out = await app.inject({ method: "POST", url: "/api/v1/auth/logout", payload: { refreshToken } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === "crm_refresh")?.value).toBe("");
    expect((await refresh({ refreshToken })).statusCode).toBe(401);
  });
});

describe("grace window for concurrent refreshes", async () => {
  const graceful = await setupApp({ refreshReuseGrace: 30 });
  it("lets two tabs refresh with the same token at once without ending the session", async () => {
    const { refreshToken } = await login(graceful.app, "gm");
    const send = () =>
      graceful.app.inject({ method: "POST", url: "/api/v1/auth/refresh", payload: { refreshToken } });
    const [a, b] = await Promise.all([send(), send()]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    const next = await graceful.app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refreshToken: b.json().refreshToken },
    });
    expect(next.statusCode).toBe(200);
  });
});

describe("POST /api/v1/me/password", () => {
  const change = (token: string, payload: object) =>
    app.inject({ method: "POST", url: "/api/v1/me/password", headers: bearer(token), payload });

  it("refuses a wrong current password on its field, and a weak new one on its field", async () => {
    const { accessToken } = await login(app, "prod1");
    const wrong = await change(accessToken, { currentPassword: "nope", newPassword: "Better2026x" });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      code: "password_incorrect",
      errors: [{ field: "currentPassword" }],
    });
    const weak = await change(accessToken, { currentPassword: DEMO_PASSWORD, newPassword: "short" });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors[0].field).toBe("newPassword");
    const letters = await change(accessToken, { currentPassword: DEMO_PASSWORD, newPassword: "onlyletters" });
    expect(letters.json().errors).toEqual([
      { field: "newPassword", code: "password_needs_digit", message: "密码必须包含数字" },
    ]);
    const same = await change(accessToken, { currentPassword: DEMO_PASSWORD, newPassword: DEMO_PASSWORD });
    expect(same.statusCode).toBe(400);
    expect(same.json().errors[0]).toMatchObject({ field: "newPassword", code: "password_same_as_current" });
    // Nothing changed: the old password still works.
    await login(app, "prod1");
  });

  it("changes the password, ends the other sessions and returns a fresh one", async () => {
    const other = await login(app, "finance1");
    const current = await login(app, "finance1");
    const res = await change(current.accessToken, {
      currentPassword: DEMO_PASSWORD,
      newPassword: "Finance2027",
    });
    expect(res.statusCode).toBe(200);
    const fresh = res.json();
    expect((await me(bearer(fresh.accessToken))).statusCode).toBe(200);
    expect((await me(bearer(other.accessToken))).statusCode).toBe(401);
    expect((await refresh({ refreshToken: other.refreshToken })).statusCode).toBe(401);
    await login(app, "finance1", "Finance2027");
    const old = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "finance1", password: DEMO_PASSWORD },
    });
    expect(old.statusCode).toBe(401);
  });
});
