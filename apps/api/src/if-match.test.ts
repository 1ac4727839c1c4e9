import { describe, expect, it } from "vitest";
import { createCustomer } from "../test/customers-fixtures.js";
import { clientFor, setupApp } from "../test/helper.js";

// No lost updates, on every route that changes or deletes a record: walks the app's own route
// table, so a PATCH or DELETE added later fails here until it has a fixture below, and then
// must honour If-Match like the rest.
const { app } = await setupApp({ webhookPollMs: 0 });
const admin = await clientFor(app, "admin");

async function json(method: "GET" | "POST", url: string, payload?: unknown) {
  const res = await admin({ method, url, ...(payload !== undefined ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const byId = (base: string) => async (id: string) => (await json("GET", `${base}/${id}`)).version as number;
const inList = (url: string) => async (id: string) =>
  ((await json("GET", url)).items as { id: string; version: number }[]).find((i) => i.id === id)!.version;

const today = new Date().toISOString().slice(0, 10);
const departments = (await json("GET", "/api/v1/departments")).items as { id: string; code: string }[];
const dep01 = departments.find((d) => d.code === "Dep-01")!.id;
const category = await json("POST", "/api/v1/product-categories", { letter: "Q", name: "测试品类" });
const product = await json("POST", "/api/v1/products", {
  categoryId: category.id,
  name: "测试产品",
  unit: "件",
  listPrice: "10.00",
});
await json("POST", "/api/v1/stock-movements", {
  productId: product.id,
  kind: "production_receipt",
  quantity: "100",
  reference: "CPD-1",
});
const customer = await createCustomer(admin);

interface Resource {
  /** A new record of its own, so the walk's changes touch nothing else. */
  create: () => Promise<{ id: string; version: number }>;
  /** Its version as the API reads it now. */
  version: (id: string) => Promise<number>;
  /** A valid partial change, for PATCH. */
  patch?: Record<string, unknown>;
}

let n = 0;
const RESOURCES: Record<string, Resource> = {
  "/api/v1/departments": {
    create: () => json("POST", "/api/v1/departments", { name: `测试组${++n}`, parentId: dep01 }),
    version: byId("/api/v1/departments"),
    patch: { name: "改名的组" },
  },
  "/api/v1/users": {
    create: async () =>
      (
        await json("POST", "/api/v1/users", {
          username: `walker${++n}`,
          displayName: "巡检员",
          departmentId: dep01,
          password: "Walker2026",
        })
      ).user,
    version: byId("/api/v1/users"),
    patch: { displayName: "巡检员乙" },
  },
  "/api/v1/roles": {
    create: () =>
      json("POST", "/api/v1/roles", {
        name: `巡检角色${++n}`,
        permissions: ["customer:read"],
        dataScope: "own",
      }),
    version: byId("/api/v1/roles"),
    patch: { description: "巡检" },
  },
  "/api/v1/dictionaries": {
    create: () =>
      json("POST", "/api/v1/dictionaries", { type: "industry", code: `walk${++n}`, label: `巡检行业${n}` }),
    version: inList("/api/v1/dictionaries?type=industry"),
    patch: { label: "巡检行业改" },
  },
  "/api/v1/custom-fields": {
    create: () =>
      json("POST", "/api/v1/custom-fields", { entity: "customer", label: `巡检字段${++n}`, type: "text" }),
    version: byId("/api/v1/custom-fields"),
    patch: { label: "巡检字段改" },
  },
  "/api/v1/customers": {
    create: () => createCustomer(admin),
    version: byId("/api/v1/customers"),
    patch: { address: "巡检路 1 号" },
  },
  "/api/v1/contacts": {
    create: () => json("POST", "/api/v1/contacts", { customerId: customer.id, name: `巡检联系人${++n}` }),
    version: byId("/api/v1/contacts"),
    patch: { title: "经理" },
  },
  "/api/v1/saved-views": {
    create: () =>
      json("POST", "/api/v1/saved-views", {
        resource: "customers",
        name: `视图${++n}`,
        query: { status: "active" },
      }),
    version: inList("/api/v1/saved-views?resource=customers"),
  },
  "/api/v1/contact-records": {
    create: () =>
      json("POST", "/api/v1/contact-records", {
        customerId: customer.id,
        occurredAt: new Date().toISOString(),
        channel: "phone",
        content: "电话回访",
      }),
    version: byId("/api/v1/contact-records"),
    patch: { content: "电话回访（改）" },
  },
  "/api/v1/care-records": {
    create: () =>
      json("POST", "/api/v1/care-records", {
        customerId: customer.id,
        careDate: today,
        kind: "gift",
        content: "礼品",
      }),
    version: byId("/api/v1/care-records"),
    patch: { content: "礼品（改）" },
  },
  "/api/v1/tasks": {
    create: () => json("POST", "/api/v1/tasks", { title: `巡检任务${++n}` }),
    version: byId("/api/v1/tasks"),
    patch: { title: "巡检任务改" },
  },
  "/api/v1/events": {
    create: () => {
      const starts = new Date(Date.now() + 86_400_000);
      return json("POST", "/api/v1/events", {
        title: `巡检日程${++n}`,
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
      });
    },
    version: byId("/api/v1/events"),
    patch: { title: "巡检日程改" },
  },
  "/api/v1/product-categories": {
    create: async () => category,
    version: inList("/api/v1/product-categories"),
    patch: { name: "测试品类改" },
  },
  "/api/v1/products": {
    create: () =>
      json("POST", "/api/v1/products", {
        categoryId: category.id,
        name: `巡检产品${++n}`,
        unit: "件",
        listPrice: "1.00",
      }),
    version: byId("/api/v1/products"),
    patch: { specification: "10x10" },
  },
  "/api/v1/orders": {
    create: () =>
      json("POST", "/api/v1/orders", {
        customerId: customer.id,
        lines: [{ productId: product.id, unitPrice: "10.00", quantity: "1" }],
      }),
    version: byId("/api/v1/orders"),
    patch: { notes: "巡检备注" },
  },
  "/api/v1/transactions": {
    create: () =>
      json("POST", "/api/v1/transactions", {
        customerId: customer.id,
        productId: product.id,
        date: today,
        unitPrice: "10.00",
        quantity: "1",
      }),
    version: byId("/api/v1/transactions"),
    patch: { unitPrice: "11.00" },
  },
  "/api/v1/feedback": {
    create: () =>
      json("POST", "/api/v1/feedback", {
        customerId: customer.id,
        occurredOn: today,
        type: "complaint",
        subject: "噪音",
      }),
    version: byId("/api/v1/feedback"),
    patch: { priority: "high" },
  },
  "/api/v1/api-keys": {
    create: async () => {
      const me = (await json("GET", "/api/v1/me")).id;
      return json("POST", "/api/v1/api-keys", {
        name: `巡检钥匙${++n}`,
        userId: me,
        permissions: ["customer:read"],
      });
    },
    version: inList("/api/v1/api-keys"),
  },
  "/api/v1/webhooks": {
    create: () =>
      json("POST", "/api/v1/webhooks", { url: "http://127.0.0.1:9/hook", events: ["customer.created"] }),
    version: byId("/api/v1/webhooks"),
    patch: { description: "巡检" },
  },
};

/** Singletons: changed without an id, versioned all the same. */
const SINGLETONS: Record<string, { version: () => Promise<number>; patch: Record<string, unknown> }> = {
  "/api/v1/settings": {
    version: async () => (await json("GET", "/api/v1/settings")).version,
    patch: { followUpDays: 45 },
  },
};

const changing = app.routeTable.filter(
  (r) =>
    r.method === "PATCH" || r.method === "DELETE" || (r.method === "POST" && r.url.endsWith("/:id/restore")),
);

describe("If-Match on every change of a record", () => {
  it("covers every PATCH, DELETE and restore route of the app", () => {
    expect(changing.length).toBeGreaterThanOrEqual(40);
    const uncovered = changing
      .filter((r) => !(r.url.replace(/\/:id(\/restore)?$/, "") in RESOURCES) && !(r.url in SINGLETONS))
      .map((r) => `${r.method} ${r.url}`);
    expect(uncovered, "add a fixture for these routes").toEqual([]);
  });

  for (const [base, resource] of Object.entries(RESOURCES)) {
    const routes = changing.filter((r) => r.url.replace(/\/:id(\/restore)?$/, "") === base);
    // A record is changed, then deleted, then restored: each step needs the one before.
    const order = ["PATCH", "DELETE", "POST"];
    routes.sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method));
    it(`${routes.map((r) => `${r.method} ${r.url}`).join(", ")}: 412 on a stale version, changing nothing; the current one works and is the new ETag`, async () => {
      const { id } = await resource.create();
      for (const route of routes) {
        const url = route.url.replace(":id", id);
        const where = `${route.method} ${route.url}`;
        const version = await resource.version(id);
        const send = (tag: string) =>
          admin({
            method: route.method as "PATCH",
            url,
            ...(route.method === "PATCH" ? { payload: resource.patch } : {}),
            headers: { "if-match": tag },
          });
        const stale = await send(`"${version + 1}"`);
        expect(stale.statusCode, `${where}: ${stale.body}`).toBe(412);
        expect(stale.headers["content-type"]).toMatch(/^application\/problem\+json/);
        expect(stale.json()).toMatchObject({ code: "precondition_failed", currentVersion: version });
        expect(await resource.version(id), where).toBe(version);
        const current = await send(`"${version}"`);
        expect(current.statusCode, `${where}: ${current.body}`).toBeLessThan(300);
        if (current.statusCode === 204) continue;
        const next = current.json().version;
        expect(next, where).toBeGreaterThan(version);
        expect(current.headers.etag, where).toBe(`"${next}"`);
      }
    });
  }

  for (const [url, singleton] of Object.entries(SINGLETONS)) {
    it(`PATCH ${url}: 412 on a stale version, changing nothing`, async () => {
      const version = await singleton.version();
      const stale = await admin({
        method: "PATCH",
        url,
        payload: singleton.patch,
        headers: { "if-match": `"${version + 1}"` },
      });
      expect(stale.statusCode, stale.body).toBe(412);
      expect(await singleton.version()).toBe(version);
      const current = await admin({
        method: "PATCH",
        url,
        payload: singleton.patch,
        headers: { "if-match": `"${version}"` },
      });
      expect(current.statusCode, current.body).toBe(200);
      expect(current.headers.etag).toBe(`"${version + 1}"`);
    });
  }

  it("answers 412 to an If-Match that is not a version at all", async () => {
    const c = await createCustomer(admin);
    const res = await admin({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      payload: { address: "x" },
      headers: { "if-match": "*garbage*" },
    });
    expect(res.statusCode).toBe(412);
    expect(res.json().code).toBe("precondition_failed");
  });

  it("gives every single record its version as ETag on GET", async () => {
    const c = await createCustomer(admin);
    const res = await admin({ url: `/api/v1/customers/${c.id}` });
    expect(res.headers.etag).toBe(`"${c.version}"`);
    const hook = await json("POST", "/api/v1/webhooks", {
      url: "http://127.0.0.1:9/x",
      events: ["order.signed"],
    });
    expect((await admin({ url: `/api/v1/webhooks/${hook.id}` })).headers.etag).toBe(`"${hook.version}"`);
  });
});
