import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, setupApp } from "../../../test/helper.js";
import { addDays, shanghaiDate } from "../../shared/days.js";

const { app, db } = await setupApp();
const [admin, prod1, sales1, sales3, finance1] = await clientsFor(app, [
  "admin",
  "prod1",
  "sales1",
  "sales3",
  "finance1",
]);

const errorsOf = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  );
const today = shanghaiDate();

const category = (
  await admin({
    method: "POST",
    url: "/api/v1/product-categories",
    payload: { letter: "F", name: "财务测试" },
  })
).json();
const product = (
  await prod1({
    method: "POST",
    url: "/api/v1/products",
    payload: {
      categoryId: category.id,
      name: "收款测试件",
      unit: "件",
      listPrice: "100.00",
      standardCost: "60.00",
    },
  })
).json();

async function signedOrder(
  customerId: string,
  unitPrice: string,
  instalments?: { percent: string; dueInDays: number }[],
) {
  const order = (
    await sales1({
      method: "POST",
      url: "/api/v1/orders",
      payload: { customerId, instalments, lines: [{ productId: product.id, unitPrice, quantity: "1" }] },
    })
  ).json();
  const signed = await sales1({
    method: "POST",
    url: `/api/v1/orders/${order.id}/transitions`,
    payload: { action: "sign" },
  });
  if (signed.statusCode !== 200) throw new Error(signed.body);
  return signed.json() as { id: string; total: string; number: string };
}
const receivablesOf = async (orderId: string) =>
  (await finance1({ url: `/api/v1/receivables?orderId=${orderId}` })).json().items as {
    id: string;
    amount: string;
    paid: string;
    balance: string;
    dueDate: string;
    status: string;
  }[];

describe("receivables and payments", () => {
  it("signing creates one receivable per instalment adding up to the total exactly", async () => {
    const customer = await createCustomer(sales1, { name: "应收客户甲" });
    const bad = await sales1({
      method: "POST",
      url: "/api/v1/orders",
      payload: {
        customerId: customer.id,
        instalments: [
          { percent: "50", dueInDays: 0 },
          { percent: "40", dueInDays: 30 },
        ],
        lines: [{ productId: product.id, unitPrice: "1", quantity: "1" }],
      },
    });
    expect(errorsOf(bad.body).instalments).toBe("instalments_not_100");
    const order = await signedOrder(customer.id, "1001.01", [
      { percent: "50", dueInDays: 0 },
      { percent: "50", dueInDays: 30 },
    ]);
    const rs = await receivablesOf(order.id);
    expect(rs.map((r) => r.amount)).toEqual(["500.51", "500.50"]);
    expect(rs.map((r) => r.dueDate)).toEqual([today, addDays(today, 30)]);
    // The salesperson reads their own customer's receivables, read-only; others do not see them.
    expect((await sales1({ url: `/api/v1/receivables?orderId=${order.id}` })).json().items).toHaveLength(2);
    expect((await sales3({ url: `/api/v1/receivables?orderId=${order.id}` })).json().items).toHaveLength(0);
    const salesPays = await sales1({
      method: "POST",
      url: "/api/v1/payments",
      payload: {
        customerId: customer.id,
        receivedOn: today,
        amount: "1",
        method: "cash",
        allocations: [{ receivableId: rs[0]!.id, amount: "1" }],
      },
    });
    expect(salesPays.statusCode).toBe(403);
  });

  it("takes partial payments, never more than is open, and reverses with a new entry", async () => {
    const customer = await createCustomer(sales1, { name: "应收客户乙" });
    const order = await signedOrder(customer.id, "1000.00", [
      { percent: "30", dueInDays: 0 },
      { percent: "70", dueInDays: 60 },
    ]);
    const [first, second] = await receivablesOf(order.id);
    const pay = (amount: string, allocations: { receivableId: string; amount: string }[]) =>
      finance1({
        method: "POST",
        url: "/api/v1/payments",
        payload: { customerId: customer.id, receivedOn: today, amount, method: "bank_transfer", allocations },
      });
    const mismatch = await pay("100.00", [{ receivableId: first!.id, amount: "90.00" }]);
    expect(errorsOf(mismatch.body).allocations).toBe("allocations_not_equal_amount");
    const partial = await pay("200.00", [{ receivableId: first!.id, amount: "200.00" }]);
    expect(partial.statusCode, partial.body).toBe(201);
    const over = await pay("150.01", [
      { receivableId: second!.id, amount: "50.00" },
      { receivableId: first!.id, amount: "100.01" },
    ]);
    expect(over.statusCode).toBe(400);
    expect(errorsOf(over.body)["allocations.1.amount"]).toBe("payment_exceeds_balance");
    // All or nothing: the 50 on the second instalment was not kept either.
    expect((await receivablesOf(order.id)).map((r) => r.paid)).toEqual(["200.00", "0.00"]);
    const exact = await pay("100.00", [{ receivableId: first!.id, amount: "100.00" }]);
    expect(exact.statusCode).toBe(201);
    expect((await receivablesOf(order.id))[0]).toMatchObject({ status: "paid", balance: "0.00" });

    const reversal = await finance1({
      method: "POST",
      url: `/api/v1/payments/${exact.json().id}/reverse`,
      payload: { reason: "银行退票" },
    });
    expect(reversal.statusCode).toBe(201);
    expect(reversal.json()).toMatchObject({ amount: "-100.00", reversesId: exact.json().id });
    expect((await receivablesOf(order.id))[0]).toMatchObject({ status: "open", balance: "100.00" });
    const twice = await finance1({
      method: "POST",
      url: `/api/v1/payments/${exact.json().id}/reverse`,
      payload: { reason: "再次" },
    });
    expect(errorsOf(twice.body).id).toBe("payment_already_reversed");
    const cancel = await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/transitions`,
      payload: { action: "cancel" },
    });
    expect(errorsOf(cancel.body).status).toBe("order_has_payments");

    const edit = await db.db.execute(sql`update payments set amount = 0`).then(
      () => "changed",
      (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
    );
    expect(edit).toMatch(/append-only/);
  });

  it("a cancelled order cancels its unpaid receivables", async () => {
    const customer = await createCustomer(sales1, { name: "应收客户丙" });
    const order = await signedOrder(customer.id, "80.00");
    await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/transitions`,
      payload: { action: "cancel" },
    });
    expect((await receivablesOf(order.id)).map((r) => [r.status, r.balance])).toEqual([
      ["cancelled", "0.00"],
    ]);
  });
});

describe("collection (欠款催收)", () => {
  it("puts each open balance in the right aging bucket, logs actions and builds the dunning bill", async () => {
    const customer = await createCustomer(sales1, { name: "催收客户" });
    const order = await signedOrder(customer.id, "300.00", [
      { percent: "50", dueInDays: 0 },
      { percent: "50", dueInDays: 30 },
    ]);
    const row = async (on: string) =>
      (await finance1({ url: `/api/v1/collections?on=${on}` }))
        .json()
        .items.find((c: { customerId: string }) => c.customerId === customer.id);
    expect((await row(today)).aging).toEqual({
      notDue: "300.00",
      d1to30: "0.00",
      d31to60: "0.00",
      d61to90: "0.00",
      over90: "0.00",
    });
    const later = await row(addDays(today, 45));
    expect(later).toMatchObject({ open: "300.00", overdue: "300.00", oldestDueDate: today });
    expect(later.aging).toEqual({
      notDue: "0.00",
      d1to30: "150.00",
      d31to60: "150.00",
      d61to90: "0.00",
      over90: "0.00",
    });
    expect((await row(addDays(today, 200))).aging.over90).toBe("300.00");

    const noDate = await finance1({
      method: "POST",
      url: `/api/v1/collections/${customer.id}/actions`,
      payload: { kind: "promise", content: "承诺月底付款" },
    });
    expect(errorsOf(noDate.body).promisedDate).toBe("promise_date_required");
    const call = await finance1({
      method: "POST",
      url: `/api/v1/collections/${customer.id}/actions`,
      payload: { kind: "call", content: "电话催收,财务说下周安排", nextActionDate: addDays(today, 7) },
    });
    expect(call.statusCode).toBe(201);
    const bill = (await finance1({ url: `/api/v1/collections/${customer.id}` })).json();
    expect(bill).toMatchObject({ open: "300.00", customer: { name: "催收客户" } });
    expect(bill.receivables).toHaveLength(2);
    expect(bill.actions[0]).toMatchObject({ kind: "call", content: "电话催收,财务说下周安排" });
    expect((await row(today)).nextActionDate).toBe(addDays(today, 7));
    expect((await sales3({ url: `/api/v1/collections/${customer.id}` })).statusCode).toBe(404);
    void order;
  });
});

describe("payables and margins", () => {
  it("a purchase order owes its supplier; payments never exceed the balance", async () => {
    const po = (
      await prod1({
        method: "POST",
        url: "/api/v1/purchase-orders",
        payload: {
          supplier: "华东钢材",
          orderDate: today,
          lines: [{ productId: product.id, unitPrice: "10.50", quantity: "10" }],
        },
      })
    ).json();
    const payable = (
      await finance1({ url: `/api/v1/payables?supplier=${encodeURIComponent("华东钢材")}` })
    ).json().items[0];
    expect(payable).toMatchObject({
      amount: "105.00",
      balance: "105.00",
      purchaseOrderNumber: po.number,
      dueDate: addDays(today, 30),
    });
    const paid = await finance1({
      method: "POST",
      url: `/api/v1/payables/${payable.id}/payments`,
      payload: { paidOn: today, amount: "100.00", method: "bank_transfer" },
    });
    expect(paid.json()).toMatchObject({ paid: "100.00", balance: "5.00", status: "open" });
    const over = await finance1({
      method: "POST",
      url: `/api/v1/payables/${payable.id}/payments`,
      payload: { paidOn: today, amount: "5.01", method: "cash" },
    });
    expect(errorsOf(over.body).amount).toBe("payment_exceeds_balance");
  });

  it("computes gross margin from sales and standard cost", async () => {
    await prod1({
      method: "POST",
      url: "/api/v1/stock-movements",
      payload: { productId: product.id, kind: "production_receipt", quantity: "10" },
    });
    const customer = await createCustomer(sales1, { name: "毛利客户" });
    await sales1({
      method: "POST",
      url: "/api/v1/transactions",
      payload: {
        customerId: customer.id,
        productId: product.id,
        date: today,
        unitPrice: "100.00",
        quantity: "3",
      },
    });
    const m = (await finance1({ url: `/api/v1/finance/margins?productId=${product.id}` })).json().items[0];
    expect(m).toMatchObject({
      revenue: "300.00",
      cost: "180.00",
      margin: "120.00",
      marginPercent: "40.0",
      costKnown: true,
    });
  });
});

describe("reconciliation", () => {
  it("holds over a random history of payments and reversals, and notices a tampered balance", async () => {
    const customer = await createCustomer(sales1, { name: "对账客户" });
    let seed = 42;
    const rand = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const receivableIds: string[] = [];
    for (let i = 0; i < 4; i++) {
      const order = await signedOrder(
        customer.id,
        `${100 + Math.floor(rand() * 900)}.${String(Math.floor(rand() * 100)).padStart(2, "0")}`,
        [
          { percent: "33.33", dueInDays: 0 },
          { percent: "33.33", dueInDays: 20 },
          { percent: "33.34", dueInDays: 40 },
        ],
      );
      receivableIds.push(...(await receivablesOf(order.id)).map((r) => r.id));
    }
    const paymentIds: string[] = [];
    const attempts = Array.from({ length: 40 }, () => {
      const receivableId = receivableIds[Math.floor(rand() * receivableIds.length)]!;
      const amount = `${Math.floor(rand() * 150)}.${String(Math.floor(rand() * 100)).padStart(2, "0")}`;
      return { receivableId, amount: amount === "0.00" ? "0.01" : amount };
    });
    // Concurrently: some fit, some would overpay and must be refused whole.
    const results = await Promise.all(
      attempts.map((a) =>
        finance1({
          method: "POST",
          url: "/api/v1/payments",
          payload: {
            customerId: customer.id,
            receivedOn: today,
            amount: a.amount,
            method: "bank_transfer",
            allocations: [a],
          },
        }),
      ),
    );
    for (const r of results) if (r.statusCode === 201) paymentIds.push(r.json().id);
    expect(results.every((r) => r.statusCode === 201 || r.statusCode === 400)).toBe(true);
    for (const id of paymentIds.filter((_, i) => i % 3 === 0))
      expect(
        (
          await finance1({
            method: "POST",
            url: `/api/v1/payments/${id}/reverse`,
            payload: { reason: "抽样冲销" },
          })
        ).statusCode,
      ).toBe(201);

    const check = await admin({ url: "/api/v1/finance/reconciliation" });
    expect(check.json()).toMatchObject({ ok: true, problems: [] });
    expect(check.json().checked.payments).toBeGreaterThan(0);

    await db.db.execute(sql`update receivables set paid = paid + 0.01 where id = ${receivableIds[0]}`);
    const broken = (await admin({ url: "/api/v1/finance/reconciliation" })).json();
    expect(broken.ok).toBe(false);
    expect(broken.problems.map((p: { kind: string }) => p.kind)).toContain("receivable_paid_mismatch");
    await db.db.execute(sql`update receivables set paid = paid - 0.01 where id = ${receivableIds[0]}`);
    // A cancelled receivable that kept money is reported too.
    const [paidOne] = (
      await db.db.execute<{ id: string; status: string }>(
        sql`select id, status from receivables where paid > 0 order by id limit 1`,
      )
    ).rows;
    await db.db.execute(sql`update receivables set status = 'cancelled' where id = ${paidOne!.id}`);
    const cancelled = (await admin({ url: "/api/v1/finance/reconciliation" })).json();
    expect(cancelled.problems).toContainEqual(
      expect.objectContaining({ kind: "cancelled_receivable_paid", id: paidOne!.id }),
    );
    await db.db.execute(sql`update receivables set status = ${paidOne!.status} where id = ${paidOne!.id}`);
    expect((await admin({ url: "/api/v1/finance/reconciliation" })).json()).toMatchObject({
      ok: true,
      problems: [],
    });
    expect((await finance1({ url: "/api/v1/finance/reconciliation" })).statusCode).toBe(403);
  }, 60_000);
});
