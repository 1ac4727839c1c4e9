/**
 * Input fuzzing from the contract (issue #12): for every operation of the OpenAPI document and every
 * demo role (and no login at all), requests built from the document's schemas — valid ones and ones
 * with one part broken (hostile strings, wrong types, missing and unknown fields, broken JSON, bad
 * ids) — must never answer 5xx, must answer every 4xx as problem+json with a known code, and a
 * refused request must change no row.
 *
 * Deterministic: FUZZ_SEED (default below) and FUZZ_RUNS (cases per operation) pick the cases;
 * a failure prints the seed and the request to replay it. A longer run:
 *   FUZZ_RUNS=2000 npx vitest run apps/api/test/fuzz.test.ts
 */
import { ErrorCode } from "@crm/contracts";
import { DEMO_USERS } from "@crm/db";
import fc from "fast-check";
import type { LightMyRequestResponse } from "fastify";
import { afterAll, describe, expect, it } from "vitest";
import { type OpenApiDoc, type Operation, REFERENCES } from "./fuzz/arbitraries.js";
import { caseArb, type FuzzCase } from "./fuzz/cases.js";
import { createSnapshots, type Snapshot, snapshotDiff } from "./fuzz/snapshot.js";
import { login, setupApp } from "./helper.js";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_126);
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const started = Date.now();

const { app, db } = await setupApp({
  // No background writers: a refused request is judged by the rows before and after it.
  webhookPollMs: 0,
  notifySweepMs: 0,
  // A long run must not outlive its tokens.
  accessTokenTtl: 7 * 86_400,
  loginRatePerMinute: 1_000_000,
});
const doc = (await app.inject("/api/openapi.json")).json() as OpenApiDoc;

/**
 * Operations not fuzzed, each with its reason. The test fails when this list and the routes
 * actually missing from the run differ, so a new route cannot be skipped silently.
 */
const EXCLUDED: Record<string, string> = {};

/**
 * Writes a refusal makes by design, by operation: a failed login is recorded in the audit log
 * (security events, SPEC's audit requirement). Nothing else may change on a refused request.
 */
const REFUSAL_WRITES: Record<string, string[]> = {
  "POST /api/v1/auth/login": ["audit_log"],
};

const ROLES = [...DEMO_USERS.map((u) => u.username), "anonymous"] as const;
const tokens = new Map<string, string>();
for (const u of DEMO_USERS) tokens.set(u.username, (await login(app, u.username)).accessToken);
const admin = tokens.get("admin") as string;

// Rows the run must not damage, or the roles stop being what they are: the demo users, their
// roles and departments. Valid cases may still target everything fuzzing created itself.
const protectedIds = new Set<string>();
for (const url of ["/api/v1/users?limit=100", "/api/v1/roles", "/api/v1/departments"]) {
  const res = await app.inject({ url, headers: { authorization: `Bearer ${admin}` } });
  for (const row of listOf(res.json())) protectedIds.add(row.id);
}

function listOf(body: unknown): { id: string }[] {
  const rows = Array.isArray(body) ? body : (body as { items?: unknown[] })?.items;
  return Array.isArray(rows)
    ? rows.filter((r): r is { id: string } => typeof (r as { id?: unknown })?.id === "string")
    : [];
}

// Ids of existing rows by collection path template, loaded (as admin) before an operation's cases.
const pools = new Map<string, string[]>();
async function loadPool(template: string): Promise<void> {
  if (pools.has(template)) return;
  pools.set(template, []);
  let url = template;
  for (const m of template.matchAll(/\{(\w+)\}/g)) {
    const parent = template.slice(0, template.indexOf(m[0]) - 1);
    await loadPool(parent);
    url = url.replace(m[0], pools.get(parent)?.[0] ?? "00000000-0000-4000-8000-000000000000");
  }
  const res = await app.inject({ url: `${url}?limit=50`, headers: { authorization: `Bearer ${admin}` } });
  const rows = res.statusCode === 200 ? listOf(res.json()) : [];
  pools.set(
    template,
    rows.map((r) => r.id).filter((id) => !protectedIds.has(id)),
  );
}
const ids = (template: string, pick: number) => {
  const pool = pools.get(template);
  return pool?.length ? pool[pick % pool.length] : undefined;
};

// Field name → the collection its ids come from, for REFERENCES.
const REFERENCE_SOURCES: Record<string, string[]> = {
  "/api/v1/customers": ["customerId", "survivorId", "mergedIds", "ids", "customerIds"],
  "/api/v1/contacts": ["contactId"],
  "/api/v1/users?limit=100": [
    "ownerId",
    "userId",
    "handlerId",
    "assigneeId",
    "headUserId",
    "managerId",
    "actorId",
    "sharedWith",
    "createdById",
  ],
  "/api/v1/departments": ["departmentId", "parentId", "scopeDepartmentIds"],
  "/api/v1/roles": ["roleIds"],
  "/api/v1/products": ["productId"],
  "/api/v1/product-categories": ["categoryId"],
  "/api/v1/orders": ["orderId"],
  "/api/v1/feedback": ["feedbackId"],
  "/api/v1/receivables": ["receivableId"],
};
for (const [url, fields] of Object.entries(REFERENCE_SOURCES)) {
  const res = await app.inject({ url, headers: { authorization: `Bearer ${admin}` } });
  const found = listOf(res.json()).map((r) => r.id);
  for (const f of fields) REFERENCES.set(f, [...(REFERENCES.get(f) ?? []), ...found]);
}

const snapshots = await createSnapshots(db);

const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op: op as Operation })),
);
const toFuzz = operations.filter((o) => !EXCLUDED[`${o.method} ${o.path}`]);

const PROBLEM_CODES = new Set<string>(Object.values(ErrorCode));
const stats = {
  cases: 0,
  byStatus: new Map<number, number>(),
  acceptedBroken: 0,
  opsAccepted: new Set<string>(),
};

/** What is wrong with one answer, or null. */
function verdict(res: LightMyRequestResponse): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}`;
  if (res.statusCode < 400) return null;
  const type = String(res.headers["content-type"] ?? "");
  if (!type.startsWith("application/problem+json"))
    return `${res.statusCode} as ${type || "no content type"}`;
  let body: { code?: unknown; status?: unknown; title?: unknown; errors?: unknown };
  try {
    body = res.json();
  } catch {
    return `${res.statusCode} problem body is not JSON`;
  }
  if (typeof body.code !== "string" || !PROBLEM_CODES.has(body.code))
    return `unknown problem code ${body.code}`;
  if (body.status !== res.statusCode) return `problem status ${body.status} on a ${res.statusCode}`;
  if (typeof body.title !== "string" || !body.title) return "problem without a title";
  if (body.code === ErrorCode.validation) {
    const errors = body.errors as { field?: unknown; code?: unknown; message?: unknown }[] | undefined;
    if (!Array.isArray(errors) || !errors.length) return "validation_failed without field errors";
    const bad = errors.find(
      (e) =>
        typeof e.field !== "string" ||
        !e.field ||
        typeof e.code !== "string" ||
        typeof e.message !== "string" ||
        !e.message,
    );
    if (bad) return `field error without field, code or message: ${JSON.stringify(bad)}`;
    // (A whole body that is missing, e.g. multipart sent to a JSON route, is rightly "undefined".)
    const blind = errors.find(
      (e) => e.code === "invalid_type" && e.field !== "(root)" && /undefined/.test(String(e.message)),
    );
    if (blind) return `wrong-type message does not name the type sent: ${JSON.stringify(blind)}`;
  }
  return null;
}

const short = (s: string | Buffer | undefined, n = 240) =>
  s === undefined
    ? undefined
    : typeof s !== "string"
      ? `<${s.length} bytes>`
      : s.length > n
        ? `${s.slice(0, n)}…(${s.length} chars)`
        : s;

function hash(s: string) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

describe(`fuzzing every operation × ${ROLES.length} roles (FUZZ_SEED=${SEED}, FUZZ_RUNS=${RUNS})`, () => {
  afterAll(() => {
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const statuses = [...stats.byStatus].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}:${n}`);
    console.log(
      `fuzz: FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS}: ${stats.cases} cases over ${toFuzz.length} operations × ` +
        `${ROLES.length} roles in ${seconds} s; statuses ${statuses.join(" ")}; ` +
        `${stats.acceptedBroken} broken cases accepted; ${stats.opsAccepted.size} operations answered 2xx at least once`,
    );
  });

  it("covers every operation of the document, excluding only the listed ones", () => {
    expect(operations.length).toBeGreaterThan(100);
    const missing = operations.filter((o) => !toFuzz.includes(o)).map((o) => `${o.method} ${o.path}`);
    expect(missing.sort()).toEqual(Object.keys(EXCLUDED).sort());
  });

  it("answers the router's own refusals as problem+json: broken percent-encoding, an over-long id", async () => {
    for (const [url, status] of [
      ["/api/v1/customers/%ED%A0%80", 400],
      ["/api/v1/customers/%E0%A4%A", 400],
      [`/api/v1/customers/${"a".repeat(201)}`, 414],
    ] as const) {
      const res = await app.inject({
        url,
        headers: { authorization: `Bearer ${admin}`, "accept-language": "en" },
      });
      expect(res.statusCode, url).toBe(status);
      expect(res.headers["content-type"], url).toMatch(/^application\/problem\+json/);
      expect(res.json(), url).toMatchObject({
        status,
        code: ErrorCode.badRequest,
        title: expect.any(String),
      });
    }
  });

  for (const { method, path, op } of toFuzz) {
    it(`${method} ${path}`, async () => {
      for (const m of path.matchAll(/\{(\w+)\}/g)) await loadPool(path.slice(0, path.indexOf(m[0]) - 1));
      const seed = (SEED ^ hash(op.operationId)) >>> 0;
      const cases = fc.sample(caseArb(doc, method, path, op, ids), { seed, numRuns: RUNS });
      const failures: string[] = [];
      let before: Snapshot = await snapshots.take();
      for (const [i, c] of cases.entries()) {
        const role = ROLES[i % ROLES.length] as string;
        const res = await send(c, tokens.get(role));
        stats.cases++;
        stats.byStatus.set(res.statusCode, (stats.byStatus.get(res.statusCode) ?? 0) + 1);
        if (res.statusCode < 400) stats.opsAccepted.add(`${method} ${path}`);
        else if (!c.broken && res.statusCode === 400 && process.env.FUZZ_VERBOSE)
          console.log(`valid refused ${method} ${path} ${short(res.body, 600)} ${short(c.payload, 300)}`);
        if (c.broken && res.statusCode < 400) {
          stats.acceptedBroken++;
          if (process.env.FUZZ_VERBOSE)
            console.log(
              `accepted broken ${res.statusCode} ${JSON.stringify(c.broken)} ${c.method} ${short(c.url, 120)} ${short(c.payload, 200)}`,
            );
        }
        // An accepted request may finish writing after its answer (a streamed export audits at
        // its end; 202 starts a background job, e.g. an import's commit): wait until the rows
        // are still, so its writes are not charged to the next case.
        const after =
          res.statusCode >= 400
            ? await snapshots.take()
            : await snapshots.settled(res.statusCode === 202 ? 300 : 25);
        const problems = [verdict(res)];
        if (res.statusCode >= 400) {
          const allowed = REFUSAL_WRITES[`${method} ${path}`] ?? [];
          const changed = snapshotDiff(before, after).filter(
            (t) => !allowed.includes(t.split(" ")[0] as string),
          );
          if (changed.length)
            problems.push(`refused with ${res.statusCode} but changed ${changed.join(", ")}`);
        } else if (res.statusCode === 201 && method === "POST" && !path.includes("{")) {
          const id = (res.json() as { id?: unknown }).id;
          if (typeof id === "string") {
            await loadPool(path);
            pools.get(path)?.push(id);
          }
        }
        before = after;
        for (const p of problems.filter(Boolean))
          failures.push(
            `${p} — case ${i} as ${role} (seed ${seed}): ${c.method} ${short(c.url)} ` +
              `broken=${JSON.stringify(c.broken)} body=${short(c.payload)} → ${short(res.body, 400)}`,
          );
      }
      expect(failures).toEqual([]);
    }, 300_000);
  }
});

function send(c: FuzzCase, token: string | undefined) {
  return app.inject({
    method: c.method as "GET",
    url: c.url,
    headers: { ...c.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(c.payload !== undefined ? { payload: c.payload } : {}),
  });
}
