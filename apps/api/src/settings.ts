import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Config } from "./config.js";

/** What the app needs at run time, derived from the config once. */
export interface Settings {
  jwtSecret: string;
  accessTokenTtl: number;
  refreshTokenTtl: number;
  refreshReuseGrace: number;
  loginMaxFailures: number;
  loginLockSeconds: number;
  loginRatePerMinute: number;
  /** Requests per minute per user or API key on authenticated routes (0: no limit). */
  apiRatePerMinute: number;
  /** How often the webhook dispatcher looks for due deliveries (0: it does not run). */
  webhookPollMs: number;
  /** How often due follow-ups, overdue receivables and event reminders become notifications (0: not here). */
  notifySweepMs: number;
  /** Rate-limit counters in Redis (shared by every API process); else in PostgreSQL. */
  redisUrl?: string | null;
  cookieSecure: boolean;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
  demo: boolean;
  webDist: string | null;
  /**
   * The authentication query as a named statement, parsed and planned once per connection (its
   * plan, a primary-key lookup, is the same for every user). Off: unnamed, like every other.
   */
  namedStatements?: boolean;
}

/**
 * The JWT secret: JWT_SECRET when set; in demo mode on the embedded database a random one kept in
 * DATA_DIR (so sessions survive a restart); otherwise start-up stops.
 */
export function resolveJwtSecret(config: Config): string {
  if (config.JWT_SECRET) return config.JWT_SECRET;
  if (!config.DEMO)
    throw new Error("Invalid configuration: JWT_SECRET is required outside demo mode (DEMO=0)");
  if (config.DATABASE_URL) return randomBytes(48).toString("base64url");
  const dir = resolve(config.DATA_DIR);
  const file = join(dir, "jwt-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dir, { recursive: true });
  const secret = randomBytes(48).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function settingsFrom(config: Config, jwtSecret: string, webDist: string | null): Settings {
  return {
    jwtSecret,
    accessTokenTtl: config.ACCESS_TOKEN_TTL,
    refreshTokenTtl: config.REFRESH_TOKEN_TTL,
    refreshReuseGrace: config.REFRESH_REUSE_GRACE,
    loginMaxFailures: config.LOGIN_MAX_FAILURES,
    loginLockSeconds: config.LOGIN_LOCK_SECONDS,
    loginRatePerMinute: config.LOGIN_RATE_PER_MINUTE,
    apiRatePerMinute: config.API_RATE_PER_MINUTE,
    webhookPollMs: config.WEBHOOK_POLL_MS,
    notifySweepMs: config.NOTIFY_SWEEP_MS,
    redisUrl: config.REDIS_URL ?? null,
    cookieSecure: config.COOKIE_SECURE,
    corsOrigins: config.CORS_ORIGINS,
    demo: config.DEMO,
    webDist,
    namedStatements: config.DB_NAMED_STATEMENTS,
  };
}
