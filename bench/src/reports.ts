import { parseArgs, table } from "./args.js";

const HELP = `Logs in and times every report, one request at a time (a report is one person waiting), per user
and filter set, and prints p50 and p95 per report and user.
  --base-url http://127.0.0.1:3000
  --user gm,mgr1,sales1     demo users (gm: all data, mgr1: a department tree, sales1: own)
  --password Demo@2026
  --runs 5                  timed requests per report, user and filter set (after one untimed)
  --from 2025-12-01 --to 2026-11-26
                            the one-year period (default: the last 12 months as the report page's
                            preset has them: the 1st of the month 11 months ago to today)
  --only sales,dashboard    only these reports
  --sets default,year,province,class,filtered
                            filter sets: default (no filters), year (the period), province (the
                            region filter), class (the customer class filter), filtered (the period,
                            province and class together)
  --province 广东省 --class 2
                            the region and class of those sets
  --timeout 120             seconds before a request counts as failed
  --slow 10                 seconds: a report whose first request takes longer is not run again
                            (its p50/p95 are that one request)`;

const REPORTS = [
  "first-transactions",
  "customer-evaluation",
  "visits",
  "customer-value",
  "satisfaction",
  "sales",
  "dashboard",
] as const;

const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
const yearAgo = (() => {
  const [y, m] = today.split("-").map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 1 - 11, 1));
  return first.toISOString().slice(0, 10);
})();

const args = parseArgs(process.argv.slice(2), {
  "base-url": "http://127.0.0.1:3000",
  user: "gm,mgr1,sales1",
  password: "Demo@2026",
  runs: "5",
  from: yearAgo,
  to: today,
  only: "",
  sets: "default,year,province,class,filtered",
  province: "广东省",
  class: "2",
  timeout: "120",
  slow: "10",
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}

const base = args["base-url"].replace(/\/$/, "");
const runs = Number(args.runs);
const only = args.only ? new Set(args.only.split(",")) : null;
const region = `province=${encodeURIComponent(args.province)}`;
const sets: Record<string, string> = {
  default: "",
  year: `?from=${args.from}&to=${args.to}`,
  province: `?${region}`,
  class: `?class=${encodeURIComponent(args.class)}`,
  filtered: `?from=${args.from}&to=${args.to}&${region}&class=${encodeURIComponent(args.class)}`,
};
const chosenSets = args.sets.split(",").filter((s) => s in sets);

async function login(username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: args.password }),
  });
  if (!res.ok) throw new Error(`login as ${username}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

/** One request: milliseconds until the whole body is in, or the failure. */
async function time(token: string, path: string): Promise<{ ms: number; error?: string; bytes: number }> {
  const started = performance.now();
  try {
    const res = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(Number(args.timeout) * 1000),
    });
    const body = await res.text();
    const ms = performance.now() - started;
    return res.ok
      ? { ms, bytes: body.length }
      : { ms, bytes: 0, error: `HTTP ${res.status} ${body.slice(0, 120)}` };
  } catch (e) {
    return { ms: performance.now() - started, bytes: 0, error: (e as Error).name };
  }
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;
const fmt = (ms: number) => (Number.isNaN(ms) ? "—" : Math.round(ms).toLocaleString("en"));

console.log(
  `period (year set): ${args.from} .. ${args.to}; province ${args.province}, class ${args.class}; ${runs} timed runs each`,
);
const rows: (string | number)[][] = [];
for (const user of args.user.split(",")) {
  // A fresh token per user; access tokens last 15 minutes, so one is made again per report.
  for (const report of REPORTS) {
    if (only && !only.has(report)) continue;
    const token = await login(user);
    for (const set of chosenSets) {
      const path = `/api/v1/reports/${report}${sets[set]}`;
      const warm = await time(token, path);
      const times: number[] = [];
      let error = warm.error;
      if (!error && warm.ms > Number(args.slow) * 1000) times.push(warm.ms);
      else if (!error)
        for (let i = 0; i < runs; i++) {
          const r = await time(token, path);
          if (r.error) {
            error = r.error;
            break;
          }
          times.push(r.ms);
        }
      times.sort((a, b) => a - b);
      const row = [
        report,
        user,
        set,
        error ? `${fmt(warm.ms)} (${error})` : fmt(warm.ms),
        fmt(percentile(times, 50)),
        fmt(percentile(times, 95)),
        fmt(times[times.length - 1] ?? Number.NaN),
        warm.bytes.toLocaleString("en"),
      ];
      rows.push(row);
      console.log(row.join("  "));
    }
  }
}
console.log(
  `\n${table(["report", "user", "filters", "first ms", "p50 ms", "p95 ms", "max ms", "bytes"], rows)}\n`,
);
