// Helpers shared by the root scripts (start, test, dev). Plain Node, no dependencies.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

export const root = new URL("..", import.meta.url).pathname;

/** The pnpm that runs this script (npm_execpath), or the pinned one through npx. */
export function pnpmCommand() {
  const exec = process.env.npm_execpath;
  if (exec && /pnpm/.test(exec)) return [process.execPath, [exec]];
  return ["npx", ["-y", "pnpm@10.34.9"]];
}

export function run(cmd, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: "inherit", cwd: root, ...options });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function pnpm(args, options) {
  const [cmd, pre] = pnpmCommand();
  return run(cmd, [...pre, ...args], options);
}

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) {
    if (name === "node_modules" || name === "dist") continue;
    max = Math.max(max, newest(join(path, name)));
  }
  return max;
}

const OUTPUTS = ["apps/api/dist/server.js", "apps/web/dist/index.html"];
const INPUTS = [
  "apps/api/src",
  "apps/api/build.mjs",
  "apps/web/src",
  "apps/web/index.html",
  "apps/web/vite.config.ts",
  "packages/contracts/src",
  "packages/db/src",
  "packages/db/drizzle",
  "pnpm-lock.yaml",
];

/** True when a build output is missing or older than any source it is built from. */
export function buildIsStale() {
  const built = Math.min(
    ...OUTPUTS.map((p) => (existsSync(join(root, p)) ? statSync(join(root, p)).mtimeMs : 0)),
  );
  const source = Math.max(...INPUTS.map((p) => newest(join(root, p))));
  return built === 0 || source > built;
}

export async function buildIfStale() {
  if (!buildIsStale()) return 0;
  console.log("Building the web app and the API…");
  return pnpm(["run", "build"]);
}
