import autocannon from "autocannon";
import { parseArgs, table } from "./args.js";

const HELP = `Logs in and measures the customer list and search endpoints with autocannon, one scenario after another.
  --base-url http://127.0.0.1:3000
  --user mgr1              one or more demo users, comma separated (gm: all data, mgr1: a department
                           tree, sales1: own customers)
  --password Demo@2026
  --connections 16
  --duration 20            seconds per scenario
  --warmup 2               seconds of the same load before each scenario, not measured (the API's
                           and the database's first requests: connections opened, statements
                           planned, code compiled)
  --only list,q2           run only these scenarios`;

const args = parseArgs(process.argv.slice(2), {
  "base-url": "http://127.0.0.1:3000",
  user: "mgr1",
  password: "Demo@2026",
  connections: "16",
  duration: "20",
  warmup: "2",
  only: "",
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

/** Fragments chosen from the generated data (see README): common, medium and rare matches. */
const SCENARIOS: [key: string, label: string, query: string][] = [
  ["list", "list (newest first)", "limit=50"],
  ["letter", "letter H", "limit=50&letter=H"],
  ["q1", "q=华 (1 char)", `limit=50&q=${encodeURIComponent("华")}`],
  ["q2", "q=宏达 (2 chars)", `limit=50&q=${encodeURIComponent("宏达")}`],
  ["q3", "q=杭州宏 (3 chars)", `limit=50&q=${encodeURIComponent("杭州宏")}`],
  ["initials", "q=hzhd (initials)", "limit=50&q=hzhd"],
  ["pinyin", "q=hongda (pinyin)", "limit=50&q=hongda"],
];

const base = args["base-url"].replace(/\/$/, "");

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: args.password }),
  });
  if (!res.ok) throw new Error(`login as ${username}: HTTP ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { accessToken: string };
  return body.accessToken;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;

function load(token: string, path: string, seconds: number, latencies: number[]) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${base}${path}`,
        connections: Number(args.connections),
        duration: seconds,
        headers: { authorization: `Bearer ${token}` },
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // autocannon reports p50/p90/p97.5/p99; every response time is kept to compute p95 exactly.
    instance.on("response", (_client, _status, _bytes, ms) => latencies.push(ms));
  });
}

async function run(token: string, path: string) {
  if (Number(args.warmup) > 0) await load(token, path, Number(args.warmup), []);
  const latencies: number[] = [];
  const result = await load(token, path, Number(args.duration), latencies);
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    requests: result.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

const only = args.only ? new Set(args.only.split(",")) : null;
const fmt = (ms: number) => ms.toFixed(1);
for (const user of args.user.split(",")) {
  const token = await login(user);
  const rows: (string | number)[][] = [];
  for (const [key, label, query] of SCENARIOS) {
    if (only && !only.has(key)) continue;
    const path = `/api/v1/customers?${query}`;
    const probe = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const body = probe.ok
      ? ((await probe.json()) as { items: unknown[]; total?: number; totalExact?: boolean })
      : null;
    if (!body) console.warn(`${label}: HTTP ${probe.status} ${(await probe.text()).slice(0, 200)}`);
    const r = await run(token, path);
    const total = body
      ? `${body.total ?? "?"}${body.totalExact === false ? "+" : ""}`
      : `HTTP ${probe.status}`;
    rows.push([
      label,
      total,
      body?.items.length ?? 0,
      Math.round(r.rps),
      fmt(r.p50),
      fmt(r.p95),
      fmt(r.p99),
      r.errors,
      r.non2xx,
    ]);
    console.log(`${user} ${label}: ${Math.round(r.rps)} req/s, p95 ${fmt(r.p95)} ms`);
  }
  console.log(
    `\nuser ${user}, ${args.connections} connections, ${args.duration} s per scenario after ${args.warmup} s unmeasured\n${table(
      ["scenario", "total", "items", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "non-2xx"],
      rows,
    )}\n`,
  );
}
