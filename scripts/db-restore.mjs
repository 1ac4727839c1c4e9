// `pnpm db:restore <file>`: puts a `pnpm db:backup` file back as the app's database (stop the app first).
// PostgreSQL (DATABASE_URL): pg_restore --clean in ONE transaction: the database is replaced by the
// backup, or (on any error) left as it was.
// Embedded (DATA_DIR): the current folder is moved aside to <DATA_DIR>.before-restore-<time>, never
// deleted, and the backup is loaded into a new one.
import { spawnSync } from "node:child_process";
import { existsSync, openSync, readdirSync, readSync, renameSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { assertPgliteClosed, fail, openPglite, pgTool, stamp, target, userPath } from "./db-common.mjs";

const arg = process.argv.slice(2).find((a) => !a.startsWith("--"));
if (!arg) fail("Usage: pnpm db:restore <backup file> (made by pnpm db:backup)");
const file = userPath(arg);
if (!existsSync(file)) fail(`${file} does not exist`);

const head = Buffer.alloc(5);
readSync(openSync(file, "r"), head, 0, 5, 0);
const isPgDump = head.toString("latin1") === "PGDMP";
const isGzip = head[0] === 0x1f && head[1] === 0x8b;
const db = target();
const started = performance.now();

if (db.kind === "postgres") {
  if (!isPgDump)
    fail(`${file} is not a pg_dump custom-format file: an embedded backup restores with DATA_DIR`);
  const args = ["--clean", "--if-exists", "--no-owner", "--single-transaction", "--exit-on-error"];
  const res = spawnSync(pgTool("pg_restore"), [...args, `--dbname=${db.url}`, file], { stdio: "inherit" });
  if (res.status !== 0) fail(`pg_restore failed (${res.status ?? res.signal}); the database is unchanged`);
  console.log(
    `Restored ${file} into the PostgreSQL database (${Math.round(performance.now() - started)} ms)`,
  );
} else {
  if (!isGzip)
    fail(`${file} is not an embedded-database backup (.tar.gz): a pg_dump file restores with DATABASE_URL`);
  let aside = null;
  if (existsSync(db.dataDir) && readdirSync(db.dataDir).length > 0) {
    assertPgliteClosed(db.dataDir);
    aside = `${db.dataDir}.before-restore-${stamp()}`;
    renameSync(db.dataDir, aside);
  }
  try {
    const pg = await openPglite(db.dataDir, { loadDataDir: new Blob([await readFile(file)]) });
    await pg.query("select 1");
    await pg.close();
  } catch (err) {
    if (aside) {
      // Put the previous database back rather than leave a half-loaded folder in its place.
      const { rmSync } = await import("node:fs");
      rmSync(db.dataDir, { recursive: true, force: true });
      renameSync(aside, db.dataDir);
    }
    fail(`restore failed, the database is unchanged: ${err instanceof Error ? err.message : err}`);
  }
  console.log(
    `Restored ${file} into ${db.dataDir} (${Math.round(performance.now() - started)} ms)` +
      (aside ? `; the previous database is kept in ${aside}` : ""),
  );
}
