import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bearer, login, setupApp } from "../../test/helper.js";
import { signAccessToken } from "../modules/auth/tokens.js";
import { helmetHeaders } from "./security-headers.js";

// A verified access token is remembered per process (no second HMAC for the same string); these
// check that what a token can lose still takes effect on the very next request.
const { app, db, settings } = await setupApp();
const get = (token: string, url = "/api/v1/me") => app.inject({ url, headers: bearer(token) });

describe("remembered access tokens", () => {
  it("a token used before is refused once it has expired", async () => {
    const { user } = await login(app, "sales1");
    const token = signAccessToken(settings.jwtSecret, user.id, 0, 1);
    expect((await get(token)).statusCode).toBe(200);
    await new Promise((r) => setTimeout(r, 1_100));
    const res = await get(token);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("token_expired");
  });

  it("a token used before is refused after a password change voids the session", async () => {
    const { accessToken } = await login(app, "sales2");
    expect((await get(accessToken)).statusCode).toBe(200);
    const changed = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: bearer(accessToken),
      payload: { currentPassword: "Demo@2026", newPassword: "Another@2026x" },
    });
    expect(changed.statusCode, changed.body).toBeLessThan(300);
    const res = await get(accessToken);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe("token_invalid");
  });

  it("a token signed with another secret, or altered, is refused even after the good one was used", async () => {
    const { accessToken, user } = await login(app, "mgr1");
    expect((await get(accessToken)).statusCode).toBe(200);
    const [head, payload, signature] = accessToken.split(".") as [string, string, string];
    const altered = `${head}.${payload}.${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    expect((await get(altered)).statusCode).toBe(401);
    const foreign = signAccessToken("another-secret-0123456789abcdefghijklmnop", user.id, 0, 900);
    expect((await get(foreign)).statusCode).toBe(401);
  });

  it("the user query built once still reads the row of each caller", async () => {
    const [a, b] = await Promise.all([login(app, "sales1"), login(app, "mgr1")]);
    const [ra, rb] = await Promise.all([get(a.accessToken), get(b.accessToken)]);
    expect(ra.json().username).toBe("sales1");
    expect(rb.json().username).toBe("mgr1");
    // a user removed from under a valid token: the next request is refused
    await db.db.execute(sql`update users set disabled = true where username = 'sales1'`);
    expect((await get(a.accessToken)).statusCode).toBe(401);
  });
});

describe("security headers set once", () => {
  it("every answer carries exactly the headers @fastify/helmet would write, X-Powered-By absent", async () => {
    const expected = await helmetHeaders();
    expect(expected.map(([k]) => k)).toEqual(
      expect.arrayContaining([
        "content-security-policy",
        "cross-origin-opener-policy",
        "x-content-type-options",
        "x-frame-options",
        "referrer-policy",
      ]),
    );
    for (const res of [await app.inject("/api/health"), await app.inject("/api/v1/nothing")]) {
      for (const [name, value] of expected) expect(res.headers[name], name).toBe(value);
      expect(res.headers["strict-transport-security"]).toBeUndefined();
    }
  });
});
