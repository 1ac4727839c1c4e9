import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";

// A small, hand-computable dataset; every figure below can be checked with pencil and paper.
const { app } = await setupApp();
const [admin, gm, prod1, sales1, sales3, service1] = await clientsFor(app, [
  "admin",
  "gm",
  "prod1",
  "sales1",
  "sales3",
  "service1",
]);

const category = (
  await admin({
    method: "POST",
    url: "/api/v1/product-categories",
    payload: { letter: "R", name: "报表测试" },
  })
).json();
const product = (
  await prod1({
    method: "POST",
    url: "/api/v1/products",
    payload: {
      categoryId: category.id,
      name: "报表测试件",
      unit: "件",
      listPrice: "100.00",
      standardCost: "60.00",
    },
  })
).json();
await prod1({
  method: "POST",
  url: "/api/v1/stock-movements",
  payload: { productId: product.id, kind: "production_receipt", quantity: "100" },
});

const a = await createCustomer(sales1, {
  name: "报表客户甲",
  province: "浙江省",
  city: "杭州市",
  annualRevenue: "5000000.00",
  creditRating: "AA",
});
const b = await createCustomer(sales1, { name: "报表客户乙", province: "江苏省", city: "苏州市" });
const c = await createCustomer(sales3, { name: "报表客户丙", province: "广东省", city: "深圳市" });

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

const report = async (as: Inject, name: string, query = "") => {
  const res = await as({ url: `/api/v1/reports/${name}${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe("reports", () => {
  it("first transaction: each customer's first sale within the caller's scope, new customers per month", async () => {
    const own = await report(sales1, "first-transactions");
    expect(
      own.rows.map((r: { customerName: string; date: string; amount: string }) => [
        r.customerName,
        r.date,
        r.amount,
      ]),
    ).toEqual([
      ["报表客户甲", "2026-01-10", "100.00"],
      ["报表客户乙", "2026-02-20", "500.00"],
    ]);
    expect(own.newCustomersByMonth).toEqual([
      { month: "2026-01", count: 1 },
      { month: "2026-02", count: 1 },
    ]);
    const all = await report(gm, "first-transactions", "?from=2026-02-01&to=2026-03-31");
    expect(all.rows.map((r: { customerName: string }) => r.customerName)).toEqual([
      "报表客户乙",
      "报表客户丙",
    ]);
    const zhejiang = await report(gm, "first-transactions", `?province=${encodeURIComponent("浙江省")}`);
    expect(zhejiang.rows).toHaveLength(1);
  });

  it("sales: revenue by month, region and salesperson, and the CSV export", async () => {
    const s = await report(gm, "sales", "?from=2026-01-01&to=2026-03-31");
    expect(s.rows.map((r: { key: string; revenue: string }) => [r.key, r.revenue])).toEqual([
      ["2026-01", "100.00"],
      ["2026-02", "700.00"],
      ["2026-03", "100.00"],
    ]);
    expect(
      Object.fromEntries(s.byRegion.map((r: { key: string; revenue: string }) => [r.key, r.revenue])),
    ).toEqual({
      江苏省: "500.00",
      浙江省: "300.00",
      广东省: "100.00",
    });
    expect(s.bySalesperson.map((r: { key: string; revenue: string }) => [r.key, r.revenue])).toEqual([
      ["张伟", "800.00"],
      ["陈静", "100.00"],
    ]);
    const csv = await gm({ url: "/api/v1/reports/sales?from=2026-01-01&to=2026-03-31&format=csv" });
    expect(csv.headers["content-type"]).toContain("text/csv");
    const rows = Papa.parse<Record<string, string>>(csv.body.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => r.销售额)).toEqual(["100.00", "700.00", "100.00"]);
    // Reading a report is not exporting it: salespeople (report:read only) may not.
    expect((await sales3({ url: "/api/v1/reports/sales" })).statusCode).toBe(200);
    expect((await sales3({ url: "/api/v1/reports/sales?format=csv" })).statusCode).toBe(403);
  });

  it("customer value: RFM scores and ABC classes by share of revenue", async () => {
    const v = await report(gm, "customer-value", "?to=2026-03-31");
    const byName = Object.fromEntries(v.rows.map((r: { customerName: string }) => [r.customerName, r]));
    expect(byName.报表客户乙).toMatchObject({
      monetary: "500.00",
      frequency: 1,
      abc: "A",
      suggestedClass: "1",
      revenueShare: "55.56",
    });
    expect(byName.报表客户甲).toMatchObject({
      monetary: "300.00",
      frequency: 2,
      abc: "A",
      recencyDays: 54,
    });
    expect(byName.报表客户丙).toMatchObject({ monetary: "100.00", abc: "B", recencyDays: 30 });
    expect(v.abc).toEqual({ A: 2, B: 1, C: 0 });
  });

  it("visits per salesperson and customer; satisfaction by type with the average rating", async () => {
    const record = (customerId: string, channel: string, at: string) =>
      sales1({
        method: "POST",
        url: "/api/v1/contact-records",
        payload: {
          customerId,
          channel,
          occurredAt: at,
          content: "报表拜访",
          result: `结果${at.slice(8, 10)}`,
        },
      });
    await record(a.id, "visit", "2026-02-01T10:00:00+08:00");
    await record(a.id, "phone", "2026-02-03T10:00:00+08:00");
    await record(b.id, "phone", "2026-02-04T10:00:00+08:00");
    const v = await report(sales1, "visits", "?from=2026-02-01&to=2026-02-28");
    expect(v.rows).toHaveLength(1);
    expect(v.rows[0]).toMatchObject({ salesperson: "张伟", visits: 3, inPerson: 1, customers: 2 });
    expect(v.byCustomer[0]).toMatchObject({ customerName: "报表客户甲", visits: 2, lastResult: "结果03" });

    for (const [customerId, type, rating] of [
      [a.id, "complaint", 4],
      [b.id, "suggestion", 2],
    ] as const) {
      const f = (
        await service1({
          method: "POST",
          url: "/api/v1/feedback",
          payload: { customerId, type, subject: `报表反馈${rating}`, occurredOn: "2026-02-10" },
        })
      ).json();
      await service1({
        method: "PATCH",
        url: `/api/v1/feedback/${f.id}`,
        payload: { status: "closed", resolution: "已处理" },
      });
      const visit = (await service1({ url: `/api/v1/return-visits?feedbackId=${f.id}` })).json().items[0];
      await service1({
        method: "POST",
        url: `/api/v1/return-visits/${visit.id}/complete`,
        payload: { rating },
      });
    }
    const s = await report(gm, "satisfaction", "?from=2026-02-01&to=2026-02-28");
    expect(s.overall).toEqual({ avgRating: "3.00", ratings: 2 });
    expect(
      Object.fromEntries(
        s.rows.map((r: { key: string; feedback: number; avgRating: string }) => [
          r.key,
          [r.feedback, r.avgRating],
        ]),
      ),
    ).toEqual({
      complaint: [1, "4.00"],
      suggestion: [1, "2.00"],
    });
  });

  it("customer evaluation shows its formula and scores by it; the dashboard adds it all up", async () => {
    const e = await report(gm, "customer-evaluation");
    expect(e.formula).toContain("40%");
    const scoreOf = (name: string) =>
      e.rows.find((r: { customerName: string }) => r.customerName === name)?.score;
    expect(scoreOf("报表客户甲")).toBe(52); // 50 × 0.4 + 80 × 0.3 + 25 × 0.3 = 51.5
    expect(e.byRevenueBand).toContainEqual({ key: "1m_10m", customers: 1 });
    const d = await report(gm, "dashboard");
    expect(d).toMatchObject({ openFeedback: 0 });
    expect(d.topSalespeople).toBeDefined();
    expect((await sales1({ url: "/api/v1/reports/dashboard" })).statusCode).toBe(200);
    void c;
  });
});
