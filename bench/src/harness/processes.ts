import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import net from "node:net";

/** A port nobody listens on now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Runs a command to its end, its output passed through; rejects on a non-zero exit. */
export function runToEnd(
  cmd: string,
  args: string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean } = {},
) {
  return new Promise<string>((resolve, reject) => {
    const child = spawn(cmd, args, {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      out += d;
      if (!opts.quiet) process.stdout.write(d);
    });
    child.stderr.on("data", (d: Buffer) => {
      out += d;
      if (!opts.quiet) process.stderr.write(d);
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve(out)
        : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}\n${out.slice(-2000)}`)),
    );
  });
}

/** Starts a long-running process and resolves once `ready()` answers true (polled). */
export async function startService(
  name: string,
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  ready: () => Promise<boolean>,
  timeoutMs = 120_000,
): Promise<ChildProcess> {
  const child = spawn(cmd, args, { env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const keep = (d: Buffer) => {
    log = (log + d).slice(-4000);
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited: number | null = null;
  child.on("exit", (code) => {
    exited = code ?? -1;
  });
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (exited !== null) throw new Error(`${name} exited (${exited}) before it was ready:\n${log}`);
    if (await ready().catch(() => false)) return child;
    await new Promise((r) => setTimeout(r, 250));
  }
  child.kill("SIGTERM");
  throw new Error(`${name} not ready after ${timeoutMs / 1000} s:\n${log}`);
}

export async function stopService(child: ChildProcess | null | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const done = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGTERM");
  const force = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await done;
  clearTimeout(force);
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

/**
 * Samples the resident memory of a process and its children (the API's workers) every 250 ms.
 * Linux only (/proc); elsewhere it reads 0.
 */
export class RssSampler {
  /** highest RSS of any one process, MB */
  maxProcessMb = 0;
  /** highest sum over the process and its children, MB */
  maxTotalMb = 0;
  private timer: NodeJS.Timeout | null = null;
  private windowProcess = 0;
  private windowTotal = 0;

  constructor(private readonly pid: number) {}

  start() {
    this.timer = setInterval(() => this.sample(), 250);
    this.timer.unref();
  }

  /** RSS now: the largest API process and all of them together, MB. */
  snapshot(): { processMb: number; totalMb: number } {
    const each = [this.pid, ...childrenOf(this.pid)].map(rssKb);
    return { processMb: Math.max(...each) / 1024, totalMb: each.reduce((a, b) => a + b, 0) / 1024 };
  }

  sample() {
    const { processMb: proc, totalMb: total } = this.snapshot();
    this.maxProcessMb = Math.max(this.maxProcessMb, proc);
    this.maxTotalMb = Math.max(this.maxTotalMb, total);
    this.windowProcess = Math.max(this.windowProcess, proc);
    this.windowTotal = Math.max(this.windowTotal, total);
  }

  /** The maxima since the last call (one step), then a fresh window. */
  window(): { processMb: number; totalMb: number } {
    this.sample();
    const w = { processMb: this.windowProcess, totalMb: this.windowTotal };
    this.windowProcess = 0;
    this.windowTotal = 0;
    return w;
  }

  stop() {
    if (this.timer) clearInterval(this.timer);
  }
}

const newest = (path: string): number => {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((n) => newest(`${path}/${n}`)));
};

/** apps/api/dist/server.js is missing or older than the sources it bundles. */
export function apiBuildStale(root: string): boolean {
  const server = `${root}/apps/api/dist/server.js`;
  const built = existsSync(server) ? statSync(server).mtimeMs : 0;
  const sources = ["apps/api/src", "packages/db/src", "packages/db/drizzle", "packages/contracts/src"];
  return built === 0 || built < Math.max(...sources.map((s) => newest(`${root}/${s}`)));
}
