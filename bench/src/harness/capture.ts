import { createRequire } from "node:module";
import { createDb } from "@crm/db";
import type pg from "pg";
import { buildApp } from "../../../apps/api/src/app.js";
import { ConfigSchema } from "../../../apps/api/src/config.js";
import { settingsFrom } from "../../../apps/api/src/settings.js";

/** One statement as the app sent it to PostgreSQL. */
export interface Statement {
  text: string;
  values: unknown[];
}

export interface Captured {
  /** every statement of one request, in order (the request made a third time, caches warm) */
  statements: Statement[];
  status: number;
  bytes: number;
}

/**
 * Builds the app from its source in this process on the bench database, with pg's Client.query
 * wrapped, and makes each request three times through app.inject: the statements of the third (the
 * per-process caches of grants, owners' names and estimates are warm, as under load) are what the
 * endpoint really runs. The floor and the ceiling replay exactly these statements.
 */
export async function captureStatements(
  databaseUrl: string,
  password: string,
  requests: { key: string; user: string; url: string }[],
): Promise<Map<string, Captured>> {
  // The pg the app's pool uses (through @crm/db): the same module instance as here under pnpm,
  // but resolved from @crm/db to be sure.
  const require = createRequire(import.meta.resolve("@crm/db"));
  const pgModule = require("pg") as typeof pg;
  const proto = pgModule.Client.prototype as unknown as { query: (...a: unknown[]) => unknown };
  const original = proto.query;
  let sink: Statement[] | null = null;
  proto.query = function (this: unknown, ...a: unknown[]) {
    if (sink) {
      const [config, values] = a;
      if (typeof config === "string")
        sink.push({ text: config, values: Array.isArray(values) ? values : [] });
      else if (config && typeof config === "object" && "text" in config) {
        const c = config as { text: string; values?: unknown[] };
        sink.push({ text: c.text, values: c.values ?? (Array.isArray(values) ? values : []) });
      }
    }
    return original.apply(this, a);
  };
  const handle = createDb({ databaseUrl, poolSize: 10 });
  const config = ConfigSchema.parse({
    DATABASE_URL: databaseUrl,
    DEMO: "1",
    API_RATE_PER_MINUTE: "0",
    LOGIN_RATE_PER_MINUTE: "10000",
    WEBHOOK_POLL_MS: "0",
    NOTIFY_SWEEP_MS: "0",
    LOG_LEVEL: "silent",
  });
  const app = await buildApp({
    settings: settingsFrom(config, "bench-capture-secret-0123456789abcdefghij", null),
    db: handle,
    logger: false,
  });
  await app.ready();
  const out = new Map<string, Captured>();
  try {
    const tokens = new Map<string, string>();
    for (const r of requests) {
      let token = tokens.get(r.user);
      if (!token) {
        const res = await app.inject({
          method: "POST",
          url: "/api/v1/auth/login",
          payload: { username: r.user, password },
        });
        if (res.statusCode !== 200) throw new Error(`capture: login ${r.user}: HTTP ${res.statusCode}`);
        token = (res.json() as { accessToken: string }).accessToken;
        tokens.set(r.user, token);
      }
      const inject = () =>
        app.inject({ method: "GET", url: r.url, headers: { authorization: `Bearer ${token}` } });
      await inject();
      await inject();
      sink = [];
      const res = await inject();
      const statements = sink;
      sink = null;
      if (statements.length === 0)
        throw new Error(`capture: no statement seen for ${r.url} (another pg instance?)`);
      out.set(r.key, {
        statements: statements.map((s) => ({ text: s.text, values: s.values.map(plain) })),
        status: res.statusCode,
        bytes: res.rawPayload.length,
      });
    }
  } finally {
    sink = null;
    proto.query = original;
    await app.close();
    await handle.close();
  }
  return out;
}

/** A parameter as JSON can carry it to the replaying process (PostgreSQL reads dates as ISO text). */
function plain(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(plain);
  if (Buffer.isBuffer(v)) return v.toString("utf8");
  return v;
}
