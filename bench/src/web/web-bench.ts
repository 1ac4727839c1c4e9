/// <reference lib="dom" />
/**
 * `pnpm bench:web`: the web app's targets (issue #11).
 *
 * 1. builds apps/web with a manifest (`vite build --manifest`) and measures the gzipped JavaScript
 *    that the login and the workbench need before they render (entry + both route modules with
 *    their static imports), and what the browser really fetched for them;
 * 2. starts the built API (DEMO=1) on --database-url and runs Lighthouse (desktop preset, headless
 *    system Chromium) on the login, the workbench, the customer list and the dashboard report,
 *    logged in through the refresh cookie as the app itself restores a session;
 * 3. loads up to --rows customers into the customer list (pages of 200) and scrolls it, timing
 *    every frame with requestAnimationFrame.
 *
 * Writes bench/results/<date>-web.json and .md (--out to change), compared with --compare <json>.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "@playwright/test";
import * as chromeLauncher from "chrome-launcher";
import lighthouse, { desktopConfig } from "lighthouse";
import { parseArgs } from "../args.js";
import { frameStats, gzipSize, type InitialJs, initialJs, type Manifest } from "./bundle.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");
/** A path given on the command line, from where `pnpm bench:web` was typed (pnpm runs this in bench/). */
const fromCwd = (path: string) => resolve(process.env.INIT_CWD ?? process.cwd(), path);
const args0 = process.argv.indexOf("--web-dist");
/** The build measured and served: apps/web/dist, or --web-dist (with --skip-build) for an earlier one. */
const webDist = args0 > 0 ? fromCwd(process.argv[args0 + 1] ?? "") : join(root, "apps/web/dist");
const HELP = `pnpm bench:web [options]
  --database-url URL   PostgreSQL database to serve (one with 100,000 customers for the scroll test:
                       bench/src/generate.ts --scale 0.1); default: a fresh embedded demo database
  --port 3620          where the API listens
  --user admin         demo user (password Demo@2026)
  --rows 100000        customers to load into the list before scrolling
  --load-budget 240    seconds at most for loading them
  --runs 1             Lighthouse runs per page (the median score is kept)
  --skip-build         use apps/web/dist as it is (it must have .vite/manifest.json)
  --web-dist DIR       with --skip-build: serve and measure another build (vite build --manifest --outDir DIR)
  --chromium /usr/bin/chromium
  --api-server FILE    the built API to start (default apps/api/dist/server.js)
  --compare FILE       an earlier result JSON to show beside this one
  --out DIR            default bench/results; --name to change <date>-web`;

const args = parseArgs(process.argv.slice(2), {
  port: "3620",
  user: "admin",
  rows: "100000",
  "load-budget": "240",
  runs: "1",
  chromium: "/usr/bin/chromium",
  out: join(root, "bench/results"),
  name: `${new Date().toISOString().slice(0, 10)}-web`,
});
if (args.help) {
  console.log(HELP);
  process.exit(0);
}
const PASSWORD = "Demo@2026";
const port = Number(args.port);
const base = `http://127.0.0.1:${port}`;
const log = (...m: unknown[]) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...m);

/** The pages Lighthouse scores; `auth` ones are opened logged in. */
const PAGES = [
  { key: "login", path: "/login", auth: false },
  { key: "workbench", path: "/workbench", auth: true },
  { key: "customers", path: "/customers", auth: true },
  { key: "report", path: "/reports/dashboard", auth: true },
] as const;

// ---------------------------------------------------------------------------------------------
// 1. Bundle

function build() {
  log("building apps/web (vite build --manifest)");
  const r = spawnSync(join(root, "apps/web/node_modules/.bin/vite"), ["build", "--manifest"], {
    cwd: join(root, "apps/web"),
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (r.status !== 0) throw new Error("vite build failed");
}

function bundle(): InitialJs & { login: InitialJs; workbench: InitialJs } {
  const manifestPath = join(webDist, ".vite/manifest.json");
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} missing: build without --skip-build`);
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
  const read = (file: string) => readFileSync(join(webDist, file));
  const login = initialJs(manifest, ["features/auth/login-page.tsx"], read);
  const workbench = initialJs(manifest, ["features/workbench/workbench-page.tsx"], read);
  const both = initialJs(
    manifest,
    ["features/auth/login-page.tsx", "features/workbench/workbench-page.tsx"],
    read,
  );
  return { ...both, login, workbench };
}

// ---------------------------------------------------------------------------------------------
// 2. The app

async function startApi(): Promise<ChildProcess> {
  const server = args["api-server"] ? fromCwd(args["api-server"]) : join(root, "apps/api/dist/server.js");
  if (!args["api-server"] && !existsSync(server)) {
    log("building apps/api");
    const r = spawnSync(process.execPath, ["build.mjs"], { cwd: join(root, "apps/api"), stdio: "inherit" });
    if (r.status !== 0) throw new Error("API build failed");
  }
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: "127.0.0.1",
    DEMO: "1",
    NODE_ENV: "production",
    LOG_LEVEL: "warn",
  };
  env.WEB_DIST = webDist;
  if (args["database-url"]) env.DATABASE_URL = args["database-url"];
  else env.DATA_DIR = join("/tmp", `crm-web-bench-${process.pid}`);
  const child = spawn(process.execPath, [server], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`API exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/api/ready`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error("API not ready after 180 s");
}

/** A fresh session's refresh cookie (`crm_refresh=…`), as the login page would get it. */
async function refreshCookie(): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ username: args.user, password: PASSWORD }),
  });
  if (!res.ok) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith("crm_refresh="));
  if (!cookie) throw new Error("login set no crm_refresh cookie");
  return cookie.split(";")[0] as string;
}

// ---------------------------------------------------------------------------------------------
// 3. Lighthouse

interface LighthousePage {
  performance: number;
  accessibility: number;
  metrics: Record<string, number>;
  /** Accessibility audits that failed, and the performance opportunities worth > 50 ms. */
  failedA11y: string[];
  opportunities: string[];
}

async function lighthousePage(path: string, auth: boolean): Promise<LighthousePage> {
  const chrome = await chromeLauncher.launch({
    chromePath: args.chromium,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const extraHeaders = auth ? { Cookie: await refreshCookie() } : undefined;
    const result = await lighthouse(
      `${base}${path}`,
      { port: chrome.port, output: "json", logLevel: "error", ...(extraHeaders ? { extraHeaders } : {}) },
      {
        ...desktopConfig,
        settings: { ...desktopConfig.settings, onlyCategories: ["performance", "accessibility"] },
      },
    );
    if (!result) throw new Error("Lighthouse returned nothing");
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
    const finalUrl = lhr.finalDisplayedUrl ?? "";
    if (auth && finalUrl.includes("/login"))
      throw new Error(`${path}: ended on the login page (not logged in)`);
    const audit = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
    const failedA11y = (lhr.categories.accessibility?.auditRefs ?? [])
      .map((ref) => lhr.audits[ref.id])
      .filter((a) => a && a.scoreDisplayMode === "binary" && a.score === 0)
      .map((a) => `${a?.id}: ${a?.title}`);
    const opportunities = Object.values(lhr.audits)
      .filter((a) => a.details?.type === "opportunity" && (a.numericValue ?? 0) > 50)
      .map((a) => `${a.id} (${Math.round(a.numericValue ?? 0)} ms)`);
    return {
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      metrics: {
        fcpMs: Math.round(audit("first-contentful-paint")),
        lcpMs: Math.round(audit("largest-contentful-paint")),
        tbtMs: Math.round(audit("total-blocking-time")),
        cls: Math.round(audit("cumulative-layout-shift") * 1000) / 1000,
        speedIndexMs: Math.round(audit("speed-index")),
      },
      failedA11y,
      opportunities,
    };
  } finally {
    chrome.kill();
  }
}

// ---------------------------------------------------------------------------------------------
// 4. The browser: what the login and the workbench fetched, and scrolling the customer list

async function login(page: Page) {
  await page.goto(`${base}/login`);
  await page.getByLabel("用户名").fill(args.user);
  await page.getByLabel("密码", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await page.waitForURL(/\/workbench$/, { timeout: 60_000 });
}

/** JS the browser fetched from opening /login to the workbench being shown, gzipped as built. */
async function fetchedJs(browser: Browser) {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const files = new Set<string>();
  page.on("request", (r) => {
    const u = new URL(r.url());
    if (r.resourceType() === "script" && u.origin === base) files.add(u.pathname.slice(1));
  });
  await login(page);
  await page.getByRole("main").waitFor();
  await page.waitForLoadState("networkidle");
  await context.close();
  const list = [...files].filter((f) => existsSync(join(webDist, f)));
  const gzip = list.reduce((s, f) => s + gzipSize(readFileSync(join(webDist, f))), 0);
  return { files: list.length, gzip };
}

async function scroll(browser: Browser) {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1440, height: 900 } });
  // tsx keeps function names with a __name helper that the page does not have.
  await context.addInitScript({ content: "window.__name = (f) => f;" });
  const page = await context.newPage();
  // Pages of 200 (the API's most) instead of the screen's 50: the same rows in a quarter of the requests.
  await page.route(/\/api\/v1\/customers\?/, (route) => {
    const url = new URL(route.request().url());
    if (url.pathname !== "/api/v1/customers" || url.searchParams.get("limit") !== "50")
      return route.continue();
    url.searchParams.set("limit", "200");
    return route.continue({ url: url.toString() });
  });
  let loaded = 0;
  let total = null as number | null;
  page.on("response", (r) => {
    const u = new URL(r.url());
    if (u.pathname === "/api/v1/customers" && r.request().method() === "GET" && r.ok())
      void r
        .json()
        .then((body: { items: unknown[]; total?: number | null }) => {
          loaded += body.items.length;
          if (body.total != null) total = body.total;
        })
        .catch(() => undefined);
  });
  await login(page);
  await page.goto(`${base}/customers`);
  await page.locator(".customer-row").first().waitFor({ timeout: 60_000 });
  const want = Number(args.rows);
  const deadline = Date.now() + Number(args["load-budget"]) * 1000;
  const appendMs: number[] = [];
  const more = page.getByRole("button", { name: "加载更多" });
  const started = Date.now();
  while (loaded < want && Date.now() < deadline) {
    if (!(await more.isVisible())) break;
    const t0 = Date.now();
    const before = loaded;
    await more.click({ timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector(".customer-load-more .ant-btn-loading"), null, {
      timeout: 120_000,
      polling: 50,
    });
    while (loaded === before && Date.now() - t0 < 30_000) await page.waitForTimeout(20);
    appendMs.push(Date.now() - t0);
    if (appendMs.length % 50 === 0) log(`  ${loaded} rows loaded`);
  }
  const loadSeconds = Math.round((Date.now() - started) / 100) / 10;
  const dom = await page.evaluate(() => ({
    nodes: document.getElementsByTagName("*").length,
    rowsInDom: document.querySelectorAll(".customer-row").length,
    heapMb: Math.round(
      ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 1e6,
    ),
  }));
  log(`  ${loaded} rows loaded in ${loadSeconds} s; ${dom.rowsInDom} rows in the DOM; scrolling`);
  const frames = await page.evaluate(async () => {
    const raf = () => new Promise<number>((r) => requestAnimationFrame(r));
    const candidates = [
      ...document.querySelectorAll<HTMLElement>(".ant-table-tbody-virtual-holder, .ant-table-body"),
    ];
    const inner = candidates.find((el) => el.scrollHeight > el.clientHeight + 10);
    const el = inner ?? (document.scrollingElement as HTMLElement);
    let longTasks = 0;
    const observer = new PerformanceObserver((list) => {
      longTasks += list.getEntries().length;
    });
    observer.observe({ type: "longtask", buffered: false });
    // Each phase stops after 30 s however many frames it drew: a janky list draws few.
    const run = async (count: number, next: (i: number) => number) => {
      el.scrollTop = 0;
      await raf();
      await raf();
      const deltas: number[] = [];
      let last = await raf();
      const end = last + 30_000;
      for (let i = 0; i < count && last < end; i++) {
        el.scrollTop = next(i);
        const now = await raf();
        deltas.push(now - last);
        last = now;
      }
      return deltas;
    };
    const range = () => Math.max(0, el.scrollHeight - el.clientHeight);
    // A fast, steady scroll down (100 px a frame: about 2 rows, 6,000 px/s at 60 Hz)...
    const steady = await run(600, (i) => (i + 1) * 100);
    // ...and jumps as when dragging the scroll bar: anywhere in the list, every frame.
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const jumps = await run(120, () => Math.floor(random() * range()));
    observer.disconnect();
    return {
      steady,
      jumps,
      longTasks,
      scroller: inner ? "table body" : "page",
      scrollHeight: el.scrollHeight,
    };
  });
  await context.close();
  const sorted = [...appendMs].sort((a, b) => a - b);
  return {
    customersInDatabase: total,
    rowsLoaded: loaded,
    loadSeconds,
    appendMs: {
      pages: appendMs.length,
      p50: sorted[Math.floor(sorted.length / 2)] ?? 0,
      last: appendMs.at(-1) ?? 0,
    },
    dom,
    scroller: frames.scroller,
    scrollHeightPx: frames.scrollHeight,
    steady: frameStats(frames.steady),
    jumps: frameStats(frames.jumps),
    longTasks: frames.longTasks,
  };
}

// ---------------------------------------------------------------------------------------------

type Result = {
  date: string;
  git: string;
  machine: string;
  bundle: {
    loginWorkbenchGzipKb: number;
    loginGzipKb: number;
    workbenchGzipKb: number;
    files: number;
    fetched: { files: number; gzipKb: number };
  };
  lighthouse: Record<string, LighthousePage>;
  scroll: Awaited<ReturnType<typeof scroll>>;
};

const kb = (n: number) => Math.round(n / 102.4) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

function markdown(r: Result, before?: Result): string {
  const b = (get: (x: Result) => unknown) => (before ? ` | ${String(get(before))}` : "");
  const head = before ? "| | before | now |\n|---|---:|---:|" : "| | now |\n|---|---:|";
  const row = (label: string, get: (x: Result) => unknown) => `| ${label}${b(get)} | ${String(get(r))} |`;
  const lines = [
    `# Web benchmark ${r.date}`,
    "",
    `Commit ${r.git}; ${r.machine}. Command: \`pnpm bench:web ${process.argv.slice(2).join(" ")}\`.`,
    "Lighthouse 13 desktop preset (simulated throttling), headless system Chromium; one machine shared with other work, so",
    "scores and frame times are noisy.",
    "",
    "## Targets",
    "",
    head,
    row("initial JS, login + workbench (gzip KB, target < 300)", (x) => x.bundle.loginWorkbenchGzipKb),
    row(
      "  login alone / workbench alone (gzip KB)",
      (x) => `${x.bundle.loginGzipKb} / ${x.bundle.workbenchGzipKb}`,
    ),
    row("  fetched by the browser, login → workbench (gzip KB)", (x) => x.bundle.fetched.gzipKb),
    ...PAGES.flatMap((p) => [
      row(`Lighthouse ${p.path} performance / accessibility (target ≥ 90)`, (x) => {
        const l = x.lighthouse[p.key];
        return l ? `${l.performance} / ${l.accessibility}` : "—";
      }),
    ]),
    row(
      "customer list: customers in the database",
      (x) => x.scroll.customersInDatabase?.toLocaleString("en") ?? "—",
    ),
    row(
      "  rows loaded into the list (time)",
      (x) => `${x.scroll.rowsLoaded.toLocaleString("en")} (${x.scroll.loadSeconds} s)`,
    ),
    row("  time to append the last page (ms)", (x) => x.scroll.appendMs.last),
    row(
      "  rows in the DOM / DOM nodes",
      (x) => `${x.scroll.dom.rowsInDom} / ${x.scroll.dom.nodes.toLocaleString("en")}`,
    ),
    row(
      "  steady scroll: p95 frame ms (frames > 33 ms, > 50 ms)",
      (x) => `${x.scroll.steady.p95} (${x.scroll.steady.over33}, ${x.scroll.steady.over50})`,
    ),
    row(
      "  scroll-bar jumps: p95 frame ms (frames > 33 ms, > 50 ms)",
      (x) => `${x.scroll.jumps.p95} (${x.scroll.jumps.over33}, ${x.scroll.jumps.over50})`,
    ),
    row("  long tasks while scrolling", (x) => x.scroll.longTasks),
    "",
    "## Lighthouse details",
    "",
    "| page | FCP ms | LCP ms | TBT ms | CLS | SI ms | failed accessibility audits | opportunities |",
    "|---|---:|---:|---:|---:|---:|---|---|",
    ...PAGES.map((p) => {
      const l = r.lighthouse[p.key];
      if (!l) return `| ${p.path} | | | | | | | |`;
      const m = l.metrics;
      return `| ${p.path} | ${m.fcpMs} | ${m.lcpMs} | ${m.tbtMs} | ${m.cls} | ${m.speedIndexMs} | ${l.failedA11y.join("; ") || "none"} | ${l.opportunities.join("; ") || "none"} |`;
    }),
    "",
  ];
  return lines.join("\n");
}

async function main() {
  if (!args["skip-build"]) build();
  const sizes = bundle();
  log(`initial JS login + workbench: ${kb(sizes.gzip)} KB gzipped in ${sizes.files.length} files`);
  const api = await startApi();
  const stop = () => api.kill("SIGTERM");
  process.on("SIGINT", () => {
    stop();
    process.exit(130);
  });
  try {
    const browser = await chromium.launch({
      executablePath: args.chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    });
    let fetched: { files: number; gzip: number };
    let scrolled: Awaited<ReturnType<typeof scroll>>;
    try {
      fetched = await fetchedJs(browser);
      log(`fetched for login → workbench: ${kb(fetched.gzip)} KB gzipped in ${fetched.files} files`);
      scrolled = await scroll(browser);
      log("scroll", JSON.stringify({ steady: scrolled.steady, jumps: scrolled.jumps }));
    } finally {
      await browser.close();
    }
    const lh: Record<string, LighthousePage> = {};
    for (const p of PAGES) {
      const runs: LighthousePage[] = [];
      for (let i = 0; i < Number(args.runs); i++) runs.push(await lighthousePage(p.path, p.auth));
      const perf = median(runs.map((x) => x.performance));
      lh[p.key] = runs.find((x) => x.performance === perf) ?? (runs[0] as LighthousePage);
      log(
        `lighthouse ${p.path}: performance ${lh[p.key]?.performance}, accessibility ${lh[p.key]?.accessibility}`,
      );
    }
    const git = spawnSync("git", ["rev-parse", "--short", "HEAD"], {
      cwd: root,
      encoding: "utf8",
    }).stdout.trim();
    const load = (await import("node:os"))
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(" ");
    const result: Result = {
      date: new Date().toISOString(),
      git,
      machine: `${(await import("node:os")).cpus().length} cores, load average ${load} at the end`,
      bundle: {
        loginWorkbenchGzipKb: kb(sizes.gzip),
        loginGzipKb: kb(sizes.login.gzip),
        workbenchGzipKb: kb(sizes.workbench.gzip),
        files: sizes.files.length,
        fetched: { files: fetched.files, gzipKb: kb(fetched.gzip) },
      },
      lighthouse: lh,
      scroll: scrolled,
    };
    const before = args.compare
      ? (JSON.parse(readFileSync(fromCwd(args.compare), "utf8")) as Result)
      : undefined;
    const outDir = fromCwd(args.out);
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, args.name);
    writeFileSync(`${file}.json`, `${JSON.stringify(before ? { ...result, before } : result, null, 2)}\n`);
    writeFileSync(`${file}.md`, markdown(result, before));
    log(`wrote ${file}.json and .md`);
  } finally {
    stop();
  }
}

await main();
