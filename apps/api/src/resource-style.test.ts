import { describe, expect, it } from "vitest";
import { createCustomer } from "../test/customers-fixtures.js";
import { clientFor, setupApp } from "../test/helper.js";
import { nextPageUrl } from "./plugins/resource-headers.js";

// One resource style for every resource, checked by walking the app's own OpenAPI document, so a
// route added later is held to the same rules without anyone remembering to add it here.
const { app } = await setupApp({ webhookPollMs: 0 });
const admin = await clientFor(app, "admin");
// Two or more of most kinds of record, so most lists have a second page at limit=1.
async function post(url: string, payload: unknown) {
  const res = await admin({ method: "POST", url, payload });
  if (res.statusCode >= 300) throw new Error(`POST ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}
const today = new Date().toISOString().slice(0, 10);
const category = await post("/api/v1/product-categories", { letter: "P", name: "分页品类" });
const product = await post("/api/v1/products", {
  categoryId: category.id,
  name: "分页产品",
  unit: "件",
  listPrice: "9.00",
});
await post("/api/v1/products", {
  categoryId: category.id,
  name: "分页产品二",
  unit: "件",
  listPrice: "9.00",
});
for (let i = 0; i < 3; i++) {
  const customer = await createCustomer(admin, { industry: "manufacturing" });
  await post("/api/v1/contacts", { customerId: customer.id, name: `联系人${i}` });
  await post("/api/v1/stock-movements", {
    productId: product.id,
    kind: "production_receipt",
    quantity: "10",
    reference: `CPD-${i}`,
  });
  await post("/api/v1/transactions", {
    customerId: customer.id,
    productId: product.id,
    date: today,
    unitPrice: "9.00",
    quantity: "1",
  });
  await post("/api/v1/orders", {
    customerId: customer.id,
    lines: [{ productId: product.id, unitPrice: "9.00", quantity: "1" }],
  });
  await post("/api/v1/purchase-orders", {
    supplier: "分页供应商",
    orderDate: today,
    lines: [{ productId: product.id, unitPrice: "5.00", quantity: "2" }],
  });
  await post("/api/v1/contact-records", {
    customerId: customer.id,
    occurredAt: new Date().toISOString(),
    channel: "phone",
    content: "电话",
  });
  await post("/api/v1/care-records", {
    customerId: customer.id,
    careDate: today,
    kind: "gift",
    content: "礼品",
  });
  await post("/api/v1/tasks", { title: `任务${i}` });
  const starts = new Date(Date.now() + (i + 1) * 86_400_000);
  await post("/api/v1/events", {
    title: `日程${i}`,
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
  });
  const fb = await post("/api/v1/feedback", {
    customerId: customer.id,
    occurredOn: today,
    type: "complaint",
    subject: `反馈${i}`,
  });
  // Closing a feedback schedules its return visit.
  for (const status of ["in_progress", "closed"]) {
    const res = await admin({
      method: "PATCH",
      url: `/api/v1/feedback/${fb.id}`,
      payload: status === "closed" ? { status, resolution: "已处理" } : { status },
    });
    if (res.statusCode !== 200) throw new Error(`close feedback: ${res.body}`);
  }
}

type Operation = {
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content: Record<string, { schema: { $ref?: string } }> };
  responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }>;
};
const doc = (await app.inject("/api/openapi.json")).json() as {
  paths: Record<string, Record<string, Operation>>;
  components: {
    schemas: Record<string, { properties?: Record<string, unknown>; additionalProperties?: unknown }>;
  };
};
const resolve = (schema: { $ref?: string } | undefined) =>
  schema?.$ref ? doc.components.schemas[schema.$ref.split("/").at(-1)!] : (schema as Record<string, unknown>);
const operations = Object.entries(doc.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
);
const query = (op: Operation) => (op.parameters ?? []).filter((p) => p.in === "query").map((p) => p.name);
const fill = (path: string) => path.replace(/\{\w+\}/g, "00000000-0000-4000-8000-000000000000");

describe("cursor pagination: every list pages the same way", () => {
  const lists = operations.filter(({ method, op }) => {
    const body = resolve(op.responses["200"]?.content?.["application/json"]?.schema);
    return method === "GET" && Object.hasOwn(body?.properties ?? {}, "nextCursor");
  });

  it("finds the lists, and every one takes limit and cursor", () => {
    expect(lists.length).toBeGreaterThanOrEqual(20);
    for (const { path, op } of lists) {
      expect(query(op), path).toEqual(expect.arrayContaining(["limit", "cursor"]));
    }
  });

  it("sends Link rel=next with the body's nextCursor on every list that has a next page, and follows it", async () => {
    const paged: string[] = [];
    // Lists under one record (a subscription's deliveries) need a real parent; their own tests page them.
    for (const { path, op } of lists.filter((l) => !l.path.includes("{"))) {
      const required = (op.parameters ?? []).filter((p) => p.in === "query" && p.required);
      expect(required, path).toEqual([]);
      const first = await admin({ url: `${path}?limit=1` });
      expect(first.statusCode, `${path}: ${first.body}`).toBe(200);
      const { items, nextCursor } = first.json();
      if (nextCursor === null) {
        expect(first.headers.link, path).toBeUndefined();
        continue;
      }
      paged.push(path);
      expect(first.headers.link, path).toBe(`<${path}?limit=1&cursor=${nextCursor}>; rel="next"`);
      const next = await admin({ url: /^<([^>]+)>/.exec(String(first.headers.link))![1]! });
      expect(next.statusCode, path).toBe(200);
      expect(next.json().items[0], path).not.toEqual(items[0]);
    }
    // Every list whose records the setup made twice or more had a second page: not a vacuous walk.
    expect(paged).toEqual(
      expect.arrayContaining([
        "/api/v1/users",
        "/api/v1/audit-log",
        "/api/v1/customers",
        "/api/v1/contacts",
        "/api/v1/contact-records",
        "/api/v1/care-records",
        "/api/v1/tasks",
        "/api/v1/events",
        "/api/v1/products",
        "/api/v1/stock-movements",
        "/api/v1/orders",
        "/api/v1/transactions",
        "/api/v1/purchase-orders",
        "/api/v1/payables",
        "/api/v1/feedback",
        "/api/v1/return-visits",
      ]),
    );
  });

  it("keeps the filters, sort and limit of the request and replaces its cursor", async () => {
    const url = "/api/v1/customers?sort=name&industry=manufacturing&limit=2";
    const first = await admin({ url });
    const { nextCursor } = first.json();
    expect(nextCursor).not.toBeNull();
    expect(first.headers.link).toBe(`<${url}&cursor=${nextCursor}>; rel="next"`);
    const second = await admin({ url: `${url}&cursor=${nextCursor}` });
    const link = /^<([^>]+)>; rel="next"$/.exec(String(second.headers.link ?? ""));
    if (second.json().nextCursor) {
      const target = new URL(link![1]!, "http://x");
      expect(target.searchParams.getAll("cursor")).toEqual([second.json().nextCursor]);
      expect(target.searchParams.get("industry")).toBe("manufacturing");
      expect(target.searchParams.get("sort")).toBe("name");
    } else {
      expect(second.headers.link).toBeUndefined();
    }
    expect(nextPageUrl("/api/v1/x?cursor=old&a=1&a=2", "new")).toBe("/api/v1/x?cursor=new&a=1&a=2");
  });

  it("has no Link on the last page", async () => {
    const all = await admin({ url: "/api/v1/users?limit=200" });
    expect(all.json().nextCursor).toBeNull();
    expect(all.headers.link).toBeUndefined();
  });
});

describe("unknown fields are rejected, never ignored", () => {
  const withBody = operations.filter(({ op }) => op.requestBody?.content["application/json"]);

  it("declares every JSON body as a closed object", () => {
    expect(withBody.length).toBeGreaterThanOrEqual(50);
    for (const { method, path, op } of withBody) {
      const schema = resolve(op.requestBody!.content["application/json"]!.schema);
      expect(schema?.additionalProperties, `${method} ${path}`).toBe(false);
    }
  });

  it("lets no body set what the server computes: ids, codes and numbers, versions, totals, audit fields", () => {
    const COMPUTED = new Set([
      "id",
      "code",
      "number",
      "version",
      "createdAt",
      "updatedAt",
      "deletedAt",
      "createdBy",
      "deletedBy",
      "createdByName",
      "ownerName",
      "total",
      "amount",
      "stock",
      "paid",
      "lastContactAt",
      "mergedIntoId",
      "revokedAt",
      "lastUsedAt",
      "secret",
      "prefix",
    ]);
    // Where the caller does choose them: a dictionary item's code (fixed once made), a payment's amount.
    const CHOSEN = new Set([
      "POST /api/v1/dictionaries code",
      "POST /api/v1/payments amount",
      "POST /api/v1/payments allocations.amount",
      "POST /api/v1/payables/{id}/payments amount",
    ]);
    type Node = {
      $ref?: string;
      properties?: Record<string, Node>;
      items?: Node;
      anyOf?: Node[];
      allOf?: Node[];
      oneOf?: Node[];
    };
    const fields = (node: Node | undefined, prefix = "", depth = 0): string[] => {
      const schema = resolve(node) as Node | undefined;
      if (!schema || depth > 5) return [];
      return [
        ...Object.entries(schema.properties ?? {}).flatMap(([k, v]) => [
          prefix + k,
          ...fields(v, `${prefix + k}.`, depth + 1),
        ]),
        ...fields(schema.items, prefix, depth + 1),
        ...[...(schema.anyOf ?? []), ...(schema.allOf ?? []), ...(schema.oneOf ?? [])].flatMap((x) =>
          fields(x, prefix, depth + 1),
        ),
      ];
    };
    const settable = withBody.flatMap(({ method, path, op }) =>
      fields(op.requestBody!.content["application/json"]!.schema as Node)
        .filter((f) => COMPUTED.has(f.split(".").at(-1)!))
        .map((f) => `${method} ${path} ${f}`),
    );
    expect(settable.filter((f) => !CHOSEN.has(f))).toEqual([]);
  });

  it("accepts the request examples the document shows", async () => {
    const examples = withBody.flatMap(({ method, path, op }) => {
      const schema = resolve(op.requestBody!.content["application/json"]!.schema) as { examples?: unknown[] };
      return (schema?.examples ?? []).map((example) => ({ method, path, example }));
    });
    expect(examples.length).toBeGreaterThan(0);
    const customer = await createCustomer(admin);
    for (const { method, path, example } of examples) {
      const res = await admin({
        method: method as "POST",
        url: path.replace("{id}", customer.id),
        payload: example,
      });
      expect(res.statusCode, `${method} ${path}: ${res.body}`).toBeLessThan(300);
    }
  });

  for (const { method, path } of withBody) {
    it(`${method} ${path}: an unknown field is 400 naming it, and changes nothing`, async () => {
      const res = await admin({
        method: method as "POST",
        url: fill(path),
        payload: { zzUnknown: 1 },
        headers: { "accept-language": "en" },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
      const problem = res.json();
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors).toContainEqual({
        field: "zzUnknown",
        code: "unrecognized_keys",
        message: "This field is not allowed",
      });
    });
  }
});
