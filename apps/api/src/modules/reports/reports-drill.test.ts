// Report drill-down: each figure opens into the records it counts, paged, within the caller's scope.
import { sumAmounts } from "@crm/contracts";
import { describe, expect, it } from "vitest";
import { shanghaiDate } from "../../shared/days.js";
import {
  a,
  amounts,
  c,
  d,
  gm,
  ids,
  names,
  prod1,
  product,
  type Records,
  records,
  report,
  sales1,
  sales3,
  signed,
} from "./reports-drill-fixtures.js";

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
