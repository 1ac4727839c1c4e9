import type { ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createDb } from "@crm/db";
import pg from "pg";
import { from as copyFrom, to as copyTo } from "pg-copy-streams";
import { bootstrapDatabase } from "../../../apps/api/src/bootstrap.js";
import { runImport } from "../import.js";
import { captureStatements } from "./capture.js";
import { drive, type Measured } from "./drive.js";
import { apiBuildStale, freePort, RssSampler, runToEnd, startService, stopService } from "./processes.js";
import { type BenchResult, markdown, type ScenarioResult, targetsOf } from "./report.js";
import { soak } from "./soak.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const tsx = join(root, "bench/node_modules/.bin/tsx");

export interface BenchOptions {
  /** a PostgreSQL server (any database on it; the bench database is created beside it) */
  databaseUrl: string;
  scale: number;
  seed: number;
  /** use this existing, generated database instead of making one */
  reuse?: string;
  /** name of the database to create (default crm_bench_<time>) */
  dbName?: string;
  /** drop the created database at the end */
  drop?: boolean;
  workers: number;
  /** seconds per step (when amount is 0) */
  duration: number;
  /** requests per step instead of a duration (0: use duration) */
  amount: number;
  concurrency: number[];
  user: string;
  password: string;
  /** rows of the import file (default 100,000 × scale, at least 200) */
  importRows?: number;
  /** pages walked for the deep page */
  deepPage: number;
  /** port of the API (default: a free one) */
  port?: number;
  /** rebuild apps/api/dist/server.js first: always, or "auto" when it is missing or older than its sources */
  build: boolean | "auto";
  /** run this built API bundle instead of apps/api/dist/server.js (never rebuilt), e.g. an older build to compare */
  apiBundle?: string;
  outDir: string;
  /** file name stem: <date>-<scale> */
  stem?: string;
  /** stop after preparing the database (to measure it later with reuse) */
  prepareOnly?: boolean;
  /** with prepareOnly: generate only the organisation, customers and contacts */
  customersOnly?: boolean;
  /** only these scenario keys (plus what they need); "import" and "soak" name those phases */
  only?: string[];
  /** after the scenarios, a mix of reads for this many minutes with the API's RSS read every 10 s */
  soakMinutes?: number;
  /** connections of the soak (default 16) */
  soakConnections?: number;
  log?: (line: string) => void;
}

interface Scenario {
  key: string;
  label: string;
  group: "auth" | "list" | "search" | "page" | "detail" | "write" | "report";
  method: "GET" | "POST";
  path: string;
  body?: string | (() => string);
  /** read scenarios get a floor and a ceiling */
  baseline: boolean;
  /** log in afresh for each step (a write may be slower than a token lives) */
  noAuth?: boolean;
}

const REPORTS = [
  "first-transactions",
  "customer-evaluation",
  "visits",
  "customer-value",
  "satisfaction",
  "sales",
  "dashboard",
];

export async function runBench(
  o: BenchOptions,
): Promise<{ result: BenchResult; json: string; md: string } | null> {
  const log = o.log ?? ((l: string) => console.log(l));
  const started = performance.now();
  const server = new URL(o.databaseUrl);
  const dbName = o.reuse ?? o.dbName ?? `crm_bench_${Date.now().toString(36)}`;
  const dbUrl = new URL(o.databaseUrl);
  dbUrl.pathname = `/${dbName}`;
  const databaseUrl = dbUrl.toString();
  const admin = new URL(o.databaseUrl);
  admin.pathname = "/postgres";
  const loads: number[] = [];
  const loadTimer = setInterval(() => loads.push(os.loadavg()[0]!), 5000);
  loadTimer.unref();

  let api: ChildProcess | null = null;
  let baseline: ChildProcess | null = null;
  let sampler: RssSampler | null = null;
  const tmp = mkdtempSync(join(os.tmpdir(), "crm-bench-"));
  let created = false;
  try {
    // 1. The database: fresh, migrated and seeded by the app's own bootstrap, then generated.
    let generation: BenchResult["generation"] = { skipped: true, seconds: 0 };
    if (!o.reuse) {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      const quoted = `"${dbName.replaceAll('"', "")}"`;
      await c.query(`create database ${quoted}`);
      // The settings the published runs use, on the database so that every connection has them
      // (SSD-backed storage: random reads cost little more than sequential ones; JIT compiling
      // costs more than it saves on these short statements; sorts of report aggregates in memory).
      await c.query(`alter database ${quoted} set jit = off`);
      await c.query(`alter database ${quoted} set random_page_cost = 1.1`);
      await c.query(`alter database ${quoted} set work_mem = '16MB'`);
      await c.end();
      created = true;
      log(`database ${dbName} created on ${server.host}`);
    }
    const t0 = performance.now();
    const handle = createDb({ databaseUrl, poolSize: 10 });
    await bootstrapDatabase(handle, { demo: true, demoCustomers: false });
    await handle.close();
    log(`migrated and seeded in ${s(t0)} s`);
    if (o.reuse) {
      // A migration that rewrote a table (0032 posts every name afresh) leaves its rows not yet
      // all-visible: index-only scans visit the heap until autovacuum comes by, minutes later on
      // a large table. Measured as an upgraded server settles, not in between.
      const v = performance.now();
      const c = new pg.Client({ connectionString: databaseUrl });
      await c.connect();
      const { rows } = await c.query<{ t: string }>(
        `select format('%I.%I', schemaname, relname) as t from pg_stat_user_tables
         where n_ins_since_vacuum + n_dead_tup > 100000 order by 1`,
      );
      for (const r of rows) await c.query(`vacuum (analyze) ${r.t}`);
      await c.end();
      if (rows.length) log(`vacuumed ${rows.map((r) => r.t).join(", ")} in ${s(v)} s`);
    } else {
      const t = performance.now();
      const until = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
      const out = await runToEnd(
        tsx,
        [
          join(root, "bench/src/generate.ts"),
          "--database-url",
          databaseUrl,
          "--scale",
          String(o.scale),
          "--seed",
          String(o.seed),
          "--until",
          until,
          "--reset",
          ...(o.customersOnly ? ["--customers-only"] : []),
        ],
        { quiet: true },
      );
      generation = {
        skipped: false,
        seconds: (performance.now() - t) / 1000,
        output: out.trim().split("\n").slice(-40),
      };
      log(`generated --scale ${o.scale} in ${generation.seconds.toFixed(1)} s`);
    }
    const counts = await counted(databaseUrl);
    if (o.prepareOnly) {
      log(`${dbName} ready: ${JSON.stringify(counts)}; measure it with --reuse ${dbName}`);
      return null;
    }

    // 2. The built API on its own port.
    if (!o.apiBundle && (o.build === true || (o.build === "auto" && apiBuildStale(root))))
      await runToEnd(process.execPath, ["build.mjs"], { cwd: join(root, "apps/api"), quiet: true });
    const port = o.port ?? (await freePort());
    const base = `http://127.0.0.1:${port}`;
    api = await startService(
      "API",
      process.execPath,
      [o.apiBundle ? resolve(o.apiBundle) : join(root, "apps/api/dist/server.js")],
      {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: databaseUrl,
        DEMO: "1",
        WORKERS: String(o.workers),
        JWT_SECRET: "bench-secret-0123456789abcdefghijklmnop",
        PORT: String(port),
        HOST: "127.0.0.1",
        LOG_LEVEL: "warn",
        API_RATE_PER_MINUTE: "0",
        LOGIN_RATE_PER_MINUTE: "10000",
        NOTIFY_SWEEP_MS: "0",
        WEBHOOK_POLL_MS: "0",
      },
      async () => (await fetch(`${base}/api/health`)).ok,
    );
    sampler = new RssSampler(api.pid!);
    sampler.start();
    log(`API on ${base} with ${o.workers} worker(s)`);

    // 3. What the scenarios need: a cursor, a deep cursor, a customer, a product with stock.
    const login = async (username: string) => {
      const res = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ username, password: o.password }),
      });
      if (!res.ok) throw new Error(`login ${username}: HTTP ${res.status} ${await res.text()}`);
      return ((await res.json()) as { accessToken: string }).accessToken;
    };
    const get = async <T>(token: string, path: string): Promise<T> => {
      const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
      return (await res.json()) as T;
    };
    const token = await login(o.user);
    type Page = { items: { id: string }[]; nextCursor: string | null };
    const first = await get<Page>(token, "/api/v1/customers?limit=50");
    if (!first.items.length) throw new Error(`${o.user} sees no customers`);
    const customerId = first.items[0]!.id;
    let cursor = first.nextCursor;
    const nextCursor = cursor;
    let depth = 1;
    let deepCursor = cursor;
    while (cursor && depth < o.deepPage) {
      deepCursor = cursor;
      const page = await get<Page>(token, `/api/v1/customers?limit=50&cursor=${encodeURIComponent(cursor)}`);
      depth += 1;
      cursor = page.nextCursor;
    }
    const gm = await login("gm");
    const products = await get<{ items: { id: string; listPrice?: string }[] }>(
      gm,
      "/api/v1/products?limit=1",
    );
    const productId = products.items[0]?.id;
    if (!productId) throw new Error("no product to sell");
    // Enough stock that no sale of the run is refused: a production receipt by the production user.
    const receipt = await fetch(`${base}/api/v1/stock-movements`, {
      method: "POST",
      headers: { authorization: `Bearer ${await login("prod1")}`, "content-type": "application/json" },
      body: JSON.stringify({
        productId,
        kind: "production_receipt",
        quantity: "100000000",
        reference: "BENCH",
      }),
    });
    if (!receipt.ok) throw new Error(`stock receipt: HTTP ${receipt.status} ${await receipt.text()}`);

    const run = Date.now().toString(36);
    let n = 0;
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const q = (v: string) => `/api/v1/customers?limit=50&q=${encodeURIComponent(v)}`;
    let scenarios: Scenario[] = [
      {
        key: "login",
        label: "login",
        group: "auth",
        method: "POST",
        path: "/api/v1/auth/login",
        body: JSON.stringify({ username: o.user, password: o.password }),
        baseline: false,
        noAuth: true,
      },
      {
        key: "list",
        label: "list, first page",
        group: "list",
        method: "GET",
        path: "/api/v1/customers?limit=50",
        baseline: true,
      },
      ...(nextCursor
        ? [
            {
              key: "page2",
              label: "list, next page (cursor)",
              group: "page" as const,
              method: "GET" as const,
              path: `/api/v1/customers?limit=50&cursor=${encodeURIComponent(nextCursor)}`,
              baseline: true,
            },
          ]
        : []),
      ...(deepCursor && depth > 2
        ? [
            {
              key: "deep",
              label: `list, page ${depth} (cursor)`,
              group: "page" as const,
              method: "GET" as const,
              path: `/api/v1/customers?limit=50&cursor=${encodeURIComponent(deepCursor)}`,
              baseline: true,
            },
          ]
        : []),
      {
        key: "letter",
        label: "letter H",
        group: "list",
        method: "GET",
        path: "/api/v1/customers?limit=50&letter=H",
        baseline: true,
      },
      { key: "q1", label: "q=华 (1 char)", group: "search", method: "GET", path: q("华"), baseline: true },
      {
        key: "q2",
        label: "q=宏达 (2 chars)",
        group: "search",
        method: "GET",
        path: q("宏达"),
        baseline: true,
      },
      {
        key: "q3",
        label: "q=杭州宏 (3 chars)",
        group: "search",
        method: "GET",
        path: q("杭州宏"),
        baseline: true,
      },
      {
        key: "initials",
        label: "q=hzhd (pinyin initials)",
        group: "search",
        method: "GET",
        path: q("hzhd"),
        baseline: true,
      },
      {
        key: "detail",
        label: "customer detail",
        group: "detail",
        method: "GET",
        path: `/api/v1/customers/${customerId}`,
        baseline: true,
      },
      {
        key: "timeline",
        label: "customer timeline",
        group: "detail",
        method: "GET",
        path: `/api/v1/customers/${customerId}/timeline`,
        baseline: true,
      },
      {
        key: "create",
        label: "create customer (duplicate check)",
        group: "write",
        method: "POST",
        path: "/api/v1/customers",
        body: () => {
          n += 1;
          return JSON.stringify({
            name: `压测${run}客户${n}号`,
            class: "2",
            province: "浙江省",
            city: "杭州市",
          });
        },
        baseline: false,
      },
      {
        key: "sale",
        label: "record a sale (stock check)",
        group: "write",
        method: "POST",
        path: "/api/v1/transactions",
        body: JSON.stringify({ customerId, productId, date: today, unitPrice: "12.50", quantity: "1" }),
        baseline: false,
      },
      ...REPORTS.map((r) => ({
        key: `report:${r}`,
        label: `report ${r}`,
        group: "report" as const,
        method: "GET" as const,
        path: `/api/v1/reports/${r}`,
        baseline: true,
      })),
    ];
    if (o.only?.length) scenarios = scenarios.filter((sc) => o.only!.includes(sc.key));

    // 4. The statements each read endpoint runs, from the app itself; the floor and ceiling server.
    const reads = scenarios.filter((sc) => sc.baseline);
    const captured = await captureStatements(
      databaseUrl,
      o.password,
      reads.map((sc) => ({ key: sc.key, user: o.user, url: sc.path })),
    );
    const statementsFile = join(tmp, "statements.json");
    writeFileSync(
      statementsFile,
      JSON.stringify(Object.fromEntries([...captured].map(([k, v]) => [k.replace(":", "_"), v.statements]))),
    );
    const floorPort = o.port ? o.port + 1 : await freePort();
    const ceilingPort = o.port ? o.port + 2 : await freePort();
    baseline = await startService(
      "floor/ceiling server",
      tsx,
      [join(here, "baseline-server.ts")],
      {
        ...process.env,
        DATABASE_URL: databaseUrl,
        STATEMENTS: statementsFile,
        FLOOR_PORT: String(floorPort),
        CEILING_PORT: String(ceilingPort),
        WORKERS: String(o.workers),
        DB_POOL_SIZE: "10",
      },
      async () =>
        (await fetch(`http://127.0.0.1:${floorPort}/none`)).status === 404 &&
        (await fetch(`http://127.0.0.1:${ceilingPort}/none`)).status === 404,
    );
    log(`floor on :${floorPort}, ceiling on :${ceilingPort}; statements captured for ${captured.size} reads`);

    // 5. Every scenario at every concurrency: the endpoint, then its floor and ceiling; after each
    // step the requests it left running finish before the next starts.
    const results: ScenarioResult[] = [];
    const step = { duration: o.duration, amount: o.amount };
    const watcher = new pg.Client({ connectionString: databaseUrl, application_name: "crm-bench-watch" });
    await watcher.connect();
    const settle = async () => {
      const until = Date.now() + 120_000;
      while (Date.now() < until) {
        const { rows } = await watcher.query<{ n: number }>(
          `select count(*)::int as n from pg_stat_activity
            where datname = current_database() and backend_type = 'client backend' and state <> 'idle'
              and pid <> pg_backend_pid()`,
        );
        if (rows[0]!.n === 0) return;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    for (const sc of scenarios) {
      const cap = captured.get(sc.key);
      const res: ScenarioResult = {
        key: sc.key,
        label: sc.label,
        group: sc.group,
        method: sc.method,
        path: sc.path.replace(/cursor=[^&]+/, "cursor=…"),
        statements: cap?.statements.length ?? null,
        statementText: cap?.statements.map((st) => st.text) ?? null,
        steps: [],
      };
      for (const c of o.concurrency) {
        const headers: Record<string, string> = sc.noAuth
          ? {}
          : { authorization: `Bearer ${await login(o.user)}` };
        sampler.window();
        const endpoint = await drive({
          url: `${base}${sc.path}`,
          connections: c,
          ...step,
          method: sc.method,
          headers,
          ...(sc.body ? { body: sc.body } : {}),
        });
        const rss = sampler.window();
        await settle();
        let floor: Measured | null = null;
        let ceiling: Measured | null = null;
        if (cap) {
          const k = sc.key.replace(":", "_");
          floor = await drive({ url: `http://127.0.0.1:${floorPort}/${k}`, connections: c, ...step });
          await settle();
          ceiling = await drive({ url: `http://127.0.0.1:${ceilingPort}/${k}`, connections: c, ...step });
          await settle();
        }
        res.steps.push({
          concurrency: c,
          endpoint,
          floor,
          ceiling,
          ceilingPct: ceiling && ceiling.rps > 0 ? (100 * endpoint.rps) / ceiling.rps : null,
          rssMb: rss.processMb,
          rssTotalMb: rss.totalMb,
        });
        log(
          `${sc.label} c${c}: ${endpoint.rps.toFixed(0)} req/s p99 ${endpoint.p99.toFixed(1)} ms, errors ${endpoint.errors}, non-2xx ${endpoint.non2xx}` +
            (ceiling && floor
              ? `; floor ${floor.rps.toFixed(0)}, ceiling ${ceiling.rps.toFixed(0)} req/s`
              : ""),
        );
      }
      results.push(res);
    }
    await watcher.end();

    // 6. The customer import end to end, and the raw COPY of the same rows in the same run.
    let importResult: BenchResult["import"] = null;
    if (!o.only?.length || o.only.includes("import")) {
      const rows = o.importRows ?? Math.max(200, Math.round(100_000 * o.scale));
      let raw: { rows: number; seconds: number; rowsPerSecond: number } | null = null;
      sampler.window();
      const imp = await runImport({
        baseUrl: base,
        user: o.user,
        password: o.password,
        rows,
        bad: Math.min(50, Math.floor(rows / 100)),
        afterCommit: async (prefix) => {
          raw = await rawCopy(databaseUrl, prefix);
        },
      });
      const rawCopied = raw as { rows: number; seconds: number; rowsPerSecond: number } | null;
      const rate = imp.written / imp.endToEndSeconds;
      const importRss = sampler.window();
      importResult = {
        ...imp,
        rssMb: importRss.processMb,
        rssTotalMb: importRss.totalMb,
        rowsPerSecond: rate,
        rawCopy: rawCopied,
        pctOfRawCopy: rawCopied ? (100 * rate) / rawCopied.rowsPerSecond : null,
      };
      log(
        `import ${rows} rows: ${imp.endToEndSeconds.toFixed(1)} s end to end (${Math.round(rate)} rows/s); raw COPY ${rawCopied ? Math.round(rawCopied.rowsPerSecond) : "?"} rows/s`,
      );
    }

    // 7. The soak: the read scenarios' requests in turn, for minutes, RSS sampled every 10 s.
    let soakResult: BenchResult["soak"] = null;
    if (o.soakMinutes && o.soakMinutes > 0) {
      const mix = [
        "/api/v1/customers?limit=50",
        ...(nextCursor ? [`/api/v1/customers?limit=50&cursor=${encodeURIComponent(nextCursor)}`] : []),
        "/api/v1/customers?limit=50&letter=H",
        q("宏达"),
        q("hzhd"),
        `/api/v1/customers/${customerId}`,
        `/api/v1/customers/${customerId}/timeline`,
        `/api/v1/customers/${customerId}`,
        "/api/v1/reports/dashboard",
      ];
      log(`soak: ${o.soakMinutes} min at c${o.soakConnections ?? 16}, ${mix.length} reads in turn`);
      soakResult = await soak({
        base,
        paths: mix,
        minutes: o.soakMinutes,
        connections: o.soakConnections ?? 16,
        sampleSeconds: 10,
        sampler,
        token: () => login(o.user),
        log,
      });
      log(
        `soak: RSS start ${soakResult.startMb.toFixed(0)} MB, end ${soakResult.endMb.toFixed(0)} MB, max ${soakResult.maxMb.toFixed(0)} MB per process (all ${soakResult.maxTotalMb.toFixed(0)} MB); ${soakResult.slopeMbPerMin.toFixed(2)} MB/min${soakResult.growing ? " GROWING" : ", flat"}`,
      );
    }

    sampler.stop();
    const machine = await machineOf(databaseUrl);
    const date = new Date().toISOString().slice(0, 10);
    const result: BenchResult = {
      date,
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      seconds: (performance.now() - started) / 1000,
      scale: o.scale,
      seed: o.seed,
      database: o.reuse ? `reused ${dbName}` : "fresh",
      counts,
      machine: {
        ...machine,
        loadAverage: { min: Math.min(...loads, os.loadavg()[0]!), max: Math.max(...loads, os.loadavg()[0]!) },
      },
      options: {
        workers: o.workers,
        concurrency: o.concurrency,
        duration: o.amount > 0 ? null : o.duration,
        amount: o.amount > 0 ? o.amount : null,
        user: o.user,
        deepPage: depth,
      },
      generation,
      scenarios: results,
      import: importResult,
      soak: soakResult,
      rss: {
        maxProcessMb: sampler.maxProcessMb,
        maxTotalMb: sampler.maxTotalMb,
        // the read and write scenarios alone (the import and the soak have their own figures)
        ...(results.length
          ? {
              scenariosMaxProcessMb: Math.max(...results.flatMap((r) => r.steps.map((st) => st.rssMb))),
              scenariosMaxTotalMb: Math.max(...results.flatMap((r) => r.steps.map((st) => st.rssTotalMb))),
            }
          : {}),
      },
      targets: [],
    };
    mkdirSync(o.outDir, { recursive: true });
    const stem = o.stem ?? `${date}-${o.scale}`;
    const json = join(o.outDir, `${stem}.json`);
    const md = join(o.outDir, `${stem}.md`);
    // The figures first, so nothing measured is lost if judging them fails.
    writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
    result.targets = targetsOf(result);
    writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(md, markdown(result));
    log(`wrote ${json} and ${md}`);
    return { result, json, md };
  } finally {
    clearInterval(loadTimer);
    sampler?.stop();
    await stopService(baseline);
    await stopService(api);
    rmSync(tmp, { recursive: true, force: true });
    if (created && o.drop) {
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`drop database if exists "${dbName.replaceAll('"', "")}" with (force)`);
      await c.end();
    }
  }
}

const s = (t: number) => ((performance.now() - t) / 1000).toFixed(1);

async function counted(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ customers: number; transactions: number; contacts: number }>(
      `select (select count(*) from customers)::int as customers, (select count(*) from contacts)::int as contacts,
              (select count(*) from transactions)::int as transactions`,
    );
    return rows[0]!;
  } finally {
    await c.end();
  }
}

/**
 * The same rows the import wrote, copied out of customers and COPYed back into an empty table
 * like customers (same columns, defaults and all its indexes; no triggers, no foreign keys).
 */
async function rawCopy(databaseUrl: string, prefix: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const chunks: Buffer[] = [];
    const out = c.query(
      copyTo(`copy (select * from customers where name like '${prefix.replaceAll("'", "''")}%') to stdout`),
    );
    for await (const chunk of out) chunks.push(chunk as Buffer);
    const data = Buffer.concat(chunks);
    const rows = data.toString("utf8").split("\n").length - 1;
    await c.query("drop table if exists bench_raw_copy");
    await c.query("create table bench_raw_copy (like customers including all)");
    const t = performance.now();
    const stream = c.query(copyFrom("copy bench_raw_copy from stdin"));
    await new Promise<void>((resolve, reject) => {
      stream.on("finish", () => resolve());
      stream.on("error", reject);
      stream.end(data);
    });
    const seconds = (performance.now() - t) / 1000;
    await c.query("drop table bench_raw_copy");
    return { rows, seconds, rowsPerSecond: rows / seconds };
  } finally {
    await c.end();
  }
}

async function machineOf(databaseUrl: string) {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ v: string; sb: string; wm: string }>(
      "select current_setting('server_version') as v, current_setting('shared_buffers') as sb, current_setting('work_mem') as wm",
    );
    return {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "?",
      ramGb: Math.round(os.totalmem() / 1024 ** 3),
      node: process.version,
      postgres: rows[0]!.v,
      sharedBuffers: rows[0]!.sb,
      workMem: rows[0]!.wm,
    };
  } finally {
    await c.end();
  }
}
