// The whole benchmark harness at a tiny scale against its own database on the test server: it must
// complete with every scenario measured and error-free, and write its JSON and markdown. Times are
// not asserted (performance is measured by `pnpm bench`, not by a test).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { runBench } from "./harness/index.js";
import type { BenchResult } from "./harness/report.js";

// Needs PostgreSQL (COPY, several API processes): the test server, else the local one.
const serverUrl = process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const out = mkdtempSync(join(tmpdir(), "crm-bench-smoke-"));
afterAll(() => rmSync(out, { recursive: true, force: true }));

it("runs every scenario at scale 0.001 and writes the results", { timeout: 240_000 }, async () => {
  const done = await runBench({
    databaseUrl: serverUrl,
    scale: 0.001,
    seed: 42,
    dbName: `crm_bench_smoke_${process.pid}_${Date.now().toString(36)}`,
    drop: true,
    workers: 1,
    duration: 1,
    amount: 5,
    concurrency: [1, 4],
    user: "mgr1",
    password: "Demo@2026",
    importRows: 200,
    deepPage: 5,
    build: "auto",
    outDir: out,
    stem: "smoke",
    // a few seconds of the soak: its series, figures and section are written
    soakMinutes: 0.05,
    soakConnections: 2,
    log: () => undefined,
  });
  if (!done) throw new Error("runBench returned nothing");
  const { result, json, md } = done;

  const keys = result.scenarios.map((s) => s.key);
  expect(keys).toEqual([
    "login",
    "list",
    "page2",
    "deep",
    "letter",
    "q1",
    "q2",
    "q3",
    "initials",
    "detail",
    "timeline",
    "create",
    "sale",
    "report:first-transactions",
    "report:customer-evaluation",
    "report:visits",
    "report:customer-value",
    "report:satisfaction",
    "report:sales",
    "report:dashboard",
  ]);
  for (const s of result.scenarios) {
    expect(
      s.steps.map((st) => st.concurrency),
      s.key,
    ).toEqual([1, 4]);
    for (const st of s.steps) {
      for (const m of [
        st.endpoint,
        ...(s.key === "login" || s.group === "write" ? [] : [st.floor!, st.ceiling!]),
      ]) {
        expect(m.requests, s.key).toBeGreaterThan(0);
        expect(m.errors, s.key).toBe(0);
        expect(m.non2xx, s.key).toBe(0);
      }
    }
    // Reads replay what the app ran; writes and login have no floor or ceiling.
    if (s.group === "write" || s.key === "login") expect(s.statements, s.key).toBeNull();
    else expect(s.statements, s.key).toBeGreaterThan(0);
  }
  expect(result.import?.written).toBe(198);
  expect(result.import?.exactErrors).toBe(true);
  expect(result.import?.rawCopy?.rows).toBe(198);
  expect(result.rss.maxProcessMb).toBeGreaterThan(0);
  expect(result.import?.rssMb).toBeGreaterThan(0);
  expect(result.soak?.requests).toBeGreaterThan(0);
  expect(result.soak?.errors).toBe(0);
  expect(result.soak?.non2xx).toBe(0);
  expect(result.soak?.samples.length).toBeGreaterThanOrEqual(2);
  expect(result.soak?.maxMb).toBeGreaterThan(0);

  const written = JSON.parse(readFileSync(json, "utf8")) as BenchResult;
  expect(written.scenarios).toHaveLength(20);
  expect(written.targets.length).toBeGreaterThan(20);
  const table = readFileSync(md, "utf8");
  for (const s of result.scenarios) expect(table).toContain(`| ${s.label} | 4 |`);
  expect(table).toMatch(/\| (PASS|MISS) \|/);
  expect(table).toContain("## Soak");
});
