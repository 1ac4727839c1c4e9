import { users } from "@crm/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bearer, login, setupApp } from "../test/helper.js";

// Per caller, not per address: each API key and each user has a budget of its own.
const { app, db } = await setupApp({ apiRatePerMinute: 3, webhookPollMs: 0 });
const { accessToken } = await login(app, "admin");
const gmId = (await db.db.select({ id: users.id }).from(users).where(eq(users.username, "gm")))[0]!.id;

async function newKey(name: string) {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/api-keys",
    headers: bearer(accessToken),
    payload: { name, userId: gmId, permissions: ["customer:read"] },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().secret as string;
}
const first = await newKey("甲");
const second = await newKey("乙");
const list = (token: string) =>
  app.inject({ url: "/api/v1/customers?limit=1", headers: bearer(token), remoteAddress: "10.1.1.1" });

describe("rate limits per API key or user", () => {
  it("answers 429 problem+json with Retry-After once a key has used its budget, and counts down before", async () => {
    const answers = [await list(first), await list(first), await list(first)];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(answers.map((a) => a.headers["ratelimit-remaining"])).toEqual(["2", "1", "0"]);
    expect(answers[0]!.headers["ratelimit-limit"]).toBe("3");
    const over = await list(first);
    expect(over.statusCode).toBe(429);
    expect(over.headers["content-type"]).toMatch(/^application\/problem\+json/);
    expect(over.json().code).toBe("rate_limited");
    expect(Number(over.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("keeps another key, from the same address, within its own budget", async () => {
    expect((await list(second)).statusCode).toBe(200);
  });

  it("leaves public routes alone", async () => {
    for (let i = 0; i < 5; i++) expect((await app.inject("/api/health")).statusCode).toBe(200);
  });
});
