// Shared by `pnpm db:backup` and `pnpm db:restore`: which database the app uses (the same
// DATABASE_URL / DATA_DIR the app reads), PostgreSQL's client tools, and PGlite from packages/db.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { root } from "./lib.mjs";

/** A path given on the command line: relative to where the command was typed (pnpm moves to the root). */
export const userPath = (p) => resolve(process.env.INIT_CWD ?? process.cwd(), p);

/** The app's database: a server (DATABASE_URL) or the embedded one in DATA_DIR (default ./data). */
export function target() {
  const url = process.env.DATABASE_URL;
  if (url) {
    if (!/^postgres(ql)?:\/\//.test(url)) fail("DATABASE_URL must start with postgres:// or postgresql://");
    return { kind: "postgres", url };
  }
  return { kind: "pglite", dataDir: resolve(process.env.DATA_DIR ?? "./data") };
}

/** pg_dump / pg_restore: on PATH, else in PG_BIN or pg_config --bindir, else Debian's newest. */
export function pgTool(name) {
  const dirs = [];
  if (process.env.PG_BIN) dirs.push(process.env.PG_BIN);
  try {
    execFileSync(name, ["--version"], { stdio: "ignore" });
    return name;
  } catch {
    // not on PATH
  }
  try {
    dirs.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // no pg_config
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    for (const v of readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
      dirs.push(join(debian, v, "bin"));
  }
  const found = dirs.map((d) => join(d, name)).find((p) => existsSync(p));
  if (!found)
    fail(`${name} not found: install the PostgreSQL client (Debian: apt-get install postgresql-client)`);
  return found;
}

/** PGlite and its pg_trgm extension, as the app opens them. */
export async function openPglite(dataDir, options = {}) {
  const req = createRequire(join(root, "packages/db/package.json"));
  const load = (id) => import(pathToFileURL(req.resolve(id)).href);
  const { PGlite } = await load("@electric-sql/pglite");
  const { pg_trgm } = await load("@electric-sql/pglite/contrib/pg_trgm");
  const db = new PGlite(dataDir, { extensions: { pg_trgm }, ...options });
  await db.waitReady;
  return db;
}

/** The embedded database is one process's: refuse while the app has it open. */
export function assertPgliteClosed(dataDir) {
  if (existsSync(join(dataDir, "postmaster.pid")) && !process.argv.includes("--force")) {
    fail(
      `${dataDir} is open (postmaster.pid): stop the app first. If it crashed and is not running, add --force.`,
    );
  }
}

export function fail(message) {
  console.error(message);
  process.exit(1);
}

export const stamp = () => new Date().toISOString().replace(/[-:]/g, "").replace(/\..*/, "");
