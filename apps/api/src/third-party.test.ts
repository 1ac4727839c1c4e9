import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createCrmClient } from "@crm/api-client";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { setupApp } from "../test/helper.js";

// The Done-when of issue #10, written as a third party would: over real HTTP, with the typed client
// generated from the OpenAPI document (packages/api-client), a key with customer permissions only,
// and a webhook receiver of its own that checks signatures as the docs page says.
const { app, db } = await setupApp({ webhookPollMs: 50 });
const base = await app.listen({ host: "127.0.0.1", port: 0 });

/** The receiver: a local HTTP server that records what it is sent. */
const received: { event: string; signature: string; body: string }[] = [];
const receiver = createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => {
    body += chunk;
  });
  req.on("end", () => {
    received.push({
      event: String(req.headers["x-crm-event"]),
      signature: String(req.headers["x-crm-signature"]),
      body,
    });
    res.writeHead(204).end();
  });
});
await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
afterAll(() => new Promise<void>((r) => receiver.close(() => r())));
const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/crm-hook`;

/** The check of the docs page's "Checking the signature". */
function verifySignature(header: string, rawBody: string, secret: string, toleranceSeconds = 300) {
  const fields = Object.fromEntries(header.split(",").map((part) => part.split("=", 2)));
  const t = Number(fields.t);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(String(fields.v1 ?? ""), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function until<T>(find: () => T | undefined, ms = 5_000): Promise<T> {
  for (const started = Date.now(); Date.now() - started < ms; await new Promise((r) => setTimeout(r, 25))) {
    const found = find();
    if (found !== undefined) return found;
  }
  throw new Error("timed out");
}

// The administrator sets the integration up: a key for a service user, a webhook subscription.
const anonymous = createCrmClient(base);
const login = await anonymous.POST("/api/v1/auth/login", {
  body: { username: "admin", password: "Demo@2026" },
});
const admin = createCrmClient(base, login.data!.accessToken);
const gm = (await admin.GET("/api/v1/users", { params: { query: { q: "gm" } } })).data!.items.find(
  (u) => u.username === "gm",
)!;
const key = await admin.POST("/api/v1/api-keys", {
  body: {
    name: "官网表单",
    userId: gm.id,
    permissions: ["customer:read", "customer:create", "customer:update"],
  },
});
const subscription = await admin.POST("/api/v1/webhooks", {
  body: { url: hookUrl, events: ["customer.created", "customer.updated"], description: "ERP 同步" },
});
const crm = createCrmClient(base, key.data!.secret);

describe("a third party with a customers-only API key", () => {
  it("was given a key and a webhook secret, each shown once", () => {
    expect(key.response.status).toBe(201);
    expect(key.data!.secret).toMatch(/^crm_k_/);
    expect(subscription.response.status).toBe(201);
    expect(subscription.data!.secret.length).toBeGreaterThanOrEqual(32);
  });

  let customerId = "";
  let version = 0;

  it("lists customers and pages them with Link", async () => {
    const { data, response } = await crm.GET("/api/v1/customers", { params: { query: { limit: 1 } } });
    expect(response.status).toBe(200);
    expect(data!.items.length).toBeLessThanOrEqual(1);
    expect(data!.nextCursor === null).toBe(response.headers.get("link") === null);
    // The rate limit of this key, as the guide describes it.
    expect(response.headers.get("ratelimit-limit")).toBe("100000");
    expect(Number(response.headers.get("ratelimit-remaining"))).toBeLessThan(100000);
    expect(response.headers.get("ratelimit-reset")).toMatch(/^\d+$/);
  });

  it("creates a customer once, however often it retries with the same Idempotency-Key", async () => {
    const body = { name: "杭州第三方对接有限公司", class: "1", province: "浙江省", city: "杭州市" };
    const header = { "Idempotency-Key": "erp-order-4711" };
    const first = await crm.POST("/api/v1/customers", { body, params: { header } });
    expect(first.response.status, JSON.stringify(first.error)).toBe(201);
    expect(first.data!.code).toMatch(/^1类-\d+$/);
    expect(first.data!.ownerId).toBe(gm.id);
    expect(first.response.headers.get("etag")).toBe(`"${first.data!.version}"`);
    const retry = await crm.POST("/api/v1/customers", { body, params: { header } });
    expect(retry.response.status).toBe(201);
    expect(retry.response.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.response.headers.get("etag")).toBe(`"${first.data!.version}"`);
    expect(retry.data!.id).toBe(first.data!.id);
    const found = await crm.GET("/api/v1/customers", { params: { query: { q: "第三方对接" } } });
    expect(found.data!.items.map((c) => c.id)).toEqual([first.data!.id]);
    const other = await crm.POST("/api/v1/customers", {
      body: { ...body, name: "另一家公司" },
      params: { header },
    });
    expect(other.response.status).toBe(422);
    expect(other.error!.code).toBe("idempotency_key_reused");
    customerId = first.data!.id;
    version = first.data!.version;
  });

  it("cannot set what the server computes: unknown or computed fields are 400", async () => {
    const { error, response } = await crm.POST("/api/v1/customers", {
      body: { name: "自己编号", class: "1", province: "浙江省", city: "杭州市", code: "1类-99" } as never,
    });
    expect(response.status).toBe(400);
    expect(error!.errors).toContainEqual(
      expect.objectContaining({ field: "code", code: "unrecognized_keys" }),
    );
  });

  it("is refused orders (403), and so is every other module", async () => {
    const orders = await crm.GET("/api/v1/orders");
    expect(orders.response.status).toBe(403);
    expect(orders.error!.code).toBe("forbidden");
    expect((await crm.GET("/api/v1/products")).response.status).toBe(403);
    expect(
      (await crm.DELETE("/api/v1/customers/{id}", { params: { path: { id: customerId } } })).response.status,
    ).toBe(403);
  });

  it("updates with the current ETag, and gets 412 with a stale one, changing nothing", async () => {
    const fresh = await crm.PATCH("/api/v1/customers/{id}", {
      params: { path: { id: customerId }, header: { "If-Match": `"${version}"` } },
      body: { address: "滨江区江南大道 1 号" },
    });
    expect(fresh.response.status).toBe(200);
    expect(fresh.data!.version).toBe(version + 1);
    expect(fresh.response.headers.get("etag")).toBe(`"${version + 1}"`);
    const stale = await crm.PATCH("/api/v1/customers/{id}", {
      params: { path: { id: customerId }, header: { "If-Match": `"${version}"` } },
      body: { address: "旧的地址" },
    });
    expect(stale.response.status).toBe(412);
    expect(stale.error).toMatchObject({ code: "precondition_failed", currentVersion: version + 1 });
    const now = await crm.GET("/api/v1/customers/{id}", { params: { path: { id: customerId } } });
    expect(now.data!.address).toBe("滨江区江南大道 1 号");
    expect(now.response.headers.get("etag")).toBe(`"${version + 1}"`);
  });

  it("receives correctly signed webhooks on its own server: one for the create, one for the update", async () => {
    const secret = subscription.data!.secret;
    const created = await until(() => received.find((r) => r.event === "customer.created"));
    expect(verifySignature(created.signature, created.body, secret)).toBe(true);
    expect(verifySignature(created.signature, created.body, "not-the-secret")).toBe(false);
    expect(verifySignature(created.signature, created.body.replace("第三方", "第四方"), secret)).toBe(false);
    expect(JSON.parse(created.body)).toMatchObject({
      type: "customer.created",
      data: { id: customerId, name: "杭州第三方对接有限公司" },
    });
    const updated = await until(() => received.find((r) => r.event === "customer.updated"));
    expect(verifySignature(updated.signature, updated.body, secret)).toBe(true);
    expect(JSON.parse(updated.body).data).toMatchObject({ id: customerId, changed: ["address"] });
    // The idempotent retry and the refused writes sent nothing.
    expect(received.filter((r) => r.event === "customer.created")).toHaveLength(1);
    expect(received.filter((r) => r.event === "customer.updated")).toHaveLength(1);
  });

  it("gets no webhook for a change that is rolled back", async () => {
    // The database refuses this one customer at commit, after the change and its event were written.
    await db.db.execute(sql`
      create function refuse_at_commit() returns trigger language plpgsql as $$
      begin raise exception 'refused at commit'; end $$`);
    await db.db.execute(sql`
      create constraint trigger refuse_at_commit after insert on customers
      deferrable initially deferred for each row when (new.name = '回滚的客户')
      execute function refuse_at_commit()`);
    const outbox = async () =>
      Number((await db.db.execute<{ n: string }>(sql`select count(*) as n from outbox_events`)).rows[0]!.n);
    const before = await outbox();
    const failed = await crm.POST("/api/v1/customers", {
      body: { name: "回滚的客户", class: "1", province: "浙江省", city: "杭州市" },
    });
    expect(failed.response.status).toBe(500);
    expect(await outbox()).toBe(before);
    expect(
      (await crm.GET("/api/v1/customers", { params: { query: { q: "回滚的客户" } } })).data!.items,
    ).toEqual([]);
    // A later change is delivered; the rolled-back one never is.
    const later = await crm.POST("/api/v1/customers", {
      body: { name: "之后的客户", class: "1", province: "浙江省", city: "杭州市" },
    });
    expect(later.response.status).toBe(201);
    await until(() => received.find((r) => r.body.includes("之后的客户")));
    expect(received.some((r) => r.body.includes("回滚的客户"))).toBe(false);
  });
});
