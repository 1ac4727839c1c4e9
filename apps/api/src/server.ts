import cluster from "node:cluster";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createDb, type DbHandle, DEMO_PASSWORD, DEMO_USERS } from "@crm/db";
import { buildApp } from "./app.js";
import { bootstrapDatabase } from "./bootstrap.js";
import { ConfigError, loadConfig } from "./config.js";
import { resolveJwtSecret, settingsFrom } from "./settings.js";

/** Set by the primary of a multi-worker start: the database is ready, the secret is given. */
const IS_WORKER = cluster.isWorker && process.env.CRM_WORKER === "1";

async function main() {
  const started = performance.now();
  const config = loadConfig();
  const jwtSecret = resolveJwtSecret(config);
  if (config.WORKERS > 1 && cluster.isPrimary) return primary(config, jwtSecret, started);
  // apps/api/{dist,src}/server.* -> apps/web/dist
  const defaultDist = fileURLToPath(new URL("../../web/dist", import.meta.url));
  const webDist = config.WEB_DIST ?? (existsSync(defaultDist) ? defaultDist : null);
  const handle = createDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DB_POOL_SIZE,
    // The generic-plan pool's statements are named: off with named statements too.
    genericPlans: config.DB_GENERIC_PLANS && config.DB_NAMED_STATEMENTS,
  });
  const boot = IS_WORKER ? { generatedAdminPassword: null } : await bootstrap(config, handle);

  const app = await buildApp({
    settings: settingsFrom(config, jwtSecret, webDist),
    db: handle,
    ownsDb: true,
    trustProxy: config.TRUST_PROXY,
    logger: {
      level: config.LOG_LEVEL,
      redact: ["req.headers.authorization", "req.headers.cookie", 'res.headers["set-cookie"]'],
    },
  });

  let closing = false;
  // An answer finished after SIGTERM closes its connection: an idle keep-alive socket would hold
  // the close (and the process) until its timeout.
  app.addHook("onSend", (_request, reply, payload, done) => {
    if (closing) reply.header("connection", "close");
    done(null, payload);
  });
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, "shutting down");
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await app.close();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  const address = await app.listen({ port: config.PORT, host: config.HOST });
  if (IS_WORKER) return;
  banner(config, address, handle.kind, started, boot.generatedAdminPassword);
}

function banner(
  config: ReturnType<typeof loadConfig>,
  address: string,
  kind: string,
  started: number,
  generatedAdminPassword: string | null | undefined,
) {
  const shown = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  const lines = [
    "",
    `  客户关系管理系统 CRM is running at ${shown}`,
    `  API docs: ${shown}/api/docs   database: ${kind === "pglite" ? `embedded (${config.DATA_DIR})` : "PostgreSQL"}`,
    `  started in ${Math.round(performance.now() - started)} ms${config.WORKERS > 1 ? ` with ${config.WORKERS} workers` : ""}`,
  ];
  if (config.DEMO) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.username).join(", ")}`);
  }
  if (generatedAdminPassword) {
    lines.push(
      `  First administrator: admin / ${generatedAdminPassword}  (shown once; change it at first login)`,
    );
  }
  console.log(`${lines.join("\n")}\n`);
}

/**
 * Migrates and seeds. On PostgreSQL through a pool of its own, whatever DB_POOL_SIZE says: the
 * migrations' and the seeding's locks each hold a connection while the work runs on another.
 */
async function bootstrap(config: ReturnType<typeof loadConfig>, embedded?: DbHandle) {
  const options = { demo: config.DEMO, adminPassword: config.ADMIN_PASSWORD, demoCustomers: true };
  if (!config.DATABASE_URL) {
    if (!embedded) throw new Error("the embedded database is opened by its one process");
    return bootstrapDatabase(embedded, options);
  }
  const own = createDb({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: 3 });
  try {
    return await bootstrapDatabase(own, options);
  } finally {
    await own.close();
  }
}

/**
 * WORKERS > 1 (PostgreSQL only): this process migrates and seeds once, then runs that many API
 * processes on the same port (node:cluster), with the same JWT secret, and replaces one that dies.
 * Caches are per process and safe so: access is versioned in the database, estimates are estimates.
 */
async function primary(config: ReturnType<typeof loadConfig>, jwtSecret: string, started: number) {
  const boot = await bootstrap(config);
  const env = { CRM_WORKER: "1", JWT_SECRET: jwtSecret };
  let closing = false;
  let listening = 0;
  for (let i = 0; i < config.WORKERS; i++) cluster.fork(env);
  cluster.on("listening", (_worker, address) => {
    listening += 1;
    if (listening === config.WORKERS) {
      const host = address.address && address.address !== "::" ? address.address : "localhost";
      banner(config, `http://${host}:${address.port}`, "postgres", started, boot.generatedAdminPassword);
    }
  });
  cluster.on("exit", (worker, code) => {
    if (closing) return;
    console.error(`worker ${worker.process.pid} exited (${code}); starting another`);
    setTimeout(() => cluster.fork(env), 1_000);
  });
  const stop = () => {
    closing = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    const force = setTimeout(() => process.exit(1), 12_000);
    force.unref();
    cluster.on("exit", () => {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
    });
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

main().catch((err: unknown) => {
  if (
    err instanceof ConfigError ||
    (err instanceof Error && err.message.startsWith("Invalid configuration"))
  ) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
