import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { createDb, DEMO_PASSWORD, DEMO_USERS } from "@crm/db";
import { buildApp } from "./app.js";
import { bootstrapDatabase } from "./bootstrap.js";
import { ConfigError, loadConfig } from "./config.js";
import { resolveJwtSecret, settingsFrom } from "./settings.js";

async function main() {
  const started = performance.now();
  const config = loadConfig();
  const jwtSecret = resolveJwtSecret(config);
  // apps/api/{dist,src}/server.* -> apps/web/dist
  const defaultDist = fileURLToPath(new URL("../../web/dist", import.meta.url));
  const webDist = config.WEB_DIST ?? (existsSync(defaultDist) ? defaultDist : null);
  const handle = createDb({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    poolSize: config.DB_POOL_SIZE,
  });
  const boot = await bootstrapDatabase(handle, {
    demo: config.DEMO,
    adminPassword: config.ADMIN_PASSWORD,
    demoCustomers: true,
  });

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
  const shown = address.replace("0.0.0.0", "localhost").replace("[::]", "localhost");
  const lines = [
    "",
    `  客户关系管理系统 CRM is running at ${shown}`,
    `  API docs: ${shown}/api/docs   database: ${handle.kind === "pglite" ? `embedded (${config.DATA_DIR})` : "PostgreSQL"}`,
    `  started in ${Math.round(performance.now() - started)} ms`,
  ];
  if (config.DEMO) {
    lines.push(`  Demo logins (password ${DEMO_PASSWORD}): ${DEMO_USERS.map((u) => u.username).join(", ")}`);
  }
  if (boot.generatedAdminPassword) {
    lines.push(
      `  First administrator: admin / ${boot.generatedAdminPassword}  (shown once; change it at first login)`,
    );
  }
  console.log(`${lines.join("\n")}\n`);
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
