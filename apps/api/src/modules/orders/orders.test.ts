import { stockLevels, stockMovements } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const [admin, prod1, mgr1, sales1, sales3] = await clientsFor(app, [
  "admin",
  "prod1",
  "mgr1",
  "sales1",
  "sales3",
]);

const errorsOf = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  );

const category = (
  await admin({ method: "POST", url: "/api/v1/product-categories", payload: { letter: "C", name: "成品" } })
).json();
async function productWithStock(name: string, stock: string, listPrice = "100.00") {
  const p = (
    await prod1({
      method: "POST",
      url: "/api/v1/products",
      payload: { categoryId: category.id, name, unit: "件", listPrice },
    })
  ).json();
  if (stock !== "0")
    await prod1({
      method: "POST",
      url: "/api/v1/stock-movements",
      payload: { productId: p.id, kind: "production_receipt", quantity: stock, reference: "CPD-1" },
    });
  return p as { id: string; code: string };
}
const stockOf = async (productId: string) =>
  (await db.db.select().from(stockLevels).where(eq(stockLevels.productId, productId)))[0]!.quantity;
const ledgerSum = async (productId: string) =>
  (
    await db.db
      .select({ s: sql<string>`sum(${stockMovements.quantity})::text` })
      .from(stockMovements)
      .where(eq(stockMovements.productId, productId))
  )[0]!.s;

async function draft(as: Inject, customerId: string, lines: Record<string, unknown>[]) {
  const res = await as({
    method: "POST",
    url: "/api/v1/orders",
    payload: { customerId, lines, paymentTerms: "月结30天" },
  });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json();
}

describe("contract orders (合同订单)", () => {
  it("prices lines exactly, numbers the contract, and refuses bad lines by index", async () => {
    const customer = await createCustomer(sales1, { name: "订单客户甲" });
    const p = await productWithStock("精度测试件", "0");
    const order = await draft(sales1, customer.id, [
      { productId: p.id, unitPrice: "0.10", quantity: "3" },
      { productId: p.id, unitPrice: "0.20", quantity: "1" },
      { productId: p.id, unitPrice: "19.99", quantity: "3", discount: "15" },
    ]);
    expect(order.number).toMatch(/^HT\d{4}-\d{4}$/);
    expect(order.lines.map((l: { amount: string }) => l.amount)).toEqual(["0.30", "0.20", "50.97"]);
    expect(order).toMatchObject({
      total: "51.47",
      status: "draft",
      customerName: "订单客户甲",
      ownerName: "张伟",
    });

    const bad = await sales1({
      method: "POST",
      url: "/api/v1/orders",
      payload: {
        customerId: customer.id,
        lines: [
          { productId: p.id, unitPrice: "1.234", quantity: "0" },
          {
            productId: "00000000-0000-4000-8000-000000000000",
            unitPrice: "1",
            quantity: "1",
            discount: "120",
          },
        ],
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorsOf(bad.body)).toMatchObject({
      "lines.0.unitPrice": "money_format",
      "lines.0.quantity": "quantity_positive",
      "lines.1.discount": "discount_format",
    });
    const noProduct = await sales1({
      method: "POST",
      url: "/api/v1/orders",
      payload: {
        customerId: customer.id,
        lines: [{ productId: "00000000-0000-4000-8000-000000000000", unitPrice: "1", quantity: "1" }],
      },
    });
    expect(errorsOf(noProduct.body)["lines.0.productId"]).toBe("not_found_ref");
    const theirs = await createCustomer(sales3, { name: "别人的订单客户" });
    const out = await sales1({
      method: "POST",
      url: "/api/v1/orders",
      payload: { customerId: theirs.id, lines: [{ productId: p.id, unitPrice: "1", quantity: "1" }] },
    });
    expect(errorsOf(out.body).customerId).toBe("not_found_ref");
  });

  it("signs, delivers in parts (stock falls, sales recorded, timeline shows it), completes", async () => {
    const customer = await createCustomer(sales1, { name: "订单客户乙" });
    const p = await productWithStock("交货测试件", "10", "250.00");
    const order = await draft(sales1, customer.id, [
      { productId: p.id, unitPrice: "250.00", quantity: "8", discount: "10" },
    ]);
    const early = await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/deliveries`,
      payload: { lines: [{ lineId: order.lines[0].id, quantity: "1" }] },
    });
    expect(early.statusCode).toBe(409);
    const signed = await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/transitions`,
      payload: { action: "sign" },
    });
    expect(signed.json()).toMatchObject({ status: "signed" });
    expect(signed.json().signingDate).not.toBeNull();
    const editSigned = await sales1({
      method: "PATCH",
      url: `/api/v1/orders/${order.id}`,
      payload: { notes: "改" },
    });
    expect(errorsOf(editSigned.body).status).toBe("order_not_draft");

    const part = await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/deliveries`,
      payload: { date: "2026-11-26", lines: [{ lineId: order.lines[0].id, quantity: "5" }] },
    });
    expect(part.json()).toMatchObject({ status: "partially_delivered" });
    expect(part.json().lines[0].deliveredQuantity).toBe("5.000");
    expect(await stockOf(p.id)).toBe("5.000");
    const over = await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/deliveries`,
      payload: { lines: [{ lineId: order.lines[0].id, quantity: "4" }] },
    });
    expect(errorsOf(over.body)["lines.0.quantity"]).toBe("delivery_exceeds_order");
    await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/deliveries`,
      payload: { lines: [{ lineId: order.lines[0].id, quantity: "3" }] },
    });
    expect(await stockOf(p.id)).toBe("2.000");
    expect(await ledgerSum(p.id)).toBe("2.000");
    const sales = (await sales1({ url: `/api/v1/transactions?orderId=${order.id}` })).json().items;
    expect(sales.map((s: { amount: string }) => s.amount).sort()).toEqual(["1125.00", "675.00"]);
    const done = await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/transitions`,
      payload: { action: "complete" },
    });
    expect(done.json().status).toBe("completed");
    const timeline = (await sales1({ url: `/api/v1/customers/${customer.id}/timeline` })).json().items;
    expect(timeline.map((t: { kind: string }) => t.kind)).toEqual(
      expect.arrayContaining(["order.create", "order.deliver"]),
    );
    expect((await sales3({ url: `/api/v1/orders/${order.id}` })).statusCode).toBe(404);
    expect((await mgr1({ url: `/api/v1/orders/${order.id}` })).statusCode).toBe(200);
  });

  it("delivers all lines or none when stock is short", async () => {
    const customer = await createCustomer(sales1, { name: "订单客户丙" });
    const plenty = await productWithStock("充足件", "10");
    const scarce = await productWithStock("短缺件", "1");
    const order = await draft(sales1, customer.id, [
      { productId: plenty.id, unitPrice: "1", quantity: "5" },
      { productId: scarce.id, unitPrice: "1", quantity: "2" },
    ]);
    await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/transitions`,
      payload: { action: "sign" },
    });
    const res = await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/deliveries`,
      payload: {
        lines: order.lines.map((l: { id: string; quantity: string }) => ({
          lineId: l.id,
          quantity: l.quantity,
        })),
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe("insufficient_stock");
    expect(await stockOf(plenty.id)).toBe("10.000");
    expect((await sales1({ url: `/api/v1/orders/${order.id}` })).json().status).toBe("signed");
  });
});

describe("transaction records (交易记录, input screen 3)", () => {
  it("computes the amount, issues stock, corrects it on edit and returns it on delete", async () => {
    const customer = await createCustomer(sales1, { name: "交易客户" });
    const p = await productWithStock("交易测试件", "20");
    const missing = await sales1({
      method: "POST",
      url: "/api/v1/transactions",
      payload: { productId: p.id, date: "2026-11-26" },
    });
    expect(Object.keys(errorsOf(missing.body)).sort()).toEqual(["customerId", "quantity", "unitPrice"]);
    const t = (
      await sales1({
        method: "POST",
        url: "/api/v1/transactions",
        payload: {
          customerId: customer.id,
          productId: p.id,
          date: "2026-11-26",
          unitPrice: "12.50",
          quantity: "4",
        },
      })
    ).json();
    expect(t).toMatchObject({ amount: "50.00", customerName: "交易客户", productCode: p.code });
    expect(await stockOf(p.id)).toBe("16.000");
    const more = await sales1({
      method: "PATCH",
      url: `/api/v1/transactions/${t.id}`,
      payload: { quantity: "6" },
      headers: { "if-match": `"${t.version}"` },
    });
    expect(more.json()).toMatchObject({ amount: "75.00", quantity: "6.000" });
    expect(await stockOf(p.id)).toBe("14.000");
    const tooMany = await sales1({
      method: "PATCH",
      url: `/api/v1/transactions/${t.id}`,
      payload: { quantity: "100" },
    });
    expect(tooMany.statusCode).toBe(409);
    expect((await sales1({ url: `/api/v1/transactions/${t.id}` })).json().quantity).toBe("6.000");
    await sales1({ method: "PATCH", url: `/api/v1/transactions/${t.id}`, payload: { quantity: "1" } });
    expect(await stockOf(p.id)).toBe("19.000");
    const removed = await mgr1({ method: "DELETE", url: `/api/v1/transactions/${t.id}` });
    expect(removed.json().deleted).toBe(true);
    expect(await stockOf(p.id)).toBe("20.000");
    expect(await ledgerSum(p.id)).toBe("20.000");
    expect(
      (await sales1({ url: `/api/v1/transactions?customerId=${customer.id}` })).json().items,
    ).toHaveLength(0);
    await mgr1({ method: "POST", url: `/api/v1/transactions/${t.id}/restore` });
    expect(await stockOf(p.id)).toBe("19.000");
  });
});
