import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "./args.js";
import { runBench } from "./harness/index.js";

const HELP = `The published benchmark: prepares a database, starts the built API on it and measures every
scenario at each concurrency beside its floor (the same SQL through pg) and ceiling (a bare Fastify
route), the reports, a customer import against the raw COPY rate, and the API's memory; writes
results/<date>-<scale>.json and .md.
  --database-url postgres://postgres@127.0.0.1:5432/postgres   (or BENCH_DATABASE_URL) the server
  --scale 0.01          1 = 1,000,000 customers and 10,000,000 transactions
  --seed 42
  --reuse <db>          an already generated database on that server (no migrate-generate step
                        other than the app's own migrations)
  --db-name <db>        name of the database to create (default crm_bench_<time>)
  --drop                drop the created database at the end
  --prepare-only        create, migrate, seed and generate the database, then stop
  --customers-only      with --prepare-only: generate only the organisation, customers and contacts
                        (the customer list's and search's data, in a fraction of the time); measure
                        it with src/load.ts, not with this harness (its reports would read nothing)
  --workers 2           API processes (WORKERS)
  --concurrency 1,16,64
  --duration 5          seconds per step
  --amount 0            requests per step instead of a duration
  --user mgr1           the demo user (mgr1: a department tree, 43% of the customers)
  --password Demo@2026
  --import-rows N       rows in the import file (default 100,000 × scale)
  --deep-page 100       the deep page's number
  --port N              the API's port (floor N+1, ceiling N+2; default free ports)
  --build               rebuild apps/api/dist/server.js first (default: only when it is missing or
                        older than the API's, db's or contracts' sources)
  --only list,q2,import only these scenarios (import and soak name those phases; --only soak
                        with --soak runs the soak alone)
  --soak 10             after the scenarios, drive a mix of reads for this many minutes and read
                        the API's RSS every 10 s (series, start/end/max and growth in the results)
  --soak-connections 16
  --out bench/results   where the JSON and markdown go
  --api <server.js>     run this API bundle instead of apps/api/dist/server.js (not rebuilt), e.g.
                        a build of an older commit to compare with`;

const args = parseArgs(process.argv.slice(2), {
  "database-url": process.env.BENCH_DATABASE_URL ?? "",
  scale: "0.01",
  seed: "42",
  workers: "2",
  concurrency: "1,16,64",
  duration: "5",
  amount: "0",
  user: "mgr1",
  password: "Demo@2026",
  "deep-page": "100",
  out: resolve(fileURLToPath(new URL("../results", import.meta.url))),
});
if (args.help || !args["database-url"]) {
  console.log(HELP);
  process.exit(args.help ? 0 : 2);
}
if (args["customers-only"] && !args["prepare-only"]) {
  console.error("--customers-only needs --prepare-only: the published benchmark measures the whole dataset");
  process.exit(2);
}

const done = await runBench({
  databaseUrl: args["database-url"],
  scale: Number(args.scale),
  seed: Number(args.seed),
  ...(args.reuse ? { reuse: args.reuse } : {}),
  ...(args["db-name"] ? { dbName: args["db-name"] } : {}),
  drop: Boolean(args.drop),
  workers: Number(args.workers),
  concurrency: args.concurrency.split(",").map(Number),
  duration: Number(args.duration),
  amount: Number(args.amount),
  user: args.user,
  password: args.password,
  ...(args["import-rows"] ? { importRows: Number(args["import-rows"]) } : {}),
  deepPage: Number(args["deep-page"]),
  ...(args.port ? { port: Number(args.port) } : {}),
  build: args.build ? true : "auto",
  ...(args.api ? { apiBundle: args.api } : {}),
  outDir: resolve(args.out),
  ...(args.only ? { only: args.only.split(",") } : {}),
  prepareOnly: Boolean(args["prepare-only"]),
  customersOnly: Boolean(args["customers-only"]),
  ...(args.soak ? { soakMinutes: Number(args.soak) } : {}),
  ...(args["soak-connections"] ? { soakConnections: Number(args["soak-connections"]) } : {}),
});
for (const t of done?.result.targets ?? [])
  console.log(`${t.pass ? "PASS" : "MISS"}  ${t.row}: ${t.target} — ${t.value}`);
