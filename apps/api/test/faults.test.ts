// Fault injection on the built API as a process, on a PostgreSQL server of this file's own:
// the database stopped under write load, the API killed (-9) in the middle of an import, and a
// SIGTERM while a slow request runs. Figures of each run are printed (docs/reliability.md).
import { randomBytes } from "node:crypto";
import { createDb } from "@crm/db";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootstrapDatabase } from "../src/bootstrap.js";
import { type ApiProcess, ensureApiBuilt, startApi } from "./api-process.js";
import { startThrowawayPostgres, type ThrowawayPostgres } from "./throwaway-postgres.js";

const PASSWORD = "Demo@2026";
const DATABASE = "crm_faults";
const REQUEST_BOUND_MS = 20_000;

let server: ThrowawayPostgres | undefined;
let api: ApiProcess | undefined;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Rows of one statement on this file's server, through a connection of its own. */
async function query<T>(text: string, database = DATABASE): Promise<T[]> {
  const handle = createDb({ databaseUrl: server!.url(database), poolSize: 1, onPoolError: () => undefined });
  try {
    return (await handle.db.execute(sql.raw(text))).rows as T[];
  } finally {
    await handle.close();
  }
}

async function launch(extra: Record<string, string> = {}) {
  const started = await startApi({ DATABASE_URL: server!.url(DATABASE), DEMO: "1", ...extra });
  api = started;
  // An exit nobody asked for is the failure to explain: show what the process said.
  void started.exited.then((code) => {
    if (api === started)
      console.error(`[faults] the API exited by itself (${code}):\n${started.output().slice(-4000)}`);
  });
  return started;
}

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const { token, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  if (typeof rest.body === "string") headers.set("content-type", "application/json");
  return fetch(api!.base + path, { ...rest, headers, signal: AbortSignal.timeout(REQUEST_BOUND_MS) });
}

async function login(username: string): Promise<string> {
  const res = await call("/api/v1/auth/login", {
    method: "POST",
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function stopApi(signal: NodeJS.Signals = "SIGKILL") {
  if (!api) return;
  const current = api;
  api = undefined;
  if (current.child.exitCode === null && current.child.signalCode === null) current.child.kill(signal);
  await current.exited;
}

beforeAll(async () => {
  ensureApiBuilt();
  const t0 = performance.now();
  server = await startThrowawayPostgres();
  await query(`create database ${DATABASE}`, "postgres");
  const t1 = performance.now();
  // The demo users only (the API seeds its demo customers and business only into an empty
  // database): the faults need no more, and that seed is most of a start on a busy machine.
  const handle = createDb({ databaseUrl: server.url(DATABASE), poolSize: 2 });
  await bootstrapDatabase(handle, { demo: true });
  await handle.close();
  const t2 = performance.now();
  await launch();
  console.log(
    `[faults] initdb and start of the throwaway server ${Math.round(t1 - t0)} ms; migrations and demo users ` +
      `${Math.round(t2 - t1)} ms; API start ${Math.round(performance.now() - t2)} ms`,
  );
}, 180_000);

afterAll(async () => {
  await stopApi().catch(() => undefined);
  server?.destroy();
}, 60_000);

describe("the database goes away under write load", () => {
  it("answers 503 database_unavailable while it is down, recovers by itself, and loses no acknowledged write", async () => {
    const token = await login("sales1");
    const run = randomBytes(4).toString("hex");
    const created = await call("/api/v1/customers", {
      method: "POST",
      token,
      body: JSON.stringify({ name: `故障测试客户${run}`, class: "1", province: "江苏省", city: "苏州市" }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const customerId = ((await created.json()) as { id: string }).id;

    /** sent and at (answered) in performance.now() ms. */
    type Outcome = { marker: string; status: number; code?: string; ms: number; sent: number; at: number };
    const outcomes: Outcome[] = [];
    let n = 0;
    let sending = true;
    const writer = async () => {
      while (sending) {
        const marker = `fault-${run}-${n++}`;
        const t0 = performance.now();
        let status = 0;
        let code: string | undefined;
        try {
          const res = await call("/api/v1/contact-records", {
            method: "POST",
            token,
            body: JSON.stringify({
              customerId,
              occurredAt: new Date().toISOString(),
              channel: "phone",
              content: marker,
            }),
          });
          status = res.status;
          const body = (await res.json()) as { code?: string };
          if (status >= 400) {
            code = body.code;
            expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
          }
        } catch {
          status = -1; // no answer within the bound, or the connection dropped
        }
        const at = performance.now();
        outcomes.push({ marker, status, ms: at - t0, sent: t0, at, ...(code ? { code } : {}) });
        if (status !== 201) await sleep(50);
      }
    };
    const writers = Array.from({ length: 4 }, writer);

    // Load first: a few writes acknowledged before the database goes (however busy the machine).
    for (let i = 0; i < 300 && outcomes.filter((o) => o.status === 201).length < 8; i++) await sleep(100);
    // pg_ctl runs synchronously: no request is sent while it runs.
    const stopIssued = performance.now();
    server!.stop("immediate");
    const stoppedAt = performance.now();
    await sleep(3_000);
    const ready = await call("/api/ready");
    const readyBody = (await ready.json()) as { code?: string };
    const startIssued = performance.now();
    server!.start();
    const restartedAt = performance.now();
    // Recovered: a write acknowledged after the restart, within 30 s, without touching the API.
    let recoveredAt = 0;
    while (!recoveredAt && performance.now() - restartedAt < 30_000) {
      const ok = outcomes.find((o) => o.at > restartedAt && o.status === 201);
      if (ok) recoveredAt = ok.at;
      else await sleep(100);
    }
    await sleep(1_000);
    sending = false;
    await Promise.all(writers);

    const during = outcomes.filter((o) => o.sent > stoppedAt && o.at < startIssued);
    const acknowledged = outcomes.filter((o) => o.status === 201);
    const unavailable = outcomes.filter((o) => o.status === 503);
    const other = outcomes.filter((o) => o.status !== 201 && o.status !== 503);
    const stored = new Set(
      (
        await query<{ content: string }>(
          `select content from contact_records where content like 'fault-${run}-%'`,
        )
      ).map((r) => r.content),
    );
    const lost = acknowledged.filter((o) => !stored.has(o.marker));
    const slowest = Math.max(...during.map((o) => o.ms));
    console.log(
      `[faults] database down ${((restartedAt - stopIssued) / 1000).toFixed(1)} s (pg_ctl stop -m immediate, then start); ` +
        `writes failed for ${((recoveredAt - stopIssued) / 1000).toFixed(1)} s, the first acknowledged ${((recoveredAt - restartedAt) / 1000).toFixed(1)} s after the restart; ` +
        `${outcomes.length} writes: ${acknowledged.length} × 201, ${unavailable.length} × 503, ${other.length} other; ` +
        `${during.length} sent during the outage, slowest answer ${Math.round(slowest)} ms; ` +
        `acknowledged and missing from the database: ${lost.length}; 503 but stored anyway: ${unavailable.filter((o) => stored.has(o.marker)).length}`,
    );

    expect(ready.status).toBe(503);
    expect(readyBody.code).toBe("not_ready");
    expect(recoveredAt, "the API did not recover within 30 s of the restart").toBeGreaterThan(0);
    expect(during.length).toBeGreaterThan(0);
    expect(during.every((o) => o.status === 503 && o.code === "database_unavailable")).toBe(true);
    expect(other).toEqual([]);
    expect(acknowledged.filter((o) => o.at < stoppedAt).length).toBeGreaterThan(0);
    expect(lost).toEqual([]);
    expect((await call("/api/ready")).status).toBe(200);
  }, 90_000);
});

/** A CSV of `rows` valid, distinct new customers (a province/city pair that matches). */
function customersCsv(rows: number, tag: string): string {
  const lines = ["客户名称,客户类别,省份,城市,年营业额"];
  for (let i = 1; i <= rows; i++) lines.push(`故障测试${tag}企业${i}号,2,江苏省,苏州市,1000000.50`);
  return `${lines.join("\n")}\n`;
}

async function uploadImport(token: string, rows: number, tag: string) {
  const form = new FormData();
  form.set("file", new Blob([customersCsv(rows, tag)], { type: "text/csv" }), `${tag}.csv`);
  return call("/api/v1/customers/imports", { method: "POST", token, body: form });
}

const customerCount = async () =>
  Number((await query<{ n: string }>("select count(*) as n from customers"))[0]!.n);

describe("the API process dies or is stopped", () => {
  it("kill -9 in the middle of an import commit writes nothing, and the job then says it was interrupted", async () => {
    if (!api) await launch();
    const token = await login("mgr1");
    const rows = 4_000;
    const uploaded = await uploadImport(token, rows, `k${randomBytes(3).toString("hex")}`);
    expect(uploaded.status).toBe(201);
    const job = (await uploaded.json()) as { id: string; toCreate: number };
    expect(job.toCreate).toBe(rows);
    const before = await customerCount();

    expect((await call(`/api/v1/customers/imports/${job.id}/commit`, { method: "POST", token })).status).toBe(
      202,
    );
    // Killed once the transaction has written at least one batch, before it commits.
    let seen = { status: "committing", processed: 0 };
    for (let i = 0; i < 2_000 && seen.status === "committing" && seen.processed === 0; i++) {
      seen = (await (await call(`/api/v1/customers/imports/${job.id}`, { token })).json()) as typeof seen;
      if (seen.processed === 0) await sleep(10);
    }
    expect(seen.status, "the commit finished before it could be killed: use more rows").toBe("committing");
    expect(seen.processed).toBeGreaterThan(0);
    await stopApi("SIGKILL");
    const after = await customerCount();
    console.log(
      `[faults] kill -9 after ${seen.processed} of ${rows} import rows written in the open transaction: ` +
        `customers ${before} before, ${after} after`,
    );
    expect(after).toBe(before);

    await launch();
    const settled = (await (
      await call(`/api/v1/customers/imports/${job.id}`, { token: await login("mgr1") })
    ).json()) as {
      status: string;
      error: string;
    };
    expect(settled.status).toBe("failed");
    expect(settled.error).toMatch(/interrupted/);
    expect(await customerCount()).toBe(before);
  }, 120_000);

  it("kill -9 in the middle of a merge, held just before its audit row: nothing of it is written", async () => {
    if (!api) await launch();
    const token = await login("mgr1");
    const tag = randomBytes(3).toString("hex");
    const make = async (name: string) => {
      const res = await call("/api/v1/customers?allowDuplicate=true", {
        method: "POST",
        token,
        body: JSON.stringify({ name, class: "1", province: "江苏省", city: "苏州市" }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    };
    const survivor = await make(`合并存留${tag}`);
    const merged = await make(`合并并入${tag}`);
    const contact = await call("/api/v1/contacts", {
      method: "POST",
      token,
      body: JSON.stringify({ customerId: merged, name: "王一" }),
    });
    expect(contact.status).toBe(201);
    const state = () =>
      query<{ n: string }>(
        `select (select count(*) from customer_merges where survivor_id = '${survivor}') ||
           '|' || (select count(*) from contacts where customer_id = '${merged}') ||
           '|' || (select coalesce(merged_into_id::text, '-') || (deleted_at is null) || version from customers where id = '${merged}') ||
           '|' || (select version from customers where id = '${survivor}') as n`,
      );
    const before = (await state())[0]!.n;

    // This file's own session holds the audit log: the merge writes everything else, then waits.
    const holder = createDb({
      databaseUrl: server!.url(DATABASE),
      poolSize: 1,
      onPoolError: () => undefined,
    });
    let wrote = false;
    try {
      await holder.db.transaction(async (tx) => {
        await tx.execute(sql`lock table audit_log in exclusive mode`);
        const pending = call("/api/v1/customers/merge", {
          method: "POST",
          token,
          body: JSON.stringify({ survivorId: survivor, mergedIds: [merged], fields: {} }),
        }).catch(() => null);
        for (let i = 0; i < 600 && !wrote; i++) {
          const rows = await query<{ n: string }>(
            `select count(*) as n from pg_stat_activity where wait_event_type = 'Lock'
               and backend_xid is not null and query ilike 'insert into "audit_log"%'`,
          );
          wrote = rows[0]!.n !== "0";
          if (!wrote) await sleep(50);
        }
        await stopApi("SIGKILL");
        await pending;
      });
    } finally {
      await holder.close();
    }
    expect(wrote, "the merge never reached its audit row").toBe(true);
    // Its session ends once it finds its client gone; then its transaction has rolled back.
    for (let i = 0; i < 200; i++) {
      const rows = await query<{ n: string }>(
        `select count(*) as n from pg_stat_activity where query ilike 'insert into "audit_log"%' and state <> 'idle'`,
      );
      if (rows[0]!.n === "0") break;
      await sleep(50);
    }
    const after = (await state())[0]!.n;
    console.log(
      `[faults] kill -9 of a merge blocked after its writes: state before ${before}, after ${after}`,
    );
    expect(after).toBe(before);
    await launch();
  }, 120_000);

  it("SIGTERM lets a request in flight finish (2xx), then the process exits 0", async () => {
    await stopApi("SIGKILL");
    await launch({ LOG_LEVEL: "info" });
    const current = api!;
    const token = await login("mgr1");
    const rows = 3_000;
    const t0 = performance.now();
    const pending = uploadImport(token, rows, `t${randomBytes(3).toString("hex")}`);
    // Sent once the API has logged the request's arrival (its body is being read and validated).
    for (let i = 0; !/"url":"\/api\/v1\/customers\/imports"/.test(current.output()); i++) {
      if (i > 6_000) throw new Error(`the upload never reached the API:\n${current.output().slice(-2000)}`);
      await sleep(5);
    }
    const signalledAt = performance.now();
    api = undefined; // its exit is expected from here on
    current.child.kill("SIGTERM");
    const res = await pending;
    const answeredAt = performance.now();
    const job = (await res.json()) as { totalRows: number; status: string };
    const code = await current.exited;
    if (code !== 0) console.error(current.output().slice(-3000));
    console.log(
      `[faults] SIGTERM ${Math.round(signalledAt - t0)} ms into a ${rows}-row import upload: answered ${res.status} ` +
        `${Math.round(answeredAt - signalledAt)} ms after the signal; exit code ${code}`,
    );
    expect(res.status).toBe(201);
    expect(job).toMatchObject({ status: "validated", totalRows: rows });
    expect(answeredAt).toBeGreaterThan(signalledAt);
    expect(current.output()).toMatch(/"signal":"SIGTERM".*shutting down/);
    expect(code).toBe(0);
  }, 120_000);
});
