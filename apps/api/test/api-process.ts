// The built API (apps/api/dist/server.js) as a child process, as production runs it: for tests
// that kill it, stop its database or send it signals. `pnpm test` builds before vitest runs;
// a run of vitest alone rebuilds the API here when its sources are newer than the bundle.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const apiDir = fileURLToPath(new URL("..", import.meta.url));
const root = join(apiDir, "../..");
const bundle = join(apiDir, "dist/server.js");

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name !== "node_modules" && name !== "dist") max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

export function ensureApiBuilt() {
  const sources = ["apps/api/src", "packages/contracts/src", "packages/db/src", "packages/db/drizzle"];
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  if (built === 0 || Math.max(...sources.map((s) => newest(join(root, s)))) > built) {
    execFileSync(process.execPath, ["build.mjs"], { cwd: apiDir, stdio: "inherit" });
  }
}

export interface ApiProcess {
  child: ChildProcess;
  base: string;
  output(): string;
  /** Resolves with the exit code (or the signal's name) once the process has ended. */
  exited: Promise<number | string>;
}

/** Starts the API on a free port and resolves once it listens (its banner names the address). */
export async function startApi(env: Record<string, string>, timeoutMs = 120_000): Promise<ApiProcess> {
  const child = spawn(process.execPath, [bundle], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: "0",
      JWT_SECRET: randomBytes(32).toString("hex"),
      LOG_LEVEL: "warn",
      API_RATE_PER_MINUTE: "1000000",
      LOGIN_RATE_PER_MINUTE: "10000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout?.on("data", (d) => {
    out += d;
  });
  child.stderr?.on("data", (d) => {
    out += d;
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? signal ?? -1)),
  );
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`API did not start in ${timeoutMs} ms:\n${out}`)),
      timeoutMs,
    );
    const check = () => {
      const m = /running at (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        child.stdout?.off("data", check);
        resolve(m[1]!.replace("localhost", "127.0.0.1"));
      }
    };
    child.stdout?.on("data", check);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`API exited (${code}) before listening:\n${out}`));
    });
  });
  return { child, base, output: () => out, exited };
}
