// `pnpm db:backup` and `pnpm db:restore` round trips, both databases: every table of the restored
// database has the same rows (count and checksum) as the original had when it was backed up, also
// when the restore replaces a database changed since.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createDb, type DbHandle, freshTestDatabase } from "@crm/db";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { bootstrapDatabase } from "../src/bootstrap.js";
import { seedDemoBusiness } from "../src/demo-business.js";
import { seedDemoCustomers } from "../src/demo-customers.js";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const work = mkdtempSync(join(tmpdir(), "crm-backup-"));
let server: ThrowawayPostgres | undefined;
const cleanups: (() => Promise<unknown>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  server?.destroy();
  rmSync(work, { recursive: true, force: true });
});

/** Runs a root script as `pnpm db:…` does (cwd the root), with only the database variables set. */
async function script(name: string, args: string[], env: Record<string, string>) {
  const { stdout } = await promisify(execFile)(process.execPath, [join(root, "scripts", name), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? "", INIT_CWD: work, ...env },
  });
  return stdout.trim();
}

/** Tables with rows in the seeded database (the demo fills more): below this the test proves little. */
const MIN_FILLED = 10;

function report(kind: string, original: Fingerprint, filled: number, backup: string, restore: string) {
  const rows = Object.values(original).reduce((n, t) => n + t.rows, 0);
  const ms = (line: string) => /(\d+) ms/.exec(line)?.[1];
  console.log(
    `[backup] ${kind}: ${Object.keys(original).length} tables (${filled} with rows, ${rows} rows) identical after ` +
      `the round trip; backup ${ms(backup)} ms, restore over the changed database ${ms(restore)} ms`,
  );
}

type Fingerprint = Record<string, { rows: number; md5: string }>;

/** Every table of the app's schemas (and drizzle's migration log): its row count and a checksum of its rows. */
async function fingerprint(handle: DbHandle): Promise<Fingerprint> {
  const { rows: tables } = await handle.db.execute<{ name: string }>(
    sql`select format('%I.%I', schemaname, tablename) as name from pg_tables
        where schemaname in ('public', 'drizzle') order by 1`,
  );
  const out: Fingerprint = {};
  for (const { name } of tables) {
    const { rows } = await handle.db.execute<{ n: number; md5: string }>(
      sql.raw(`select count(*)::int as n, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as md5
               from ${name} t`),
    );
    out[name] = { rows: rows[0]!.n, md5: rows[0]!.md5 };
  }
  return out;
}

/**
 * The demo company with its customers; with its business records too (orders, stock, payments)
 * on the server, where they take a second rather than ten.
 */
async function seed(handle: DbHandle) {
  await bootstrapDatabase(handle, { demo: true });
  await seedDemoCustomers(handle.db);
  if (handle.kind === "postgres") await seedDemoBusiness(handle.db);
}

/**
 * A change after the backup, that the restore must take back. The audit log only grows: an
 * edit, a delete or a truncate of it is refused whoever connects, so the change adds a row.
 */
async function change(handle: DbHandle) {
  await handle.db.execute(sql`insert into audit_log (action, entity_type) values ('after_backup', 'test')`);
  for (const statement of [
    sql`update audit_log set action = 'x'`,
    sql`delete from audit_log`,
    sql`truncate audit_log`,
  ]) {
    const error = await handle.db.execute(statement).then(
      () => "allowed",
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(error).toMatch(/audit_log is append-only/);
  }
  await handle.db.execute(
    sql`update customers set name = name || '（已改）' where id in (select id from customers limit 3)`,
  );
}

function expectSame(restored: Fingerprint, original: Fingerprint, minFilled: number) {
  expect(Object.keys(restored)).toEqual(Object.keys(original));
  expect(restored).toEqual(original);
  const filled = Object.values(original).filter((t) => t.rows > 0).length;
  expect(filled, "too few tables with rows to prove anything").toBeGreaterThanOrEqual(minFilled);
  return filled;
}

describe("backup and restore", () => {
  it("embedded database: backup, then restore over a changed database, every table identical", async () => {
    const dataDir = join(work, "data");
    const first = createDb({ dataDir });
    await seed(first);
    const original = await fingerprint(first);
    await first.close();

    const out = await script("db-backup.mjs", ["pglite.tar.gz"], { DATA_DIR: dataDir });
    expect(out).toMatch(/Backed up the embedded/);
    expect(existsSync(join(work, "pglite.tar.gz"))).toBe(true);

    const again = createDb({ dataDir });
    await change(again);
    expect(await fingerprint(again)).not.toEqual(original);
    await again.close();
    const restored = await script("db-restore.mjs", ["pglite.tar.gz"], { DATA_DIR: dataDir });
    expect(restored).toMatch(/previous database is kept in/);
    expect(readdirSync(work).some((f) => f.startsWith("data.before-restore-"))).toBe(true);
    const back = createDb({ dataDir });
    const after = await fingerprint(back);
    await back.close();
    const filled = expectSame(after, original, MIN_FILLED);
    report("embedded", original, filled, out, restored);
  }, 180_000);

  it("PostgreSQL: pg_dump and pg_restore into a new database and over a changed one, every table identical", async () => {
    // The server CI gives (TEST_DATABASE_URL), else one of this file's own.
    let serverUrl = process.env.TEST_DATABASE_URL;
    if (!serverUrl) {
      server = await startThrowawayPostgres();
      serverUrl = server.url();
    }
    const source = await freshTestDatabase(serverUrl);
    cleanups.push(() => source.drop());
    await seed(source);
    const original = await fingerprint(source);
    const sourceUrl = (await urlOf(source, serverUrl)).toString();

    const out = await script("db-backup.mjs", ["server.dump"], { DATABASE_URL: sourceUrl });
    expect(out).toMatch(/Backed up the PostgreSQL database/);

    const name = `crm_restore_${process.pid}_${randomBytes(3).toString("hex")}`;
    const admin = createDb({ databaseUrl: serverUrl, poolSize: 1, onPoolError: () => undefined });
    cleanups.push(async () => {
      await admin.db.execute(sql.raw(`drop database if exists ${name} with (force)`));
      await admin.close();
    });
    await admin.db.execute(sql.raw(`create database ${name}`));
    const targetUrl = new URL(serverUrl);
    targetUrl.pathname = `/${name}`;
    await script("db-restore.mjs", ["server.dump"], { DATABASE_URL: targetUrl.toString() });
    const copy = createDb({ databaseUrl: targetUrl.toString(), poolSize: 1, onPoolError: () => undefined });
    const copied = await fingerprint(copy);
    await copy.close();
    const filled = expectSame(copied, original, MIN_FILLED);

    await change(source);
    expect(await fingerprint(source)).not.toEqual(original);
    const restored = await script("db-restore.mjs", ["server.dump"], { DATABASE_URL: sourceUrl });
    expectSame(await fingerprint(source), original, MIN_FILLED);
    report("PostgreSQL", original, filled, out, restored);
  }, 180_000);
});

/** The URL of a fresh test database: the server's, with that database's name. */
async function urlOf(handle: DbHandle, serverUrl: string): Promise<URL> {
  const { rows } = await handle.db.execute<{ name: string }>(sql`select current_database() as name`);
  const url = new URL(serverUrl);
  url.pathname = `/${rows[0]!.name}`;
  return url;
}
