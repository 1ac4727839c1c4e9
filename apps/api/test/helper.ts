import { randomBytes } from "node:crypto";
import { freshTestDatabase, type TestDatabase } from "@crm/db";
import type { FastifyInstance, LightMyRequestResponse } from "fastify";
import { afterAll } from "vitest";
import { buildApp } from "../src/app.js";
import { bootstrapDatabase } from "../src/bootstrap.js";
import type { Settings } from "../src/settings.js";

export const DEMO_PASSWORD = "Demo@2026";

/** A fresh database for one test file (see freshTestDatabase), seeded with the demo company. */
export async function freshDatabase(): Promise<TestDatabase> {
  const handle = await freshTestDatabase();
  await bootstrapDatabase(handle, { demo: true });
  return handle;
}

export function testSettings(overrides: Partial<Settings> = {}): Settings {
  return {
    jwtSecret: randomBytes(32).toString("hex"),
    accessTokenTtl: 900,
    refreshTokenTtl: 3600,
    refreshReuseGrace: 0,
    loginMaxFailures: 5,
    loginLockSeconds: 900,
    loginRatePerMinute: 1000,
    apiRatePerMinute: 100_000,
    webhookPollMs: 100,
    notifySweepMs: 0,
    cookieSecure: false,
    demo: true,
    webDist: null,
    // As in production (DB_NAMED_STATEMENTS defaults to true).
    namedStatements: true,
    ...overrides,
  };
}

export interface TestContext {
  app: FastifyInstance;
  db: TestDatabase;
  settings: Settings;
}

/**
 * Builds the app on a fresh database for the current test file and closes both after it.
 * `extend` may add test-only routes before the app is ready.
 */
export async function setupApp(
  overrides: Partial<Settings> = {},
  extend?: (app: FastifyInstance) => void | Promise<void>,
): Promise<TestContext> {
  const db = await freshDatabase();
  const settings = testSettings(overrides);
  const app = await buildApp({ settings, db });
  if (extend) await extend(app);
  await app.ready();
  afterAll(async () => {
    await app.close();
    await db.drop();
  });
  return { app, db, settings };
}

export async function login(app: FastifyInstance, username: string, password = DEMO_PASSWORD) {
  const res = await app.inject({
    method: "POST",
    url: "/api/v1/auth/login",
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login ${username} failed: ${res.statusCode} ${res.body}`);
  return res.json() as { accessToken: string; refreshToken: string; user: { id: string } };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export type Inject = (opts: {
  method?: "GET" | "POST" | "PATCH" | "DELETE" | "PUT";
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}) => Promise<LightMyRequestResponse>;

/** A logged-in client for one demo user: `as.sales1({ url })`. */
export async function clientFor(
  app: FastifyInstance,
  username: string,
  password = DEMO_PASSWORD,
): Promise<Inject> {
  const { accessToken } = await login(app, username, password);
  return (opts) =>
    app.inject({
      method: opts.method ?? "GET",
      url: opts.url,
      ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
      headers: { ...bearer(accessToken), ...opts.headers },
    });
}

/** Logged-in clients for several users at once: `const [a, b] = await clientsFor(app, ["a", "b"])`. */
export async function clientsFor<const T extends readonly string[]>(
  app: FastifyInstance,
  usernames: T,
): Promise<{ [K in keyof T]: Inject }> {
  return (await Promise.all(usernames.map((u) => clientFor(app, u)))) as { [K in keyof T]: Inject };
}

/** A multipart/form-data body with one file and some text fields, for app.inject. */
export function multipart(
  file: { name: string; content: Buffer | string },
  fields: Record<string, string> = {},
) {
  const boundary = `----crmtest${Date.now().toString(16)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    Buffer.isBuffer(file.content) ? file.content : Buffer.from(file.content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}
