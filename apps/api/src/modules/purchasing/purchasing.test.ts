import { describe, expect, it } from "vitest";
import { clientsFor, setupApp } from "../../../test/helper.js";

const { app } = await setupApp();
const [admin, prod1, sales1] = await clientsFor(app, ["admin", "prod1", "sales1"]);

const errorsOf = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  );

const category = (
  await admin({ method: "POST", url: "/api/v1/product-categories", payload: { letter: "D", name: "原材料" } })
).json();
const product = (
  await prod1({
    method: "POST",
    url: "/api/v1/products",
    payload: { categoryId: category.id, name: "冷轧钢板", unit: "吨", listPrice: "5200.00" },
  })
).json();

describe("material requests (材料单)", () => {
  it("sales asks, production accepts then finishes; wrong steps are refused", async () => {
    const bad = await sales1({
      method: "POST",
      url: "/api/v1/material-requests",
      payload: { materialName: "", quantity: "0", unit: "吨" },
    });
    expect(Object.keys(errorsOf(bad.body)).sort()).toEqual(["materialName", "quantity"]);
    const req = await sales1({
      method: "POST",
      url: "/api/v1/material-requests",
      payload: { materialName: "冷轧钢板 1.5mm", quantity: "12.5", unit: "吨", neededBy: "2026-12-10" },
    });
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ status: "requested", requestedByName: "张伟", quantity: "12.500" });
    expect(req.json().number).toMatch(/^CL\d{4}-\d{4}$/);
    const id = req.json().id;
    expect(
      (
        await sales1({
          method: "POST",
          url: `/api/v1/material-requests/${id}/transitions`,
          payload: { action: "accept" },
        })
      ).statusCode,
    ).toBe(403);
    const early = await prod1({
      method: "POST",
      url: `/api/v1/material-requests/${id}/transitions`,
      payload: { action: "done" },
    });
    expect(errorsOf(early.body).status).toBe("material_request_cannot_done");
    await prod1({
      method: "POST",
      url: `/api/v1/material-requests/${id}/transitions`,
      payload: { action: "accept" },
    });
    const done = await prod1({
      method: "POST",
      url: `/api/v1/material-requests/${id}/transitions`,
      payload: { action: "done" },
    });
    expect(done.json()).toMatchObject({ status: "done", handledByName: "赵强" });
  });
});

describe("purchase orders (采购订单)", () => {
  it("computes amounts, receives in parts into stock, and refuses to receive more than ordered", async () => {
    const po = await prod1({
      method: "POST",
      url: "/api/v1/purchase-orders",
      payload: {
        supplier: "宝钢股份",
        orderDate: "2026-11-26",
        lines: [{ productId: product.id, unitPrice: "5100.10", quantity: "3.5" }],
      },
    });
    expect(po.statusCode, po.body).toBe(201);
    expect(po.json()).toMatchObject({ total: "17850.35", status: "ordered" });
    const line = po.json().lines[0].id;
    const part = await prod1({
      method: "POST",
      url: `/api/v1/purchase-orders/${po.json().id}/receipts`,
      payload: { lines: [{ lineId: line, quantity: "2" }] },
    });
    expect(part.json()).toMatchObject({ status: "partially_received" });
    expect((await prod1({ url: `/api/v1/products/${product.id}` })).json().stock).toBe("2.000");
    const over = await prod1({
      method: "POST",
      url: `/api/v1/purchase-orders/${po.json().id}/receipts`,
      payload: { lines: [{ lineId: line, quantity: "2" }] },
    });
    expect(errorsOf(over.body)["lines.0.quantity"]).toBe("receipt_exceeds_order");
    const rest = await prod1({
      method: "POST",
      url: `/api/v1/purchase-orders/${po.json().id}/receipts`,
      payload: { lines: [{ lineId: line, quantity: "1.5" }] },
    });
    expect(rest.json().status).toBe("received");
    expect((await prod1({ url: `/api/v1/products/${product.id}` })).json().stock).toBe("3.500");
    const cancel = await prod1({ method: "POST", url: `/api/v1/purchase-orders/${po.json().id}/cancel` });
    expect(errorsOf(cancel.body).status).toBe("purchase_not_cancellable");
    const listed = (await prod1({ url: "/api/v1/purchase-orders?q=%E5%AE%9D%E9%92%A2" })).json().items;
    expect(listed).toHaveLength(1);
    expect(listed[0].lines[0].receivedQuantity).toBe("3.500");
    expect((await sales1({ method: "POST", url: "/api/v1/purchase-orders", payload: {} })).statusCode).toBe(
      403,
    );
  });
});
