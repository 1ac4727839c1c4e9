import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { auditLog, webhookDeliveries, webhookSubscriptions } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { customerBody } from "../../../test/customers-fixtures.js";
import { clientFor, setupApp } from "../../../test/helper.js";

// Managing subscriptions: edit with If-Match, pause, soft delete and restore, rotate the secret,
// a test event, the delivery log page by page, and every refusal leaving things as they were.
const { app, db } = await setupApp();
const admin = await clientFor(app, "admin");
const sales = await clientFor(app, "sales1");

/** A receiver whose answer the tests choose; it records every request. */
const received: { path: string; headers: Record<string, string | string[] | undefined>; body: string }[] = [];
let answer = 204;
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => {
    body += c;
  });
  req.on("end", () => {
    received.push({ path: req.url ?? "", headers: req.headers, body });
    res.writeHead(answer).end();
  });
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
afterAll(() => new Promise<void>((r) => server.close(() => r())));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const errorsOf = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  );
const count = async () =>
  (await db.db.select({ n: sql<number>`count(*)::int` }).from(webhookSubscriptions))[0]!.n;
const deliveriesOf = (id: string) =>
  db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.subscriptionId, id));

async function until(check: () => boolean | Promise<boolean>, what: string) {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function subscribe(path: string, events: string[] = ["customer.created"]) {
  const res = await admin({
    method: "POST",
    url: "/api/v1/webhooks",
    payload: { url: `${base}${path}`, events },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string; version: number };
}

const verify = (secret: string, headers: Record<string, unknown>, body: string) => {
  const [t, v1] = String(headers["x-crm-signature"])
    .split(",")
    .map((p) => p.split("=")[1]);
  return v1 === createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
};

describe("webhook subscriptions", () => {
  it("refuses bad subscriptions, other users and strangers, creating nothing", async () => {
    const before = await count();
    const bad = await admin({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: "ftp://example.com/hook", events: [] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.headers["content-type"]).toContain("application/problem+json");
    expect(bad.json().code).toBe("validation_failed");
    expect(Object.keys(errorsOf(bad.body)).sort()).toEqual(["events", "url"]);
    const unknownEvent = await admin({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: `${base}/x`, events: ["customer.exploded"] },
    });
    expect(unknownEvent.statusCode).toBe(400);
    expect(errorsOf(unknownEvent.body)).toHaveProperty("events.0");
    const notUrl = await admin({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: "not a url", events: ["customer.created"], secret: "mine" },
    });
    expect(notUrl.statusCode).toBe(400);
    const forbidden = await sales({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: `${base}/x`, events: ["customer.created"] },
    });
    expect(forbidden.statusCode).toBe(403);
    expect(forbidden.json().code).toBe("forbidden");
    expect((await sales({ url: "/api/v1/webhooks" })).statusCode).toBe(403);
    expect((await app.inject({ url: "/api/v1/webhooks" })).statusCode).toBe(401);
    expect(await count()).toBe(before);
  });

  it("shows the secret once, edits with If-Match and refuses stale or empty edits unchanged", async () => {
    const created = await admin({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: `${base}/erp`, events: ["customer.created"], description: "ERP", active: false },
    });
    expect(created.statusCode, created.body).toBe(201);
    const sub = created.json();
    expect(sub).toMatchObject({ active: false, deleted: false, version: 1, lastDelivery: null });
    expect(sub.secret).toMatch(/^whsec_/);
    const list = await admin({ url: "/api/v1/webhooks" });
    expect(list.body).not.toContain(sub.secret);
    const one = await admin({ url: `/api/v1/webhooks/${sub.id}` });
    expect(one.headers.etag).toBe('"1"');
    expect(one.body).not.toContain(sub.secret);

    const edited = await admin({
      method: "PATCH",
      url: `/api/v1/webhooks/${sub.id}`,
      payload: { url: `${base}/erp2`, events: ["order.signed", "payment.received"], description: "" },
      headers: { "if-match": '"1"' },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({
      url: `${base}/erp2`,
      events: ["order.signed", "payment.received"],
      description: null,
      active: false,
      version: 2,
    });
    expect(edited.headers.etag).toBe('"2"');

    const stale = await admin({
      method: "PATCH",
      url: `/api/v1/webhooks/${sub.id}`,
      payload: { url: `${base}/lost` },
      headers: { "if-match": '"1"' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe("precondition_failed");
    const empty = await admin({ method: "PATCH", url: `/api/v1/webhooks/${sub.id}`, payload: {} });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain("nothing_to_set");
    const badEvents = await admin({
      method: "PATCH",
      url: `/api/v1/webhooks/${sub.id}`,
      payload: { events: [], url: "javascript:alert(1)" },
    });
    expect(badEvents.statusCode).toBe(400);
    expect(Object.keys(errorsOf(badEvents.body)).sort()).toEqual(["events", "url"]);
    const missing = await admin({
      method: "PATCH",
      url: "/api/v1/webhooks/00000000-0000-4000-8000-000000000000",
      payload: { active: true },
    });
    expect(missing.statusCode).toBe(404);
    expect((await admin({ url: `/api/v1/webhooks/${sub.id}` })).json()).toMatchObject({
      url: `${base}/erp2`,
      version: 2,
    });

    // The same values again change nothing, not even the version.
    const same = await admin({
      method: "PATCH",
      url: `/api/v1/webhooks/${sub.id}`,
      payload: { url: `${base}/erp2`, active: false },
    });
    expect(same.json().version).toBe(2);
    const audit = await db.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, sub.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["create", "update"]);
  });

  it("queues nothing for a paused subscription, and resumes", async () => {
    const sub = await subscribe("/paused");
    const paused = await admin({
      method: "PATCH",
      url: `/api/v1/webhooks/${sub.id}`,
      payload: { active: false },
    });
    expect(paused.json()).toMatchObject({ active: false, version: 2 });
    await admin({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ name: "暂停期间客户" }),
    });
    expect(await deliveriesOf(sub.id)).toHaveLength(0);
    await admin({ method: "PATCH", url: `/api/v1/webhooks/${sub.id}`, payload: { active: true } });
    await admin({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ name: "恢复之后客户" }),
    });
    await until(() => received.some((r) => r.path === "/paused"), "the resumed delivery");
    // The outcome is written once the receiver has answered.
    await until(async () => (await deliveriesOf(sub.id))[0]?.status === "succeeded", "the outcome");
    expect(await deliveriesOf(sub.id)).toHaveLength(1);
    const listed = (await admin({ url: "/api/v1/webhooks" }))
      .json()
      .items.find((s: { id: string }) => s.id === sub.id);
    expect(listed.lastDelivery).toMatchObject({ status: "succeeded", statusCode: 204 });
  });

  it("sends a signed test event on demand, logged with its body, even while paused", async () => {
    const sub = await subscribe("/test-event", ["feedback.closed"]);
    await admin({ method: "PATCH", url: `/api/v1/webhooks/${sub.id}`, payload: { active: false } });
    const test = await admin({ method: "POST", url: `/api/v1/webhooks/${sub.id}/test` });
    expect(test.statusCode, test.body).toBe(202);
    const { deliveryId } = test.json();
    await until(() => received.some((r) => r.path === "/test-event"), "the test event");
    const hit = received.find((r) => r.path === "/test-event")!;
    expect(hit.headers["x-crm-event"]).toBe("webhook.test");
    expect(hit.headers["x-crm-delivery"]).toBe(deliveryId);
    expect(verify(sub.secret, hit.headers, hit.body)).toBe(true);
    await until(async () => (await deliveriesOf(sub.id))[0]?.status === "succeeded", "the log entry");
    const log = (await admin({ url: `/api/v1/webhooks/${sub.id}/deliveries` })).json();
    expect(log.nextCursor).toBeNull();
    expect(log.items).toHaveLength(1);
    expect(log.items[0]).toMatchObject({
      id: deliveryId,
      type: "webhook.test",
      status: "succeeded",
      attempts: 1,
      lastStatusCode: 204,
      nextAttemptAt: null,
    });
    // The log shows exactly what was POSTed.
    expect(log.items[0].payload).toEqual(JSON.parse(hit.body));
    expect(log.items[0].payload.data).toMatchObject({ subscriptionId: sub.id });
    expect((await admin({ method: "POST", url: "/api/v1/webhooks/not-a-uuid/test" })).statusCode).toBe(400);
    expect(
      (await admin({ method: "POST", url: "/api/v1/webhooks/00000000-0000-4000-8000-000000000000/test" }))
        .statusCode,
    ).toBe(404);
  });

  it("rotates the secret: the old one stops signing at once", async () => {
    const sub = await subscribe("/rotated");
    const rotated = await admin({ method: "POST", url: `/api/v1/webhooks/${sub.id}/rotate-secret` });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const { secret, version } = rotated.json();
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(sub.secret);
    expect(version).toBe(2);
    await admin({ method: "POST", url: `/api/v1/webhooks/${sub.id}/test` });
    await until(() => received.some((r) => r.path === "/rotated"), "the delivery after rotation");
    const hit = received.find((r) => r.path === "/rotated")!;
    expect(verify(secret, hit.headers, hit.body)).toBe(true);
    expect(verify(sub.secret, hit.headers, hit.body)).toBe(false);
    expect((await admin({ url: "/api/v1/webhooks" })).body).not.toContain(secret);
  });

  it("keeps a failed delivery pending with its status code and next retry; redelivers only its own", async () => {
    const sub = await subscribe("/failing");
    const other = await subscribe("/other");
    answer = 503;
    try {
      await admin({ method: "POST", url: `/api/v1/webhooks/${sub.id}/test` });
      await until(async () => (await deliveriesOf(sub.id))[0]?.attempts === 1, "the failed attempt");
    } finally {
      answer = 204;
    }
    const [item] = (await admin({ url: `/api/v1/webhooks/${sub.id}/deliveries` })).json().items;
    expect(item).toMatchObject({
      status: "pending",
      attempts: 1,
      lastStatusCode: 503,
      lastError: "HTTP 503",
    });
    expect(new Date(item.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());
    const listed = (await admin({ url: "/api/v1/webhooks" }))
      .json()
      .items.find((s: { id: string }) => s.id === sub.id);
    expect(listed.lastDelivery).toMatchObject({ status: "pending", statusCode: 503 });

    // Another subscription's id, an unknown delivery or a malformed id: refused, nothing queued.
    const wrongParent = await admin({
      method: "POST",
      url: `/api/v1/webhooks/${other.id}/deliveries/${item.id}/redeliver`,
    });
    expect(wrongParent.statusCode).toBe(404);
    expect(wrongParent.json().code).toBe("not_found");
    expect(
      (
        await admin({
          method: "POST",
          url: `/api/v1/webhooks/${sub.id}/deliveries/00000000-0000-4000-8000-000000000000/redeliver`,
        })
      ).statusCode,
    ).toBe(404);
    expect(
      (await admin({ method: "POST", url: `/api/v1/webhooks/${sub.id}/deliveries/nope/redeliver` }))
        .statusCode,
    ).toBe(400);
    expect((await deliveriesOf(sub.id))[0]?.attempts).toBe(1);

    const again = await admin({
      method: "POST",
      url: `/api/v1/webhooks/${sub.id}/deliveries/${item.id}/redeliver`,
    });
    expect(again.statusCode).toBe(202);
    await until(async () => (await deliveriesOf(sub.id))[0]?.status === "succeeded", "the redelivery");
    const [done] = (await admin({ url: `/api/v1/webhooks/${sub.id}/deliveries` })).json().items;
    expect(done).toMatchObject({ status: "succeeded", attempts: 2, lastStatusCode: 204, lastError: null });
  });

  it("pages the delivery log and filters it by status", async () => {
    const sub = await subscribe("/paged");
    for (let i = 0; i < 3; i++) {
      const res = await admin({ method: "POST", url: `/api/v1/webhooks/${sub.id}/test` });
      expect(res.statusCode).toBe(202);
    }
    await until(
      async () => (await deliveriesOf(sub.id)).filter((d) => d.status === "succeeded").length === 3,
      "three deliveries",
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/v1/webhooks/${sub.id}/deliveries?limit=2${cursor ? `&cursor=${cursor}` : ""}`;
      const page = (await admin({ url })).json();
      seen.push(...page.items.map((d: { id: string }) => d.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(3);
    expect(new Set(seen).size).toBe(3);
    const rows = await deliveriesOf(sub.id);
    const newestFirst = [...rows]
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (b.id < a.id ? -1 : 1))
      .map((r) => r.id);
    expect(seen).toEqual(newestFirst);

    expect(
      (await admin({ url: `/api/v1/webhooks/${sub.id}/deliveries?status=failed` })).json().items,
    ).toEqual([]);
    expect(
      (await admin({ url: `/api/v1/webhooks/${sub.id}/deliveries?status=succeeded` })).json().items,
    ).toHaveLength(3);
    const badStatus = await admin({ url: `/api/v1/webhooks/${sub.id}/deliveries?status=lost` });
    expect(badStatus.statusCode).toBe(400);
    const badCursor = await admin({ url: `/api/v1/webhooks/${sub.id}/deliveries?cursor=zzz` });
    expect(badCursor.statusCode).toBe(400);
    expect(errorsOf(badCursor.body)).toEqual({ cursor: "invalid_cursor" });
    const forged = Buffer.from(JSON.stringify(["not a date", "x"])).toString("base64url");
    expect((await admin({ url: `/api/v1/webhooks/${sub.id}/deliveries?cursor=${forged}` })).statusCode).toBe(
      400,
    );
    expect(
      (await admin({ url: "/api/v1/webhooks/00000000-0000-4000-8000-000000000000/deliveries" })).statusCode,
    ).toBe(404);
  });

  it("soft-deletes: nothing queued or sent, changes refused, the log kept; restore brings it back", async () => {
    const sub = await subscribe("/deleted");
    // A delivery waiting when the subscription is deleted is held, not sent.
    answer = 500;
    try {
      await admin({ method: "POST", url: `/api/v1/webhooks/${sub.id}/test` });
      await until(async () => (await deliveriesOf(sub.id))[0]?.attempts === 1, "the first attempt");
    } finally {
      answer = 204;
    }
    const stale = await admin({
      method: "DELETE",
      url: `/api/v1/webhooks/${sub.id}`,
      headers: { "if-match": '"7"' },
    });
    expect(stale.statusCode).toBe(412);
    const deleted = await admin({ method: "DELETE", url: `/api/v1/webhooks/${sub.id}` });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({ deleted: true, version: 2 });
    const [pending] = await deliveriesOf(sub.id);
    await db.db
      .update(webhookDeliveries)
      .set({ nextAttemptAt: new Date() })
      .where(eq(webhookDeliveries.id, pending!.id));

    const ids = (body: string) => JSON.parse(body).items.map((s: { id: string }) => s.id);
    expect(ids((await admin({ url: "/api/v1/webhooks" })).body)).not.toContain(sub.id);
    expect(ids((await admin({ url: "/api/v1/webhooks?includeDeleted=true" })).body)).toContain(sub.id);
    await admin({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ name: "删除期间客户" }),
    });
    for (const [method, url, payload] of [
      ["PATCH", `/api/v1/webhooks/${sub.id}`, { active: false }],
      ["POST", `/api/v1/webhooks/${sub.id}/test`, undefined],
      ["POST", `/api/v1/webhooks/${sub.id}/rotate-secret`, undefined],
      ["POST", `/api/v1/webhooks/${sub.id}/deliveries/${pending!.id}/redeliver`, undefined],
    ] as const) {
      const res = await admin({ method, url, payload });
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    // Several dispatcher rounds pass; the held delivery stays unsent.
    await new Promise((r) => setTimeout(r, 400));
    expect(received.filter((r) => r.path === "/deleted")).toHaveLength(1);
    const log = await admin({ url: `/api/v1/webhooks/${sub.id}/deliveries` });
    expect(log.statusCode).toBe(200);
    expect(log.json().items).toHaveLength(1);
    expect(
      (await db.db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, sub.id)))[0],
    ).toMatchObject({
      active: 1,
      version: 2,
    });

    const restored = await admin({ method: "POST", url: `/api/v1/webhooks/${sub.id}/restore` });
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ deleted: false, version: 3 });
    await until(async () => (await deliveriesOf(sub.id))[0]?.status === "succeeded", "the held delivery");
    expect(received.filter((r) => r.path === "/deleted")).toHaveLength(2);
    expect(
      (await admin({ method: "POST", url: "/api/v1/webhooks/00000000-0000-4000-8000-000000000000/restore" }))
        .statusCode,
    ).toBe(404);
  });
});
