import type { TestDatabase } from "@crm/db";
import { sql } from "drizzle-orm";

/**
 * Tables that legitimately change on a refused request: the request's own bookkeeping (rate-limit
 * counters, failed-login throttling, idempotency records), never business data.
 */
export const BOOKKEEPING_TABLES = ["rate_limits", "login_throttle", "idempotency_keys", "refresh_tokens"];

/** Rows written per table since the run began: a snapshot differs from the last when anything changed. */
export type Snapshot = Map<string, string>;

/**
 * Counts every row inserted, updated or deleted (and every truncate) in every table but the
 * bookkeeping ones, with triggers added to this throw-away test database only. A write that rolls
 * back rolls its count back too, so only committed changes show. Reading the counts is one tiny
 * query, cheap enough to do after every request.
 */
export async function createSnapshots(db: TestDatabase) {
  const tables = (
    await db.db.execute<{ t: string }>(
      sql`select tablename as t from pg_tables where schemaname = 'public' order by tablename`,
    )
  ).rows
    .map((r) => r.t)
    .filter((t) => !BOOKKEEPING_TABLES.includes(t) && !t.startsWith("__"));
  // One statement per query: the embedded database (PGlite) takes no multi-statement text.
  const statements = [
    "create table fuzz_row_changes (t text primary key, n bigint not null)",
    `create function fuzz_count_change() returns trigger language plpgsql as $$
      begin
        insert into fuzz_row_changes as c (t, n) values (tg_table_name, 1)
          on conflict (t) do update set n = c.n + 1;
        return null;
      end $$`,
    ...tables.flatMap((t) => [
      `create trigger fuzz_rows after insert or update or delete on "${t}"
         for each row execute function fuzz_count_change()`,
      `create trigger fuzz_truncate after truncate on "${t}"
         for each statement execute function fuzz_count_change()`,
    ]),
  ];
  for (const statement of statements) await db.db.execute(sql.raw(statement));
  const query = sql`select t, n::text as v from fuzz_row_changes`;
  const take = async (): Promise<Snapshot> => {
    const rows = (await db.db.execute<{ t: string; v: string }>(query)).rows;
    return new Map(rows.map((r) => [r.t, r.v]));
  };
  return {
    tables,
    take,
    /** A snapshot once two taken `quietMs` apart agree (waiting at most about 40 × quietMs). */
    async settled(quietMs = 25): Promise<Snapshot> {
      let last = await take();
      for (let i = 0; i < 40; i++) {
        await new Promise((r) => setTimeout(r, quietMs));
        const next = await take();
        if (!snapshotDiff(last, next).length) return next;
        last = next;
      }
      return last;
    },
  };
}

/** The tables whose rows differ between two snapshots. */
export function snapshotDiff(before: Snapshot, after: Snapshot): string[] {
  return [...after]
    .filter(([t, v]) => before.get(t) !== v)
    .map(([t, v]) => `${t} (${Number(v) - Number(before.get(t) ?? 0)} rows)`);
}
