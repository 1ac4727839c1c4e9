import { stockLevels, stockMovements } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const [admin, prod1, sales1] = await clientsFor(app, ["admin", "prod1", "sales1"]);

const errorsOf = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  );

async function category(letter: string, name: string) {
  const res = await admin({ method: "POST", url: "/api/v1/product-categories", payload: { letter, name } });
  if (res.statusCode !== 201) throw new Error(res.body);
  return res.json() as { id: string };
}
const machines = await category("A", "机械设备");
const parts = await category("B", "配件");

async function product(as: Inject, over: Record<string, unknown> = {}) {
  const res = await as({
    method: "POST",
    url: "/api/v1/products",
    payload: { categoryId: machines.id, name: "数控车床", unit: "台", listPrice: "128000.00", ...over },
  });
  if (res.statusCode !== 201) throw new Error(`${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string; version: number; stock: string };
}

const move = (as: Inject, payload: Record<string, unknown>) =>
  as({ method: "POST", url: "/api/v1/stock-movements", payload });

const ledgerSum = async (productId: string) =>
  (
    await db.db
      .select({ sum: sql<string>`coalesce(sum(${stockMovements.quantity}), 0)::text` })
      .from(stockMovements)
      .where(eq(stockMovements.productId, productId))
  )[0]!.sum;
const level = async (productId: string) =>
  (await db.db.select().from(stockLevels).where(eq(stockLevels.productId, productId)))[0]!.quantity;

describe("products", () => {
  it("generates codes per category letter, refuses bad input, and only producers may add", async () => {
    const first = await product(prod1);
    const second = await product(prod1, { name: "加工中心" });
    const part = await product(prod1, { categoryId: parts.id, name: "轴承", unit: "个", listPrice: "35.50" });
    expect([first.code, second.code, part.code]).toEqual(["A-01", "A-02", "B-01"]);
    expect(first.stock).toBe("0.000");

    const bad = await prod1({
      method: "POST",
      url: "/api/v1/products",
      payload: {
        categoryId: machines.id,
        name: "",
        unit: "台",
        listPrice: "12.345",
        lowStockThreshold: "-1",
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(Object.keys(errorsOf(bad.body)).sort()).toEqual(["listPrice", "lowStockThreshold", "name"]);
    expect(
      (
        await sales1({
          method: "POST",
          url: "/api/v1/products",
          payload: { categoryId: machines.id, name: "x", unit: "台", listPrice: "1" },
        })
      ).statusCode,
    ).toBe(403);
    const letter = await admin({
      method: "POST",
      url: "/api/v1/product-categories",
      payload: { letter: "A", name: "重复" },
    });
    expect(letter.statusCode).toBe(409);
    expect(errorsOf(letter.body).letter).toBe("category_letter_taken");
  });

  it("updates with the version it read, and a stale one changes nothing", async () => {
    const p = await product(prod1, { name: "折弯机" });
    const ok = await prod1({
      method: "PATCH",
      url: `/api/v1/products/${p.id}`,
      payload: { listPrice: "99000.10" },
      headers: { "if-match": `"${p.version}"` },
    });
    expect(ok.json()).toMatchObject({ listPrice: "99000.10", code: p.code });
    const stale = await prod1({
      method: "PATCH",
      url: `/api/v1/products/${p.id}`,
      payload: { listPrice: "1.00" },
      headers: { "if-match": `"${p.version}"` },
    });
    expect(stale.statusCode).toBe(412);
    expect((await prod1({ url: `/api/v1/products/${p.id}` })).json().listPrice).toBe("99000.10");
  });
});

describe("the stock ledger", () => {
  it("adds receipts, takes issues out, refuses to go below zero with the available quantity", async () => {
    const p = await product(prod1, { name: "液压泵", lowStockThreshold: "5" });
    const receipt = await move(prod1, {
      productId: p.id,
      kind: "production_receipt",
      quantity: "10",
      reference: "CPD-2026-001",
      productionDate: "2026-11-20",
    });
    expect(receipt.statusCode, receipt.body).toBe(201);
    expect(receipt.json()).toMatchObject({ quantity: "10.000", balanceAfter: "10.000", productCode: p.code });
    expect(
      (await move(prod1, { productId: p.id, kind: "sale_issue", quantity: "6.5" })).json().balanceAfter,
    ).toBe("3.500");
    const tooMuch = await move(prod1, { productId: p.id, kind: "sale_issue", quantity: "4" });
    expect(tooMuch.statusCode).toBe(409);
    expect(tooMuch.json()).toMatchObject({ code: "insufficient_stock", available: "3.500", requested: "4" });

    const noReason = await move(prod1, { productId: p.id, kind: "adjustment", quantity: "-1" });
    expect(errorsOf(noReason.body).reason).toBe("reason_required");
    const negativeSale = await move(prod1, { productId: p.id, kind: "sale_issue", quantity: "-1" });
    expect(errorsOf(negativeSale.body).quantity).toBe("quantity_positive");
    expect(
      (await move(prod1, { productId: p.id, kind: "adjustment", quantity: "-0.5", reason: "盘点短少" }))
        .statusCode,
    ).toBe(201);

    const inventory = (await prod1({ url: `/api/v1/inventory?q=${encodeURIComponent("液压泵")}` })).json()
      .items[0];
    expect(inventory).toMatchObject({ stock: "3.000", lowStock: true, lowStockThreshold: "5.000" });
    expect(await ledgerSum(p.id)).toBe("3.000");
    const history = (await prod1({ url: `/api/v1/stock-movements?productId=${p.id}` })).json().items;
    expect(history.map((m: { kind: string }) => m.kind)).toEqual([
      "adjustment",
      "sale_issue",
      "production_receipt",
    ]);
    expect(
      (await prod1({ url: "/api/v1/inventory?lowStock=true" }))
        .json()
        .items.map((i: { productId: string }) => i.productId),
    ).toContain(p.id);
  });

  it("never oversells: 200 concurrent sales of one product with 100 in stock, exactly 100 succeed", async () => {
    const p = await product(prod1, { name: "并发测试产品" });
    await move(prod1, { productId: p.id, kind: "purchase_receipt", quantity: "100" });
    const results = await Promise.all(
      Array.from({ length: 200 }, () => move(prod1, { productId: p.id, kind: "sale_issue", quantity: "1" })),
    );
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(100);
    expect(codes.filter((c) => c === 409)).toHaveLength(100);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe("insufficient_stock");
    expect(await level(p.id)).toBe("0.000");
    expect(await ledgerSum(p.id)).toBe("0.000");
  }, 60_000);

  it("keeps the ledger append-only even in SQL", async () => {
    const refused = async (statement: ReturnType<typeof sql>) => {
      const error = await db.db.execute(statement).then(
        () => null,
        (e: Error & { cause?: Error }) => e.cause?.message ?? e.message,
      );
      expect(error).toMatch(/append-only/);
    };
    await refused(sql`update stock_movements set quantity = 0`);
    await refused(sql`delete from stock_movements`);
  });

  it("is exact: 3 × 0.1 + 0.2 of stock is 0.5", async () => {
    const p = await product(prod1, { name: "钢丝", unit: "吨" });
    for (let i = 0; i < 3; i++)
      await move(prod1, { productId: p.id, kind: "purchase_receipt", quantity: "0.1" });
    await move(prod1, { productId: p.id, kind: "purchase_receipt", quantity: "0.2" });
    expect((await prod1({ url: `/api/v1/products/${p.id}` })).json().stock).toBe("0.500");
  });
});
