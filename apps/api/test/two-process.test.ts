// Two API processes (the built server, as replicas behind a load balancer run it) on one
// PostgreSQL database: nothing a request needs may live in one process's memory. Sessions,
// rate-limit counters, idempotency keys, access checks and stock all have to hold across both.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createDb, type DbHandle, stockLevels, stockMovements } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapDatabase } from "../src/bootstrap.js";
import { DEMO_PASSWORD } from "./helper.js";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const serverJs = fileURLToPath(new URL("../dist/server.js", import.meta.url));
// Needs PostgreSQL (the embedded database is one process's): the test server, else the local one.
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const LOGIN_RATE = 10;

const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(`${path}/${n}`)));
};

/** `pnpm test` builds first; a direct vitest run may find no build or an old one: build the API then. */
function ensureBuilt() {
  const sources = [
    "src",
    "../../packages/db/src",
    "../../packages/db/drizzle",
    "../../packages/contracts/src",
  ];
  const built = existsSync(serverJs) ? statSync(serverJs).mtimeMs : 0;
  if (built > 0 && built >= Math.max(...sources.map((s) => newest(`${apiDir}/${s}`)))) return;
  try {
    execFileSync(process.execPath, ["build.mjs"], { cwd: apiDir, stdio: "pipe" });
  } catch (err) {
    throw new Error(`could not build the API (cd apps/api && node build.mjs): ${String(err)}`);
  }
}

async function admin(text: string) {
  const server = createDb({ databaseUrl: serverUrl, poolSize: 1, onPoolError: () => undefined });
  try {
    await server.db.execute(sql.raw(text)).catch((err: Error) => {
      throw new Error(`two-process test needs PostgreSQL (TEST_DATABASE_URL=${serverUrl}): ${err.message}`);
    });
  } finally {
    await server.close();
  }
}

const children: ChildProcess[] = [];

/** Starts the built server on a free port and resolves with its base URL once it listens. */
function startServer(env: Record<string, string>): Promise<string> {
  const child = spawn(process.execPath, [serverJs], {
    cwd: apiDir,
    env: { PATH: process.env.PATH ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 50 s:\n${out}`)), 50_000);
    const take = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout?.on("data", take);
    child.stderr?.on("data", take);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before listening:\n${out}`));
    });
  });
}

let dbName = "";
let handle: DbHandle | undefined;
let A = "";
let B = "";

beforeAll(async () => {
  ensureBuilt();
  dbName = `crm_test_2p_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin(`create database ${dbName}`);
  const url = new URL(serverUrl);
  url.pathname = `/${dbName}`;
  handle = createDb({ databaseUrl: url.toString(), poolSize: 3 });
  // Seeded here, so each server's own start-up (which bootstraps too, under a lock) is quick.
  await bootstrapDatabase(handle, { demo: true });
  const env = {
    NODE_ENV: "production",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: url.toString(),
    DEMO: "1",
    JWT_SECRET: randomBytes(32).toString("hex"),
    LOG_LEVEL: "error",
    DB_POOL_SIZE: "8",
    NOTIFY_SWEEP_MS: "0",
    WEBHOOK_POLL_MS: "0",
    LOGIN_RATE_PER_MINUTE: String(LOGIN_RATE),
    REFRESH_REUSE_GRACE: "0",
    // As behind the load balancer: the client's address comes from X-Forwarded-For.
    TRUST_PROXY: "1",
  };
  [A, B] = await Promise.all([startServer(env), startServer(env)]);
}, 90_000);

afterAll(async () => {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => {
            clearTimeout(force);
            resolve();
          });
          child.kill("SIGTERM");
        }),
    ),
  );
  await handle?.close().catch(() => undefined);
  if (dbName) await admin(`drop database if exists ${dbName} with (force)`).catch(() => undefined);
}, 30_000);

interface Answer {
  status: number;
  headers: Headers;
  body: Record<string, unknown>;
}

async function call(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const headers: Record<string, string> = { ...init.headers };
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers,
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : {} };
}

const refreshCookieOf = (a: Answer) => /crm_refresh=([^;]+)/.exec(a.headers.get("set-cookie") ?? "")?.[1];

async function login(base: string, username: string) {
  const res = await call(base, "/api/v1/auth/login", {
    body: { username, password: DEMO_PASSWORD },
    headers: { "x-forwarded-for": `198.51.100.${1 + Math.floor(Math.random() * 250)}` },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return {
    token: res.body.accessToken as string,
    cookie: refreshCookieOf(res)!,
    id: (res.body.user as { id: string }).id,
  };
}

describe("two API processes on one database", () => {
  it("takes a session started on one process on the other: token, refresh cookie, reuse detection", async () => {
    const session = await login(A, "admin");
    expect(session.cookie).toBeTruthy();
    const me = await call(B, "/api/v1/me", { token: session.token });
    expect(me.status).toBe(200);
    expect(me.body.username).toBe("admin");

    const refresh = (base: string, cookie: string) =>
      call(base, "/api/v1/auth/refresh", { body: {}, headers: { cookie: `crm_refresh=${cookie}` } });
    const rotated = await refresh(B, session.cookie);
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    const next = refreshCookieOf(rotated)!;
    expect(next).toBeTruthy();
    expect(next).not.toBe(session.cookie);
    expect((await call(A, "/api/v1/me", { token: rotated.body.accessToken as string })).status).toBe(200);

    // The used token replayed on the other process is a reuse: the whole family is revoked.
    const replay = await refresh(A, session.cookie);
    expect(replay.status).toBe(401);
    expect((await refresh(B, next)).status).toBe(401);
  });

  it("applies a user's disabling, made through one process, at once on the other (access cache)", async () => {
    const admin = await login(A, "admin");
    const sales = await login(B, "sales2");
    // B caches sales2's grants with this request.
    expect((await call(B, "/api/v1/customers?limit=1", { token: sales.token })).status).toBe(200);
    const off = await call(A, `/api/v1/users/${sales.id}/disable`, { token: admin.token, body: {} });
    expect(off.status, JSON.stringify(off.body)).toBe(200);
    const after = await call(B, "/api/v1/customers?limit=1", { token: sales.token });
    expect(after.status).toBe(401);
    const on = await call(B, `/api/v1/users/${sales.id}/enable`, { token: admin.token, body: {} });
    expect(on.status).toBe(200);
  });

  it("shows a notification made through one process in the badge polled through the other", async () => {
    const [manager, sales] = [await login(A, "mgr1"), await login(B, "sales1")];
    const unread = async () => {
      const res = await call(B, "/api/v1/notifications/unread-count", { token: sales.token });
      expect(res.status).toBe(200);
      return res.body.unread as number;
    };
    const before = await unread();
    const task = await call(A, "/api/v1/tasks", {
      token: manager.token,
      body: { title: "双实例通知", assigneeId: sales.id },
    });
    expect(task.status, JSON.stringify(task.body)).toBe(201);
    expect(await unread()).toBe(before + 1);
  });

  it("counts one rate limit across both processes: the login limit trips after its budget split over both", async () => {
    const from = { "x-forwarded-for": `203.0.113.${1 + Math.floor(Math.random() * 250)}` };
    const attempt = (base: string, i: number) =>
      call(base, "/api/v1/auth/login", {
        // Unknown usernames, one per attempt: the per-username lockout stays out of the way.
        body: { username: `nobody${i}_${randomBytes(3).toString("hex")}`, password: "Wrong@2026x" },
        headers: from,
      });
    const remaining: string[] = [];
    for (let i = 0; i < LOGIN_RATE; i++) {
      const res = await attempt(i % 2 === 0 ? A : B, i);
      expect(res.status).toBe(401);
      remaining.push(res.headers.get("ratelimit-remaining") ?? "");
    }
    expect(remaining).toEqual(Array.from({ length: LOGIN_RATE }, (_, i) => String(LOGIN_RATE - 1 - i)));
    for (const base of [A, B]) {
      const over = await attempt(base, 99);
      expect(over.status).toBe(429);
      expect(over.headers.get("content-type")).toMatch(/^application\/problem\+json/);
      expect(over.body.code).toBe("rate_limited");
    }
    // Another address still has its own budget.
    const other = await call(B, "/api/v1/auth/login", {
      body: { username: "nobody", password: "Wrong@2026x" },
      headers: { "x-forwarded-for": "192.0.2.77" },
    });
    expect(other.status).toBe(401);
  });

  it("replays an idempotency key on the other process, and sells a stock of 25 exactly once over 60 concurrent sales split across both", async () => {
    const prod = await login(A, "prod1");
    const categories = await call(A, "/api/v1/product-categories", { token: prod.token });
    expect(categories.status).toBe(200);
    let categoryId = (categories.body.items as { id: string }[] | undefined)?.[0]?.id;
    if (!categoryId) {
      const made = await call(A, "/api/v1/product-categories", {
        token: prod.token,
        body: { letter: "Z", name: "并发测试" },
      });
      expect(made.status, JSON.stringify(made.body)).toBe(201);
      categoryId = made.body.id as string;
    }
    const key = `two-process-${randomBytes(6).toString("hex")}`;
    const payload = {
      categoryId,
      name: `双实例产品${randomBytes(3).toString("hex")}`,
      unit: "台",
      listPrice: "99.00",
    };
    const created = await call(A, "/api/v1/products", {
      token: prod.token,
      body: payload,
      headers: { "idempotency-key": key },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const replayed = await call(B, "/api/v1/products", {
      token: prod.token,
      body: payload,
      headers: { "idempotency-key": key },
    });
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get("idempotent-replayed")).toBe("true");
    expect(replayed.body.id).toBe(created.body.id);
    const reused = await call(B, "/api/v1/products", {
      token: prod.token,
      body: { ...payload, name: "另一个" },
      headers: { "idempotency-key": key },
    });
    expect(reused.status).toBe(422);
    const [{ n } = { n: -1 }] = (
      await handle!.db.execute<{ n: number }>(
        sql`select count(*)::int as n from products where name = ${payload.name}`,
      )
    ).rows;
    expect(n).toBe(1);

    const productId = created.body.id as string;
    const receipt = await call(B, "/api/v1/stock-movements", {
      token: prod.token,
      body: { productId, kind: "purchase_receipt", quantity: "25" },
    });
    expect(receipt.status, JSON.stringify(receipt.body)).toBe(201);
    const sales = await Promise.all(
      Array.from({ length: 60 }, (_, i) =>
        call(i % 2 === 0 ? A : B, "/api/v1/stock-movements", {
          token: prod.token,
          body: { productId, kind: "sale_issue", quantity: "1" },
        }),
      ),
    );
    const statuses = sales.map((s) => s.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(25);
    expect(statuses.filter((s) => s === 409)).toHaveLength(35);
    expect(sales.filter((s) => s.status === 409).every((s) => s.body.code === "insufficient_stock")).toBe(
      true,
    );
    // The books agree: stock 0 = the ledger's sum.
    const [level] = await handle!.db.select().from(stockLevels).where(eq(stockLevels.productId, productId));
    expect(level?.quantity).toBe("0.000");
    const [ledger] = await handle!.db
      .select({ sum: sql<string>`coalesce(sum(${stockMovements.quantity}), 0)::text` })
      .from(stockMovements)
      .where(eq(stockMovements.productId, productId));
    expect(ledger?.sum).toBe("0.000");
  }, 60_000);
});
