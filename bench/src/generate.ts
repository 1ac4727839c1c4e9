import { availableParallelism } from "node:os";
import pg from "pg";
import { parseArgs, table } from "./args.js";
import { buildCatalogue } from "./catalogue.js";
import { CONTACT_COLUMNS, totalContacts } from "./contacts.js";
import type { GenContext, RecordScale, Task, TaskTable, YearStart } from "./context.js";
import { type Batch, batchesOf, type CopyResult, copyInto, line } from "./copy.js";
import { CUSTOMER_COLUMNS, classOf, ownersOf, skeleton } from "./customers.js";
import { readDatabase, resetBenchData, writeSequences } from "./database.js";
import { FEEDBACK_COLUMNS, feedbackCreatedAt, RETURN_VISIT_COLUMNS } from "./feedback.js";
import {
  ALLOCATION_COLUMNS,
  ORDER_COLUMNS,
  ORDER_LINE_COLUMNS,
  orderCreatedAt,
  PAYMENT_COLUMNS,
  RECEIVABLE_COLUMNS,
} from "./orders.js";
import { buildOrg } from "./org.js";
import { GeneratorPool } from "./pool.js";
import {
  CARE_RECORD_COLUMNS,
  CONTACT_RECORD_COLUMNS,
  carePlan,
  contactPlan,
  qualifies,
  recordMean,
} from "./records.js";
import { TRANSACTION_COLUMNS } from "./sales.js";
import { indexOrderSales, MOVEMENT_COLUMNS, movementBatches, type StockResult } from "./stock.js";
import { iso, qty, yearOf } from "./timeline.js";
import { World } from "./world.js";

const HELP = `Generates the benchmark dataset into an already migrated and seeded (DEMO=1) database.
  --database-url postgres://…   (or DATABASE_URL)
  --scale 1                      1 = 1,000,000 customers, 3,000,000 contacts, 4,000,000 contact and
                                 1,000,000 care records, 10,000,000 transactions, 300,000 orders,
                                 1,000,000 feedback
  --seed 42                      same seed, same rows
  --threads N                    generator threads (default: min(2, CPUs); 0 = main thread only)
  --chunk 5000                   customers (orders, sales, feedback: ×1, ×10, ×2) per COPY batch
  --until 2026-11-01             everything happens in the 3 years before this day
  --reset                        first remove what an earlier run generated (and the demo customers)
  --customers-only               only the organisation, customers and contacts (with their search
                                 postings): what the customer list and search need, in a fraction
                                 of the time; no products, orders, sales, finance, records or feedback`;

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
const scale = Number(args.scale);
const customers = Math.round(scale * 1_000_000);
const target = {
  transactions: Math.round(scale * 10_000_000),
  orders: Math.round(scale * 300_000),
  feedback: Math.round(scale * 1_000_000),
  contactRecords: Math.round(scale * 4_000_000),
  careRecords: Math.round(scale * 1_000_000),
};
const chunk = Number(args.chunk);
const customersOnly = Boolean(args["customers-only"]);
const endMs = new Date(`${args.until}T00:00:00+08:00`).getTime();
const startMs = endMs - 3 * 365 * 86_400_000;

const client = new pg.Client({
  connectionString: args["database-url"],
  application_name: "crm-bench-generate",
});
await client.connect();
await client.query("set synchronous_commit = off");
const started = performance.now();
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** Tasks of `size` entities over [0, n) of a stream. */
const tasksOf = (tableName: TaskTable, n: number, size: number, firstId: number): Task[] => {
  const out: Task[] = [];
  for (let from = 0; from < n; from += size)
    out.push({ id: firstId + out.length, table: tableName, from, to: Math.min(n, from + size) });
  return out;
};

/** Where each year starts in a time-ordered stream of n entities. */
function yearStarts(n: number, createdAt: (k: number) => number): YearStart[] {
  const out: YearStart[] = [];
  for (let k = 0; k < n; k++) {
    const year = yearOf(createdAt(k));
    if (!out.length || out[out.length - 1]!.year !== year) out.push({ year, start: k });
  }
  return out;
}

/**
 * Contact and care records: the factor that makes the expected total the target, then the
 * correction (one more or one fewer for the first customers that qualify) that makes it exact.
 */
function recordScale(
  ctx: GenContext,
  kind: "contact" | "care",
  wanted: number,
  createdAt: Float64Array,
): RecordScale {
  let means = 0;
  for (let j = 0; j < ctx.customers; j++)
    means += recordMean(kind, classOf(seed, j), (ctx.endMs - createdAt[j]!) / (ctx.endMs - ctx.startMs));
  const scaleOf: RecordScale = { factor: means ? wanted / means : 0, adjust: 0, until: 0 };
  if (kind === "contact") ctx.records = scaleOf;
  else ctx.care = scaleOf;
  const bases = new Uint16Array(ctx.customers);
  let total = 0;
  for (let j = 0; j < ctx.customers; j++) {
    const plan = kind === "contact" ? contactPlan(ctx, j, createdAt[j]!) : carePlan(ctx, j, createdAt[j]!);
    bases[j] = plan.base;
    total += plan.base;
  }
  const adjust = wanted > total ? 1 : wanted < total ? -1 : 0;
  let left = Math.abs(wanted - total);
  let until = 0;
  while (left > 0 && until < ctx.customers) {
    if (qualifies(bases[until]!, adjust)) left--;
    until++;
  }
  return { factor: scaleOf.factor, adjust, until };
}

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
  const catalogue = buildCatalogue(seed);
  const ctx: GenContext = {
    seed,
    customers,
    startMs,
    endMs,
    owners: org.owners,
    ownerWeights: org.weights,
    staff: org.staff,
    dict: db.dictionaries,
    products: catalogue.products,
    counts: { directSales: 0, orders: target.orders, feedback: target.feedback },
    orderYears: [],
    feedbackYears: [],
    records: { factor: 1, adjust: 0, until: 0 },
    care: { factor: 1, adjust: 0, until: 0 },
  };

  // Plans made ahead on this thread: record counts, document-number years, the orders' deliveries.
  const planning = performance.now();
  const owners = ownersOf(ctx);
  const createdAt = new Float64Array(customers);
  for (let j = 0; j < customers; j++) createdAt[j] = skeleton(ctx, owners, j).createdAt;
  ctx.records = recordScale(ctx, "contact", target.contactRecords, createdAt);
  ctx.care = recordScale(ctx, "care", target.careRecords, createdAt);
  const world = new World(ctx);
  ctx.orderYears = yearStarts(target.orders, (j) => orderCreatedAt(world, j));
  ctx.feedbackYears = yearStarts(target.feedback, (f) => feedbackCreatedAt(world, f));
  const orderSales = indexOrderSales(world);
  ctx.counts.directSales = Math.max(0, target.transactions - orderSales.count);
  console.log(
    `planned in ${seconds(planning)} s: ${orderSales.count.toLocaleString("en")} order deliveries + ${ctx.counts.directSales.toLocaleString("en")} sales recorded directly`,
  );

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
  // Triggers that keep derived tables (report aggregates) in step would fire per row: they are
  // off while loading, and whatever they maintain is rebuilt in one pass afterwards.
  const { rows: derived } = await client.query<{ tbl: string; name: string }>(
    `select tgrelid::regclass::text as tbl, tgname as name from pg_trigger
     where not tgisinternal and tgname like '%\\_derived' escape '\\'`,
  );
  for (const t of derived) await client.query(`alter table ${t.tbl} disable trigger ${t.name}`);

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
  for (let from = 0; from < customers; from += chunk) {
    const to = Math.min(customers, from + chunk);
    customerTasks.push({
      id: customerTasks.length,
      table: "customers",
      from,
      to,
      classStart: { ...classStart },
    });
    for (let j = from; j < to; j++) classStart[classOf(seed, j)]++;
  }
  let nextId = 1_000_000;
  const tasks = (tableName: TaskTable, n: number, size: number) => {
    const t = tasksOf(tableName, n, size, nextId);
    nextId += t.length;
    return t;
  };

  const pool = await poolReady;
  const progress = (name: string, total?: number) => {
    let last = performance.now();
    const t0 = last;
    return (rows: number) => {
      const now = performance.now();
      if (now - last < 10_000 && rows !== total) return;
      last = now;
      const rate = Math.round(rows / ((now - t0) / 1000));
      console.log(
        `  ${name}: ${rows.toLocaleString("en")}${total ? ` / ${total.toLocaleString("en")}` : ""} (${rate.toLocaleString("en")} rows/s)`,
      );
    };
  };
  const load = async (
    name: string,
    columns: readonly string[],
    batches: AsyncIterable<Batch> | Iterable<Batch>,
    total?: number,
  ) => {
    console.log(`${name}${total ? `: ${total.toLocaleString("en")}` : ""}`);
    results.push(await copyInto(client, name, columns, batches, progress(name, total)));
  };

  await load("customers", CUSTOMER_COLUMNS, pool.run(customerTasks), customers);
  await load("contacts", CONTACT_COLUMNS, pool.run(tasks("contacts", customers, chunk)), totalContacts(ctx));

  // Everything but the organisation, customers and contacts (--customers-only leaves it out).
  if (!customersOnly) {
    await copyRows(
      "product_categories",
      catalogue.categories.map((c) => ({ ...c, created_at: iso(startMs - 60 * 86_400_000) })),
    );
    await copyRows(
      "products",
      catalogue.products.map((p) => ({
        id: p.id,
        code: p.code,
        category_id: p.categoryId,
        name: p.name,
        specification: p.specification,
        unit: p.unit,
        list_price: (p.priceFen / 100).toFixed(2),
        standard_cost: (p.costFen / 100).toFixed(2),
        low_stock_threshold: qty(p.typicalMilli * 10),
        created_at: iso(startMs - 60 * 86_400_000),
        updated_at: iso(startMs - 60 * 86_400_000),
      })),
    );

    const orderChunk = Math.max(1, Math.round(chunk / 2));
    await load("orders", ORDER_COLUMNS, pool.run(tasks("orders", target.orders, orderChunk)), target.orders);
    await load("order_lines", ORDER_LINE_COLUMNS, pool.run(tasks("order_lines", target.orders, orderChunk)));

    const stock: StockResult = {
      balance: new Float64Array(ctx.products.length),
      lastAt: new Float64Array(ctx.products.length),
      rows: 0,
    };
    await load("stock_movements", MOVEMENT_COLUMNS, movementBatches(world, orderSales, stock));
    await copyRows(
      "stock_levels",
      ctx.products.map((p, i) => ({
        product_id: p.id,
        quantity: qty(stock.balance[i]!),
        updated_at: iso(stock.lastAt[i]!),
      })),
    );

    const saleChunk = chunk * 2;
    const transactionBatches = async function* () {
      yield* pool.run(tasks("order_sales", target.orders, orderChunk));
      yield* pool.run(tasks("direct_sales", ctx.counts.directSales, saleChunk));
    };
    await load("transactions", TRANSACTION_COLUMNS, transactionBatches(), target.transactions);

    await load("receivables", RECEIVABLE_COLUMNS, pool.run(tasks("receivables", target.orders, orderChunk)));
    await load("payments", PAYMENT_COLUMNS, pool.run(tasks("payments", target.orders, orderChunk)));
    await load(
      "payment_allocations",
      ALLOCATION_COLUMNS,
      pool.run(tasks("payment_allocations", target.orders, orderChunk)),
    );

    await load(
      "contact_records",
      CONTACT_RECORD_COLUMNS,
      pool.run(tasks("contact_records", customers, chunk)),
      target.contactRecords,
    );
    await load(
      "care_records",
      CARE_RECORD_COLUMNS,
      pool.run(tasks("care_records", customers, chunk)),
      target.careRecords,
    );

    await load(
      "feedback",
      FEEDBACK_COLUMNS,
      pool.run(tasks("feedback", target.feedback, chunk)),
      target.feedback,
    );
    await load(
      "return_visits",
      RETURN_VISIT_COLUMNS,
      pool.run(tasks("return_visits", target.feedback, chunk)),
    );
  }
  await pool.close();

  const sequences: Record<string, number> = {};
  if (!customersOnly) {
    for (const c of catalogue.categories)
      sequences[`product:${c.letter}`] = catalogue.products.filter((p) => p.categoryId === c.id).length;
    const lastOfYear = (years: YearStart[], n: number, scope: string) =>
      years.forEach((y, k) => {
        sequences[`${scope}:${y.year}`] = (years[k + 1]?.start ?? n) - y.start;
      });
    lastOfYear(ctx.orderYears, target.orders, "order");
    lastOfYear(ctx.feedbackYears, target.feedback, "feedback");
  }
  await writeSequences(client, classStart, org.salespersonSeq, sequences);

  for (const t of derived) await client.query(`alter table ${t.tbl} enable trigger ${t.name}`);
  // The customers' search postings, names' and initials' (their triggers were off too), each
  // written in one pass.
  let postingSeconds: string | null = null;
  for (const rebuild of ["customer_search_postings_rebuild", "customer_initials_postings_rebuild"]) {
    const { rows: found } = await client.query<{ f: string | null }>(
      `select to_regproc('${rebuild}')::text as f`,
    );
    if (!found[0]?.f) continue;
    const t = performance.now();
    await client.query(`select ${rebuild}()`);
    postingSeconds = (Number(postingSeconds ?? 0) + Number(seconds(t))).toFixed(1);
  }
  const analyze = performance.now();
  await client.query("vacuum (analyze)");
  const analyzeSeconds = seconds(analyze);
  let rebuildSeconds: string | null = null;
  const { rows: rebuild } = await client.query<{ f: string | null }>(
    "select to_regproc('reports_rebuild_aggregates')::text as f",
  );
  if (rebuild[0]?.f) {
    const t = performance.now();
    await client.query("select reports_rebuild_aggregates()");
    await client.query("vacuum (analyze)");
    rebuildSeconds = seconds(t);
  }

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
    `${postingSeconds ? `search postings: ${postingSeconds} s; ` : ""}vacuum analyze: ${analyzeSeconds} s${rebuildSeconds ? `; report aggregates rebuilt: ${rebuildSeconds} s` : ""}; total ${seconds(started)} s`,
  );
  console.log(
    `code sequences: customer:1=${classStart["1"]} customer:2=${classStart["2"]} customer:3=${classStart["3"]} ${Object.entries(
      sequences,
    )
      .filter(([k]) => !k.startsWith("product:"))
      .map(([k, v]) => `${k}=${v}`)
      .join(" ")}`,
  );
  const { rows: size } = await client.query<{ size: string }>(
    "select pg_size_pretty(pg_database_size(current_database())) as size",
  );
  console.log(`database size: ${size[0]!.size}`);
} finally {
  await client.end();
}
