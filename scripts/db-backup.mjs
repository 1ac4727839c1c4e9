// `pnpm db:backup [file]`: a full copy of the app's database in one file.
// PostgreSQL (DATABASE_URL): pg_dump's custom format (consistent while the app runs).
// Embedded (DATA_DIR): PGlite's dumpDataDir, a gzipped tar of the data folder (stop the app first).
// Default file: backups/crm-<postgres|pglite>-<UTC time>.<dump|tar.gz>. Restore with `pnpm db:restore <file>`.
import { spawnSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { assertPgliteClosed, fail, openPglite, pgTool, stamp, target, userPath } from "./db-common.mjs";
import { root } from "./lib.mjs";

const db = target();
const arg = process.argv.slice(2).find((a) => !a.startsWith("--"));
const ext = db.kind === "postgres" ? "dump" : "tar.gz";
const file = arg ? userPath(arg) : join(root, "backups", `crm-${db.kind}-${stamp()}.${ext}`);
mkdirSync(dirname(file), { recursive: true });
const started = performance.now();

if (db.kind === "postgres") {
  const res = spawnSync(pgTool("pg_dump"), ["--format=custom", `--file=${file}`, `--dbname=${db.url}`], {
    stdio: "inherit",
  });
  if (res.status !== 0) fail(`pg_dump failed (${res.status ?? res.signal})`);
} else {
  assertPgliteClosed(db.dataDir);
  const pg = await openPglite(db.dataDir);
  try {
    const dump = await pg.dumpDataDir("gzip");
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  } finally {
    await pg.close();
  }
}
const size = statSync(file).size;
console.log(
  `Backed up the ${db.kind === "postgres" ? "PostgreSQL" : `embedded (${db.dataDir})`} database to ${file} ` +
    `(${(size / 1024 / 1024).toFixed(1)} MiB, ${Math.round(performance.now() - started)} ms)`,
);
