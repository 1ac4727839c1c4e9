import { createHmac } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { customers, outboxEvents, users, webhookDeliveries } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { customerBody } from "../../../test/customers-fixtures.js";
import { clientFor, setupApp } from "../../../test/helper.js";
import { emitEvent } from "./webhooks.service.js";

// Written as a third party would use the API: a key, retries, conflicts, a signed webhook.
const { app, db } = await setupApp();
const admin = await clientFor(app, "admin");
const gmId = (await db.db.select({ id: users.id }).from(users).where(eq(users.username, "gm")))[0]!.id;

const received: { headers: Record<string, string | string[] | undefined>; body: string }[] = [];
const hookServer = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => {
    body += c;
  });
  req.on("end", () => {
    received.push({ headers: req.headers, body });
    res.writeHead(204).end();
  });
});
await new Promise<void>((r) => hookServer.listen(0, "127.0.0.1", r));
afterAll(() => new Promise<void>((r) => hookServer.close(() => r())));
const hookUrl = `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/crm-hook`;

const withKey =
  (secret: string) =>
  (opts: { method?: string; url: string; payload?: unknown; headers?: Record<string, string> }) =>
    app.inject({
      method: (opts.method ?? "GET") as "GET",
      url: opts.url,
      payload: opts.payload as object,
      headers: { authorization: `Bearer ${secret}`, ...opts.headers },
    });

describe("a third-party integration", () => {
  it("uses a narrowed key: customers yes, orders no; retries are idempotent; stale writes get 412", async () => {
    const created = await admin({
      method: "POST",
      url: "/api/v1/api-keys",
      payload: {
        name: "官网表单",
        userId: gmId,
        permissions: ["customer:read", "customer:create", "customer:update"],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { secret, prefix, id } = created.json();
    expect(secret.startsWith(prefix)).toBe(true);
    expect(secret).toMatch(/^crm_k_/);
    expect(JSON.stringify((await admin({ url: "/api/v1/api-keys" })).json())).not.toContain(secret);
    const api = withKey(secret);

    expect((await api({ url: "/api/v1/customers?limit=1" })).statusCode).toBe(200);
    expect((await api({ url: "/api/v1/orders" })).statusCode).toBe(403);
    expect((await api({ url: "/api/v1/users" })).statusCode).toBe(403);

    const body = customerBody({ name: "幂等测试客户" });
    const first = await api({
      method: "POST",
      url: "/api/v1/customers",
      payload: body,
      headers: { "idempotency-key": "form-123" },
    });
    expect(first.statusCode, first.body).toBe(201);
    const retry = await api({
      method: "POST",
      url: "/api/v1/customers",
      payload: body,
      headers: { "idempotency-key": "form-123" },
    });
    expect(retry.statusCode).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json().id).toBe(first.json().id);
    expect(await db.db.select().from(customers).where(eq(customers.name, "幂等测试客户"))).toHaveLength(1);
    const reused = await api({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ name: "另一个客户" }),
      headers: { "idempotency-key": "form-123" },
    });
    expect(reused.statusCode).toBe(422);
    expect(reused.json().code).toBe("idempotency_key_reused");

    const customer = first.json();
    const fresh = await api({
      method: "PATCH",
      url: `/api/v1/customers/${customer.id}`,
      payload: { address: "新地址1号" },
      headers: { "if-match": `"${customer.version}"` },
    });
    expect(fresh.statusCode).toBe(200);
    const stale = await api({
      method: "PATCH",
      url: `/api/v1/customers/${customer.id}`,
      payload: { address: "旧地址" },
      headers: { "if-match": `"${customer.version}"` },
    });
    expect(stale.statusCode).toBe(412);

    expect(
      (await admin({ method: "DELETE", url: `/api/v1/api-keys/${id}` })).json().revokedAt,
    ).not.toBeNull();
    expect((await api({ url: "/api/v1/customers?limit=1" })).statusCode).toBe(401);
  });

  it("receives a correctly signed webhook for a committed change, and none for a rolled-back one", async () => {
    const sub = await admin({
      method: "POST",
      url: "/api/v1/webhooks",
      payload: { url: hookUrl, events: ["customer.created"], description: "ERP 同步" },
    });
    expect(sub.statusCode, sub.body).toBe(201);
    const { secret, id } = sub.json();
    const before = received.length;
    const created = await admin({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ name: "Webhook客户" }),
    });
    expect(created.statusCode).toBe(201);
    for (let i = 0; i < 100 && received.length === before; i++) await new Promise((r) => setTimeout(r, 50));
    const delivery = received.at(-1)!;
    const event = JSON.parse(delivery.body);
    expect(event).toMatchObject({
      type: "customer.created",
      data: { id: created.json().id, name: "Webhook客户" },
    });
    const [t, v1] = String(delivery.headers["x-crm-signature"])
      .split(",")
      .map((p) => p.split("=")[1]);
    expect(v1).toBe(createHmac("sha256", secret).update(`${t}.${delivery.body}`).digest("hex"));
    expect(Math.abs(Date.now() / 1000 - Number(t))).toBeLessThan(60);

    const outboxBefore = (await db.db.select({ n: sql<number>`count(*)::int` }).from(outboxEvents))[0]!.n;
    await db.db
      .transaction(async (tx) => {
        await emitEvent(tx, "customer.created", { id: "rolled-back" });
        throw new Error("the change fails after its event was written");
      })
      .catch(() => undefined);
    expect((await db.db.select({ n: sql<number>`count(*)::int` }).from(outboxEvents))[0]!.n).toBe(
      outboxBefore,
    );

    const log = (await admin({ url: `/api/v1/webhooks/${id}/deliveries` })).json().items;
    expect(log[0]).toMatchObject({
      type: "customer.created",
      status: "succeeded",
      attempts: 1,
      lastStatusCode: 204,
    });
    const again = await admin({
      method: "POST",
      url: `/api/v1/webhooks/${id}/deliveries/${log[0].id}/redeliver`,
    });
    expect(again.statusCode).toBe(202);
    const count = received.length;
    for (let i = 0; i < 100 && received.length === count; i++) await new Promise((r) => setTimeout(r, 50));
    expect(received.length).toBe(count + 1);
    // The attempt is recorded once the receiver has answered.
    let attempts = 0;
    for (let i = 0; i < 100 && attempts < 2; i++) {
      const [row] = await db.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, log[0].id));
      attempts = row?.attempts ?? 0;
      if (attempts < 2) await new Promise((r) => setTimeout(r, 50));
    }
    expect(attempts).toBe(2);
  });
});
