// A PostgreSQL server of a test's own (initdb in a temporary folder, on a free port), for tests
// that stop, kill or restore the database: never the shared server other tests run on.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The folder of initdb/pg_ctl: PG_BIN, then pg_config --bindir, then Debian's /usr/lib/postgresql/<v>/bin. */
export function postgresBinDir(): string {
  const candidates: string[] = [];
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  try {
    candidates.push(execFileSync("pg_config", ["--bindir"], { encoding: "utf8" }).trim());
  } catch {
    // no pg_config on PATH
  }
  const debian = "/usr/lib/postgresql";
  if (existsSync(debian)) {
    const versions = readdirSync(debian).sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(debian, v, "bin")));
  }
  const found = candidates.find((dir) => existsSync(join(dir, "initdb")) && existsSync(join(dir, "pg_ctl")));
  if (!found) {
    throw new Error(
      "PostgreSQL server binaries (initdb, pg_ctl) not found: install the server (Debian: apt-get install " +
        "postgresql) or set PG_BIN to their folder. These tests need a server of their own and do not skip.",
    );
  }
  return found;
}

/** A TCP port nobody listens on, from `from` upwards. */
export async function freePort(from: number, count = 100): Promise<number> {
  for (let port = from; port < from + count; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${from + count - 1}`);
}

export interface ThrowawayPostgres {
  port: number;
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url(database?: string): string;
  bin(name: string): string;
  start(): void;
  /** pg_ctl stop: `fast` rolls back sessions, `immediate` is a crash (recovery at next start). */
  stop(mode?: "fast" | "immediate"): void;
  /** Stops the server if it runs and removes its folder; safe to call more than once. */
  destroy(): void;
  log(): string;
}

/**
 * initdb refuses to run as root, so as root every server command runs as the `postgres` user
 * (runuser) in a folder that user owns.
 */
export async function startThrowawayPostgres(): Promise<ThrowawayPostgres> {
  const binDir = postgresBinDir();
  const isRoot = process.getuid?.() === 0;
  const base = mkdtempSync(join(tmpdir(), "crm-pg-"));
  const dataDir = join(base, "data");
  const logFile = join(base, "server.log");
  if (isRoot) {
    const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    chownSync(base, id("-u"), id("-g"));
  }
  const run = (name: string, args: string[]) => {
    const cmd = join(binDir, name);
    const res = isRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8", cwd: base })
      : spawnSync(cmd, args, { encoding: "utf8", cwd: base });
    if (res.status !== 0) {
      throw new Error(`${name} ${args.join(" ")} failed (${res.status}): ${res.stderr || res.stdout}`);
    }
    return res.stdout;
  };
  run("initdb", ["-D", dataDir, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort(Number(process.env.TEST_PG_PORT_BASE ?? 55400));
  // fsync off: the tests kill processes, never the machine, and the disk of CI is slow.
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  let running = false;
  const pg: ThrowawayPostgres = {
    port,
    url: (database = "postgres") => `postgres://postgres@127.0.0.1:${port}/${database}`,
    bin: (name) => join(binDir, name),
    start() {
      run("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", options, "-w", "-t", "60", "start"]);
      running = true;
    },
    stop(mode = "fast") {
      run("pg_ctl", ["-D", dataDir, "-m", mode, "-w", "-t", "60", "stop"]);
      running = false;
    },
    destroy() {
      if (running || existsSync(join(dataDir, "postmaster.pid"))) {
        try {
          pg.stop("immediate");
        } catch {
          // already down
        }
      }
      rmSync(base, { recursive: true, force: true });
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, "utf8") : ""),
  };
  try {
    pg.start();
  } catch (err) {
    pg.destroy();
    throw err;
  }
  return pg;
}
