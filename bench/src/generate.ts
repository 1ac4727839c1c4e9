import { availableParallelism } from "node:os";
import pg from "pg";
import { parseArgs, table } from "./args.js";
import { CONTACT_COLUMNS, totalContacts } from "./contacts.js";
import type { GenContext, Task } from "./context.js";
import { batchesOf, type CopyResult, copyInto, line } from "./copy.js";
import { CUSTOMER_COLUMNS, classOf } from "./customers.js";
import { readDatabase, resetBenchData, writeSequences } from "./database.js";
import { buildOrg } from "./org.js";
import { GeneratorPool } from "./pool.js";

const HELP = `Generates the benchmark dataset into an already migrated and seeded (DEMO=1) database.
  --database-url postgres://…   (or DATABASE_URL)
  --scale 1                      1 = 1,000,000 customers and 3,000,000 contacts
  --seed 42                      same seed, same rows
  --threads N                    generator threads (default: min(2, CPUs); 0 = main thread only)
  --chunk 5000                   customers per COPY batch
  --until 2026-11-01             customers' created_at spreads over the 3 years before this day
  --reset                        first remove what an earlier run generated`;

const args = parseArgs(process.argv.slice(2), {
  "database-url": process.env.DATABASE_URL ?? "",
  scale: "1",
  seed: "42",
  threads: String(Math.min(2, availableParallelism())),
  chunk: "5000",
  until: "2026-11-01",
});
if (args.help || !args["database-url"]) {
  console.log(HELP);
  process.exit(args.help ? 0 : 2);
}

const seed = Number(args.seed);
const customers = Math.round(Number(args.scale) * 1_000_000);
const chunk = Number(args.chunk);
const endMs = new Date(`${args.until}T00:00:00+08:00`).getTime();
const startMs = endMs - 3 * 365 * 86_400_000;

const client = new pg.Client({
  connectionString: args["database-url"],
  application_name: "crm-bench-generate",
});
await client.connect();
await client.query("set synchronous_commit = off");
const started = performance.now();
try {
  if (args.reset) await resetBenchData(client);
  const db = await readDatabase(client);
  const org = buildOrg({
    seed,
    createdAt: new Date(startMs - 30 * 86_400_000),
    passwordHash: db.passwordHash,
    demoDepartments: db.departments,
    demoUsers: db.users,
    roleIds: db.roleIds,
    salespersonSeq: db.salespersonSeq,
    demoShares: { sales1: 0.02, sales2: 0.01, sales3: 0.01 },
  });
  const ctx: GenContext = {
    seed,
    customers,
    startMs,
    endMs,
    owners: org.owners,
    ownerWeights: org.weights,
    dict: db.dictionaries,
  };
  const threads = Number(args.threads);
  // Threads start (and under tsx, their bundle builds) while the small tables load.
  const poolReady = GeneratorPool.start(ctx, threads);
  const results: CopyResult[] = [];
  const columnsOf = (rows: Record<string, unknown>[]) => Object.keys(rows[0]!);
  const copyRows = async (name: string, rows: Record<string, unknown>[]) => {
    const cols = columnsOf(rows);
    results.push(
      await copyInto(
        client,
        name,
        cols,
        batchesOf(rows, (r) => line(cols.map((c) => r[c] as never))),
      ),
    );
  };
  await copyRows("departments", org.departments);
  await copyRows("users", org.users);
  results.push(
    await copyInto(
      client,
      "user_roles",
      ["user_id", "role_id"],
      batchesOf(org.userRoles, (r) => line(r)),
    ),
  );

  // Code numbers run per class in index order; count them ahead so every chunk knows where to start.
  const classStart = { "1": 0, "2": 0, "3": 0 };
  const customerTasks: Task[] = [];
  const contactTasks: Task[] = [];
  for (let from = 0; from < customers; from += chunk) {
    const to = Math.min(customers, from + chunk);
    customerTasks.push({
      id: customerTasks.length,
      table: "customers",
      from,
      to,
      classStart: { ...classStart },
    });
    contactTasks.push({ id: 1_000_000 + contactTasks.length, table: "contacts", from, to });
    for (let j = from; j < to; j++) classStart[classOf(seed, j)]++;
  }

  const pool = await poolReady;
  const progress = (name: string, total: number) => {
    let last = performance.now();
    const t0 = last;
    return (rows: number) => {
      const now = performance.now();
      if (now - last < 10_000 && rows < total) return;
      last = now;
      const rate = Math.round(rows / ((now - t0) / 1000));
      console.log(
        `  ${name}: ${rows.toLocaleString("en")} / ${total.toLocaleString("en")} (${rate.toLocaleString("en")} rows/s)`,
      );
    };
  };
  console.log(`customers: ${customers.toLocaleString("en")} on ${threads} generator thread(s)`);
  results.push(
    await copyInto(
      client,
      "customers",
      CUSTOMER_COLUMNS,
      pool.run(customerTasks),
      progress("customers", customers),
    ),
  );
  const contacts = totalContacts(ctx);
  results.push(
    await copyInto(
      client,
      "contacts",
      CONTACT_COLUMNS,
      pool.run(contactTasks),
      progress("contacts", contacts),
    ),
  );
  await pool.close();

  await writeSequences(client, classStart, org.salespersonSeq);
  const analyze = performance.now();
  await client.query("vacuum (analyze) departments, users, user_roles, customers, contacts");
  const analyzeSeconds = (performance.now() - analyze) / 1000;

  console.log(
    `\n${table(
      ["table", "rows", "seconds", "rows/s"],
      results.map((r) => [
        r.table,
        r.rows.toLocaleString("en"),
        r.seconds.toFixed(1),
        r.rowsPerSecond.toLocaleString("en"),
      ]),
    )}`,
  );
  const total = results.reduce((a, r) => a + r.rows, 0);
  const copySeconds = results.reduce((a, r) => a + r.seconds, 0);
  console.log(
    `all COPY: ${total.toLocaleString("en")} rows in ${copySeconds.toFixed(1)} s = ${Math.round(total / copySeconds).toLocaleString("en")} rows/s`,
  );
  console.log(
    `vacuum analyze: ${analyzeSeconds.toFixed(1)} s; total ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  console.log(
    `code sequences: customer:1=${classStart["1"]} customer:2=${classStart["2"]} customer:3=${classStart["3"]}`,
  );
} finally {
  await client.end();
}
