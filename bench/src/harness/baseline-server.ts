/**
 * The floor and the ceiling of a read endpoint, in one process per API worker (node:cluster, as many
 * as the API has): GET /<scenario> replays the statements the endpoint ran (captured from the app)
 * through `pg` on one pooled connection and answers the rows of the largest result as JSON —
 * - on FLOOR_PORT a bare node:http server (the query and JSON.stringify, nothing else);
 * - on CEILING_PORT a bare Fastify route (no auth, validation, access filter, Drizzle or zod).
 * Environment: DATABASE_URL, STATEMENTS (a JSON file {scenario: Statement[]}), FLOOR_PORT,
 * CEILING_PORT, WORKERS, DB_POOL_SIZE.
 */
import cluster from "node:cluster";
import { readFileSync } from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import pg from "pg";

const workers = Number(process.env.WORKERS ?? 1);
if (workers > 1 && cluster.isPrimary) {
  let ready = 0;
  for (let i = 0; i < workers; i++) cluster.fork();
  cluster.on("message", (_w, m) => {
    if (m === "ready" && ++ready === workers) console.log("baseline ready");
  });
  const stop = () => {
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill("SIGTERM");
    process.exit(0);
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
} else {
  await serve();
}

async function serve() {
  type Statement = { text: string; values: unknown[] };
  const scenarios = JSON.parse(readFileSync(process.env.STATEMENTS!, "utf8")) as Record<string, Statement[]>;
  const pool = new pg.Pool({
    connectionString: process.env.DATABASE_URL,
    max: Number(process.env.DB_POOL_SIZE ?? 10),
    application_name: "crm-bench-baseline",
  });
  pool.on("error", () => undefined);

  async function run(key: string): Promise<string | null> {
    const statements = scenarios[key];
    if (!statements) return null;
    const client = await pool.connect();
    try {
      let rows: unknown[] = [];
      for (const s of statements) {
        const r = await client.query(s.text, s.values);
        const got = Array.isArray(r) ? (r.at(-1)?.rows ?? []) : r.rows;
        if (got.length >= rows.length) rows = got;
      }
      return JSON.stringify({ items: rows });
    } finally {
      client.release();
    }
  }

  const floor = http.createServer((req, res) => {
    run((req.url ?? "/").slice(1)).then(
      (body) => {
        res.writeHead(body === null ? 404 : 200, { "content-type": "application/json; charset=utf-8" });
        res.end(body ?? "{}");
      },
      (err: Error) => {
        res.writeHead(500);
        res.end(err.message);
      },
    );
  });
  await new Promise<void>((resolve) => floor.listen(Number(process.env.FLOOR_PORT), "127.0.0.1", resolve));

  // The API's own Fastify (same version), resolved from apps/api.
  const require = createRequire(new URL("../../../apps/api/package.json", import.meta.url));
  const Fastify = require("fastify") as (o: object) => {
    get: (path: string, h: (req: { params: { key: string } }, reply: ReplyLike) => Promise<unknown>) => void;
    listen: (o: { port: number; host: string }) => Promise<string>;
  };
  type ReplyLike = {
    code: (n: number) => ReplyLike;
    type: (t: string) => ReplyLike;
    send: (b: string) => void;
  };
  const app = Fastify({ logger: false });
  app.get("/:key", async (req, reply) => {
    const body = await run(req.params.key);
    if (body === null) return reply.code(404).send("{}");
    return reply.type("application/json; charset=utf-8").send(body);
  });
  await app.listen({ port: Number(process.env.CEILING_PORT), host: "127.0.0.1" });
  if (cluster.isWorker) process.send?.("ready");
  else console.log("baseline ready");
}
