import { DRILL_DIMENSIONS } from "@crm/contracts";
import { DEMO_USERS, notifications, users } from "@crm/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shanghaiDate } from "../src/shared/days.js";
import { createCustomer } from "./customers-fixtures.js";
import { clientFor, type Inject, multipart, setupApp } from "./helper.js";

// The authorisation matrix (issue #12): every route of the app's own route table × every demo
// user for permissions (function level), and every route with an :id, plus the bulk, export,
// merge and drill routes, against records outside the caller's data scope (object level). A new
// route with an :id fails the coverage test until it has an entry in OBJECT_ROUTES or EXCLUDED.

const { app, db } = await setupApp({ webhookPollMs: 0 });
const USERNAMES = DEMO_USERS.map((u) => u.username);
type Username = (typeof USERNAMES)[number];
const as = Object.fromEntries(
  await Promise.all(USERNAMES.map(async (u) => [u, await clientFor(app, u)] as const)),
) as Record<Username, Inject>;
const permissionsOf = Object.fromEntries(
  await Promise.all(
    USERNAMES.map(
      async (u) => [u, new Set((await as[u]({ url: "/api/v1/me" })).json().permissions)] as const,
    ),
  ),
) as Record<Username, Set<string>>;
const idOf = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

const today = shanghaiDate();
const FAKE_ID = "00000000-0000-4000-8000-000000000000";

async function ok(res: Awaited<ReturnType<Inject>>, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

// Products are company-wide: one with stock for every order.
const category = await ok(
  await as.admin({
    method: "POST",
    url: "/api/v1/product-categories",
    payload: { letter: "Z", name: "矩阵品类" },
  }),
  "category",
);
const product = await ok(
  await as.prod1({
    method: "POST",
    url: "/api/v1/products",
    payload: { categoryId: category.id, name: "矩阵产品", unit: "件", listPrice: "100.00" },
  }),
  "product",
);
await ok(
  await as.prod1({
    method: "POST",
    url: "/api/v1/stock-movements",
    payload: { productId: product.id, kind: "production_receipt", quantity: "1000", reference: "CPD-1" },
  }),
  "stock",
);

/** One of every owned record, all owned by `owner` (a salesperson with data scope "own"). */
async function world(owner: "sales1" | "sales3") {
  const me = as[owner];
  const ownerId = await idOf(owner);
  const customer = await createCustomer(me, { name: `${owner}矩阵客户` });
  const mergeSurvivor = await createCustomer(me, { name: `${owner}合并留存` });
  const mergeGone = await createCustomer(me, { name: `${owner}合并并入` });
  const contact = await ok(
    await me({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: customer.id, name: `${owner}联系人` },
    }),
    "contact",
  );
  const contactRecord = await ok(
    await me({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: customer.id,
        occurredAt: new Date().toISOString(),
        channel: "phone",
        content: "电话",
      },
    }),
    "contact record",
  );
  const careRecord = await ok(
    await me({
      method: "POST",
      url: "/api/v1/care-records",
      payload: { customerId: customer.id, careDate: today, kind: "gift", content: "礼品" },
    }),
    "care record",
  );
  const task = await ok(
    await me({
      method: "POST",
      url: "/api/v1/tasks",
      payload: { title: `${owner}任务`, customerId: customer.id },
    }),
    "task",
  );
  const starts = new Date(Date.now() + 86_400_000);
  const event = await ok(
    await me({
      method: "POST",
      url: "/api/v1/events",
      payload: {
        title: `${owner}日程`,
        startsAt: starts.toISOString(),
        endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
      },
    }),
    "event",
  );
  const order = await ok(
    await me({
      method: "POST",
      url: "/api/v1/orders",
      payload: {
        customerId: customer.id,
        lines: [{ productId: product.id, unitPrice: "100.00", quantity: "2" }],
      },
    }),
    "order",
  );
  await ok(
    await me({ method: "POST", url: `/api/v1/orders/${order.id}/transitions`, payload: { action: "sign" } }),
    "sign",
  );
  const transaction = await ok(
    await me({
      method: "POST",
      url: "/api/v1/transactions",
      payload: {
        customerId: customer.id,
        productId: product.id,
        date: today,
        unitPrice: "10.00",
        quantity: "1",
      },
    }),
    "transaction",
  );
  const receivable = (await as.finance1({ url: `/api/v1/receivables?orderId=${order.id}` })).json().items[0];
  const payment = await ok(
    await as.finance1({
      method: "POST",
      url: "/api/v1/payments",
      payload: {
        customerId: customer.id,
        receivedOn: today,
        amount: "1.00",
        method: "cash",
        allocations: [{ receivableId: receivable.id, amount: "1.00" }],
      },
    }),
    "payment",
  );
  const feedback = await ok(
    await me({
      method: "POST",
      url: "/api/v1/feedback",
      payload: { customerId: customer.id, occurredOn: today, type: "complaint", subject: `${owner}投诉` },
    }),
    "feedback",
  );
  // A closed feedback schedules its return visit.
  const closing = await ok(
    await me({
      method: "POST",
      url: "/api/v1/feedback",
      payload: { customerId: customer.id, occurredOn: today, type: "complaint", subject: `${owner}已结投诉` },
    }),
    "feedback to close",
  );
  await ok(
    await as.service1({
      method: "PATCH",
      url: `/api/v1/feedback/${closing.id}`,
      payload: { status: "closed", resolution: "已处理" },
    }),
    "close feedback",
  );
  const returnVisit = (await as.admin({ url: `/api/v1/return-visits?feedbackId=${closing.id}` })).json()
    .items[0];
  const merge = await ok(
    await as.admin({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: mergeSurvivor.id, mergedIds: [mergeGone.id] },
    }),
    "merge",
  );
  const savedView = await ok(
    await me({
      method: "POST",
      url: "/api/v1/saved-views",
      payload: { resource: "customers", name: `${owner}视图`, query: { status: "active" } },
    }),
    "saved view",
  );
  const [notification] = await db.db
    .insert(notifications)
    .values({ userId: ownerId, kind: "task_assigned", title: `${owner}的通知` })
    .returning();
  return {
    owner,
    ownerId,
    customer,
    mergeSurvivor,
    contact,
    contactRecord,
    careRecord,
    task,
    event,
    order,
    transaction,
    receivable,
    payment,
    feedback,
    returnVisit,
    mergeId: merge.mergeId as string,
    savedView,
    notificationId: notification!.id,
  };
}
type World = Awaited<ReturnType<typeof world>>;

// An import job is its author's: the administrator's, out of reach of a manager who may import.
const upload = multipart({
  name: "c.csv",
  content: "\uFEFF客户名称,客户类别,省份,城市\n矩阵导入,1,浙江省,杭州市\n",
});
const importJob = await ok(
  await as.admin({
    method: "POST",
    url: "/api/v1/customers/imports",
    payload: upload.payload,
    headers: upload.headers,
  }),
  "import",
);

const [A, B] = await Promise.all([world("sales1"), world("sales3")]);

interface Call {
  url: string;
  payload?: unknown;
}
/** For each route with an :id over owned records: the request against world `w`'s record. */
const OBJECT_ROUTES: Record<string, (w: World) => Call> = {
  "GET /api/v1/users/:id": (w) => ({ url: `/api/v1/users/${w.ownerId}` }),
  "PATCH /api/v1/users/:id": (w) => ({
    url: `/api/v1/users/${w.ownerId}`,
    payload: { displayName: "越权改名" },
  }),
  "POST /api/v1/users/:id/disable": (w) => ({ url: `/api/v1/users/${w.ownerId}/disable` }),
  "POST /api/v1/users/:id/enable": (w) => ({ url: `/api/v1/users/${w.ownerId}/enable` }),
  "POST /api/v1/users/:id/reset-password": (w) => ({ url: `/api/v1/users/${w.ownerId}/reset-password` }),
  "GET /api/v1/customers/imports/:id": () => ({ url: `/api/v1/customers/imports/${importJob.id}` }),
  "GET /api/v1/customers/imports/:id/errors.csv": () => ({
    url: `/api/v1/customers/imports/${importJob.id}/errors.csv`,
  }),
  "POST /api/v1/customers/imports/:id/commit": () => ({
    url: `/api/v1/customers/imports/${importJob.id}/commit`,
    payload: {},
  }),
  "POST /api/v1/customers/imports/:id/undo": () => ({
    url: `/api/v1/customers/imports/${importJob.id}/undo`,
  }),
  "GET /api/v1/customers/:id": (w) => ({ url: `/api/v1/customers/${w.customer.id}` }),
  "GET /api/v1/customers/:id/timeline": (w) => ({ url: `/api/v1/customers/${w.customer.id}/timeline` }),
  "GET /api/v1/customers/:id/access": (w) => ({ url: `/api/v1/customers/${w.customer.id}/access` }),
  "PATCH /api/v1/customers/:id": (w) => ({
    url: `/api/v1/customers/${w.customer.id}`,
    payload: { address: "越权" },
  }),
  "DELETE /api/v1/customers/:id": (w) => ({ url: `/api/v1/customers/${w.customer.id}` }),
  "POST /api/v1/customers/:id/restore": (w) => ({ url: `/api/v1/customers/${w.customer.id}/restore` }),
  "POST /api/v1/customers/merges/:id/undo": (w) => ({ url: `/api/v1/customers/merges/${w.mergeId}/undo` }),
  "GET /api/v1/contacts/:id": (w) => ({ url: `/api/v1/contacts/${w.contact.id}` }),
  "PATCH /api/v1/contacts/:id": (w) => ({
    url: `/api/v1/contacts/${w.contact.id}`,
    payload: { title: "越权" },
  }),
  "DELETE /api/v1/contacts/:id": (w) => ({ url: `/api/v1/contacts/${w.contact.id}` }),
  "POST /api/v1/contacts/:id/restore": (w) => ({ url: `/api/v1/contacts/${w.contact.id}/restore` }),
  "DELETE /api/v1/saved-views/:id": (w) => ({ url: `/api/v1/saved-views/${w.savedView.id}` }),
  "POST /api/v1/notifications/:id/read": (w) => ({ url: `/api/v1/notifications/${w.notificationId}/read` }),
  "GET /api/v1/orders/:id": (w) => ({ url: `/api/v1/orders/${w.order.id}` }),
  "PATCH /api/v1/orders/:id": (w) => ({ url: `/api/v1/orders/${w.order.id}`, payload: { notes: "越权" } }),
  "POST /api/v1/orders/:id/transitions": (w) => ({
    url: `/api/v1/orders/${w.order.id}/transitions`,
    payload: { action: "cancel" },
  }),
  "POST /api/v1/orders/:id/deliveries": (w) => ({
    url: `/api/v1/orders/${w.order.id}/deliveries`,
    payload: { lines: [{ lineId: w.order.lines[0].id, quantity: "1" }] },
  }),
  "DELETE /api/v1/orders/:id": (w) => ({ url: `/api/v1/orders/${w.order.id}` }),
  "POST /api/v1/orders/:id/restore": (w) => ({ url: `/api/v1/orders/${w.order.id}/restore` }),
  "GET /api/v1/transactions/:id": (w) => ({ url: `/api/v1/transactions/${w.transaction.id}` }),
  "PATCH /api/v1/transactions/:id": (w) => ({
    url: `/api/v1/transactions/${w.transaction.id}`,
    payload: { unitPrice: "1.00" },
  }),
  "DELETE /api/v1/transactions/:id": (w) => ({ url: `/api/v1/transactions/${w.transaction.id}` }),
  "POST /api/v1/transactions/:id/restore": (w) => ({
    url: `/api/v1/transactions/${w.transaction.id}/restore`,
  }),
  "GET /api/v1/payments/:id": (w) => ({ url: `/api/v1/payments/${w.payment.id}` }),
  "POST /api/v1/payments/:id/reverse": (w) => ({
    url: `/api/v1/payments/${w.payment.id}/reverse`,
    payload: { reason: "越权冲销" },
  }),
  "GET /api/v1/collections/:id": (w) => ({ url: `/api/v1/collections/${w.customer.id}` }),
  "POST /api/v1/collections/:id/actions": (w) => ({
    url: `/api/v1/collections/${w.customer.id}/actions`,
    payload: { kind: "call", content: "越权催收" },
  }),
  "GET /api/v1/feedback/:id": (w) => ({ url: `/api/v1/feedback/${w.feedback.id}` }),
  "PATCH /api/v1/feedback/:id": (w) => ({
    url: `/api/v1/feedback/${w.feedback.id}`,
    payload: { priority: "high" },
  }),
  "DELETE /api/v1/feedback/:id": (w) => ({ url: `/api/v1/feedback/${w.feedback.id}` }),
  "POST /api/v1/feedback/:id/restore": (w) => ({ url: `/api/v1/feedback/${w.feedback.id}/restore` }),
  "POST /api/v1/return-visits/:id/complete": (w) => ({
    url: `/api/v1/return-visits/${w.returnVisit.id}/complete`,
    payload: { rating: 1 },
  }),
};
for (const [path, record, patch] of [
  ["contact-records", "contactRecord", { content: "越权" }],
  ["care-records", "careRecord", { content: "越权" }],
  ["tasks", "task", { title: "越权" }],
  ["events", "event", { title: "越权" }],
] as const) {
  OBJECT_ROUTES[`GET /api/v1/${path}/:id`] = (w) => ({ url: `/api/v1/${path}/${w[record].id}` });
  OBJECT_ROUTES[`PATCH /api/v1/${path}/:id`] = (w) => ({
    url: `/api/v1/${path}/${w[record].id}`,
    payload: patch,
  });
  OBJECT_ROUTES[`DELETE /api/v1/${path}/:id`] = (w) => ({ url: `/api/v1/${path}/${w[record].id}` });
  OBJECT_ROUTES[`POST /api/v1/${path}/:id/restore`] = (w) => ({
    url: `/api/v1/${path}/${w[record].id}/restore`,
  });
}

/** Routes with an :id that are not per-owner records, and why. */
const COMPANY_WIDE = "company-wide configuration, no owner and no data scope; guarded by its permission";
const EXCLUDED: Record<string, string> = {
  "GET /api/v1/departments/:id": COMPANY_WIDE,
  "PATCH /api/v1/departments/:id": COMPANY_WIDE,
  "POST /api/v1/departments/:id/disable": COMPANY_WIDE,
  "POST /api/v1/departments/:id/enable": COMPANY_WIDE,
  "GET /api/v1/roles/:id": COMPANY_WIDE,
  "PATCH /api/v1/roles/:id": COMPANY_WIDE,
  "DELETE /api/v1/roles/:id": COMPANY_WIDE,
  "POST /api/v1/roles/:id/restore": COMPANY_WIDE,
  "PATCH /api/v1/dictionaries/:id": COMPANY_WIDE,
  "GET /api/v1/custom-fields/:id": COMPANY_WIDE,
  "PATCH /api/v1/custom-fields/:id": COMPANY_WIDE,
  "PATCH /api/v1/product-categories/:id": "the product catalogue is shared by the company",
  "GET /api/v1/products/:id": "the product catalogue is shared by the company",
  "PATCH /api/v1/products/:id": "the product catalogue is shared by the company",
  "DELETE /api/v1/products/:id": "the product catalogue is shared by the company",
  "POST /api/v1/products/:id/restore": "the product catalogue is shared by the company",
  "GET /api/v1/material-requests/:id": "材料单 are one company queue for production (no customer data)",
  "POST /api/v1/material-requests/:id/transitions": "材料单 are one company queue for production",
  "GET /api/v1/purchase-orders/:id": "purchasing is company-wide (suppliers, not customers)",
  "POST /api/v1/purchase-orders/:id/receipts": "purchasing is company-wide",
  "POST /api/v1/purchase-orders/:id/cancel": "purchasing is company-wide",
  "POST /api/v1/payables/:id/payments": "payables are owed to suppliers, company-wide",
  "DELETE /api/v1/api-keys/:id": "integration settings: role:manage only (administrators, scope all)",
  "GET /api/v1/webhooks/:id": "integration settings: role:manage only",
  "PATCH /api/v1/webhooks/:id": "integration settings: role:manage only",
  "DELETE /api/v1/webhooks/:id": "integration settings: role:manage only",
  "POST /api/v1/webhooks/:id/restore": "integration settings: role:manage only",
  "POST /api/v1/webhooks/:id/rotate-secret": "integration settings: role:manage only",
  "POST /api/v1/webhooks/:id/test": "integration settings: role:manage only",
  "GET /api/v1/webhooks/:id/deliveries": "integration settings: role:manage only",
  "POST /api/v1/webhooks/:id/deliveries/:deliveryId/redeliver": "integration settings: role:manage only",
};

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const permitted = (user: Username, access: (typeof app.routeTable)[number]["access"]) =>
  typeof access !== "object"
    ? true
    : "permission" in access
      ? permissionsOf[user].has(access.permission)
      : access.anyOf.some((p) => permissionsOf[user].has(p));
const isProblem = (res: Awaited<ReturnType<Inject>>) =>
  /^application\/problem\+json/.test(String(res.headers["content-type"]));

let checks = 0;
/** Runs `each` over `items`, eight at a time. */
async function inBatches<T>(items: readonly T[], each: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += 8) await Promise.all(items.slice(i, i + 8).map(each));
}
/** Object-level requests answered 404 (out of scope) and 403 (no permission, checked first). */
let objectNotFound = 0;
let objectForbidden = 0;

describe("function level: every route × every demo user", () => {
  it("knows every demo user's permissions", () => {
    expect(USERNAMES.length).toBeGreaterThanOrEqual(9);
    for (const u of USERNAMES) expect(permissionsOf[u].size, u).toBeGreaterThan(0);
  });

  // With a made-up id and an empty body, a caller with the permission gets past the guard (a
  // 4xx of another kind, or 2xx on a read), one without it gets 403 problem+json. A permitted
  // POST without an id could change real data with an empty body, so only the refusal is sent.
  const routes = app.routeTable.filter((r) => r.access !== "public");
  for (const user of USERNAMES) {
    it(`${user}: 403 exactly on the routes outside their permissions`, async () => {
      const wrong: string[] = [];
      // Independent requests (reads, refusals, made-up ids): sent a batch at a time, for speed.
      await inBatches(routes, async (route) => {
        const allowed = permitted(user, route.access);
        if (allowed && route.method !== "GET" && !route.url.includes(":")) return;
        const res = await as[user]({
          method: route.method as "GET",
          url: route.url.replace(/:\w+/g, FAKE_ID),
          ...(route.method === "GET" ? {} : { payload: {} }),
        });
        checks++;
        const forbidden = res.statusCode === 403 && res.json().code === "forbidden" && isProblem(res);
        if (res.statusCode >= 500 || forbidden === allowed) wrong.push(`${key(route)} → ${res.statusCode}`);
      });
      expect(wrong).toEqual([]);
    });
  }
});

describe("an API key is its service user narrowed: same matrix, same scope", () => {
  it("a key of sales1 narrowed to reading and editing customers: 403 elsewhere, 404 beyond sales1's scope", async () => {
    const granted = ["customer:read", "customer:update"];
    const apiKey = await ok(
      await as.admin({
        method: "POST",
        url: "/api/v1/api-keys",
        payload: { name: "矩阵钥匙", userId: await idOf("sales1"), permissions: granted },
      }),
      "api key",
    );
    const withKey: Inject = (opts) =>
      app.inject({
        method: opts.method ?? "GET",
        url: opts.url,
        ...(opts.payload !== undefined ? { payload: opts.payload as object } : {}),
        headers: { authorization: `Bearer ${apiKey.secret}` },
      });
    const wrong: string[] = [];
    for (const route of app.routeTable.filter((r) => typeof r.access === "object")) {
      const access = route.access as { permission?: string; anyOf?: string[] };
      const allowed = access.permission
        ? granted.includes(access.permission)
        : (access.anyOf ?? []).some((p) => granted.includes(p));
      if (allowed && route.method !== "GET" && !route.url.includes(":")) continue;
      const res = await withKey({
        method: route.method as "GET",
        url: route.url.replace(/:\w+/g, FAKE_ID),
        ...(route.method === "GET" ? {} : { payload: {} }),
      });
      checks++;
      const forbidden = res.statusCode === 403 && res.json().code === "forbidden";
      if (res.statusCode >= 500 || forbidden === allowed) wrong.push(`${key(route)} → ${res.statusCode}`);
    }
    expect(wrong).toEqual([]);
    expect((await withKey({ url: `/api/v1/customers/${A.customer.id}` })).statusCode).toBe(200);
    expect((await withKey({ url: `/api/v1/customers/${B.customer.id}` })).statusCode).toBe(404);
    const patch = await withKey({
      method: "PATCH",
      url: `/api/v1/customers/${B.customer.id}`,
      payload: { address: "钥匙" },
    });
    expect(patch.statusCode).toBe(404);
    expect((await withKey({ url: `/api/v1/contacts/${A.contact.id}` })).statusCode).toBe(403);
  });
});

/** What an administrator reads of world `w`: must be unchanged by out-of-scope attempts. */
async function snapshot(w: World) {
  const urls = [
    `/api/v1/users/${w.ownerId}`,
    `/api/v1/customers/${w.customer.id}`,
    `/api/v1/customers/${w.mergeSurvivor.id}`,
    `/api/v1/contacts/${w.contact.id}`,
    `/api/v1/contact-records/${w.contactRecord.id}`,
    `/api/v1/care-records/${w.careRecord.id}`,
    `/api/v1/tasks/${w.task.id}`,
    `/api/v1/events/${w.event.id}`,
    `/api/v1/orders/${w.order.id}`,
    `/api/v1/transactions/${w.transaction.id}`,
    `/api/v1/payments/${w.payment.id}`,
    `/api/v1/collections/${w.customer.id}`,
    `/api/v1/feedback/${w.feedback.id}`,
    `/api/v1/return-visits?feedbackId=${w.returnVisit.feedbackId}`,
    `/api/v1/customers/imports/${importJob.id}`,
    `/api/v1/payments?customerId=${w.customer.id}`,
  ];
  const reads = await Promise.all(urls.map(async (url) => [url, (await as.admin({ url })).json()]));
  const [notification] = await db.db
    .select()
    .from(notifications)
    .where(eq(notifications.id, w.notificationId));
  const views = (await as[w.owner]({ url: "/api/v1/saved-views?resource=customers" })).json();
  return { reads, notification, views };
}

/** Callers and a world wholly outside their data scope. */
const OUTSIDERS: [Username, World][] = [
  ["sales1", B],
  ["sales2", A],
  ["sales3", A],
  ["mgr1", B],
  ["prod1", A],
];

describe("object level: records outside the caller's scope answer 404 and change nothing", () => {
  const idRoutes = app.routeTable.filter((r) => r.url.includes("/:"));

  it("covers every route with an :id, or excludes it with a reason", () => {
    const missing = idRoutes.map(key).filter((k) => !(k in OBJECT_ROUTES) && !(k in EXCLUDED));
    expect(missing, "add these to OBJECT_ROUTES or EXCLUDED").toEqual([]);
    const stale = [...Object.keys(OBJECT_ROUTES), ...Object.keys(EXCLUDED)].filter(
      (k) => !idRoutes.some((r) => key(r) === k),
    );
    expect(stale, "entries for routes that no longer exist").toEqual([]);
  });

  for (const [user, w] of OUTSIDERS) {
    it(`${user} on ${w.owner}'s records: 404 on every verb (403 first where the permission is missing)`, async () => {
      const before = await snapshot(w);
      const wrong: string[] = [];
      let notFound = 0;
      for (const route of idRoutes) {
        const make = OBJECT_ROUTES[key(route)];
        if (!make) continue;
        const call = make(w);
        const res = await as[user]({
          method: route.method as "GET",
          url: call.url,
          ...(call.payload !== undefined ? { payload: call.payload } : {}),
        });
        checks++;
        const expected = permitted(user, route.access) ? 404 : 403;
        if (expected === 404) notFound++;
        if (expected === 404) objectNotFound++;
        else objectForbidden++;
        if (res.statusCode !== expected || !isProblem(res)) wrong.push(`${key(route)} → ${res.statusCode}`);
      }
      expect(wrong).toEqual([]);
      expect(notFound).toBeGreaterThanOrEqual(8);
      expect(await snapshot(w)).toEqual(before);
    });
  }

  it("bulk edit, merge, export, lists and report drills do not reach them either", async () => {
    const before = await snapshot(B);
    const own = A.customer;
    for (const user of ["sales1", "mgr1"] as const) {
      const bulk = await as[user]({
        method: "POST",
        url: "/api/v1/customers/bulk-update",
        payload: { ids: [B.customer.id], set: { status: "lost" } },
      });
      expect(bulk.statusCode, `${user} bulk ${bulk.body}`).toBe(404);
      const mixed = await as[user]({
        method: "POST",
        url: "/api/v1/customers/bulk-update",
        payload: { ids: [own.id, B.customer.id], set: { status: "lost" } },
      });
      expect(mixed.statusCode, `${user} bulk mixed`).toBe(404);
      // By filter, the bulk edit reaches only what the caller sees.
      const byFilter = await as[user]({
        method: "POST",
        url: "/api/v1/customers/bulk-update",
        payload: { filter: { q: B.customer.code }, set: { status: "lost" } },
      });
      expect(byFilter.statusCode).toBeLessThan(500);
      const exported = await as[user]({ url: `/api/v1/customers/export?format=csv&q=${B.customer.code}` });
      expect(exported.statusCode).toBe(200);
      expect(exported.body).not.toContain(B.customer.name);
      const month = today.slice(0, 7);
      const drill = await as[user]({
        url: `/api/v1/reports/sales/records?dimension=month&value=${month}&limit=200`,
      });
      expect(drill.statusCode).toBe(200);
      expect(drill.body).not.toContain(B.customer.id);
      for (const url of [
        `/api/v1/contacts?customerId=${B.customer.id}`,
        `/api/v1/contact-records?customerId=${B.customer.id}`,
        `/api/v1/orders?customerId=${B.customer.id}`,
        `/api/v1/transactions?customerId=${B.customer.id}`,
        `/api/v1/payments?customerId=${B.customer.id}`,
        `/api/v1/receivables?customerId=${B.customer.id}`,
        `/api/v1/feedback?customerId=${B.customer.id}`,
        `/api/v1/customers?q=${B.customer.code}`,
      ]) {
        const res = await as[user]({ url });
        expect(res.statusCode, `${user} ${url}`).toBe(200);
        expect(res.body, `${user} ${url}`).not.toContain(B.customer.id);
      }
    }
    // mgr1 may merge, but neither into nor out of a customer beyond the department.
    for (const payload of [
      { survivorId: A.mergeSurvivor.id, mergedIds: [B.customer.id] },
      { survivorId: B.customer.id, mergedIds: [A.mergeSurvivor.id] },
    ]) {
      const res = await as.mgr1({ method: "POST", url: "/api/v1/customers/merge", payload });
      expect(res.statusCode, res.body).toBe(404);
    }
    expect(await snapshot(B)).toEqual(before);
  });

  /** The queries a list route is read with: its required ones, and for a drill every dimension aimed at `w`. */
  const queriesFor = (url: string, w: World): string[] => {
    const drill = /^\/api\/v1\/reports\/([\w-]+)\/records$/.exec(url);
    if (drill) {
      const month = today.slice(0, 7);
      const drillValue: Record<string, string> = {
        month,
        customer: w.customer.id,
        salesperson: w.ownerId,
        handler: w.ownerId,
        product: product.id,
        region: "浙江省",
        orderStatus: "signed",
        aging: "notDue",
        type: "complaint",
        complaintType: "complaint",
        creditRating: "",
        revenueBand: "unknown",
        tracking: w.customer.id,
        segment: "new",
        abc: "A",
      };
      return DRILL_DIMENSIONS[drill[1] as keyof typeof DRILL_DIMENSIONS].map(
        (d) =>
          `?dimension=${d}&value=${encodeURIComponent(drillValue[d] ?? "")}&limit=200&from=2020-01-01&to=2030-12-31`,
      );
    }
    if (url === "/api/v1/me/stats") return ["?from=2020-01-01&to=2030-12-31"];
    if (url === "/api/v1/custom-fields") return ["?entity=customer"];
    if (url === "/api/v1/saved-views") return ["?resource=customers"];
    if (url === "/api/v1/customers")
      return ["", `?q=${encodeURIComponent(w.customer.name)}`, `?ownerId=${w.ownerId}`];
    if (url === "/api/v1/customers/export") return ["?format=csv", `?format=csv&ownerId=${w.ownerId}`];
    return [""];
  };

  it("no list, search, board, workbench or report (every GET without an id) shows them", async () => {
    const secrets = (w: World) => [
      w.customer.id,
      w.customer.name,
      w.contact.id,
      w.task.id,
      w.event.id,
      w.order.id,
      w.order.number,
      w.transaction.id,
      w.payment.id,
      w.feedback.id,
      w.feedback.subject,
      w.returnVisit.id,
      w.savedView.id,
      w.notificationId,
    ];
    const lists = app.routeTable.filter((r) => r.method === "GET" && !r.url.includes(":"));
    let read = 0;
    const leaks: string[] = [];
    for (const [user, w] of OUTSIDERS) {
      const urls = lists
        .filter((route) => permitted(user, route.access))
        .flatMap((route) => queriesFor(route.url, w).map((query) => `${route.url}${query}`));
      await inBatches(urls, async (url) => {
        const res = await as[user]({ url });
        checks++;
        // Every list is read for real (a route that needs a new query gets it in queriesFor).
        if (res.statusCode !== 200) {
          leaks.push(`${user} ${url} → ${res.statusCode}`);
          return;
        }
        read++;
        for (const s of secrets(w)) if (res.body.includes(s)) leaks.push(`${user} ${url} shows ${s}`);
      });
    }
    expect(leaks).toEqual([]);
    expect(read).toBeGreaterThan(50);
    // The same lists do show the owner's own (so the check above can fail).
    const own = await as.sales1({ url: "/api/v1/customers" });
    expect(own.body).toContain(A.customer.id);
  });

  it("a body may not point at them either: references out of scope are refused, naming the field", async () => {
    const them = B;
    const later = () => {
      const at = new Date(Date.now() + 3 * 86_400_000);
      return { startsAt: at.toISOString(), endsAt: new Date(at.getTime() + 3_600_000).toISOString() };
    };
    const s1 = as.sales1;
    const cases: [method: "POST" | "PATCH", url: string, body: Record<string, unknown>, field: string][] = [
      ["POST", "/api/v1/contacts", { customerId: them.customer.id, name: "越权联系人" }, "customerId"],
      [
        "POST",
        "/api/v1/contact-records",
        {
          customerId: them.customer.id,
          occurredAt: new Date().toISOString(),
          channel: "phone",
          content: "x",
        },
        "customerId",
      ],
      [
        "POST",
        "/api/v1/contact-records",
        {
          customerId: A.customer.id,
          contactId: them.contact.id,
          occurredAt: new Date().toISOString(),
          channel: "phone",
          content: "x",
        },
        "contactId",
      ],
      ["PATCH", `/api/v1/contact-records/${A.contactRecord.id}`, { contactId: them.contact.id }, "contactId"],
      [
        "POST",
        "/api/v1/care-records",
        { customerId: them.customer.id, careDate: today, kind: "gift", content: "x" },
        "customerId",
      ],
      ["PATCH", `/api/v1/care-records/${A.careRecord.id}`, { contactId: them.contact.id }, "contactId"],
      ["POST", "/api/v1/tasks", { title: "越权任务", customerId: them.customer.id }, "customerId"],
      ["PATCH", `/api/v1/tasks/${A.task.id}`, { customerId: them.customer.id }, "customerId"],
      ["POST", "/api/v1/tasks", { title: "越权任务", assigneeId: them.ownerId }, "assigneeId"],
      [
        "POST",
        "/api/v1/events",
        { title: "越权日程", customerId: them.customer.id, ...later() },
        "customerId",
      ],
      ["POST", "/api/v1/events", { title: "越权日程", contactId: them.contact.id, ...later() }, "contactId"],
      ["PATCH", `/api/v1/events/${A.event.id}`, { customerId: them.customer.id }, "customerId"],
      ["PATCH", `/api/v1/events/${A.event.id}`, { contactId: them.contact.id }, "contactId"],
      [
        "POST",
        "/api/v1/orders",
        {
          customerId: them.customer.id,
          lines: [{ productId: product.id, unitPrice: "1.00", quantity: "1" }],
        },
        "customerId",
      ],
      [
        "POST",
        "/api/v1/transactions",
        {
          customerId: them.customer.id,
          productId: product.id,
          date: today,
          unitPrice: "1.00",
          quantity: "1",
        },
        "customerId",
      ],
      [
        "POST",
        "/api/v1/feedback",
        { customerId: them.customer.id, occurredOn: today, type: "complaint", subject: "越权" },
        "customerId",
      ],
      [
        "POST",
        "/api/v1/feedback",
        {
          customerId: A.customer.id,
          contactId: them.contact.id,
          occurredOn: today,
          type: "complaint",
          subject: "越权",
        },
        "contactId",
      ],
    ];
    const before = await snapshot(them);
    const wrong: string[] = [];
    for (const [method, url, payload, field] of cases) {
      const res = await s1({ method, url, payload });
      checks++;
      const fields = res.statusCode === 400 ? res.json().errors.map((e: { field: string }) => e.field) : [];
      if (res.statusCode !== 400 || !fields.includes(field))
        wrong.push(`${method} ${url} ${field} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    expect(wrong).toEqual([]);
    expect(await snapshot(them)).toEqual(before);
  });

  it("inside the scope the same routes work: the owner and the department manager", async () => {
    // The seeding above already created, signed, closed and merged through these routes as the
    // owner; here every read by id answers 200 to the owner and to their manager.
    for (const user of ["sales1", "mgr1"] as const) {
      for (const route of app.routeTable.filter((r) => r.method === "GET" && r.url.includes("/:"))) {
        const make = OBJECT_ROUTES[key(route)];
        if (!make || !permitted(user, route.access) || route.url.includes("/imports/")) continue;
        const res = await as[user]({ url: make(A).url });
        checks++;
        expect(res.statusCode, `${user} ${key(route)} ${res.body}`).toBe(200);
      }
    }
    const edit = await as.mgr1({
      method: "PATCH",
      url: `/api/v1/customers/${A.customer.id}`,
      payload: { address: "部门内" },
    });
    expect(edit.statusCode).toBe(200);
    const bulk = await as.sales1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: [A.customer.id], set: { status: "lost" } },
    });
    expect(bulk.statusCode, bulk.body).toBe(200);
    const exported = await as.sales1({ url: `/api/v1/customers/export?format=csv&q=${A.customer.code}` });
    expect(exported.body).toContain(A.customer.name);
    const drill = await as.sales1({
      url: `/api/v1/reports/sales/records?dimension=month&value=${today.slice(0, 7)}&limit=200`,
    });
    expect(drill.body).toContain(A.customer.id);
    const imported = await as.admin({ url: `/api/v1/customers/imports/${importJob.id}` });
    expect(imported.statusCode).toBe(200);
  });

  it("prints the size of the matrix", () => {
    console.log(
      `authz matrix: ${app.routeTable.length} routes × ${USERNAMES.length} users; ${checks} requests checked (object level: ${objectNotFound} × 404 out of scope, ${objectForbidden} × 403 without the permission)`,
    );
    expect(checks).toBeGreaterThan(app.routeTable.length * 3);
  });
});

// Mass assignment: fields the server owns, sent in create and update bodies. Each must be refused
// (400 problem+json naming the field) or ignored (not in the answer as sent), never applied.
const sales3Id = await idOf("sales3");
const OLD = "2001-01-01T00:00:00.000Z";
const SERVER_OWNED: Record<string, unknown> = {
  id: "00000000-0000-4000-8000-0000000000aa",
  ownerId: sales3Id,
  code: "HACK-0001",
  number: "HACK-0001",
  amount: "999999.00",
  total: "999999.00",
  paid: "999999.00",
  balance: "0.00",
  createdAt: OLD,
  updatedAt: OLD,
  createdBy: sales3Id,
  version: 99,
  deletedAt: OLD,
};
let u = 0;
const dep01 = (
  (await as.admin({ url: "/api/v1/departments" })).json().items as { id: string; code: string }[]
).find((d) => d.code === "Dep-01")!.id;
const later = () => {
  const s = new Date(Date.now() + 2 * 86_400_000);
  return { startsAt: s.toISOString(), endsAt: new Date(s.getTime() + 3_600_000).toISOString() };
};
interface Body {
  method: "POST" | "PATCH" | "PUT";
  url: string;
  as: Username;
  body: () => Record<string, unknown>;
  /** Fields of this list that the body legitimately carries (documented input). */
  accepts?: string[];
}
const BODIES: Record<string, Body> = {
  "POST /api/v1/customers": {
    method: "POST",
    url: "/api/v1/customers",
    as: "sales1",
    body: () => ({ name: `批量赋值客户${++u}`, class: "1", province: "浙江省", city: "杭州市" }),
  },
  "PATCH /api/v1/customers/:id": {
    method: "PATCH",
    url: `/api/v1/customers/${A.customer.id}`,
    as: "sales1",
    body: () => ({ address: `路${++u}号` }),
  },
  "POST /api/v1/contacts": {
    method: "POST",
    url: "/api/v1/contacts",
    as: "sales1",
    body: () => ({ customerId: A.customer.id, name: `联系人${++u}` }),
  },
  "PATCH /api/v1/contacts/:id": {
    method: "PATCH",
    url: `/api/v1/contacts/${A.contact.id}`,
    as: "sales1",
    body: () => ({ title: `职务${++u}` }),
  },
  "POST /api/v1/contact-records": {
    method: "POST",
    url: "/api/v1/contact-records",
    as: "sales1",
    body: () => ({
      customerId: A.customer.id,
      occurredAt: new Date().toISOString(),
      channel: "phone",
      content: "电话",
    }),
  },
  "PATCH /api/v1/contact-records/:id": {
    method: "PATCH",
    url: `/api/v1/contact-records/${A.contactRecord.id}`,
    as: "sales1",
    body: () => ({ content: `内容${++u}` }),
  },
  "POST /api/v1/care-records": {
    method: "POST",
    url: "/api/v1/care-records",
    as: "sales1",
    body: () => ({ customerId: A.customer.id, careDate: today, kind: "gift", content: "礼品" }),
  },
  "PATCH /api/v1/care-records/:id": {
    method: "PATCH",
    url: `/api/v1/care-records/${A.careRecord.id}`,
    as: "sales1",
    body: () => ({ content: `内容${++u}` }),
  },
  "POST /api/v1/tasks": {
    method: "POST",
    url: "/api/v1/tasks",
    as: "sales1",
    body: () => ({ title: `任务${++u}` }),
  },
  "PATCH /api/v1/tasks/:id": {
    method: "PATCH",
    url: `/api/v1/tasks/${A.task.id}`,
    as: "sales1",
    body: () => ({ title: `任务${++u}` }),
  },
  "POST /api/v1/events": {
    method: "POST",
    url: "/api/v1/events",
    as: "sales1",
    body: () => ({ title: `日程${++u}`, ...later() }),
  },
  "PATCH /api/v1/events/:id": {
    method: "PATCH",
    url: `/api/v1/events/${A.event.id}`,
    as: "sales1",
    body: () => ({ title: `日程${++u}` }),
  },
  "POST /api/v1/orders": {
    method: "POST",
    url: "/api/v1/orders",
    as: "sales1",
    body: () => ({
      customerId: A.customer.id,
      lines: [{ productId: product.id, unitPrice: "10.00", quantity: "1" }],
    }),
  },
  "PATCH /api/v1/orders/:id": {
    method: "PATCH",
    url: `/api/v1/orders/${A.order.id}`,
    as: "sales1",
    body: () => ({ notes: `备注${++u}` }),
  },
  "POST /api/v1/transactions": {
    method: "POST",
    url: "/api/v1/transactions",
    as: "sales1",
    body: () => ({
      customerId: A.customer.id,
      productId: product.id,
      date: today,
      unitPrice: "10.00",
      quantity: "1",
    }),
  },
  "PATCH /api/v1/transactions/:id": {
    method: "PATCH",
    url: `/api/v1/transactions/${A.transaction.id}`,
    as: "sales1",
    body: () => ({ unitPrice: `1${++u}.00` }),
  },
  "POST /api/v1/feedback": {
    method: "POST",
    url: "/api/v1/feedback",
    as: "sales1",
    body: () => ({ customerId: A.customer.id, occurredOn: today, type: "complaint", subject: `投诉${++u}` }),
  },
  "PATCH /api/v1/feedback/:id": {
    method: "PATCH",
    url: `/api/v1/feedback/${A.feedback.id}`,
    as: "service1",
    body: () => ({ description: `描述${++u}` }),
  },
  "POST /api/v1/saved-views": {
    method: "POST",
    url: "/api/v1/saved-views",
    as: "sales1",
    body: () => ({ resource: "customers", name: `视图${++u}`, query: {} }),
  },
  "POST /api/v1/material-requests": {
    method: "POST",
    url: "/api/v1/material-requests",
    as: "sales1",
    body: () => ({ materialName: `材料${++u}`, quantity: "1", unit: "件" }),
  },
  "POST /api/v1/purchase-orders": {
    method: "POST",
    url: "/api/v1/purchase-orders",
    as: "admin",
    body: () => ({
      supplier: "供应商",
      orderDate: today,
      lines: [{ productId: product.id, unitPrice: "1.00", quantity: "1" }],
    }),
  },
  "POST /api/v1/products": {
    method: "POST",
    url: "/api/v1/products",
    as: "prod1",
    body: () => ({ categoryId: category.id, name: `产品${++u}`, unit: "件", listPrice: "1.00" }),
  },
  "PATCH /api/v1/products/:id": {
    method: "PATCH",
    url: `/api/v1/products/${product.id}`,
    as: "prod1",
    body: () => ({ specification: `规格${++u}` }),
  },
  "PATCH /api/v1/product-categories/:id": {
    method: "PATCH",
    url: `/api/v1/product-categories/${category.id}`,
    as: "admin",
    body: () => ({ name: `品类${++u}` }),
  },
  "POST /api/v1/stock-movements": {
    method: "POST",
    url: "/api/v1/stock-movements",
    as: "prod1",
    body: () => ({ productId: product.id, kind: "production_receipt", quantity: "1", reference: "CPD-2" }),
  },
  "POST /api/v1/payments": {
    method: "POST",
    url: "/api/v1/payments",
    as: "finance1",
    body: () => ({
      customerId: A.customer.id,
      receivedOn: today,
      amount: "0.01",
      method: "cash",
      allocations: [{ receivableId: A.receivable.id, amount: "0.01" }],
    }),
    accepts: ["amount"],
  },
  "POST /api/v1/collections/:id/actions": {
    method: "POST",
    url: `/api/v1/collections/${A.customer.id}/actions`,
    as: "finance1",
    body: () => ({ kind: "call", content: `催收${++u}` }),
  },
  "POST /api/v1/users": {
    method: "POST",
    url: "/api/v1/users",
    as: "admin",
    body: () => ({
      username: `mass${++u}`,
      displayName: "批量",
      departmentId: dep01,
      password: "MassAssign2026",
    }),
  },
  "PATCH /api/v1/users/:id": {
    method: "PATCH",
    url: `/api/v1/users/${B.ownerId}`,
    as: "admin",
    body: () => ({ phone: `1380000${String(++u).padStart(4, "0")}` }),
  },
  "POST /api/v1/departments": {
    method: "POST",
    url: "/api/v1/departments",
    as: "admin",
    body: () => ({ name: `批量组${++u}`, parentId: dep01 }),
  },
  "POST /api/v1/roles": {
    method: "POST",
    url: "/api/v1/roles",
    as: "admin",
    body: () => ({ name: `批量角色${++u}`, permissions: ["customer:read"], dataScope: "own" }),
  },
  "POST /api/v1/custom-fields": {
    method: "POST",
    url: "/api/v1/custom-fields",
    as: "admin",
    body: () => ({ entity: "customer", label: `批量字段${++u}`, type: "text" }),
  },
  "POST /api/v1/dictionaries": {
    method: "POST",
    url: "/api/v1/dictionaries",
    as: "admin",
    body: () => ({ type: "industry", code: `mass${++u}`, label: `批量行业${u}` }),
    accepts: ["code"],
  },
  "POST /api/v1/webhooks": {
    method: "POST",
    url: "/api/v1/webhooks",
    as: "admin",
    body: () => ({ url: "http://127.0.0.1:9/hook", events: ["customer.created"] }),
  },
  "PATCH /api/v1/settings": { method: "PATCH", url: "/api/v1/settings", as: "admin", body: () => ({}) },
};

describe("mass assignment: server-owned fields in bodies are refused or ignored, never applied", () => {
  it("covers every PATCH/PUT route and every create (POST to a collection) of owned records", () => {
    const creates = app.routeTable.filter(
      (r) => (r.method === "POST" && !r.url.includes(":")) || r.method === "PATCH",
    );
    const owned =
      /\/(customers|contacts|contact-records|care-records|tasks|events|orders|transactions|feedback|payments|saved-views|material-requests|purchase-orders)(\/:id)?$/;
    const missing = creates
      .filter((r) => owned.test(r.url))
      .map(key)
      .filter((k) => !(k in BODIES));
    expect(missing).toEqual([]);
  });

  it("an owner may be reassigned only within the caller's scope (PATCH and bulk edit)", async () => {
    const c = await createCustomer(as.mgr1, { name: "改派测试客户" });
    for (const payload of [{ ownerId: sales3Id }, { ownerId: FAKE_ID }]) {
      const res = await as.mgr1({ method: "PATCH", url: `/api/v1/customers/${c.id}`, payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain("ownerId");
    }
    const bulk = await as.mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: [c.id], set: { ownerId: sales3Id } },
    });
    expect(bulk.statusCode, bulk.body).toBe(400);
    expect((await as.admin({ url: `/api/v1/customers/${c.id}` })).json().ownerId).toBe(await idOf("mgr1"));
    const sales2Id = await idOf("sales2");
    const inside = await as.mgr1({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      payload: { ownerId: sales2Id },
    });
    expect(inside.statusCode, inside.body).toBe(200);
    expect(inside.json().ownerId).toBe(sales2Id);
  });

  const outcomes: string[] = [];
  for (const [name, endpoint] of Object.entries(BODIES)) {
    it(`${name}`, async () => {
      const wrong: string[] = [];
      // Each field in a request of its own, all at once (a refused one changes nothing).
      const fields = Object.entries(SERVER_OWNED).filter(([field]) => !endpoint.accepts?.includes(field));
      await Promise.all(
        fields.map(async ([field, value]) => {
          const res = await as[endpoint.as]({
            method: endpoint.method,
            url: endpoint.url,
            payload: { ...endpoint.body(), [field]: value },
          });
          if (res.statusCode === 400) {
            const named = (res.json().errors ?? []).some((e: { field: string }) => e.field === field);
            if (!named || !isProblem(res)) wrong.push(`${field}: 400 without the field named ${res.body}`);
            outcomes.push(`${name} ${field}: refused`);
          } else if (res.statusCode < 300) {
            const sent = JSON.stringify(value);
            const got = res.statusCode === 204 ? undefined : JSON.stringify(res.json()[field]);
            if (got === sent) wrong.push(`${field}: applied`);
            outcomes.push(`${name} ${field}: ignored`);
          } else {
            wrong.push(`${field}: ${res.statusCode} ${res.body}`);
          }
        }),
      );
      expect(wrong).toEqual([]);
    });
  }
  it("prints what the API does with them", () => {
    const ignored = outcomes.filter((o) => o.endsWith("ignored"));
    console.log(
      `mass assignment: ${outcomes.length} field sends, ${ignored.length} ignored: ${ignored.join("; ")}`,
    );
    expect(outcomes.length).toBeGreaterThan(300);
  });
});
