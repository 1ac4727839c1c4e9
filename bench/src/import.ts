import { pathToFileURL } from "node:url";
import { parseArgs, table } from "./args.js";

const HELP = `Imports a generated customer file through the API (dry run, background commit with progress,
error file, undo) and prints how long each step took.
  --base-url http://127.0.0.1:3000
  --user mgr1              a demo user with customer:import
  --password Demo@2026
  --rows 100000            data rows in the file
  --bad 50                 rows made invalid on purpose (spread through the file)
  --keep                   do not undo the import at the end`;

export interface ImportOptions {
  baseUrl: string;
  user: string;
  password: string;
  /** data rows in the file */
  rows: number;
  /** rows made invalid on purpose */
  bad: number;
  /** do not undo the import at the end */
  keep?: boolean;
  /** called after the commit, before the undo, with the name prefix every imported customer has */
  afterCommit?: (namePrefix: string) => Promise<void>;
}

export interface ImportResult {
  rows: number;
  bad: number;
  megabytes: number;
  /** the planted bad rows were reported, exactly */
  exactErrors: boolean;
  dryRunSeconds: number;
  errorFileSeconds: number;
  commitSeconds: number;
  undoSeconds: number | null;
  /** dry run + error file + commit: what a user waits for */
  endToEndSeconds: number;
  written: number;
  steps: (string | number)[][];
}

async function api(base: string, token: string, path: string, init: RequestInit = {}) {
  const res = await fetch(`${base}/api/v1${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
  });
  return res;
}

/** A CSV with `rows` rows; every (rows/bad)-th row has an error of one of five kinds. */
function makeFile(run: string, rows: number, bad: number): { csv: string; badLines: number[] } {
  const cities = [
    ["江苏省", "苏州市"],
    ["浙江省", "杭州市"],
    ["广东省", "深圳市"],
    ["山东省", "青岛市"],
    ["河北省", "石家庄市"],
  ] as const;
  const lines = ["客户名称,客户类别,省份,城市,电话,邮箱,年营业额,行业"];
  const badLines: number[] = [];
  const every = bad > 0 ? Math.floor(rows / bad) : Number.POSITIVE_INFINITY;
  for (let i = 1; i <= rows; i++) {
    const [province, city] = cities[i % cities.length]!;
    let name = `批量导入${run}企业${i}号`;
    let prov: string = province;
    let email = `buyer${i}@imp${run}.example.com`;
    let industry = "制造业";
    let cls = String((i % 3) + 1);
    if (i % every === 0 && badLines.length < bad) {
      badLines.push(i + 1);
      const kind = badLines.length % 5;
      if (kind === 0) name = "";
      if (kind === 1) prov = "火星省";
      if (kind === 2) email = "not-an-email";
      if (kind === 3) industry = "炼金术";
      if (kind === 4) cls = "9";
    }
    lines.push([name, cls, prov, city, `0512-${String(6000000 + i)}`, email, `${i}.50`, industry].join(","));
  }
  return { csv: `\uFEFF${lines.join("\r\n")}\r\n`, badLines };
}

/** Imports a generated customer file through the API end to end and times each step. */
export async function runImport(opts: ImportOptions): Promise<ImportResult> {
  const base = opts.baseUrl.replace(/\/$/, "");
  const { rows, bad } = opts;
  const args = { user: opts.user, password: opts.password };
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username: args.user, password: args.password }),
  });
  if (!login.ok) throw new Error(`login: HTTP ${login.status}`);
  let token = ((await login.json()) as { accessToken: string }).accessToken;
  const refresh = async () => {
    const again = await fetch(`${base}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ username: args.user, password: args.password }),
    });
    token = ((await again.json()) as { accessToken: string }).accessToken;
  };

  const run = Date.now().toString(36);
  let t = performance.now();
  const { csv, badLines } = makeFile(run, rows, bad);
  const generated = performance.now() - t;
  const results: (string | number)[][] = [];
  results.push([
    "generate file",
    `${rows.toLocaleString()} rows, ${(csv.length / 1e6).toFixed(1)} MB`,
    (generated / 1000).toFixed(1),
  ]);

  t = performance.now();
  const form = new FormData();
  form.append("file", new Blob([csv], { type: "text/csv" }), "bench.csv");
  const upload = await api(base, token, "/customers/imports", { method: "POST", body: form });
  if (upload.status !== 201) throw new Error(`dry run: HTTP ${upload.status} ${await upload.text()}`);
  const job = (await upload.json()) as {
    id: string;
    totalRows: number;
    errorRows: number;
    toCreate: number;
    errors: { row: number }[];
  };
  const dryRun = performance.now() - t;
  const reported = job.errors.map((e) => e.row).sort((a, b) => a - b);
  const allReported = badLines.every((l) => reported.includes(l)) && reported.length === badLines.length;
  results.push([
    "dry run (upload, parse, validate, duplicates)",
    `${job.errorRows} bad of ${job.totalRows}; ${allReported ? "exactly the planted rows" : "MISMATCH with the planted rows"}`,
    (dryRun / 1000).toFixed(1),
  ]);

  t = performance.now();
  const errorsFile = await api(base, token, `/customers/imports/${job.id}/errors.csv`);
  const errorText = await errorsFile.text();
  const errorFileMs = performance.now() - t;
  results.push([
    "error file download",
    `${errorText.trim().split(/\r?\n/).length - 1} rows`,
    (errorFileMs / 1000).toFixed(1),
  ]);

  t = performance.now();
  const commit = await api(base, token, `/customers/imports/${job.id}/commit`, { method: "POST" });
  if (commit.status !== 202) throw new Error(`commit: HTTP ${commit.status} ${await commit.text()}`);
  let status = "committing";
  let processed = 0;
  const samples: string[] = [];
  while (status === "committing") {
    await new Promise((r) => setTimeout(r, 1000));
    let res = await api(base, token, `/customers/imports/${job.id}`);
    if (res.status === 401) {
      await refresh();
      res = await api(base, token, `/customers/imports/${job.id}`);
    }
    const body = (await res.json()) as { status: string; processed: number };
    status = body.status;
    processed = body.processed;
    samples.push(`${Math.round((performance.now() - t) / 1000)}s:${processed}`);
  }
  const committed = performance.now() - t;
  results.push([
    "commit (background job, polled every second)",
    `${status}, ${processed.toLocaleString()} written; progress ${samples.slice(0, 4).join(" ")}${samples.length > 4 ? " …" : ""}`,
    (committed / 1000).toFixed(1),
  ]);
  if (status !== "committed") throw new Error(`import ended ${status}`);

  const check = await api(base, token, `/customers?q=${encodeURIComponent(`批量导入${run}企业`)}&limit=1`);
  const found = (await check.json()) as { total: number; totalExact: boolean };
  results.push([
    "list total afterwards",
    `${found.totalExact ? "" : "≈"}${found.total.toLocaleString()}`,
    "",
  ]);

  await opts.afterCommit?.(`批量导入${run}企业`);
  let undoSeconds: number | null = null;
  if (!opts.keep) {
    t = performance.now();
    const undo = await api(base, token, `/customers/imports/${job.id}/undo`, { method: "POST" });
    const undone = (await undo.json()) as { status: string };
    undoSeconds = (performance.now() - t) / 1000;
    results.push(["undo (whole import)", undone.status, undoSeconds.toFixed(1)]);
  }
  return {
    rows,
    bad,
    megabytes: csv.length / 1e6,
    exactErrors: allReported,
    dryRunSeconds: dryRun / 1000,
    errorFileSeconds: errorFileMs / 1000,
    commitSeconds: committed / 1000,
    undoSeconds,
    endToEndSeconds: (dryRun + errorFileMs + committed) / 1000,
    written: processed,
    steps: results,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = parseArgs(process.argv.slice(2), {
    "base-url": "http://127.0.0.1:3000",
    user: "mgr1",
    password: "Demo@2026",
    rows: "100000",
    bad: "50",
    keep: "",
  });
  if (args.help) {
    console.log(HELP);
    process.exit(0);
  }
  const result = await runImport({
    baseUrl: args["base-url"],
    user: args.user,
    password: args.password,
    rows: Number(args.rows),
    bad: Number(args.bad),
    keep: Boolean(args.keep),
  });
  console.log(table(["step", "result", "seconds"], result.steps));
}
