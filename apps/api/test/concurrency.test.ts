import { contacts, customers, orders, paymentAllocations, stockLevels, stockMovements } from "@crm/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { shanghaiDate } from "../src/shared/days.js";
import { createCustomer, customerBody } from "./customers-fixtures.js";
import { clientsFor, type Inject, multipart, setupApp } from "./helper.js";

// Many requests at once on the same records, then an invariant over what is left (issue #12).
// Every scenario prints how many requests it sent concurrently.

const { app, db } = await setupApp({ webhookPollMs: 0 });
const [admin, sales1, prod1, finance1, mgr1] = await clientsFor(app, [
  "admin",
  "sales1",
  "prod1",
  "finance1",
  "mgr1",
]);
const today = shanghaiDate();
const statuses = (results: { statusCode: number }[]) => {
  const counts: Record<number, number> = {};
  for (const r of results) counts[r.statusCode] = (counts[r.statusCode] ?? 0) + 1;
  return counts;
};
const report = (scenario: string, n: number, results: { statusCode: number }[]) =>
  console.log(`concurrency: ${scenario}: ${n} concurrent requests → ${JSON.stringify(statuses(results))}`);
async function json(
  as: Inject,
  method: "GET" | "POST" | "PATCH",
  url: string,
  payload?: unknown,
  body?: { payload: Buffer; headers: Record<string, string> },
) {
  const res = await as({ method, url, ...(payload !== undefined ? { payload } : {}), ...(body ?? {}) });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

const category = await json(admin, "POST", "/api/v1/product-categories", { letter: "K", name: "并发品类" });
async function productWithStock(name: string, stock: string) {
  const p = await json(prod1, "POST", "/api/v1/products", {
    categoryId: category.id,
    name,
    unit: "件",
    listPrice: "100.00",
  });
  await json(prod1, "POST", "/api/v1/stock-movements", {
    productId: p.id,
    kind: "production_receipt",
    quantity: stock,
    reference: "CPD-1",
  });
  return p as { id: string };
}
const stockOf = async (productId: string) =>
  (await db.db.select().from(stockLevels).where(eq(stockLevels.productId, productId)))[0]!.quantity;
const ledgerOf = async (productId: string) =>
  (
    await db.db
      .select({ sum: sql<string>`coalesce(sum(${stockMovements.quantity}), 0)::numeric(14,3)::text` })
      .from(stockMovements)
      .where(eq(stockMovements.productId, productId))
  )[0]!.sum;

describe("lost updates: the same If-Match, many writers", () => {
  for (const [name, n] of [
    ["customer", 50],
    ["contact", 30],
    ["order", 30],
  ] as const) {
    it(`${name}: exactly one of ${n} concurrent PATCHes wins, the rest 412, version + 1`, async () => {
      const customer = await createCustomer(sales1);
      const product = await productWithStock(`改单产品${name}`, "5");
      const target =
        name === "customer"
          ? { url: `/api/v1/customers/${customer.id}`, body: (i: number) => ({ address: `并发路${i}号` }) }
          : name === "contact"
            ? {
                url: `/api/v1/contacts/${(await json(sales1, "POST", "/api/v1/contacts", { customerId: customer.id, name: "并发联系人" })).id}`,
                body: (i: number) => ({ title: `职务${i}` }),
              }
            : {
                url: `/api/v1/orders/${(await json(sales1, "POST", "/api/v1/orders", { customerId: customer.id, lines: [{ productId: product.id, unitPrice: "1.00", quantity: "1" }] })).id}`,
                body: (i: number) => ({ notes: `备注${i}` }),
              };
      const before = await json(sales1, "GET", target.url);
      const results = await Promise.all(
        Array.from({ length: n }, (_, i) =>
          sales1({
            method: "PATCH",
            url: target.url,
            payload: target.body(i),
            headers: { "if-match": `"${before.version}"` },
          }),
        ),
      );
      report(`lost updates (${name})`, n, results);
      const codes = statuses(results);
      expect(codes).toEqual({ 200: 1, 412: n - 1 });
      const winner = results.findIndex((r) => r.statusCode === 200);
      const after = await json(sales1, "GET", target.url);
      expect(after.version).toBe(before.version + 1);
      // The one that won is the one that is stored.
      const [field, value] = Object.entries(target.body(winner))[0]!;
      expect(after[field]).toBe(value);
      for (const r of results.filter((x) => x.statusCode === 412)) {
        expect(r.json()).toMatchObject({ code: "precondition_failed", currentVersion: before.version + 1 });
      }
    }, 60_000);
  }
});

describe("overselling: sales by every route at once never take more than is in stock", () => {
  it("stock 12, 60 concurrent sales (transactions, deliveries, issues): exactly 12 succeed, stock 0 = ledger", async () => {
    const S = 12;
    const N = 60;
    const product = await productWithStock("并发销售件", String(S));
    const customer = await createCustomer(sales1);
    // Twenty signed orders of one piece each, to be delivered at once.
    const signed: { id: string; lines: { id: string }[] }[] = await Promise.all(
      Array.from({ length: 20 }, async () => {
        const order = await json(sales1, "POST", "/api/v1/orders", {
          customerId: customer.id,
          lines: [{ productId: product.id, unitPrice: "100.00", quantity: "1" }],
        });
        return json(sales1, "POST", `/api/v1/orders/${order.id}/transitions`, { action: "sign" });
      }),
    );
    const requests = Array.from({ length: N }, (_, i) => {
      if (i % 3 === 0) {
        const order = signed[i / 3]!;
        return sales1({
          method: "POST",
          url: `/api/v1/orders/${order.id}/deliveries`,
          payload: { date: today, lines: [{ lineId: order.lines[0]!.id, quantity: "1" }] },
        });
      }
      if (i % 3 === 1)
        return sales1({
          method: "POST",
          url: "/api/v1/transactions",
          payload: {
            customerId: customer.id,
            productId: product.id,
            date: today,
            unitPrice: "100.00",
            quantity: "1",
          },
        });
      return prod1({
        method: "POST",
        url: "/api/v1/stock-movements",
        payload: { productId: product.id, kind: "sale_issue", quantity: "1", reference: `XS-${i}` },
      });
    });
    const results = await Promise.all(requests);
    report("overselling", N, results);
    const ok = results.filter((r) => r.statusCode < 300);
    const refused = results.filter((r) => r.statusCode === 409);
    expect(ok).toHaveLength(S);
    expect(refused).toHaveLength(N - S);
    for (const r of refused) expect(r.json().code).toBe("insufficient_stock");
    expect(await stockOf(product.id)).toBe("0.000");
    expect(await ledgerOf(product.id)).toBe("0.000");
  }, 90_000);
});

describe("codes and numbers: concurrent creates never share or skip one", () => {
  it("60 concurrent customers in three classes: distinct codes, consecutive per class, none reused", async () => {
    const N = 60;
    // One deleted customer per class beforehand: its code must never come back.
    const deleted: string[] = [];
    for (const cls of ["1", "2", "3"]) {
      const c = await createCustomer(admin, { class: cls });
      expect((await admin({ method: "DELETE", url: `/api/v1/customers/${c.id}` })).statusCode).toBe(200);
      deleted.push(c.code);
    }
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        admin({
          method: "POST",
          url: "/api/v1/customers",
          payload: customerBody({ class: String((i % 3) + 1) }),
        }),
      ),
    );
    report("customer codes", N, results);
    expect(statuses(results)).toEqual({ 201: N });
    const codes = results.map((r) => r.json().code as string);
    expect(new Set(codes).size).toBe(N);
    for (const code of deleted) expect(codes).not.toContain(code);
    for (const cls of ["1", "2", "3"]) {
      const seqs = codes
        .filter((c) => c.startsWith(`${cls}类-`))
        .map((c) => Number(c.split("-")[1]))
        .sort((a, b) => a - b);
      expect(seqs).toHaveLength(N / 3);
      const last = Number(deleted[Number(cls) - 1]!.split("-")[1]);
      // Consecutive, right after the deleted one's.
      expect(seqs).toEqual(Array.from({ length: N / 3 }, (_, i) => last + 1 + i));
    }
  }, 90_000);

  it("30 concurrent orders: distinct, consecutive numbers", async () => {
    const N = 30;
    const customer = await createCustomer(sales1);
    const product = await productWithStock("编号产品", "1");
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        sales1({
          method: "POST",
          url: "/api/v1/orders",
          payload: {
            customerId: customer.id,
            lines: [{ productId: product.id, unitPrice: "1.00", quantity: "1" }],
          },
        }),
      ),
    );
    report("order numbers", N, results);
    expect(statuses(results)).toEqual({ 201: N });
    const numbers = results.map((r) => r.json().number as string);
    expect(new Set(numbers).size).toBe(N);
    const seqs = numbers.map((x) => Number(x.replace(/^.*-/, ""))).sort((a, b) => a - b);
    expect(seqs.at(-1)! - seqs[0]!).toBe(N - 1);
  }, 90_000);
});

describe("payments: concurrent allocations never pay a receivable more than it is", () => {
  it("a receivable of 100.00, 30 concurrent payments of 10.00: 10 taken, 20 refused, reconciliation ok", async () => {
    const N = 30;
    const customer = await createCustomer(sales1);
    const product = await productWithStock("收款并发件", "1");
    const order = await json(sales1, "POST", "/api/v1/orders", {
      customerId: customer.id,
      lines: [{ productId: product.id, unitPrice: "100.00", quantity: "1" }],
    });
    await json(sales1, "POST", `/api/v1/orders/${order.id}/transitions`, { action: "sign" });
    const [receivable] = (await json(finance1, "GET", `/api/v1/receivables?orderId=${order.id}`)).items;
    expect(receivable.amount).toBe("100.00");
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        finance1({
          method: "POST",
          url: "/api/v1/payments",
          payload: {
            customerId: customer.id,
            receivedOn: today,
            amount: "10.00",
            method: "bank_transfer",
            reference: `BANK-${i}`,
            allocations: [{ receivableId: receivable.id, amount: "10.00" }],
          },
        }),
      ),
    );
    report("payments on one receivable", N, results);
    // Over-allocation is refused as bad input naming the allocation (the API's contract), whole.
    expect(statuses(results)).toEqual({ 201: 10, 400: N - 10 });
    for (const r of results.filter((x) => x.statusCode === 400)) {
      expect(r.json().errors).toEqual([
        expect.objectContaining({ field: "allocations.0.amount", code: "payment_exceeds_balance" }),
      ]);
    }
    const [after] = (await json(finance1, "GET", `/api/v1/receivables?orderId=${order.id}`)).items;
    expect(after).toMatchObject({ paid: "100.00", balance: "0.00", status: "paid" });
    const [allocated] = await db.db
      .select({ sum: sql<string>`sum(${paymentAllocations.amount})::text`, n: sql<number>`count(*)::int` })
      .from(paymentAllocations)
      .where(eq(paymentAllocations.receivableId, receivable.id));
    expect(allocated).toEqual({ sum: "100.00", n: 10 });
    const payments = (await json(finance1, "GET", `/api/v1/payments?customerId=${customer.id}&limit=200`))
      .items;
    expect(payments).toHaveLength(10);
    const check = await json(admin, "GET", "/api/v1/finance/reconciliation");
    expect(check).toMatchObject({ ok: true, problems: [] });
  }, 90_000);

  it("two receivables, 40 concurrent payments split over both: neither overpaid, reconciliation ok", async () => {
    const N = 40;
    const customer = await createCustomer(sales1);
    const product = await productWithStock("分期并发件", "1");
    const order = await json(sales1, "POST", "/api/v1/orders", {
      customerId: customer.id,
      instalments: [
        { percent: "50", dueInDays: 0 },
        { percent: "50", dueInDays: 30 },
      ],
      lines: [{ productId: product.id, unitPrice: "99.99", quantity: "1" }],
    });
    await json(sales1, "POST", `/api/v1/orders/${order.id}/transitions`, { action: "sign" });
    const [r1, r2] = (await json(finance1, "GET", `/api/v1/receivables?orderId=${order.id}`)).items;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        finance1({
          method: "POST",
          url: "/api/v1/payments",
          payload: {
            customerId: customer.id,
            receivedOn: today,
            amount: "7.00",
            method: "cash",
            allocations: [
              { receivableId: (i % 2 ? r1 : r2).id, amount: "4.00" },
              { receivableId: (i % 2 ? r2 : r1).id, amount: "3.00" },
            ],
          },
        }),
      ),
    );
    report("payments split over two receivables", N, results);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 400)).toBe(true);
    const taken = results.filter((r) => r.statusCode === 201).length;
    // 14 × 7.00 = 98.00 ≤ 99.99 < 15 × 7.00: at most 14 fit, and a refused one leaves no trace.
    expect(taken).toBeGreaterThan(0);
    expect(taken).toBeLessThanOrEqual(14);
    const after = (await json(finance1, "GET", `/api/v1/receivables?orderId=${order.id}`)).items as {
      amount: string;
      paid: string;
    }[];
    for (const r of after) expect(Number(r.paid)).toBeLessThanOrEqual(Number(r.amount));
    const paid = after.reduce((s, r) => s + Math.round(Number(r.paid) * 100), 0);
    expect(paid).toBe(taken * 700);
    expect(await json(admin, "GET", "/api/v1/finance/reconciliation")).toMatchObject({
      ok: true,
      problems: [],
    });

    // Every taken payment reversed twice at once: each once, the second refused, nothing left paid.
    const ids = results.filter((r) => r.statusCode === 201).map((r) => r.json().id as string);
    const reversals = await Promise.all(
      [...ids, ...ids].map((id) =>
        finance1({ method: "POST", url: `/api/v1/payments/${id}/reverse`, payload: { reason: "并发冲销" } }),
      ),
    );
    report("reversals of those payments, each twice", reversals.length, reversals);
    expect(statuses(reversals)).toEqual({ 201: taken, 409: taken });
    const reversed = (await json(finance1, "GET", `/api/v1/receivables?orderId=${order.id}`)).items;
    expect(reversed.map((r: { paid: string }) => r.paid)).toEqual(["0.00", "0.00"]);
    expect(await json(admin, "GET", "/api/v1/finance/reconciliation")).toMatchObject({
      ok: true,
      problems: [],
    });
  }, 90_000);
});

describe("one-time actions sent many times at once happen once", () => {
  it("20 concurrent signs of one order: one signs, one set of receivables", async () => {
    const N = 20;
    const customer = await createCustomer(sales1);
    const product = await productWithStock("签约并发件", "1");
    const order = await json(sales1, "POST", "/api/v1/orders", {
      customerId: customer.id,
      instalments: [
        { percent: "30", dueInDays: 0 },
        { percent: "70", dueInDays: 30 },
      ],
      lines: [{ productId: product.id, unitPrice: "100.00", quantity: "1" }],
    });
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        sales1({
          method: "POST",
          url: `/api/v1/orders/${order.id}/transitions`,
          payload: { action: "sign" },
        }),
      ),
    );
    report("signs of one order", N, results);
    expect(statuses(results)).toEqual({ 200: 1, 409: N - 1 });
    const rs = (await json(finance1, "GET", `/api/v1/receivables?orderId=${order.id}`)).items;
    expect(rs.map((r: { amount: string }) => r.amount).sort()).toEqual(["30.00", "70.00"]);
    expect((await json(sales1, "GET", `/api/v1/orders/${order.id}`)).version).toBe(order.version + 1);
  }, 90_000);

  it("an order of 5, 25 concurrent deliveries of 1 with stock to spare: exactly 5 delivered", async () => {
    const N = 25;
    const customer = await createCustomer(sales1);
    const product = await productWithStock("发货并发件", "100");
    const order = await json(sales1, "POST", "/api/v1/orders", {
      customerId: customer.id,
      lines: [{ productId: product.id, unitPrice: "10.00", quantity: "5" }],
    });
    await json(sales1, "POST", `/api/v1/orders/${order.id}/transitions`, { action: "sign" });
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        sales1({
          method: "POST",
          url: `/api/v1/orders/${order.id}/deliveries`,
          payload: { date: today, lines: [{ lineId: order.lines[0].id, quantity: "1" }] },
        }),
      ),
    );
    report("deliveries beyond the ordered quantity", N, results);
    const delivered = results.filter((r) => r.statusCode < 300).length;
    expect(delivered).toBe(5);
    expect(results.every((r) => r.statusCode < 300 || r.statusCode === 400 || r.statusCode === 409)).toBe(
      true,
    );
    expect(await stockOf(product.id)).toBe("95.000");
    expect(await ledgerOf(product.id)).toBe("95.000");
    expect((await json(sales1, "GET", `/api/v1/orders/${order.id}`)).status).toBe("delivered");
  }, 90_000);
});

describe("purchasing and payables: receipts and supplier payments at once", () => {
  it("a purchase order of 5, 20 concurrent receipts of 1: exactly 5 received into stock", async () => {
    const N = 20;
    const product = await productWithStock("采购并发件", "1");
    const po = await json(prod1, "POST", "/api/v1/purchase-orders", {
      supplier: "并发供应商",
      orderDate: today,
      lines: [{ productId: product.id, unitPrice: "10.00", quantity: "5" }],
    });
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        prod1({
          method: "POST",
          url: `/api/v1/purchase-orders/${po.id}/receipts`,
          payload: { lines: [{ lineId: po.lines[0].id, quantity: "1" }] },
        }),
      ),
    );
    report("purchase receipts beyond the ordered quantity", N, results);
    expect(results.filter((r) => r.statusCode < 300)).toHaveLength(5);
    expect(results.every((r) => r.statusCode < 300 || r.statusCode === 400 || r.statusCode === 409)).toBe(
      true,
    );
    expect(await stockOf(product.id)).toBe("6.000");
    expect(await ledgerOf(product.id)).toBe("6.000");
    expect((await json(prod1, "GET", `/api/v1/purchase-orders/${po.id}`)).status).toBe("received");
  }, 90_000);

  it("a payable of 100.00, 25 concurrent supplier payments of 10.00: 10 taken, never more than owed", async () => {
    const N = 25;
    const product = await productWithStock("应付并发件", "1");
    await json(prod1, "POST", "/api/v1/purchase-orders", {
      supplier: "应付并发供应商",
      orderDate: today,
      lines: [{ productId: product.id, unitPrice: "10.00", quantity: "10" }],
    });
    const [payable] = (
      await json(finance1, "GET", `/api/v1/payables?supplier=${encodeURIComponent("应付并发供应商")}`)
    ).items;
    expect(payable.amount).toBe("100.00");
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        finance1({
          method: "POST",
          url: `/api/v1/payables/${payable.id}/payments`,
          payload: { paidOn: today, amount: "10.00", method: "bank_transfer" },
        }),
      ),
    );
    report("supplier payments on one payable", N, results);
    expect(results.filter((r) => r.statusCode < 300)).toHaveLength(10);
    expect(results.every((r) => r.statusCode < 300 || r.statusCode === 400)).toBe(true);
    const [after] = (
      await json(finance1, "GET", `/api/v1/payables?supplier=${encodeURIComponent("应付并发供应商")}`)
    ).items;
    expect(after).toMatchObject({ paid: "100.00", balance: "0.00" });
  }, 90_000);
});

describe("follow-ups done once: return visits and merge undos", () => {
  it("20 concurrent completions of one return visit: one rating stored", async () => {
    const N = 20;
    const customer = await createCustomer(sales1);
    const f = await json(sales1, "POST", "/api/v1/feedback", {
      customerId: customer.id,
      occurredOn: today,
      type: "complaint",
      subject: "并发回访",
    });
    await json(admin, "PATCH", `/api/v1/feedback/${f.id}`, { status: "closed", resolution: "已处理" });
    const [visit] = (await json(admin, "GET", `/api/v1/return-visits?feedbackId=${f.id}`)).items;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        admin({
          method: "POST",
          url: `/api/v1/return-visits/${visit.id}/complete`,
          payload: { rating: (i % 5) + 1 },
        }),
      ),
    );
    report("return visit completions", N, results);
    expect(statuses(results)).toEqual({ 200: 1, 409: N - 1 });
    const winner = results.findIndex((r) => r.statusCode === 200);
    const [done] = (await json(admin, "GET", `/api/v1/return-visits?feedbackId=${f.id}`)).items;
    expect(done).toMatchObject({ status: "done", rating: (winner % 5) + 1 });
  }, 90_000);

  it("10 concurrent undos of one merge: undone once, the contacts back where they were", async () => {
    const N = 10;
    const survivor = await createCustomer(mgr1, { name: "撤销合并留存" });
    const merged = await createCustomer(mgr1, { name: "撤销合并并入" });
    const contact = await json(mgr1, "POST", "/api/v1/contacts", {
      customerId: merged.id,
      name: "撤销联系人",
    });
    const merge = await json(mgr1, "POST", "/api/v1/customers/merge", {
      survivorId: survivor.id,
      mergedIds: [merged.id],
    });
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        mgr1({ method: "POST", url: `/api/v1/customers/merges/${merge.mergeId}/undo` }),
      ),
    );
    report("undos of one merge", N, results);
    expect(statuses(results)).toEqual({ 200: 1, 409: N - 1 });
    expect((await json(mgr1, "GET", `/api/v1/contacts/${contact.id}`)).customerId).toBe(merged.id);
    const [back] = await db.db.select().from(customers).where(eq(customers.id, merged.id));
    expect(back).toMatchObject({ mergedIntoId: null, deletedAt: null });
  }, 90_000);
});

describe("imports: one file committed many times at once", () => {
  it("10 concurrent commits of one import: one starts, the rows are created once", async () => {
    const N = 10;
    const rows = Array.from({ length: 20 }, (_, i) => `并发导入企业${i}号,2,江苏省,苏州市`);
    const file = multipart({
      name: "c.csv",
      content: `\uFEFF客户名称,客户类别,省份,城市\n${rows.join("\n")}\n`,
    });
    const job = await json(mgr1, "POST", "/api/v1/customers/imports", undefined, file);
    expect(job).toMatchObject({ status: "validated", toCreate: 20 });
    const results = await Promise.all(
      Array.from({ length: N }, () =>
        mgr1({ method: "POST", url: `/api/v1/customers/imports/${job.id}/commit` }),
      ),
    );
    report("commits of one import", N, results);
    expect(statuses(results)).toEqual({ 202: 1, 409: N - 1 });
    let status = "";
    let error: string | null = null;
    for (let i = 0; i < 600 && status !== "committed" && status !== "failed"; i++) {
      ({ status, error } = await json(mgr1, "GET", `/api/v1/customers/imports/${job.id}`));
      if (status !== "committed") await new Promise((r) => setTimeout(r, 50));
    }
    expect(status, `the commit failed: ${error}`).toBe("committed");
    const [made] = await db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(customers)
      .where(sql`${customers.name} like '并发导入企业%'`);
    expect(made!.n).toBe(20);
  }, 90_000);
});

describe("cancelling while money arrives: a cancelled order or purchase keeps no payment", () => {
  it("5 signed orders, each cancelled while 10 payments arrive: cancelled ⇒ nothing paid, else the cancel is refused", async () => {
    const customer = await createCustomer(sales1);
    const product = await productWithStock("取消并发件", "1");
    const orderIds = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const order = await json(sales1, "POST", "/api/v1/orders", {
          customerId: customer.id,
          lines: [{ productId: product.id, unitPrice: "100.00", quantity: "1" }],
        });
        await json(sales1, "POST", `/api/v1/orders/${order.id}/transitions`, { action: "sign" });
        return order.id as string;
      }),
    );
    const receivableOf = new Map<string, string>();
    for (const id of orderIds)
      receivableOf.set(id, (await json(finance1, "GET", `/api/v1/receivables?orderId=${id}`)).items[0].id);
    // The cancel goes out among the payments (after the second), so they race for the row.
    const requests = orderIds.flatMap((id) => [
      ...Array.from({ length: 10 }, (_, i) =>
        i === 2
          ? sales1({ method: "POST", url: `/api/v1/orders/${id}/transitions`, payload: { action: "cancel" } })
          : finance1({
              method: "POST",
              url: "/api/v1/payments",
              payload: {
                customerId: customer.id,
                receivedOn: today,
                amount: "1.00",
                method: "cash",
                allocations: [{ receivableId: receivableOf.get(id)!, amount: "1.00" }],
              },
            }),
      ),
    ]);
    const results = await Promise.all(requests);
    report("payments racing order cancellations", requests.length, results);
    expect(results.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    const [bad] = (
      await db.db.execute<{ n: number }>(
        sql`select count(*)::int as n from receivables where status = 'cancelled' and paid <> 0`,
      )
    ).rows;
    expect(bad!.n).toBe(0);
    for (const id of orderIds) {
      const order = await json(sales1, "GET", `/api/v1/orders/${id}`);
      const [r] = (await json(finance1, "GET", `/api/v1/receivables?orderId=${id}`)).items;
      if (order.status === "cancelled") expect(r.paid).toBe("0.00");
      else expect(r.paid).not.toBe("0.00");
    }
    expect(await json(admin, "GET", "/api/v1/finance/reconciliation")).toMatchObject({
      ok: true,
      problems: [],
    });
  }, 90_000);

  it("5 signed orders, each cancelled while 5 deliveries go out: a cancelled order delivered nothing", async () => {
    const customer = await createCustomer(sales1);
    const product = await productWithStock("取消发货并发件", "100");
    const orders = await Promise.all(
      Array.from({ length: 5 }, async () => {
        const order = await json(sales1, "POST", "/api/v1/orders", {
          customerId: customer.id,
          lines: [{ productId: product.id, unitPrice: "10.00", quantity: "5" }],
        });
        return json(sales1, "POST", `/api/v1/orders/${order.id}/transitions`, { action: "sign" });
      }),
    );
    const requests = orders.flatMap((o) =>
      Array.from({ length: 6 }, (_, i) =>
        i === 2
          ? sales1({
              method: "POST",
              url: `/api/v1/orders/${o.id}/transitions`,
              payload: { action: "cancel" },
            })
          : sales1({
              method: "POST",
              url: `/api/v1/orders/${o.id}/deliveries`,
              payload: { date: today, lines: [{ lineId: o.lines[0].id, quantity: "1" }] },
            }),
      ),
    );
    const results = await Promise.all(requests);
    report("deliveries racing order cancellations", requests.length, results);
    expect(results.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    let delivered = 0;
    for (const o of orders) {
      const now = await json(sales1, "GET", `/api/v1/orders/${o.id}`);
      const out = Number(now.lines[0].deliveredQuantity);
      if (now.status === "cancelled") expect(out, `${o.id} cancelled yet delivered`).toBe(0);
      delivered += out;
    }
    expect(await stockOf(product.id)).toBe(`${100 - delivered}.000`);
    expect(await ledgerOf(product.id)).toBe(`${100 - delivered}.000`);
  }, 90_000);

  it("5 purchase orders, each cancelled while 10 supplier payments arrive: cancelled ⇒ nothing paid", async () => {
    const product = await productWithStock("采购取消并发件", "1");
    const supplier = "取消并发供应商";
    await Promise.all(
      Array.from({ length: 5 }, () =>
        json(prod1, "POST", "/api/v1/purchase-orders", {
          supplier,
          orderDate: today,
          lines: [{ productId: product.id, unitPrice: "100.00", quantity: "1" }],
        }),
      ),
    );
    const payables = (
      await json(finance1, "GET", `/api/v1/payables?supplier=${encodeURIComponent(supplier)}`)
    ).items as { id: string; purchaseOrderId: string }[];
    expect(payables).toHaveLength(5);
    const requests = payables.flatMap((p) => [
      ...Array.from({ length: 10 }, (_, i) =>
        i === 2
          ? prod1({ method: "POST", url: `/api/v1/purchase-orders/${p.purchaseOrderId}/cancel` })
          : finance1({
              method: "POST",
              url: `/api/v1/payables/${p.id}/payments`,
              payload: { paidOn: today, amount: "1.00", method: "cash" },
            }),
      ),
    ]);
    const results = await Promise.all(requests);
    report("supplier payments racing purchase cancellations", requests.length, results);
    expect(results.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    const [bad] = (
      await db.db.execute<{ n: number }>(
        sql`select count(*)::int as n from payables where status = 'cancelled' and paid <> 0`,
      )
    ).rows;
    expect(bad!.n).toBe(0);
  }, 90_000);
});

describe("merges: one customer merged into many survivors at once", () => {
  const tally = async (ids: string[]) => {
    const [c] = await db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(contacts)
      .where(and(inArray(contacts.customerId, ids), isNull(contacts.deletedAt)));
    const [o] = await db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(orders)
      .where(inArray(orders.customerId, ids));
    return { contacts: c!.n, orders: o!.n };
  };

  it("20 concurrent merges of one customer into 20 survivors: one wins, 19 get 409, no record lost", async () => {
    const N = 20;
    const product = await productWithStock("合并并发件", "1");
    const merged = await createCustomer(mgr1, { name: "并发被合并客户" });
    for (let i = 0; i < 3; i++)
      await json(mgr1, "POST", "/api/v1/contacts", { customerId: merged.id, name: `被合并联系人${i}` });
    await json(mgr1, "POST", "/api/v1/orders", {
      customerId: merged.id,
      lines: [{ productId: product.id, unitPrice: "1.00", quantity: "1" }],
    });
    const survivors = await Promise.all(
      Array.from({ length: N }, async (_, i) => {
        const s = await createCustomer(mgr1, { name: `并发留存客户${i}` });
        await json(mgr1, "POST", "/api/v1/contacts", { customerId: s.id, name: `留存联系人${i}` });
        return s;
      }),
    );
    const all = [merged.id, ...survivors.map((s) => s.id)];
    const before = await tally(all);
    const results = await Promise.all(
      survivors.map((s) =>
        mgr1({
          method: "POST",
          url: "/api/v1/customers/merge",
          payload: { survivorId: s.id, mergedIds: [merged.id] },
        }),
      ),
    );
    report("merges of one customer", N, results);
    expect(statuses(results)).toEqual({ 200: 1, 409: N - 1 });
    const winner = survivors[results.findIndex((r) => r.statusCode === 200)]!;
    expect(await tally(all)).toEqual(before);
    const [gone] = await db.db.select().from(customers).where(eq(customers.id, merged.id));
    expect(gone!.mergedIntoId).toBe(winner.id);
    // The merged customer's three contacts are all with the winner; every loser kept its own one.
    const winners = (await json(mgr1, "GET", `/api/v1/contacts?customerId=${winner.id}&limit=200`)).items;
    expect(winners).toHaveLength(4);
    for (const s of survivors.filter((x) => x.id !== winner.id)) {
      const [row] = await db.db.select().from(customers).where(eq(customers.id, s.id));
      expect(row!.version).toBe(s.version);
      expect(row!.deletedAt).toBeNull();
    }
  }, 90_000);

  it("30 concurrent merges criss-crossing 6 customers, with contacts added meanwhile: no 5xx, every contact on a live customer", async () => {
    const N = 30;
    const cs: Awaited<ReturnType<typeof createCustomer>>[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await createCustomer(mgr1, { name: `交叉合并客户${i}` });
      await json(mgr1, "POST", "/api/v1/contacts", { customerId: c.id, name: `交叉联系人${i}` });
      cs.push(c);
    }
    const ids = cs.map((c) => c.id);
    const before = await tally(ids);
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        const a = cs[i % 6]!;
        const b = cs[(i * 5 + 1) % 6]!;
        if (i % 3 === 2 || a.id === b.id)
          return mgr1({
            method: "POST",
            url: "/api/v1/contacts",
            payload: { customerId: a.id, name: `途中联系人${i}` },
          });
        return mgr1({
          method: "POST",
          url: "/api/v1/customers/merge",
          payload: { survivorId: a.id, mergedIds: [b.id] },
        });
      }),
    );
    report("criss-cross merges and contact creates", N, results);
    expect(results.filter((r) => r.statusCode >= 500).map((r) => r.body)).toEqual([]);
    expect(results.every((r) => [200, 201, 409].includes(r.statusCode))).toBe(true);
    const added = results.filter((r) => r.statusCode === 201).length;
    expect(await tally(ids)).toEqual({ contacts: before.contacts + added, orders: before.orders });
    const orphans = await db.db
      .select({ id: contacts.id })
      .from(contacts)
      .innerJoin(customers, eq(customers.id, contacts.customerId))
      .where(
        and(
          inArray(contacts.customerId, ids),
          isNull(contacts.deletedAt),
          sql`${customers.deletedAt} is not null`,
        ),
      );
    expect(orphans).toEqual([]);
  }, 90_000);
});
