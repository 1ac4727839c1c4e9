import { z } from "zod";

const bool = z
  .enum(["1", "0", "true", "false", "yes", "no", "on", "off"])
  .transform((v) => ["1", "true", "yes", "on"].includes(v));

const seconds = z.coerce
  .number()
  .int()
  .min(0)
  .max(365 * 24 * 3600);

/** The environment, parsed once. Every setting the process reads is here. */
export const ConfigSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default("127.0.0.1"),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
      .optional(),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, "must start with redis:// or rediss://")
      .optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    // At least 2: an import commit holds one connection for its transaction while its job is claimed on another.
    DB_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
    // The query every authenticated request runs, prepared once per connection (a named statement).
    // Off behind PgBouncer older than 1.21, or without max_prepared_statements (docs/scaling.md).
    DB_NAMED_STATEMENTS: bool.default(true),
    // The customer list's pages on a second pool (half DB_POOL_SIZE) whose connections plan a
    // statement once (plan_cache_mode = force_generic_plan, a startup option). Off behind PgBouncer,
    // and with DB_NAMED_STATEMENTS (its statements are named).
    DB_GENERIC_PLANS: bool.default(true),
    DEMO: bool.optional(),
    JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    ADMIN_PASSWORD: z.string().min(8, "must be at least 8 characters").optional(),
    ACCESS_TOKEN_TTL: seconds.min(30).default(900),
    REFRESH_TOKEN_TTL: seconds.min(60).default(14 * 24 * 3600),
    REFRESH_REUSE_GRACE: seconds.max(120).default(10),
    LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
    LOGIN_LOCK_SECONDS: seconds.min(1).default(900),
    LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10000).default(30),
    API_RATE_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(3000),
    WEBHOOK_POLL_MS: z.coerce.number().int().min(0).max(600_000).default(1000),
    NOTIFY_SWEEP_MS: z.coerce.number().int().min(0).max(3_600_000).default(60_000),
    COOKIE_SECURE: bool.default(false),
    TRUST_PROXY: bool.default(false),
    /** Comma-separated origins (scheme://host[:port]) allowed to call the API cross-origin. */
    CORS_ORIGINS: z
      .string()
      .default("")
      .transform((s) => s.split(",").flatMap((o) => (o.trim() ? [o.trim()] : [])))
      .pipe(
        z.array(z.string().regex(/^https?:\/\/[^/\s,]+$/, "each must be an origin: https://host[:port]")),
      ),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    WEB_DIST: z.string().optional(),
    WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  })
  .refine((env) => env.WORKERS === 1 || !!env.DATABASE_URL, {
    message: "more than one worker needs PostgreSQL (DATABASE_URL): the embedded database is one process's",
    path: ["WORKERS"],
  })
  .transform((env) => ({ ...env, DEMO: env.DEMO ?? !env.DATABASE_URL }));

export type Config = z.infer<typeof ConfigSchema>;

/** Parses the environment; a bad value throws one readable line naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const clean = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = ConfigSchema.safeParse(clean);
  if (!parsed.success) {
    const parts = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${parts.join("; ")}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {}
