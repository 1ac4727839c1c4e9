import { sumAmounts } from "@crm/contracts";
import { auditLog, customers } from "@crm/db";
import { eq, inArray } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";
import { shanghaiDate } from "../../shared/days.js";
import { defuse } from "./reports-export.js";

// A small, hand-computable dataset (product at ¥100):
//   甲 (sales1, 浙江省, class 3, AA, ¥5m a year): 01-10 ×1, 02-05 ×2   → ¥300
//   乙 (sales1, 江苏省, class 3):                 02-20 ×5             → ¥500
//   丙 (sales3, 广东省, class 1):                 03-01 ×1             → ¥100
//   丁 (sales2, 浙江省, class 2): no sale, contacted yesterday (a potential customer)
// ABC by revenue: 乙 A (55.56%), 甲 A (cum. 88.89%), 丙 B → suggested classes 1, 1, 2.
const { app, db } = await setupApp();
const [admin, gm, prod1, sales1, sales2, sales3, service1] = await clientsFor(app, [
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
const product = (
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

const a = await createCustomer(sales1, {
  name: "钻取客户甲",
  class: "3",
  province: "浙江省",
  city: "杭州市",
  annualRevenue: "5000000.00",
  creditRating: "AA",
});
const b = await createCustomer(sales1, {
  name: "钻取客户乙",
  class: "3",
  province: "江苏省",
  city: "苏州市",
});
const c = await createCustomer(sales3, {
  name: "=钻取客户丙",
  class: "1",
  province: "广东省",
  city: "深圳市",
});
const d = await createCustomer(sales2, {
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
const signed = (
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

const ids = {
  sales1: (await sales1({ url: "/api/v1/me" })).json().id as string,
  sales3: (await sales3({ url: "/api/v1/me" })).json().id as string,
};

const report = async (as: Inject, name: string, query = "") => {
  const res = await as({ url: `/api/v1/reports/${name}${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
interface Records {
  kind: string;
  total: number;
  items: Record<string, unknown>[];
  nextCursor: string | null;
}
const records = async (as: Inject, name: string, query: string): Promise<Records> => {
  const res = await as({ url: `/api/v1/reports/${name}/records?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const amounts = (r: Records) => sumAmounts(r.items.map((i) => String(i.amount)));
const names = (r: Records, key = "customerName") => r.items.map((i) => i[key]).sort();

describe("report drill-down", () => {
  it("sales: each figure opens into the sales it adds up, within the caller's scope", async () => {
    const q = "from=2026-01-01&to=2026-03-31";
    const s = await report(gm, "sales", `?${q}`);
    for (const m of s.rows as { key: string; revenue: string; sales: number }[]) {
      const r = await records(gm, "sales", `${q}&dimension=month&value=${m.key}`);
      expect(r.kind).toBe("transactions");
      expect([m.key, r.total, amounts(r)]).toEqual([m.key, m.sales, m.revenue]);
    }
    const feb = await records(gm, "sales", `${q}&dimension=month&value=2026-02`);
    expect(feb.items.map((i) => [i.customerName, i.date, i.amount])).toEqual([
      ["钻取客户乙", "2026-02-20", "500.00"],
      ["钻取客户甲", "2026-02-05", "200.00"],
    ]);
    for (const p of s.bySalesperson as { ownerId: string; revenue: string; sales: number }[]) {
      const r = await records(gm, "sales", `${q}&dimension=salesperson&value=${p.ownerId}`);
      expect([r.total, amounts(r)]).toEqual([p.sales, p.revenue]);
    }
    for (const p of s.byRegion as { key: string; revenue: string; sales: number }[]) {
      const r = await records(gm, "sales", `${q}&dimension=region&value=${encodeURIComponent(p.key)}`);
      expect([r.total, amounts(r)]).toEqual([p.sales, p.revenue]);
    }
    const byProduct = await records(gm, "sales", `${q}&dimension=product&value=${product.id}`);
    expect(amounts(byProduct)).toBe("900.00");
    // Orders by status, and the receivables aging on the period's last day (due 03-03: 28 days).
    const signedOrders = await records(gm, "sales", `dimension=orderStatus&value=signed`);
    expect(signedOrders).toMatchObject({ kind: "orders", total: 1 });
    expect(signedOrders.items[0]).toMatchObject({ number: signed.number, total: "300.00" });
    expect((await records(gm, "sales", "dimension=orderStatus&value=draft")).total).toBe(1);
    const aging = await records(gm, "sales", `${q}&dimension=aging&value=d1to30`);
    expect(aging.kind).toBe("balances");
    expect(aging.items).toMatchObject([{ customerName: "钻取客户甲", amount: "300.00", open: "300.00" }]);
    expect(s.receivablesAging.d1to30).toBe("300.00");
    expect((await records(gm, "sales", `${q}&dimension=aging&value=over90`)).total).toBe(0);

    // sales1 sees their own sales only, whatever they ask for.
    const own = await records(sales1, "sales", `${q}&dimension=product&value=${product.id}`);
    expect([own.total, amounts(own)]).toEqual([3, "800.00"]);
    const other = await records(sales1, "sales", `${q}&dimension=salesperson&value=${ids.sales3}`);
    expect([other.total, other.items]).toEqual([0, []]);
    expect(
      (await records(sales1, "sales", `${q}&dimension=region&value=${encodeURIComponent("广东省")}`)).total,
    ).toBe(0);
    expect((await records(sales1, "sales", "dimension=orderStatus&value=draft")).total).toBe(0);
  });

  it("pages by cursor through every record and refuses a forged cursor", async () => {
    const seen: string[] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const r: Records = await records(
        gm,
        "sales",
        `dimension=product&value=${product.id}&limit=1${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(r.total).toBe(4);
      seen.push(...r.items.map((i) => String(i.id)));
      cursor = r.nextCursor;
    }
    expect(new Set(seen).size).toBe(4);
    const forged = Buffer.from(JSON.stringify(["x'; drop table customers;--", "nope"])).toString("base64url");
    for (const cur of [forged, "not-a-cursor"]) {
      const res = await gm({
        url: `/api/v1/reports/sales/records?dimension=month&value=2026-02&cursor=${cur}`,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0]).toMatchObject({ field: "cursor", code: "invalid_cursor" });
    }
  });

  it("first transactions, customer value and evaluation open into customers and their sales", async () => {
    const first = await records(gm, "first-transactions", "dimension=month&value=2026-02");
    expect(first.items.map((i) => [i.customerName, i.date])).toEqual([["钻取客户乙", "2026-02-20"]]);
    const history = await records(gm, "first-transactions", `dimension=customer&value=${a.id}`);
    expect(history.items.map((i) => i.date)).toEqual(["2026-02-05", "2026-01-10"]);

    const v = await report(gm, "customer-value", "?to=2026-03-31");
    for (const k of ["A", "B", "C"] as const) {
      const r = await records(gm, "customer-value", `to=2026-03-31&dimension=abc&value=${k}`);
      expect(r.total).toBe(v.abc[k]);
    }
    const classA = await records(gm, "customer-value", "to=2026-03-31&dimension=abc&value=A");
    expect(classA.items.map((i) => [i.name, (i.detail as { monetary: string }).monetary])).toEqual([
      ["钻取客户乙", "500.00"],
      ["钻取客户甲", "300.00"],
    ]);
    const segments = new Map<string, number>();
    for (const r of v.rows as { segment: string }[])
      segments.set(r.segment, (segments.get(r.segment) ?? 0) + 1);
    for (const [segment, count] of segments) {
      expect(
        (await records(gm, "customer-value", `to=2026-03-31&dimension=segment&value=${segment}`)).total,
      ).toBe(count);
    }
    expect((await records(sales1, "customer-value", `dimension=customer&value=${c.id}`)).total).toBe(0);

    const e = await report(gm, "customer-evaluation");
    for (const [dimension, groups] of [
      ["region", e.byRegion],
      ["creditRating", e.byCreditRating],
      ["revenueBand", e.byRevenueBand],
    ] as const) {
      for (const g of groups as { key: string; customers: number }[]) {
        const r = await records(
          gm,
          "customer-evaluation",
          `dimension=${dimension}&value=${encodeURIComponent(g.key)}`,
        );
        expect([dimension, g.key, r.total]).toEqual([dimension, g.key, g.customers]);
      }
    }
    const zhejiang = await records(
      gm,
      "customer-evaluation",
      `dimension=region&value=${encodeURIComponent("浙江省")}`,
    );
    expect(names(zhejiang, "name")).toEqual(["钻取客户丁", "钻取客户甲"]);
    // 丁 is a potential customer; its tracking is its contact records (sales2's, not sales1's to see).
    expect(e.potential.map((p: { customerName: string }) => p.customerName)).toEqual(["钻取客户丁"]);
    const tracking = await records(gm, "customer-evaluation", `dimension=tracking&value=${d.id}`);
    expect(tracking).toMatchObject({ kind: "contactRecords", total: 1 });
    expect((await records(sales1, "customer-evaluation", `dimension=tracking&value=${d.id}`)).total).toBe(0);
  });

  it("visits and satisfaction open into contact records and feedback", async () => {
    const q = "from=2026-02-01&to=2026-02-28";
    const v = await report(gm, "visits", `?${q}`);
    for (const p of v.rows as { ownerId: string; visits: number }[]) {
      expect((await records(gm, "visits", `${q}&dimension=salesperson&value=${p.ownerId}`)).total).toBe(
        p.visits,
      );
    }
    for (const p of v.byCustomer as { customerId: string; visits: number }[]) {
      expect((await records(gm, "visits", `${q}&dimension=customer&value=${p.customerId}`)).total).toBe(
        p.visits,
      );
    }
    const complaints = await records(gm, "visits", `${q}&dimension=complaintType`);
    expect(complaints.total).toBe(v.complaints.length);
    expect((await records(sales1, "visits", `${q}&dimension=complaintType&value=fault`)).total).toBe(0);

    const s = await report(gm, "satisfaction", `?${q}`);
    for (const [dimension, groups] of [
      ["type", s.rows],
      ["product", s.byProduct],
      ["handler", s.byHandler],
    ] as const) {
      for (const g of groups as { key: string | null; feedback: number }[]) {
        const r = await records(
          gm,
          "satisfaction",
          `${q}&dimension=${dimension}&value=${encodeURIComponent(g.key ?? "")}`,
        );
        expect([dimension, g.key, r.total]).toEqual([dimension, g.key, g.feedback]);
      }
    }
    const rated = await records(
      gm,
      "satisfaction",
      `${q}&dimension=month&value=${shanghaiDate().slice(0, 7)}`,
    );
    expect(rated.items.map((i) => i.rating).sort()).toEqual([2, 4]);
    expect((await records(sales3, "satisfaction", `${q}&dimension=type&value=complaint`)).total).toBe(0);
  });

  it("the dashboard's figures open into their records", async () => {
    const d2 = await report(gm, "dashboard", "?to=2026-02-28");
    const revenue = await records(gm, "dashboard", "to=2026-02-28&dimension=revenueThisMonth");
    expect(amounts(revenue)).toBe(d2.revenueThisMonth);
    expect(amounts(await records(gm, "dashboard", "to=2026-02-28&dimension=revenueLastMonth"))).toBe(
      d2.revenueLastMonth,
    );
    expect((await records(gm, "dashboard", "to=2026-02-28&dimension=complaints")).total).toBe(
      d2.complaintsThisMonth,
    );
    for (const p of d2.topSalespeople as { ownerId: string; revenue: string }[]) {
      const r = await records(gm, "dashboard", `to=2026-02-28&dimension=salesperson&value=${p.ownerId}`);
      expect(amounts(r)).toBe(p.revenue);
    }
    const now = await report(gm, "dashboard");
    expect((await records(gm, "dashboard", "dimension=newCustomers")).total).toBe(now.newCustomersThisMonth);
    expect((await records(gm, "dashboard", "dimension=openFeedback")).total).toBe(now.openFeedback);
    const overdue = await records(gm, "dashboard", "dimension=overdueReceivables");
    expect(sumAmounts(overdue.items.map((i) => String(i.amount)))).toBe(now.overdueReceivables);
    const open = await records(gm, "dashboard", "dimension=openReceivables");
    expect(sumAmounts(open.items.map((i) => String(i.amount)))).toBe(now.openReceivables);
    expect((await records(sales3, "dashboard", "dimension=openReceivables")).total).toBe(0);
  });

  it("refuses an unknown dimension or value (400) and readers without report:read (403)", async () => {
    for (const url of [
      "/api/v1/reports/sales/records?dimension=colour&value=red",
      "/api/v1/reports/sales/records",
      "/api/v1/reports/sales/records?dimension=month&value=2026-02&limit=0",
    ]) {
      const res = await gm({ url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(res.json().code).toBe("validation_failed");
    }
    for (const url of [
      "/api/v1/reports/sales/records?dimension=month&value=2026-13",
      "/api/v1/reports/sales/records?dimension=salesperson&value=someone",
      "/api/v1/reports/sales/records?dimension=aging&value=forever",
      "/api/v1/reports/customer-value/records?dimension=abc&value=D",
    ]) {
      const res = await gm({ url, headers: { "accept-language": "en" } });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors[0]).toMatchObject({
        field: "value",
        code: "drill_value_invalid",
        message: "No such row in this dimension",
      });
    }
    expect(
      (await prod1({ url: "/api/v1/reports/sales/records?dimension=month&value=2026-02" })).statusCode,
    ).toBe(403);
  });
});

describe("report export", () => {
  it("XLSX: a summary sheet and one sheet per table, numbers as numbers; only with report:export", async () => {
    const res = await gm({ url: "/api/v1/reports/sales?from=2026-01-01&to=2026-03-31&format=xlsx" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toContain("spreadsheetml");
    expect(res.headers["content-disposition"]).toMatch(
      /attachment; filename="sales-\d{4}-\d{2}-\d{2}\.xlsx"/,
    );
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "汇总",
      "按月",
      "按业务员",
      "按产品",
      "按地区",
      "订单状态",
    ]);
    const months = book.getWorksheet("按月")!;
    expect(months.getRow(1).values).toEqual([undefined, "月份", "销售额", "数量", "交易笔数"]);
    expect(
      [2, 3, 4].map((n) => [months.getRow(n).getCell(1).value, months.getRow(n).getCell(2).value]),
    ).toEqual([
      ["2026-01", 100],
      ["2026-02", 700],
      ["2026-03", 100],
    ]);
    const summary = book.getWorksheet("汇总")!;
    const figures = Object.fromEntries(
      summary.getSheetValues().flatMap((r) => (Array.isArray(r) && r[1] ? [[String(r[1]), r[2]]] : [])),
    );
    expect(figures).toMatchObject({
      开始日期: "2026-01-01",
      结束日期: "2026-03-31",
      "应收账龄:1–30 天": 300,
    });

    expect((await sales1({ url: "/api/v1/reports/sales?format=xlsx" })).statusCode).toBe(403);
    // The filters in words: the owner's name, not an id.
    const byOwner = await gm({ url: `/api/v1/reports/sales?ownerId=${ids.sales1}&format=xlsx` });
    const book3 = new ExcelJS.Workbook();
    await book3.xlsx.load(byOwner.rawPayload as unknown as ArrayBuffer);
    expect(book3.getWorksheet("汇总")!.getRow(3).values).toEqual([undefined, "负责人", "张伟"]);
    const english = await gm({
      url: "/api/v1/reports/dashboard?format=xlsx",
      headers: { "accept-language": "en" },
    });
    const book2 = new ExcelJS.Workbook();
    await book2.xlsx.load(english.rawPayload as unknown as ArrayBuffer);
    expect(book2.worksheets.map((w) => w.name)).toEqual(["Summary", "Top salespeople"]);
    const audits = await db.db.select().from(auditLog).where(eq(auditLog.entityType, "report"));
    expect(audits.filter((x) => x.action === "export").map((x) => x.detail?.format)).toEqual([
      "xlsx",
      "xlsx",
      "xlsx",
    ]);
  });

  it("CSV: the main table with headers in the caller's language, formulas defused", async () => {
    const res = await gm({ url: "/api/v1/reports/first-transactions?format=csv" });
    expect(res.statusCode).toBe(200);
    const rows = Papa.parse<Record<string, string>>(res.body.replace(/^\uFEFF/, ""), {
      header: true,
      skipEmptyLines: true,
    }).data;
    expect(rows.map((r) => [r.客户名称, r.金额])).toEqual([
      ["钻取客户甲", "100.00"],
      ["钻取客户乙", "500.00"],
      ["'=钻取客户丙", "100.00"],
    ]);
    expect(Object.keys(rows[0]!)).not.toContain("customerId");
    expect([
      defuse("=1+2"),
      defuse("+x"),
      defuse("-12.50"),
      defuse("@a"),
      defuse("plain"),
      defuse(3),
    ]).toEqual(["'=1+2", "'+x", "-12.50", "'@a", "plain", 3]);
  });

  it("XLSX: the same text defused, by the one sanitiser every export uses", async () => {
    const res = await gm({ url: "/api/v1/reports/first-transactions?format=xlsx" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const texts: unknown[] = [];
    for (const sheet of book.worksheets) sheet.eachRow((r) => r.eachCell((c) => texts.push(c.value)));
    expect(texts).toContain("'=钻取客户丙");
    expect(texts.filter((v) => typeof v === "string" && /^[=+@\t\r]/.test(v))).toEqual([]);
  });
});

describe("applying the suggested customer classes", () => {
  const body = { filters: { to: "2026-03-31" } };
  const classes = async () =>
    Object.fromEntries(
      (
        await db.db
          .select({ name: customers.name, class: customers.class })
          .from(customers)
          .where(inArray(customers.id, [a.id, b.id, c.id]))
      ).map((r) => [r.name, r.class]),
    );
  const before = { 钻取客户甲: "3", 钻取客户乙: "3", "=钻取客户丙": "1" };

  it("is for administrators only (customer:update and dictionary:manage)", async () => {
    for (const as of [gm, sales1, prod1]) {
      const res = await as({
        method: "POST",
        url: "/api/v1/reports/customer-value/apply-classes",
        payload: body,
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    expect(await classes()).toEqual(before);
  });

  it("refuses customers not in the report, and changes nothing", async () => {
    const res = await admin({
      method: "POST",
      url: "/api/v1/reports/customer-value/apply-classes",
      payload: { ...body, customerIds: [a.id, d.id] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toMatchObject([{ field: "customerIds.1", code: "not_in_report" }]);
    expect(await classes()).toEqual(before);
  });

  it("is all or nothing: a class that cannot be set leaves every customer as it was", async () => {
    const items = (await admin({ url: "/api/v1/dictionaries?type=customer_class" })).json().items;
    const two = items.find((i: { code: string }) => i.code === "2");
    const retire = (active: boolean) =>
      admin({ method: "PATCH", url: `/api/v1/dictionaries/${two.id}`, payload: { active } });
    expect((await retire(false)).statusCode).toBe(200);
    const res = await admin({
      method: "POST",
      url: "/api/v1/reports/customer-value/apply-classes",
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(await classes()).toEqual(before);
    expect((await retire(true)).statusCode).toBe(200);
  });

  it("sets every suggested class at once, audited per customer and as a whole", async () => {
    const res = await admin({
      method: "POST",
      url: "/api/v1/reports/customer-value/apply-classes",
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 3, unchanged: 0, byClass: { "1": 2, "2": 1 } });
    expect(await classes()).toEqual({ 钻取客户甲: "1", 钻取客户乙: "1", "=钻取客户丙": "2" });
    const audits = await db.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [a.id, b.id, c.id]));
    expect(audits.filter((x) => x.action === "bulk_update")).toHaveLength(3);
    const [whole] = await db.db.select().from(auditLog).where(eq(auditLog.action, "apply_suggested_classes"));
    expect(whole?.detail).toMatchObject({ updated: 3, byClass: { "1": 2, "2": 1 } });
    // Applied again: nothing left to change.
    const again = await admin({
      method: "POST",
      url: "/api/v1/reports/customer-value/apply-classes",
      payload: body,
    });
    expect(again.json()).toMatchObject({ updated: 0, unchanged: 3 });
  });
});
