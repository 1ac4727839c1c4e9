// The servers the tests need besides Node, for `pnpm test` on a machine that has none:
// - PostgreSQL: without TEST_DATABASE_URL the runner starts a server of its own for the run
//   (initdb in a temporary folder, on a free port, removed afterwards), installing Debian's
//   `postgresql` with apt first when its binaries are missing (as root). Some tests need a real
//   server (two API processes on one database, a database stopped under load, pg_dump round trips).
// - Redis: the rate-limit counters' Redis store is tested against TEST_REDIS_URL, else a Redis on
//   127.0.0.1:6379, else one the runner starts (installing Debian's `redis-server` when missing).
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const isRoot = process.getuid?.() === 0;

function aptInstall(pkg) {
  if (!isRoot || !existsSync("/usr/bin/apt-get")) {
    throw new Error(
      `the tests need ${pkg}: install it (Debian: apt-get install ${pkg}), or run as root to let this script do it`,
    );
  }
  console.log(`Installing ${pkg} (apt-get install ${pkg})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update", "-qq"], { stdio: "inherit", env });
  const install = spawnSync("apt-get", ["install", "-y", "-qq", pkg], { stdio: "inherit", env });
  if (update.status !== 0 || install.status !== 0) throw new Error(`apt-get install ${pkg} failed`);
}

/** initdb and pg_ctl: PG_BIN, pg_config --bindir, or Debian's /usr/lib/postgresql/<newest>/bin. */
function postgresBin() {
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : [];
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
  return candidates.find((d) => existsSync(join(d, "initdb")) && existsSync(join(d, "pg_ctl"))) ?? null;
}

async function freePort(from) {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise((resolve) => {
      const server = createServer();
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port from ${from}`);
}

const listening = (port) =>
  new Promise((resolve) => {
    const socket = createConnection({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

async function startPostgres() {
  let bin = postgresBin();
  if (!bin) {
    aptInstall("postgresql");
    bin = postgresBin();
    if (!bin) throw new Error("PostgreSQL installed, but initdb was not found (set PG_BIN)");
  }
  const base = mkdtempSync(join(tmpdir(), "crm-test-pg-"));
  const data = join(base, "data");
  // initdb refuses root: as root the server runs as the `postgres` user, in a folder it owns.
  if (isRoot) {
    const id = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
    chownSync(base, id("-u"), id("-g"));
  }
  const pg = (name, args) => {
    const cmd = join(bin, name);
    const res = isRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", cmd, ...args], { encoding: "utf8", cwd: base })
      : spawnSync(cmd, args, { encoding: "utf8", cwd: base });
    if (res.status !== 0) throw new Error(`${name} failed: ${res.stderr || res.stdout}`);
  };
  pg("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort(55600);
  const options = `-p ${port} -k ${base} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  pg("pg_ctl", ["-D", data, "-l", join(base, "server.log"), "-o", options, "-w", "-t", "60", "start"]);
  console.log(`PostgreSQL for this run: 127.0.0.1:${port} (initdb in ${base})`);
  return {
    env: { TEST_DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres` },
    stop() {
      try {
        pg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already down
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

async function startRedis() {
  const which = spawnSync("sh", ["-c", "command -v redis-server"], { encoding: "utf8" });
  if (which.status !== 0) aptInstall("redis-server");
  const port = await freePort(56600);
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    {
      stdio: "ignore",
    },
  );
  for (let i = 0; i < 50 && !(await listening(port)); i++) await new Promise((r) => setTimeout(r, 100));
  console.log(`Redis for this run: 127.0.0.1:${port}`);
  return { env: { TEST_REDIS_URL: `redis://127.0.0.1:${port}` }, stop: () => child.kill() };
}

/** Starts what is missing; returns the environment the tests get and a stop for the end of the run. */
export async function ensureTestServices() {
  const started = [];
  const env = {};
  if (!process.env.TEST_DATABASE_URL) started.push(await startPostgres());
  if (!process.env.TEST_REDIS_URL && !(await listening(6379))) started.push(await startRedis());
  for (const s of started) Object.assign(env, s.env);
  return {
    env,
    stop: () => {
      for (const s of started) s.stop();
    },
  };
}
