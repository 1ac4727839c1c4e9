import { createHash } from "node:crypto";
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { sql } from "drizzle-orm";
import { drizzle as drizzlePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import * as schema from "./schema/index.js";

export type Schema = typeof schema;
/**
 * The database handle every service takes. Both drivers expose the same query builder; the type
 * of the node-postgres one stands for both.
 */
export type Db = NodePgDatabase<Schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
export type DbOrTx = Db | Tx;

export interface DbHandle {
  db: Db;
  kind: "postgres" | "pglite";
  /**
   * Applies the committed migrations; safe to call from several processes at once. On PostgreSQL
   * it uses two connections of the pool at once (the lock's and the migrations').
   */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export interface DbOptions {
  /** postgres://… — a real server. Without it, embedded PGlite is used. */
  databaseUrl?: string | undefined;
  /** Folder for PGlite's files; `memory://` keeps everything in memory (tests). */
  dataDir?: string | undefined;
  poolSize?: number | undefined;
  /**
   * PostgreSQL only: a second, smaller pool whose connections plan every statement once, for
   * queryGeneric(). Off for PgBouncer before 1.21 (named statements) and wherever startup
   * options are refused.
   */
  genericPlans?: boolean | undefined;
  /** Errors of idle pooled connections (server restart, terminated session); logged by default. */
  onPoolError?: ((err: Error) => void) | undefined;
}

/** The committed drizzle-kit migrations, found through the package so bundles find them too. */
export function migrationsFolder(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@crm/db/package.json")), "drizzle");
}

const MIGRATION_LOCK = 727_2026;

/** How long a generic-plan connection (its plans made) is kept unused before it is closed. */
const GENERIC_IDLE_MS = 5 * 60_000;

/**
 * A pool of connections to options.databaseUrl, `startup` given to each as its options, each
 * closed after `idleMs` unused (pg's default, 10 s, for the main pool).
 */
function newPool(options: DbOptions, max: number, startup?: string, idleMs = 10_000): pg.Pool {
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max,
    idleTimeoutMillis: idleMs,
    // A server that does not answer (a network cut) fails a request after this, never hangs it.
    connectionTimeoutMillis: 15_000,
    ...(startup ? { options: startup } : {}),
  });
  // Without a listener an idle connection's error (the server restarting, a terminated
  // session) would crash the process; the pool replaces the connection on next use.
  pool.on(
    "error",
    options.onPoolError ?? ((err) => console.warn(`database connection lost: ${err.message}`)),
  );
  // A client checked out of the pool has no error listener of the pool's: a connection lost
  // between two queries of a transaction would crash the process. Its next query fails instead
  // (the request answers 503) and the pool discards it on release.
  pool.on("connect", (client) => client.on("error", () => undefined));
  return pool;
}

export function createDb(options: DbOptions): DbHandle {
  const common = { schema, casing: "snake_case" as const };
  if (options.databaseUrl) {
    const pool = newPool(options, options.poolSize ?? 10);
    const db = drizzlePg(pool, common);
    // Half as many connections, each planning a statement once (queryGeneric). They stay open
    // GENERIC_IDLE_MS unused: a new one plans each statement again on first use (8–14 ms for a
    // list page at 1,000,000 customers), which pg's 10 s made every pause of the load pay, the
    // first requests after it waiting for the plans (up to 0.7 s measured at 16 clients).
    const generic = options.genericPlans
      ? newPool(
          options,
          Math.max(2, Math.ceil((options.poolSize ?? 10) / 2)),
          "-c plan_cache_mode=force_generic_plan",
          GENERIC_IDLE_MS,
        )
      : null;
    if (generic) genericPools.set(db, generic);
    return {
      db,
      kind: "postgres",
      async migrate() {
        // One process migrates at a time; the others wait and then find nothing to do. The lock
        // is a transaction's, held by one connection while the migrations run on another: a
        // session lock would outlive its unlock behind PgBouncer's transaction pooling (the two
        // statements may reach different server connections), and block every later start.
        if ((options.poolSize ?? 10) < 2) throw new Error("migrate() needs a pool of 2 connections or more");
        const holder = await pool.connect();
        try {
          await holder.query("begin");
          await holder.query("select pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
          await migratePg(db, { migrationsFolder: migrationsFolder() });
        } finally {
          await holder.query("commit").catch(() => undefined);
          holder.release();
        }
      },
      close: async () => {
        await Promise.all([pool.end(), generic?.end()]);
      },
    };
  }
  const dataDir = options.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(resolve(dataDir), { recursive: true });
  const client = new PGlite(dataDir.startsWith("memory://") ? dataDir : resolve(dataDir), {
    extensions: { pg_trgm },
  });
  const db = drizzlePglite(client, common) as unknown as Db;
  return {
    db,
    kind: "pglite",
    async migrate() {
      await migratePglite(drizzlePglite(client, common), { migrationsFolder: migrationsFolder() });
    },
    close: () => client.close(),
  };
}

/** The generic-plan pool of a database made with `genericPlans` (never of a transaction). */
const genericPools = new WeakMap<object, pg.Pool>();
const statementNames = new Map<string, string>();

/** Whether queryGeneric runs statements for `db` (a database made with `genericPlans`, not a transaction). */
export const hasGenericPlans = (db: DbOrTx): boolean => genericPools.has(db);

/**
 * Runs a statement on the generic-plan pool as a named statement: each of its connections parses
 * and plans a statement text once and then only binds and executes it (planning a list page cost
 * 0.4–1.2 ms, the owner arrays of a large scope most of it; executing it 1 ms). Rows come as
 * arrays of the driver's values, in the select's order. Null when `db` has no such pool (PGlite,
 * a transaction, `genericPlans` off): the caller runs the statement as usual.
 *
 * Only for statements whose best plan does not depend on their values: a generic plan is made
 * without them. A LIKE pattern, for one, cannot use a btree index then (write a prefix as a range);
 * a trigram index it can.
 */
export async function queryGeneric(
  db: DbOrTx,
  query: { toSQL(): { sql: string; params: unknown[] } },
): Promise<unknown[][] | null> {
  const pool = genericPools.get(db);
  if (!pool) return null;
  const { text, params } = sendOnce(query.toSQL());
  let name = statementNames.get(text);
  if (!name) {
    name = `crm_g_${createHash("sha256").update(text).digest("base64url").slice(0, 24)}`;
    if (statementNames.size >= 1_000) statementNames.clear();
    statementNames.set(text, name);
  }
  const result = await pool.query({ name, text, values: params, rowMode: "array" });
  return result.rows as unknown[][];
}

/**
 * A statement whose large parameters are each sent once: a scope's owner array is written into a
 * page and into its count (two or three times), and PostgreSQL parses each copy on every bind
 * (0.2 ms for 100 uuids). A later copy refers to the first instead, when every use of both is
 * under the same cast (so the parameter's type is the same); small values stay as they are.
 */
const SEND_ONCE_FROM = 64;
export function sendOnce(query: { sql: string; params: unknown[] }): { text: string; params: unknown[] } {
  const { sql: text, params } = query;
  const large = new Map<string, number>();
  const target = params.map((p, i) => {
    if (typeof p !== "string" || p.length < SEND_ONCE_FROM) return i;
    const first = large.get(p);
    if (first === undefined) large.set(p, i);
    return first ?? i;
  });
  if (target.every((t, i) => t === i)) return { text, params };
  // The cast after each use of each parameter: one copy joins another only with the same casts.
  const casts = new Map<number, Set<string>>();
  for (const m of text.matchAll(/\$(\d+)(::[a-z_]+(?:\[\])?)?/g)) {
    const i = Number(m[1]) - 1;
    if (!casts.has(i)) casts.set(i, new Set());
    casts.get(i)!.add(m[2] ?? "");
  }
  const castOf = (i: number) => {
    const c = casts.get(i);
    return c?.size === 1 ? [...c][0] || null : null;
  };
  const joined = target.map((t, i) => (t !== i && castOf(i) !== null && castOf(i) === castOf(t) ? t : i));
  if (joined.every((t, i) => t === i)) return { text, params };
  const number = new Map<number, number>();
  const kept: unknown[] = [];
  joined.forEach((t, i) => {
    if (t === i) number.set(i, kept.push(params[i]));
  });
  return {
    text: text.replace(/\$(\d+)/g, (_, n: string) => `$${number.get(joined[Number(n) - 1]!)}`),
    params: kept,
  };
}

/** A cheap round trip, for readiness checks. */
export async function ping(db: Db): Promise<void> {
  await db.execute(sql`select 1`);
}
