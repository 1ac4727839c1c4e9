import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, describe, expect, it } from "vitest";
import { bearer, freshDatabase, testSettings } from "../../test/helper.js";
import { buildApp } from "../app.js";
import { PgRateLimitStore } from "./rate-limit.js";

// Counters every API process shares. The PostgreSQL store runs here on whichever database the
// tests use (PGlite too: same SQL); the Redis one needs the Redis server (TEST_REDIS_URL, else local).
const db = await freshDatabase();
afterAll(() => db.drop());

const incr = (store: PgRateLimitStore, key: string, timeWindow = 60_000) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.incr(key, (err, res) => (err ? reject(err) : resolve(res!)), timeWindow),
  );
const read = (store: PgRateLimitStore, key: string) =>
  new Promise<{ current: number; ttl: number }>((resolve, reject) =>
    store.read(key, (err, res) => (err ? reject(err) : resolve(res!))),
  );
const route = (url: string) => ({ routeInfo: { method: "POST", url } });

describe("rate-limit counters in PostgreSQL", () => {
  it("counts exactly when two stores (two processes) count one key at once", async () => {
    const one = new PgRateLimitStore(db.db).child(route("/api/v1/auth/login"));
    const two = new PgRateLimitStore(db.db).child(route("/api/v1/auth/login"));
    const counts = await Promise.all(
      Array.from({ length: 40 }, (_, i) => incr(i % 2 ? one : two, "ip:10.0.0.1").then((r) => r.current)),
    );
    expect(counts.sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const now = await read(one, "ip:10.0.0.1");
    expect(now.current).toBe(40);
    expect(now.ttl).toBeGreaterThan(0);
    expect(now.ttl).toBeLessThanOrEqual(60_000);
    // Another route, or another key, counts apart.
    expect(
      (await incr(new PgRateLimitStore(db.db).child(route("/api/v1/auth/refresh")), "ip:10.0.0.1")).current,
    ).toBe(1);
    expect((await incr(one, "ip:10.0.0.2")).current).toBe(1);
    expect(await read(one, "ip:10.0.0.3")).toEqual({ current: 0, ttl: 0 });
  });

  it("starts a new window once the old one has expired", async () => {
    const store = new PgRateLimitStore(db.db).child(route("/x"));
    expect((await incr(store, "k", 300)).current).toBe(1);
    expect((await incr(store, "k", 300)).current).toBe(2);
    await sleep(400);
    expect((await read(store, "k")).current).toBe(0);
    const fresh = await incr(store, "k", 300);
    expect(fresh.current).toBe(1);
    expect(fresh.ttl).toBeGreaterThan(0);
  });
});

describe("rate-limit counters in Redis (REDIS_URL)", () => {
  it("gives two API processes one per-caller budget", async () => {
    const settings = testSettings({
      apiRatePerMinute: 3,
      webhookPollMs: 0,
      redisUrl: process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379",
    });
    const [a, b] = await Promise.all([buildApp({ settings, db }), buildApp({ settings, db })]);
    try {
      const login = await a.inject({
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "gm", password: "Demo@2026" },
      });
      expect(login.statusCode).toBe(200);
      // The caller's id is new with each test database, so the Redis key is this run's own.
      const headers = bearer(login.json().accessToken);
      const list = (app: typeof a) => app.inject({ url: "/api/v1/customers?limit=1", headers });
      const answers = [await list(a), await list(b), await list(a)];
      expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200]);
      expect(answers.map((r) => r.headers["ratelimit-remaining"])).toEqual(["2", "1", "0"]);
      const over = await list(b);
      expect(over.statusCode).toBe(429);
      expect(over.json().code).toBe("rate_limited");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
