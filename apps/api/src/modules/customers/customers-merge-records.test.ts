import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";
import { shanghaiDate } from "../../shared/days.js";

// A merge moves every record of the merged customer to the survivor (SPEC P-01: contacts,
// contact and care records, orders, transactions, feedback, receivables…), and its undo moves
// exactly those back.
const { app, db } = await setupApp();
const [admin, prod1, sales1, finance1, service1] = await clientsFor(app, [
  "admin",
  "prod1",
  "sales1",
  "finance1",
  "service1",
]);
const today = shanghaiDate();

async function ok(res: Awaited<ReturnType<Inject>>, what: string) {
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const category = await ok(
  await admin({
    method: "POST",
    url: "/api/v1/product-categories",
    payload: { letter: "F", name: "合并品类" },
  }),
  "category",
);
const product = await ok(
  await prod1({
    method: "POST",
    url: "/api/v1/products",
    payload: { categoryId: category.id, name: "合并产品", unit: "件", listPrice: "100.00" },
  }),
  "product",
);
await ok(
  await prod1({
    method: "POST",
    url: "/api/v1/stock-movements",
    payload: { productId: product.id, kind: "production_receipt", quantity: "100", reference: "CPD-9" },
  }),
  "stock",
);

/** One record of every kind that belongs to a customer. */
async function recordsOf(customerId: string) {
  const post = async (url: string, payload: unknown, as: Inject = sales1) =>
    ok(await as({ method: "POST", url, payload }), url);
  await post("/api/v1/contact-records", {
    customerId,
    occurredAt: new Date().toISOString(),
    channel: "phone",
    content: "电话沟通",
  });
  await post("/api/v1/care-records", { customerId, careDate: today, kind: "gift", content: "礼品" });
  await post("/api/v1/tasks", { title: "回访任务", customerId });
  const starts = new Date(Date.now() + 86_400_000);
  await post("/api/v1/events", {
    title: "拜访",
    customerId,
    startsAt: starts.toISOString(),
    endsAt: new Date(starts.getTime() + 3_600_000).toISOString(),
  });
  const order = await post("/api/v1/orders", {
    customerId,
    lines: [{ productId: product.id, unitPrice: "100.00", quantity: "2" }],
  });
  await post(`/api/v1/orders/${order.id}/transitions`, { action: "sign" });
  await post("/api/v1/transactions", {
    customerId,
    productId: product.id,
    date: today,
    unitPrice: "100.00",
    quantity: "1",
  });
  const receivable = (await finance1({ url: `/api/v1/receivables?orderId=${order.id}` })).json().items[0];
  await post(
    "/api/v1/payments",
    {
      customerId,
      receivedOn: today,
      amount: "50.00",
      method: "cash",
      allocations: [{ receivableId: receivable.id, amount: "50.00" }],
    },
    finance1,
  );
  await post(`/api/v1/collections/${customerId}/actions`, { kind: "call", content: "电话催收" }, finance1);
  const closing = await post("/api/v1/feedback", {
    customerId,
    occurredOn: today,
    type: "complaint",
    subject: "投诉",
  });
  await ok(
    await service1({
      method: "PATCH",
      url: `/api/v1/feedback/${closing.id}`,
      payload: { status: "closed", resolution: "已处理" },
    }),
    "close feedback",
  );
}

const TABLES = [
  "contact_records",
  "care_records",
  "tasks",
  "events",
  "orders",
  "transactions",
  "receivables",
  "payments",
  "collection_actions",
  "feedback",
  "return_visits",
] as const;

/** Rows per table that belong to the customer. */
async function countsOf(customerId: string) {
  const out: Record<string, number> = {};
  for (const t of TABLES) {
    const r = await db.db.execute<{ n: number }>(
      sql`select count(*)::int as n from ${sql.identifier(t)} where customer_id = ${customerId}`,
    );
    out[t] = Number(r.rows[0]!.n);
  }
  return out;
}

describe("merging customers with their business", () => {
  it("moves every record of the merged customer to the survivor, and the undo moves them back", async () => {
    const survivor = await createCustomer(sales1, { name: "合并留存机械有限公司" });
    const merged = await createCustomer(sales1, { name: "合并并入机械厂" });
    await recordsOf(survivor.id);
    await recordsOf(merged.id);
    const survivorBefore = await countsOf(survivor.id);
    const mergedBefore = await countsOf(merged.id);
    for (const t of TABLES) expect(mergedBefore[t], t).toBeGreaterThan(0);
    const bill = async (id: string) => (await finance1({ url: `/api/v1/collections/${id}` })).json();
    const openBefore = (await bill(survivor.id)).open;

    const res = await admin({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: survivor.id, mergedIds: [merged.id] },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { mergeId, moved } = res.json();
    expect(moved).toMatchObject({ transactions: mergedBefore.transactions, payments: mergedBefore.payments });

    const survivorAfter = await countsOf(survivor.id);
    for (const t of TABLES) expect(survivorAfter[t], t).toBe(survivorBefore[t]! + mergedBefore[t]!);
    expect(Object.values(await countsOf(merged.id)).every((n) => n === 0)).toBe(true);
    // The survivor's own lists show the merged customer's business.
    const sales = (await sales1({ url: `/api/v1/transactions?customerId=${survivor.id}` })).json().items;
    expect(sales).toHaveLength(survivorAfter.transactions!);
    const openAfter = (await bill(survivor.id)).open;
    expect(openBefore).toBe("150.00"); // 200 signed, 50 paid
    expect(openAfter).toBe("300.00");

    // Payments stay append-only: only a change of customer (a merge) gets through.
    await expect(db.db.execute(sql`update payments set amount = amount + 1`)).rejects.toThrow();

    const undo = await admin({ method: "POST", url: `/api/v1/customers/merges/${mergeId}/undo` });
    expect(undo.statusCode, undo.body).toBe(200);
    expect(await countsOf(survivor.id)).toEqual(survivorBefore);
    expect(await countsOf(merged.id)).toEqual(mergedBefore);
  });
});
