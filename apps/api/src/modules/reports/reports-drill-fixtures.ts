// The drill and export tests' shared setup: a fresh app and database, and a small dataset in it.
// Each test file that imports this module gets its own app, database and dataset.
import { sumAmounts } from "@crm/contracts";
import { expect } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";

// A small, hand-computable dataset (product at ¥100):
//   甲 (sales1, 浙江省, class 3, AA, ¥5m a year): 01-10 ×1, 02-05 ×2   → ¥300
//   乙 (sales1, 江苏省, class 3):                 02-20 ×5             → ¥500
//   丙 (sales3, 广东省, class 1):                 03-01 ×1             → ¥100
//   丁 (sales2, 浙江省, class 2): no sale, contacted yesterday (a potential customer)
// ABC by revenue: 乙 A (55.56%), 甲 A (cum. 88.89%), 丙 B → suggested classes 1, 1, 2.
export const { app, db } = await setupApp();
export const [admin, gm, prod1, sales1, sales2, sales3, service1] = await clientsFor(app, [
  "admin",
  "gm",
  "prod1",
  "sales1",
  "sales2",
  "sales3",
  "service1",
]);

const category = (
  await admin({
    method: "POST",
    url: "/api/v1/product-categories",
    payload: { letter: "D", name: "钻取测试" },
  })
).json();
export const product = (
  await prod1({
    method: "POST",
    url: "/api/v1/products",
    payload: { categoryId: category.id, name: "钻取测试件", unit: "件", listPrice: "100.00" },
  })
).json();
await prod1({
  method: "POST",
  url: "/api/v1/stock-movements",
  payload: { productId: product.id, kind: "production_receipt", quantity: "100" },
});

export const a = await createCustomer(sales1, {
  name: "钻取客户甲",
  class: "3",
  province: "浙江省",
  city: "杭州市",
  annualRevenue: "5000000.00",
  creditRating: "AA",
});
export const b = await createCustomer(sales1, {
  name: "钻取客户乙",
  class: "3",
  province: "江苏省",
  city: "苏州市",
});
export const c = await createCustomer(sales3, {
  name: "=钻取客户丙",
  class: "1",
  province: "广东省",
  city: "深圳市",
});
export const d = await createCustomer(sales2, {
  name: "钻取客户丁",
  class: "2",
  province: "浙江省",
  city: "宁波市",
});

const sell = (as: Inject, customerId: string, date: string, quantity: string) =>
  as({
    method: "POST",
    url: "/api/v1/transactions",
    payload: { customerId, productId: product.id, date, unitPrice: "100.00", quantity },
  });
await sell(sales1, a.id, "2026-01-10", "1");
await sell(sales1, a.id, "2026-02-05", "2");
await sell(sales1, b.id, "2026-02-20", "5");
await sell(sales3, c.id, "2026-03-01", "1");

// A signed order (receivable ¥300 due 2026-03-03) and a draft.
export const signed = (
  await sales1({
    method: "POST",
    url: "/api/v1/orders",
    payload: {
      customerId: a.id,
      signingDate: "2026-02-01",
      lines: [{ productId: product.id, unitPrice: "100.00", quantity: "3" }],
    },
  })
).json();
await sales1({ method: "POST", url: `/api/v1/orders/${signed.id}/transitions`, payload: { action: "sign" } });
await sales3({
  method: "POST",
  url: "/api/v1/orders",
  payload: { customerId: c.id, lines: [{ productId: product.id, unitPrice: "100.00", quantity: "1" }] },
});

const record = (as: Inject, customerId: string, channel: string, at: string) =>
  as({
    method: "POST",
    url: "/api/v1/contact-records",
    payload: { customerId, channel, occurredAt: at, content: "钻取拜访", result: `结果${at.slice(8, 10)}` },
  });
await record(sales1, a.id, "visit", "2026-02-01T10:00:00+08:00");
await record(sales1, a.id, "phone", "2026-02-03T10:00:00+08:00");
await record(sales1, b.id, "phone", "2026-02-04T10:00:00+08:00");
await record(sales2, d.id, "visit", new Date(Date.now() - 86_400_000).toISOString());

const service1Id = (await service1({ url: "/api/v1/me" })).json().id as string;
for (const [customerId, type, rating, productId, handlerId] of [
  [a.id, "complaint", 4, product.id, service1Id],
  [b.id, "suggestion", 2, null, null],
] as const) {
  const f = (
    await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: {
        customerId,
        type,
        subject: `钻取反馈${rating}`,
        occurredOn: "2026-02-10",
        productId,
        handlerId,
      },
    })
  ).json();
  await service1({
    method: "PATCH",
    url: `/api/v1/feedback/${f.id}`,
    payload: { status: "closed", resolution: "已处理" },
  });
  const visit = (await service1({ url: `/api/v1/return-visits?feedbackId=${f.id}` })).json().items[0];
  await service1({ method: "POST", url: `/api/v1/return-visits/${visit.id}/complete`, payload: { rating } });
}
await service1({
  method: "POST",
  url: "/api/v1/feedback",
  payload: { customerId: c.id, type: "fault", subject: "钻取故障", occurredOn: "2026-02-12" },
});

export const ids = {
  sales1: (await sales1({ url: "/api/v1/me" })).json().id as string,
  sales3: (await sales3({ url: "/api/v1/me" })).json().id as string,
};

export const report = async (as: Inject, name: string, query = "") => {
  const res = await as({ url: `/api/v1/reports/${name}${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
export interface Records {
  kind: string;
  total: number;
  items: Record<string, unknown>[];
  nextCursor: string | null;
}
export const records = async (as: Inject, name: string, query: string): Promise<Records> => {
  const res = await as({ url: `/api/v1/reports/${name}/records?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
export const amounts = (r: Records) => sumAmounts(r.items.map((i) => String(i.amount)));
export const names = (r: Records, key = "customerName") => r.items.map((i) => i[key]).sort();
