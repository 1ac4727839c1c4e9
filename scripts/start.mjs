// `pnpm start`: builds what is out of date, then runs the built app (migrating and seeding as
// needed). Honours PORT, HOST, DATA_DIR, DATABASE_URL and the rest of apps/api/src/config.ts.
import { spawn } from "node:child_process";
import { buildIfStale, root } from "./lib.mjs";

const code = await buildIfStale();
if (code !== 0) process.exit(code);

const child = spawn(process.execPath, ["--enable-source-maps", "apps/api/dist/server.js"], {
  cwd: root,
  stdio: "inherit",
  env: { NODE_ENV: "production", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (c, signal) => process.exit(c ?? (signal ? 1 : 0)));
