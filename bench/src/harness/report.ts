import type { Measured } from "./drive.js";
import type { SoakResult } from "./soak.js";

export interface StepResult {
  concurrency: number;
  endpoint: Measured;
  floor: Measured | null;
  ceiling: Measured | null;
  /** endpoint req/s as % of the ceiling's */
  ceilingPct: number | null;
  /** highest RSS of one API process during the step, and of all of them together (MB) */
  rssMb: number;
  rssTotalMb: number;
}

export interface ScenarioResult {
  key: string;
  label: string;
  group: "auth" | "list" | "search" | "page" | "detail" | "write" | "report";
  method: string;
  path: string;
  statements: number | null;
  statementText: string[] | null;
  steps: StepResult[];
}

export interface Target {
  target: string;
  row: string;
  value: string;
  pass: boolean;
}

export interface BenchResult {
  date: string;
  startedAt: string;
  seconds: number;
  scale: number;
  seed: number;
  database: string;
  counts: { customers: number; contacts: number; transactions: number };
  machine: {
    cpus: number;
    cpuModel: string;
    ramGb: number;
    node: string;
    postgres: string;
    sharedBuffers: string;
    workMem: string;
    loadAverage: { min: number; max: number };
  };
  options: {
    workers: number;
    concurrency: number[];
    duration: number | null;
    amount: number | null;
    user: string;
    deepPage: number;
  };
  generation: { skipped: boolean; seconds: number; output?: string[] };
  scenarios: ScenarioResult[];
  import: {
    rows: number;
    written: number;
    exactErrors: boolean;
    dryRunSeconds: number;
    errorFileSeconds: number;
    commitSeconds: number;
    undoSeconds: number | null;
    endToEndSeconds: number;
    rowsPerSecond: number;
    rawCopy: { rows: number; seconds: number; rowsPerSecond: number } | null;
    pctOfRawCopy: number | null;
    /** highest RSS of one API process, and of all together, while the import ran (MB) */
    rssMb?: number;
    rssTotalMb?: number;
  } | null;
  /** absent in results written before the soak existed */
  soak?: SoakResult | null;
  rss: {
    maxProcessMb: number;
    maxTotalMb: number;
    scenariosMaxProcessMb?: number;
    scenariosMaxTotalMb?: number;
  };
  targets: Target[];
}

const ms = (v: number) => (Number.isFinite(v) ? v.toFixed(1) : "—");
const int = (v: number) => Math.round(v).toLocaleString("en");

/** The step at this concurrency, else the nearest one run. */
function at(sc: ScenarioResult, c: number): StepResult | undefined {
  return [...sc.steps].sort((a, b) => Math.abs(a.concurrency - c) - Math.abs(b.concurrency - c))[0];
}

/** The targets of the performance issue, each PASS or MISS on this run's figures. */
export function targetsOf(r: BenchResult): Target[] {
  const out: Target[] = [];
  const find = (key: string) => r.scenarios.find((s) => s.key === key);
  for (const sc of r.scenarios.filter((s) => s.group === "list" || s.group === "search")) {
    const st = at(sc, 64);
    if (!st) continue;
    out.push({
      target: `p99 < 50 ms at c${st.concurrency}`,
      row: sc.label,
      value: `${ms(st.endpoint.p99)} ms`,
      pass: st.endpoint.p99 < 50,
    });
    out.push({
      target: `> 1,000 req/s at c${st.concurrency}`,
      row: sc.label,
      value: int(st.endpoint.rps),
      pass: st.endpoint.rps > 1000,
    });
  }
  for (const sc of r.scenarios.filter((s) => s.steps.some((st) => st.ceiling))) {
    const st = at(sc, 64)!;
    out.push({
      target: `≥ 60% of the ceiling at c${st.concurrency}`,
      row: sc.label,
      value:
        st.ceilingPct === null
          ? `— (the ceiling finished no request in the step; endpoint ${int(st.endpoint.rps)} req/s)`
          : `${st.ceilingPct.toFixed(0)}%`,
      pass: st.ceilingPct !== null && st.ceilingPct >= 60,
    });
  }
  const list = find("list");
  for (const key of ["page2", "deep"]) {
    const sc = find(key);
    if (!sc || !list) continue;
    const a = at(sc, 1)!;
    const b = at(list, 1)!;
    out.push({
      target: `p50 at c${a.concurrency} ≤ 2× the first page's (${ms(b.endpoint.p50)} ms)`,
      row: sc.label,
      value: `${ms(a.endpoint.p50)} ms (${(a.endpoint.p50 / b.endpoint.p50).toFixed(2)}×)`,
      pass: a.endpoint.p50 <= 2 * b.endpoint.p50,
    });
  }
  for (const key of ["create", "sale"]) {
    const sc = find(key);
    if (!sc) continue;
    const st = at(sc, 16)!;
    out.push({
      target: `> 500/s at c${st.concurrency}`,
      row: sc.label,
      value: int(st.endpoint.rps),
      pass: st.endpoint.rps > 500,
    });
  }
  for (const sc of r.scenarios.filter((s) => s.group === "report")) {
    const st = at(sc, 1)!;
    out.push({
      target: `p99 < 1 s at c${st.concurrency}`,
      row: sc.label,
      value: `${ms(st.endpoint.p99)} ms`,
      pass: st.endpoint.p99 < 1000,
    });
  }
  if (r.import) {
    out.push({
      target: "< 15 s end to end",
      row: `import ${int(r.import.rows)} rows`,
      value: `${r.import.endToEndSeconds.toFixed(1)} s`,
      pass: r.import.endToEndSeconds < 15,
    });
    if (r.import.pctOfRawCopy !== null)
      out.push({
        target: "≥ 25% of the raw COPY rate",
        row: `import ${int(r.import.rows)} rows`,
        value: `${r.import.pctOfRawCopy.toFixed(0)}% (${int(r.import.rowsPerSecond)} of ${int(r.import.rawCopy!.rowsPerSecond)} rows/s)`,
        pass: r.import.pctOfRawCopy >= 25,
      });
  }
  out.push({
    target: "RSS < 300 MB under load (largest API process)",
    row: `API, ${r.options.workers} worker(s)`,
    value:
      `${r.rss.maxProcessMb.toFixed(0)} MB (all processes ${r.rss.maxTotalMb.toFixed(0)} MB)` +
      [
        r.rss.scenariosMaxProcessMb !== undefined
          ? `scenarios ${r.rss.scenariosMaxProcessMb.toFixed(0)} MB`
          : "",
        r.import?.rssMb !== undefined ? `import ${r.import.rssMb.toFixed(0)} MB` : "",
        r.soak ? `soak ${r.soak.maxMb.toFixed(0)} MB` : "",
      ]
        .filter(Boolean)
        .map((part, i) => (i === 0 ? `; ${part}` : `, ${part}`))
        .join(""),
    pass: r.rss.maxProcessMb < 300,
  });
  if (r.soak) {
    const k = r.soak;
    out.push({
      target: `RSS < 300 MB and flat over a ${k.minutes}-minute soak (largest API process)`,
      row: `soak, c${k.connections}`,
      value: `start ${k.startMb.toFixed(0)}, end ${k.endMb.toFixed(0)}, max ${k.maxMb.toFixed(0)} MB; ${k.slopeMbPerMin >= 0 ? "+" : ""}${k.slopeMbPerMin.toFixed(2)} MB/min (all processes max ${k.maxTotalMb.toFixed(0)} MB)`,
      pass: k.maxMb < 300 && !k.growing,
    });
  }
  return out;
}

export function markdown(r: BenchResult): string {
  const m = r.machine;
  const lines: string[] = [];
  lines.push(`# Benchmark ${r.date}, scale ${r.scale}`);
  lines.push("");
  lines.push(
    `${int(r.counts.customers)} customers, ${int(r.counts.contacts)} contacts, ${int(r.counts.transactions)} transactions (seed ${r.seed}, ${r.database} database${r.generation.skipped ? "" : `, generated in ${r.generation.seconds.toFixed(0)} s`}). ` +
      `Machine: ${m.cpus} cores (${m.cpuModel}), ${m.ramGb} GB RAM, PostgreSQL ${m.postgres} (shared_buffers ${m.sharedBuffers}, work_mem ${m.workMem}), Node ${m.node}; ` +
      `load average ${m.loadAverage.min.toFixed(1)}–${m.loadAverage.max.toFixed(1)} during the run. ` +
      `API: ${r.options.workers} worker(s), user ${r.options.user}; ${r.options.amount ? `${r.options.amount} requests` : `${r.options.duration} s`} per step; whole run ${(r.seconds / 60).toFixed(1)} min.`,
  );
  lines.push("");
  lines.push(
    "Floor: the statements the endpoint ran (captured from the app) replayed through `pg` behind a bare `node:http` server; ceiling: the same behind a bare Fastify route. % = endpoint req/s ÷ ceiling req/s.",
  );
  lines.push("");
  lines.push("## Summary");
  lines.push("");
  lines.push(summary(r));
  lines.push("");
  lines.push("## Every step");
  lines.push("");
  lines.push(
    "| scenario | c | req/s | p50 ms | p95 ms | p99 ms | errors | non-2xx | floor req/s | floor p99 | ceiling req/s | ceiling p99 | % of ceiling |",
  );
  lines.push("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const sc of r.scenarios) {
    for (const st of sc.steps) {
      const e = st.endpoint;
      lines.push(
        `| ${sc.label} | ${st.concurrency} | ${int(e.rps)} | ${ms(e.p50)} | ${ms(e.p95)} | ${ms(e.p99)} | ${e.errors} | ${e.non2xx} | ${st.floor ? int(st.floor.rps) : ""} | ${st.floor ? ms(st.floor.p99) : ""} | ${st.ceiling ? int(st.ceiling.rps) : ""} | ${st.ceiling ? ms(st.ceiling.p99) : ""} | ${st.ceilingPct === null ? "" : `${st.ceilingPct.toFixed(0)}%`} |`,
      );
    }
  }
  if (r.import) {
    const i = r.import;
    lines.push("");
    lines.push(
      `Import of ${int(i.rows)} rows: dry run ${i.dryRunSeconds.toFixed(1)} s, error file ${i.errorFileSeconds.toFixed(1)} s, commit ${i.commitSeconds.toFixed(1)} s = ${i.endToEndSeconds.toFixed(1)} s end to end (${int(i.rowsPerSecond)} rows/s, ${int(i.written)} written${i.exactErrors ? ", exactly the planted bad rows reported" : ", bad rows MISMATCH"})` +
        (i.rawCopy
          ? `; raw COPY of the same ${int(i.rawCopy.rows)} rows into an empty copy of customers with all its indexes: ${i.rawCopy.seconds.toFixed(2)} s (${int(i.rawCopy.rowsPerSecond)} rows/s)`
          : "") +
        (i.undoSeconds !== null ? `; undo ${i.undoSeconds.toFixed(1)} s` : "") +
        (i.rssMb !== undefined
          ? `; API RSS during the import: ${i.rssMb.toFixed(0)} MB largest process (all ${i.rssTotalMb!.toFixed(0)} MB).`
          : "."),
    );
  }
  if (r.soak) lines.push("", ...soakSection(r.soak));
  lines.push("");
  lines.push("## Targets");
  lines.push("");
  lines.push("| target | row | value | |");
  lines.push("|---|---|---:|---|");
  for (const t of r.targets)
    lines.push(`| ${t.target} | ${t.row} | ${t.value} | ${t.pass ? "PASS" : "MISS"} |`);
  const pass = r.targets.filter((t) => t.pass).length;
  lines.push("");
  lines.push(`${pass} of ${r.targets.length} targets met.`);
  return `${lines.join("\n")}\n`;
}

/** One line per scenario (the root README's table): p99 and req/s per concurrency, % of ceiling at the highest. */
export function summary(r: BenchResult): string {
  const cs = r.options.concurrency;
  const top = cs[cs.length - 1]!;
  const head = [
    "scenario",
    ...cs.map((c) => `req/s c${c}`),
    ...cs.map((c) => `p99 ms c${c}`),
    `% of ceiling c${top}`,
    "errors",
  ];
  const lines = [
    `| ${head.join(" | ")} |`,
    `|---|${head
      .slice(1)
      .map(() => "---:")
      .join("|")}|`,
  ];
  for (const sc of r.scenarios) {
    const by = new Map(sc.steps.map((st) => [st.concurrency, st]));
    const last = by.get(top);
    lines.push(
      `| ${sc.label} | ${cs.map((c) => (by.get(c) ? int(by.get(c)!.endpoint.rps) : "")).join(" | ")} | ${cs
        .map((c) => (by.get(c) ? ms(by.get(c)!.endpoint.p99) : ""))
        .join(
          " | ",
        )} | ${last?.ceilingPct == null ? "" : `${last.ceilingPct.toFixed(0)}%`} | ${sc.steps.reduce(
        (a, st) => a + st.endpoint.errors + st.endpoint.non2xx,
        0,
      )} |`,
    );
  }
  return lines.join("\n");
}

/** The soak's figures and its RSS series, one row per sample. */
function soakSection(k: SoakResult): string[] {
  const lines = [
    "## Soak",
    "",
    `${k.minutes} min at ${k.connections} connections, ${k.paths.length} reads in turn (${k.paths.map((p) => `\`${p.replace(/cursor=[^&]+/, "cursor=…")}\``).join(", ")}): ` +
      `${int(k.requests)} requests, ${int(k.rps)} req/s, ${k.errors} errors, ${k.non2xx} non-2xx. ` +
      `RSS of the largest API process: start ${k.startMb.toFixed(0)} MB, end ${k.endMb.toFixed(0)} MB, max ${k.maxMb.toFixed(0)} MB; ` +
      `all API processes: start ${k.startTotalMb.toFixed(0)}, end ${k.endTotalMb.toFixed(0)}, max ${k.maxTotalMb.toFixed(0)} MB. ` +
      `After the warm-up: ${k.slopeMbPerMin >= 0 ? "+" : ""}${k.slopeMbPerMin.toFixed(2)} MB/min (${k.growthMb >= 0 ? "+" : ""}${k.growthMb.toFixed(0)} MB) — ${k.growing ? "GROWING" : "flat"}; over the second half ${k.lastHalfSlopeMbPerMin >= 0 ? "+" : ""}${k.lastHalfSlopeMbPerMin.toFixed(2)} MB/min.`,
    "",
    `| s | largest process MB | all processes MB |`,
    "|---:|---:|---:|",
  ];
  for (const s of k.samples) lines.push(`| ${s.t} | ${s.processMb.toFixed(0)} | ${s.totalMb.toFixed(0)} |`);
  return lines;
}
