// `pnpm test`: every test. Installs the browser the e2e flows need when missing (Debian's
// chromium through apt, as root), builds the app, runs the unit and API integration tests
// (vitest) and the browser flows (Playwright, one shared app start), then prints one line
// "N passed, N failed". With TEST_DATABASE_URL set, everything runs on that PostgreSQL server,
// each test file and the e2e app in a database of its own; otherwise on a server the run starts
// itself (scripts/test-services.mjs: initdb in a temporary folder, Debian's postgresql installed
// when missing), as some tests need a real server. Tests of the embedded database (PGlite) make
// their own.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromiumPath } from "./browser.mjs";
import { buildIfStale, root, run } from "./lib.mjs";
import { ensureTestServices } from "./test-services.mjs";

const started = Date.now();
const tmp = join(root, ".tmp");
mkdirSync(tmp, { recursive: true });

/** Whether a font for Chinese is installed (fontconfig's list; none known without fc-list). */
function hasChineseFont() {
  const listed = spawnSync("fc-list", [":lang=zh", "family"], { encoding: "utf8" });
  return listed.status !== 0 || listed.stdout.trim() !== "";
}

async function ensureBrowser() {
  const canInstall = process.getuid?.() === 0 && existsSync("/usr/bin/apt-get");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let updated = false;
  if (chromiumPath() === null) {
    if (!canInstall) {
      console.error(
        "No Chromium for the e2e flows: install Debian's `chromium` package (or run as root to let this script do it).",
      );
      process.exit(1);
    }
    console.log("Installing Chromium (apt-get install chromium)…");
    if ((await run("apt-get", ["update", "-qq"], { env })) !== 0) process.exit(1);
    if ((await run("apt-get", ["install", "-y", "-qq", "chromium"], { env })) !== 0) process.exit(1);
    updated = true;
  }
  // The flows' screenshots show a Chinese UI: without such a font every character is a box. The
  // tests read the page's text, not its pixels, so a failed install only warns.
  if (canInstall && !hasChineseFont()) {
    console.log("Installing a Chinese font for the screenshots (apt-get install fonts-noto-cjk)…");
    const install = async () =>
      (await run("apt-get", ["install", "-y", "-qq", "fonts-noto-cjk"], { env })) === 0;
    const installed =
      (await install()) ||
      (!updated && (await run("apt-get", ["update", "-qq"], { env })) === 0 && (await install()));
    if (!installed) {
      console.warn("fonts-noto-cjk could not be installed: the screenshots will show boxes for Chinese text");
    }
  }
}

/** A statement on the test server's maintenance connection. */
async function admin(sql, params = []) {
  const pg = createRequire(join(root, "packages/db/package.json"))("pg");
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try {
    return (await c.query(sql, params)).rows;
  } finally {
    await c.end();
  }
}

/**
 * Drops the databases of this run's test files that are still there, naming them, and says how
 * many. Each file drops its own: one left behind is a test that leaks (a hook registered inside a
 * running test, which never runs, was one) or a test process killed in its teardown, and the run
 * counts it as a failure.
 */
async function dropLeftoverTestDatabases(prefix) {
  const left = await admin("select datname from pg_database where starts_with(datname, $1)", [prefix]);
  for (const { datname } of left) {
    console.error(`a test database was left behind (dropped now): ${datname}`);
    await admin(`drop database if exists ${datname} with (force)`);
  }
  return left.length;
}

async function withE2eDatabase(fn) {
  const server = process.env.TEST_DATABASE_URL;
  if (!server) return fn({ E2E_DATA_DIR: join(tmp, `e2e-data-${randomBytes(4).toString("hex")}`) });
  const name = `crm_e2e_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin(`create database ${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  try {
    return await fn({ E2E_DATABASE_URL: url.toString() });
  } finally {
    await admin(`drop database if exists ${name} with (force)`).catch((e) => console.error(e.message));
  }
}

const readJson = (file) => {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return null;
  }
};

await ensureBrowser();
if ((await buildIfStale()) !== 0) {
  console.log("0 passed, 1 failed");
  process.exit(1);
}
// A PostgreSQL server (and Redis) of the run's own when none is given; stopped before exit.
const services = await ensureTestServices();
Object.assign(process.env, services.env);
process.on("exit", () => services.stop());
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => process.exit(1));

const bin = (name) => join(root, "node_modules/.bin", name);
const vitestJson = join(tmp, "vitest.json");
const playwrightJson = join(tmp, "playwright.json");
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

// This run's test databases, found by their prefix afterwards.
process.env.TEST_DATABASE_PREFIX = `crm_test_${randomBytes(3).toString("hex")}_`;
const unitCode = await run(bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
const leftBehind = process.env.TEST_DATABASE_URL
  ? await dropLeftoverTestDatabases(process.env.TEST_DATABASE_PREFIX).catch((e) => {
      console.error(e.message);
      return 0;
    })
  : 0;
const e2eCode = await withE2eDatabase((env) =>
  run(bin("playwright"), ["test"], {
    env: { ...process.env, ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
  }),
);

const unit = readJson(vitestJson);
const e2e = readJson(playwrightJson);
const passed = (unit?.numPassedTests ?? 0) + (e2e?.stats?.expected ?? 0) + (e2e?.stats?.flaky ?? 0);
let failed = (unit?.numFailedTests ?? 0) + (e2e?.stats?.unexpected ?? 0);
// A runner that crashed before reporting counts as a failure, never as silence.
if (unitCode !== 0 && (unit?.numFailedTests ?? 0) === 0) failed += 1;
if (e2eCode !== 0 && (e2e?.stats?.unexpected ?? 0) === 0) failed += 1;
if (!unit?.numTotalTests || !e2e?.stats?.expected) failed += passed === 0 ? 1 : 0;
failed += leftBehind;

const seconds = Math.round((Date.now() - started) / 1000);
console.log(
  `\nunit+api: ${unit?.numPassedTests ?? 0} passed, ${unit?.numFailedTests ?? 0} failed; ` +
    `e2e: ${e2e?.stats?.expected ?? 0} passed, ${e2e?.stats?.unexpected ?? 0} failed, ${e2e?.stats?.flaky ?? 0} flaky; ` +
    `${leftBehind ? `test databases left behind: ${leftBehind}; ` : ""}${seconds}s`,
);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || unitCode !== 0 || e2eCode !== 0 ? 1 : 0);
