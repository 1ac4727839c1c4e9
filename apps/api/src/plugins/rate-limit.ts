import type { Db } from "@crm/db";
import rateLimit from "@fastify/rate-limit";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { Redis } from "ioredis";

type Callback = (err: Error | null, res?: { current: number; ttl: number }) => void;

/** How often (per counted request) expired counters are deleted. */
const CLEANUP_CHANCE = 0.01;

/**
 * Rate-limit counters in PostgreSQL (table rate_limits), so every API process counts against the
 * same budget: one upsert per counted request, a fixed window per route and key that restarts
 * once it has expired. The row lock of the upsert makes concurrent counts exact.
 */
export class PgRateLimitStore {
  constructor(
    private readonly db: Db,
    private readonly prefix = "",
  ) {}

  incr(key: string, cb: Callback, timeWindow: number) {
    const k = this.prefix + key;
    this.db
      .execute<{ hits: number; ttl: string }>(sql`
        insert into rate_limits (key, hits, reset_at)
        values (${k}, 1, now() + make_interval(secs => ${timeWindow / 1000}))
        on conflict (key) do update set
          hits = case when rate_limits.reset_at <= now() then 1
                      else least(rate_limits.hits + 1, 2147483647) end,
          reset_at = case when rate_limits.reset_at <= now() then excluded.reset_at
                          else rate_limits.reset_at end
        returning hits, greatest(0, ceil(extract(epoch from reset_at - now()) * 1000))::bigint as ttl`)
      .then((res) => {
        const row = res.rows[0];
        cb(null, { current: Number(row?.hits ?? 1), ttl: Number(row?.ttl ?? timeWindow) });
      }, cb);
    if (Math.random() < CLEANUP_CHANCE)
      void this.db
        .execute(sql`delete from rate_limits where reset_at < now() - interval '1 minute'`)
        .catch(() => undefined);
  }

  read(key: string, cb: Callback) {
    this.db
      .execute<{ hits: number; ttl: string }>(sql`
        select hits, greatest(0, ceil(extract(epoch from reset_at - now()) * 1000))::bigint as ttl
        from rate_limits where key = ${this.prefix + key} and reset_at > now()`)
      .then((res) => {
        const row = res.rows[0];
        cb(null, row ? { current: Number(row.hits), ttl: Number(row.ttl) } : { current: 0, ttl: 0 });
      }, cb);
  }

  /** Each route's limit counts apart (as the library's own stores do). */
  child(routeOptions: object) {
    // At run time the route's merged limit options, with the route as routeInfo.
    const info =
      (routeOptions as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo ?? {};
    return new PgRateLimitStore(this.db, `${[info.method ?? ""].flat().join(",")}${info.url ?? ""}-`);
  }
}

/**
 * @fastify/rate-limit with counters every API process shares: in Redis when REDIS_URL is set, else
 * in PostgreSQL. Only the embedded database (one process by construction) keeps them in memory.
 * Routes opt in with `config.rateLimit` (no global limit).
 */
export const rateLimitPlugin = fp(
  async (app: FastifyInstance) => {
    const common = { global: false, enableDraftSpec: true };
    const redisUrl = app.settings.redisUrl;
    if (redisUrl) {
      // Fail fast while Redis is away (no offline queue) and let the request through then: the
      // per-account login lockout lives in PostgreSQL and still holds.
      const redis = new Redis(redisUrl, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 5_000,
      });
      redis.on("error", (err) => app.log.warn({ err }, "redis (rate limits)"));
      await redis.connect();
      app.addHook("onClose", async () => {
        await redis.quit().catch(() => redis.disconnect());
      });
      await app.register(rateLimit, { ...common, redis, nameSpace: "crm:rate-limit:", skipOnError: true });
    } else if (app.dbHandle.kind === "postgres") {
      const db = app.db;
      await app.register(rateLimit, {
        ...common,
        store: class extends PgRateLimitStore {
          constructor() {
            super(db);
          }
        },
      });
    } else {
      await app.register(rateLimit, common);
    }
  },
  { name: "rate-limit", dependencies: ["db", "access"] },
);
