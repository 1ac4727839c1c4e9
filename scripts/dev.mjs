// `pnpm dev`: the API with reload on :3000 and Vite on :5173 (which proxies /api to the API).
import { spawn } from "node:child_process";
import { pnpmCommand, root } from "./lib.mjs";

const [cmd, pre] = pnpmCommand();
const children = [
  spawn(cmd, [...pre, "--filter", "@crm/api", "run", "dev"], { cwd: root, stdio: "inherit" }),
  spawn(cmd, [...pre, "--filter", "@crm/web", "run", "dev"], { cwd: root, stdio: "inherit" }),
];
const stop = () => {
  for (const c of children) c.kill("SIGTERM");
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
for (const c of children) c.on("exit", stop);
