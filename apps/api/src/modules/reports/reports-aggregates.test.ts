import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";

// The report aggregates (migration 0021) against the records they add up: every write through the
// API must leave rollup ∪ delta equal to a recomputation from the records, before and after the
// deltas are compacted, and the reports must answer from them what the records say.
const { app, db } = await setupApp();
const [admin, gm, mgr1, prod1, sales1, sales3, service1] = await clientsFor(app, [
  "admin",
  "gm",
  "mgr1",
  "prod1",
  "sales1",
  "sales3",
  "service1",
]);
const exec = async <T extends Record<string, unknown>>(q: ReturnType<typeof sql>) =>
  (await db.db.execute<T>(q)).rows;

const category = (
  await admin({
    method: "POST",
    url: "/api/v1/product-categories",
    payload: { letter: "Q", name: "汇总测试" },
  })
).json();
const newProduct = async (name: string) => {
  const p = (
    await prod1({
      method: "POST",
      url: "/api/v1/products",
      payload: { categoryId: category.id, name, unit: "件", listPrice: "100.00" },
    })
  ).json();
  await prod1({
    method: "POST",
    url: "/api/v1/stock-movements",
    payload: { productId: p.id, kind: "production_receipt", quantity: "1000" },
  });
  return p as { id: string };
};
const product = await newProduct("汇总测试件");
const other = await newProduct("汇总测试件乙");

const a = await createCustomer(sales1, { name: "汇总客户甲", province: "浙江省", city: "杭州市" });
const b = await createCustomer(sales1, { name: "汇总客户乙", province: "江苏省", city: "苏州市" });
const c = await createCustomer(sales3, { name: "汇总客户丙", province: "广东省", city: "深圳市" });

const sell = async (
  as: Inject,
  customerId: string,
  date: string,
  quantity: string,
  productId = product.id,
) => {
  const res = await as({
    method: "POST",
    url: "/api/v1/transactions",
    payload: { customerId, productId, date, unitPrice: "100.00", quantity },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number };
};
const report = async (as: Inject, name: string, query = "") => {
  const res = await as({ url: `/api/v1/reports/${name}${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const revenueByMonth = async (query: string, as: Inject = gm) =>
  Object.fromEntries(
    (await report(as, "sales", query)).rows.map((r: { key: string; revenue: string }) => [r.key, r.revenue]),
  );

/** Rows of `agg` not in `raw` and of `raw` not in `agg` (both: SELECT lists of the same shape). */
const differ = (agg: ReturnType<typeof sql>, raw: ReturnType<typeof sql>) =>
  sql`select count(*)::int as n from (((${agg}) except (${raw})) union all ((${raw}) except (${agg}))) x`;
const NONE = sql`'00000000-0000-0000-0000-000000000000'::uuid`;

/** Every aggregate, read as the reports read it (rollup ∪ delta), against the records. */
async function mismatches(): Promise<Record<string, number>> {
  const liveSales = sql`select t.*, c.province, c.class from transactions t join customers c on c.id = t.customer_id where t.deleted_at is null`;
  const sales = (key: string, rollup: string, deltaKey: string) =>
    differ(
      sql.raw(`select ${key}, sum(sales)::int, sum(quantity), sum(amount) from (
          select ${key}, sales, quantity, amount from ${rollup}
          union all select ${deltaKey}, sales, quantity, amount from report_sales_delta) x
        group by ${key} having sum(sales) <> 0`),
      sql`select ${sql.raw(key)}, count(*)::int, sum(quantity), sum(amount) from (
          select owner_id, product_id, province, class, date_trunc('month', date)::date as month, quantity, amount
          from (${liveSales}) s) y group by ${sql.raw(key)}`,
    );
  const grains = sql`(values ('m'), ('y'), ('a')) g(grain)`;
  const start = (day: string) =>
    sql.raw(`case g.grain when 'm' then date_trunc('month', ${day})::date when 'y' then date_trunc('year', ${day})::date
      else '1970-01-01'::date end`);
  const feedbackRaw = sql`select coalesce(c.owner_id, ${NONE}) as owner_id, date_trunc('month', f.occurred_on)::date as month,
      c.province, c.class, f.type, coalesce(f.product_id, ${NONE}) as product_id,
      coalesce(f.handler_id, ${NONE}) as handler_id,
      1 as feedback, (f.status <> 'closed')::int as open, (f.first_response_at is not null)::int as responded,
      coalesce(extract(epoch from f.first_response_at - f.created_at), 0) as response_seconds,
      (f.closed_at is not null)::int as closed, coalesce(extract(epoch from f.closed_at - f.created_at), 0) as resolution_seconds,
      (select count(rating) from return_visits v where v.feedback_id = f.id)::int as rated,
      coalesce((select sum(rating) from return_visits v where v.feedback_id = f.id), 0)::int as rating_sum
    from feedback f join customers c on c.id = f.customer_id where f.deleted_at is null`;
  const feedbackMeasures =
    "sum(feedback)::int, sum(open)::int, sum(responded)::int, sum(response_seconds), sum(closed)::int, sum(resolution_seconds), sum(rated)::int, sum(rating_sum)::int";
  const feedbackBy = (key: string, rollup: string) =>
    differ(
      sql.raw(`select ${key}, ${feedbackMeasures} from (
          select ${key}, feedback, open, responded, response_seconds, closed, resolution_seconds, rated, rating_sum from ${rollup}
          union all select ${key.replace("month", "date_trunc('month', day)::date")}, feedback, open, responded, response_seconds,
            closed, resolution_seconds, rated, rating_sum from report_feedback_delta) x
        group by ${key} having sum(feedback) <> 0`),
      sql`select ${sql.raw(key)}, ${sql.raw(feedbackMeasures)} from (${feedbackRaw}) y group by ${sql.raw(key)}`,
    );
  const checks: Record<string, ReturnType<typeof sql>> = {
    salesOwner: sales("owner_id, month", "report_sales_owner", "owner_id, date_trunc('month', day)::date"),
    salesProduct: sales(
      "owner_id, month, product_id",
      "report_sales_product",
      "owner_id, date_trunc('month', day)::date, product_id",
    ),
    salesRegion: sales(
      "owner_id, month, province",
      "report_sales_region",
      "owner_id, date_trunc('month', day)::date, province",
    ),
    salesProductAll: sales(
      "month, product_id",
      "report_sales_product_all",
      "date_trunc('month', day)::date, product_id",
    ),
    salesRegionAll: sales(
      "month, province",
      "report_sales_region_all",
      "date_trunc('month', day)::date, province",
    ),
    salesAttr: sales(
      "owner_id, month, product_id, province, class",
      "report_sales_attr",
      "owner_id, date_trunc('month', day)::date, product_id, province, class",
    ),
    salesAttrOwner: sales(
      "owner_id, month, province, class",
      "report_sales_attr_owner",
      "owner_id, date_trunc('month', day)::date, province, class",
    ),
    salesAttrAll: sales(
      "month, product_id, province, class",
      "report_sales_attr_all",
      "date_trunc('month', day)::date, product_id, province, class",
    ),
    // Every per-customer row carries its customer's current province and class.
    customerAttributes: sql`select count(*)::int as n from (
        select customer_id, province, class from report_customer_sales
        union all select customer_id, province, class from report_customer_visits
        union all select customer_id, province, class from report_first_sales) x
      join customers c on c.id = x.customer_id where (x.province, x.class) <> (c.province, c.class)`,
    customerSales: differ(
      sql`select customer_id, owner_id, grain, start, sales, amount, last_date from report_customer_sales`,
      sql`select customer_id, owner_id, g.grain, ${start("date")}, count(*)::int, sum(amount), max(date)
          from transactions, ${grains} where deleted_at is null group by 1, 2, 3, 4
        union all
        select customer_id, ${NONE}, g.grain, ${start("date")}, count(*)::int, sum(amount), max(date)
          from transactions, ${grains} where deleted_at is null group by 1, 3, 4`,
    ),
    firstSales: differ(
      sql`select customer_id, owner_id, transaction_id from report_first_sales`,
      sql`select distinct on (customer_id, owner_id) customer_id, owner_id, id from transactions where deleted_at is null
        order by customer_id, owner_id, date, created_at, id`,
    ),
    visits: differ(
      sql`select customer_id, owner_id, grain, start, visits, in_person, last_at, last_result from report_customer_visits`,
      sql`select customer_id, owner_id, g.grain, ${start("report_shanghai_day(occurred_at)")}, count(*)::int,
          (count(*) filter (where channel in ('visit', 'meeting')))::int, max(occurred_at),
          (array_agg(result order by occurred_at desc))[1]
          from contact_records, ${grains} where deleted_at is null group by 1, 2, 3, 4
        union all
        select customer_id, ${NONE}, g.grain, ${start("report_shanghai_day(occurred_at)")}, count(*)::int,
          (count(*) filter (where channel in ('visit', 'meeting')))::int, max(occurred_at),
          (array_agg(result order by occurred_at desc))[1]
          from contact_records, ${grains} where deleted_at is null group by 1, 3, 4`,
    ),
    feedbackType: feedbackBy("owner_id, month, type", "report_feedback_type"),
    feedbackProduct: feedbackBy("owner_id, month, product_id", "report_feedback_product"),
    feedbackHandler: feedbackBy("owner_id, month, handler_id", "report_feedback_handler"),
    feedbackProductAll: feedbackBy("month, product_id", "report_feedback_product_all"),
    feedbackHandlerAll: feedbackBy("month, handler_id", "report_feedback_handler_all"),
    feedbackAttr: feedbackBy(
      "owner_id, month, province, class, type, product_id, handler_id",
      "report_feedback_attr",
    ),
    feedbackAttrTrend: differ(
      sql`select owner_id, month, province, class, done_month, sum(visits)::int, sum(rated)::int, sum(rating_sum)::int from (
          select owner_id, month, province, class, done_month, visits, rated, rating_sum from report_feedback_attr_trend
          union all select owner_id, date_trunc('month', day)::date, province, class, done_month, done_visits, done_rated,
            done_rating_sum from report_feedback_delta where done_month is not null) x
        group by 1, 2, 3, 4, 5 having sum(visits) <> 0`,
      sql`select coalesce(c.owner_id, ${NONE}), date_trunc('month', f.occurred_on)::date, c.province, c.class,
          coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01'), count(*)::int,
          count(v.rating)::int, coalesce(sum(v.rating), 0)::int
        from return_visits v join feedback f on f.id = v.feedback_id join customers c on c.id = f.customer_id
        where f.deleted_at is null and v.status = 'done' group by 1, 2, 3, 4, 5`,
    ),
    feedbackTrend: differ(
      sql`select owner_id, month, done_month, sum(visits)::int, sum(rated)::int, sum(rating_sum)::int from (
          select owner_id, month, done_month, visits, rated, rating_sum from report_feedback_trend
          union all select owner_id, date_trunc('month', day)::date, done_month, done_visits, done_rated, done_rating_sum
            from report_feedback_delta where done_month is not null) x
        group by 1, 2, 3 having sum(visits) <> 0`,
      sql`select coalesce(c.owner_id, ${NONE}), date_trunc('month', f.occurred_on)::date,
          coalesce(date_trunc('month', report_shanghai_day(v.done_at))::date, '1970-01-01'), count(*)::int,
          count(v.rating)::int, coalesce(sum(v.rating), 0)::int
        from return_visits v join feedback f on f.id = v.feedback_id join customers c on c.id = f.customer_id
        where f.deleted_at is null and v.status = 'done' group by 1, 2, 3`,
    ),
    customerCounts: differ(
      sql`select owner_id, province, class, credit_rating, band, sum(customers)::int from (
          select owner_id, province, class, credit_rating, band, customers from report_customer_counts
          union all select owner_id, province, class, credit_rating, band, customers from report_customer_delta) x
        group by 1, 2, 3, 4, 5 having sum(customers) <> 0`,
      sql`select coalesce(owner_id, ${NONE}), province, class, coalesce(credit_rating, ''),
          report_revenue_band(annual_revenue), count(*)::int from customers where deleted_at is null group by 1, 2, 3, 4, 5`,
    ),
  };
  const out: Record<string, number> = {};
  for (const [name, q] of Object.entries(checks)) {
    const n = (await exec<{ n: number }>(q))[0]!.n;
    if (n) out[name] = n;
  }
  return out;
}

/** The aggregates agree with the records as they are, and again once the deltas are compacted. */
async function expectExact() {
  expect(await mismatches()).toEqual({});
  await exec(sql`select reports_compact()`);
  expect((await exec<{ n: number }>(sql`select count(*)::int as n from report_sales_delta`))[0]!.n).toBe(0);
  expect(await mismatches()).toEqual({});
}

describe("report aggregates", () => {
  it("sales: a new, an edited, a deleted and a restored sale move every figure", async () => {
    await sell(sales1, a.id, "2026-01-10", "1");
    const feb = await sell(sales1, a.id, "2026-02-05", "2");
    const bSale = await sell(sales1, b.id, "2026-02-20", "5");
    await sell(sales3, c.id, "2026-03-01", "1", other.id);
    await expectExact();
    expect(await revenueByMonth("?from=2026-01-01&to=2026-03-31")).toEqual({
      "2026-01": "100.00",
      "2026-02": "700.00",
      "2026-03": "100.00",
    });

    const edited = await sales1({
      method: "PATCH",
      url: `/api/v1/transactions/${feb.id}`,
      payload: { quantity: "4", date: "2026-03-05" },
      headers: { "if-match": `"${feb.version}"` },
    });
    expect(edited.statusCode, edited.body).toBe(200);
    await expectExact();
    expect(await revenueByMonth("?from=2026-01-01&to=2026-03-31")).toEqual({
      "2026-01": "100.00",
      "2026-02": "500.00",
      "2026-03": "500.00",
    });

    expect((await mgr1({ method: "DELETE", url: `/api/v1/transactions/${bSale.id}` })).statusCode).toBe(200);
    await expectExact();
    expect(await revenueByMonth("?from=2026-01-01&to=2026-03-31")).toEqual({
      "2026-01": "100.00",
      "2026-03": "500.00",
    });
    const firsts = await report(gm, "first-transactions");
    expect(firsts.rows.map((r: { customerName: string }) => r.customerName)).toEqual([
      "汇总客户甲",
      "汇总客户丙",
    ]);
    const value = await report(gm, "customer-value", "?to=2026-03-31");
    expect(
      value.rows.map((r: { customerName: string; frequency: number }) => [r.customerName, r.frequency]),
    ).toEqual([
      ["汇总客户甲", 2],
      ["汇总客户丙", 1],
    ]);

    expect((await mgr1({ method: "POST", url: `/api/v1/transactions/${bSale.id}/restore` })).statusCode).toBe(
      200,
    );
    await expectExact();
    expect((await report(gm, "first-transactions")).rows).toHaveLength(3);
    // The scope still decides: sales1 sees its own two customers, sales3 its one.
    expect(await revenueByMonth("?from=2026-01-01&to=2026-03-31", sales3)).toEqual({ "2026-03": "100.00" });
    const own = await report(sales1, "sales", "?from=2026-01-01&to=2026-03-31");
    expect(own.byProduct.map((r: { key: string; revenue: string }) => [r.key, r.revenue])).toEqual([
      ["汇总测试件", "1000.00"],
    ]);
  });

  it("a period that cuts a month reads its days from the records, exactly", async () => {
    // Jan 10 (100), Feb 20 (500), Mar 5 (400) for sales1; Mar 1 (100) for sales3.
    expect(await revenueByMonth("?from=2026-01-15&to=2026-02-25")).toEqual({ "2026-02": "500.00" });
    expect(await revenueByMonth("?from=2026-02-21&to=2026-03-04")).toEqual({ "2026-03": "100.00" });
    expect(await revenueByMonth("?from=2026-01-10&to=2026-01-10")).toEqual({ "2026-01": "100.00" });
    expect(await revenueByMonth("?to=2026-03-02")).toEqual({
      "2026-01": "100.00",
      "2026-02": "500.00",
      "2026-03": "100.00",
    });
    expect(await revenueByMonth("?from=2026-03-02")).toEqual({ "2026-03": "400.00" });
    const value = await report(gm, "customer-value", "?from=2026-01-01&to=2026-02-28");
    expect(
      value.rows.map((r: { customerName: string; monetary: string; recencyDays: number }) => [
        r.customerName,
        r.monetary,
        r.recencyDays,
      ]),
    ).toEqual([
      ["汇总客户乙", "500.00", 8],
      ["汇总客户甲", "100.00", 49],
    ]);
    // RFM: quintiles of each value's place among all customers'; equal values share a score.
    const rfm = Object.fromEntries(
      (await report(gm, "customer-value", "?to=2026-03-31")).rows.map(
        (r: { customerName: string; rfm: string }) => [r.customerName, r.rfm],
      ),
    );
    expect([rfm.汇总客户甲?.slice(0, 2), rfm.汇总客户乙?.slice(0, 2), rfm.汇总客户丙]).toEqual([
      "53",
      "31",
      "411",
    ]);
    expect([rfm.汇总客户甲?.[2], rfm.汇总客户乙?.[2]].sort()).toEqual(["2", "3"]);
    const firsts = await report(gm, "first-transactions", "?from=2026-02-01&to=2026-03-03");
    expect(firsts.rows.map((r: { customerName: string }) => r.customerName)).toEqual([
      "汇总客户乙",
      "汇总客户丙",
    ]);
    expect(firsts.newCustomersByMonth).toEqual([
      { month: "2026-02", count: 1 },
      { month: "2026-03", count: 1 },
    ]);
  });

  it("a customer's new province, class and owner move its figures; a deleted customer leaves the counts", async () => {
    const moved = await gm({
      method: "PATCH",
      url: `/api/v1/customers/${b.id}`,
      payload: { province: "山东省", city: "济南市", class: "2", creditRating: "AA" },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const regions = await report(gm, "sales", "?from=2026-01-01&to=2026-03-31");
    expect(
      Object.fromEntries(regions.byRegion.map((r: { key: string; revenue: string }) => [r.key, r.revenue])),
    ).toEqual({ 山东省: "500.00", 浙江省: "500.00", 广东省: "100.00" });
    const evaluation = await report(gm, "customer-evaluation");
    expect(evaluation.byCreditRating).toContainEqual({ key: "AA", customers: 1 });

    // A complaint of 丙, then 丙 moves to sales1: its feedback moves into sales1's satisfaction.
    const complaint = (
      await service1({
        method: "POST",
        url: "/api/v1/feedback",
        payload: { customerId: c.id, type: "complaint", subject: "汇总投诉", occurredOn: "2026-03-02" },
      })
    ).json();
    expect((await report(sales1, "satisfaction")).rows).toEqual([]);
    const transfer = await gm({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      payload: { ownerId: a.ownerId },
    });
    expect(transfer.statusCode, transfer.body).toBe(200);
    expect((await report(sales1, "satisfaction")).rows).toMatchObject([{ key: "complaint", feedback: 1 }]);
    expect((await report(sales1, "dashboard")).openFeedback).toBe(1);
    await expectExact();

    expect((await gm({ method: "DELETE", url: `/api/v1/customers/${c.id}` })).statusCode).toBe(200);
    const after = await report(gm, "customer-evaluation");
    expect(after.byRegion.find((r: { key: string }) => r.key === "广东省")).toBeUndefined();
    await expectExact();
    expect((await gm({ method: "POST", url: `/api/v1/customers/${c.id}/restore` })).statusCode).toBe(200);
    void complaint;
    await expectExact();
  });

  it("feedback: closing, rating, retyping and deleting move satisfaction; contact records move visits", async () => {
    const f = (
      await service1({
        method: "POST",
        url: "/api/v1/feedback",
        payload: { customerId: a.id, type: "fault", subject: "汇总故障", occurredOn: "2026-03-10" },
      })
    ).json();
    await service1({
      method: "PATCH",
      url: `/api/v1/feedback/${f.id}`,
      payload: { status: "closed", resolution: "已修复" },
    });
    const visit = (await service1({ url: `/api/v1/return-visits?feedbackId=${f.id}` })).json().items[0];
    await service1({
      method: "POST",
      url: `/api/v1/return-visits/${visit.id}/complete`,
      payload: { rating: 3 },
    });
    await expectExact();
    let s = await report(gm, "satisfaction", "?from=2026-03-01&to=2026-03-31");
    expect(s.overall).toEqual({ avgRating: "3.00", ratings: 1 });
    expect(s.rows.find((r: { key: string }) => r.key === "fault")).toMatchObject({
      feedback: 1,
      avgRating: "3.00",
    });

    const current = (await service1({ url: `/api/v1/feedback/${f.id}` })).json();
    await service1({
      method: "PATCH",
      url: `/api/v1/feedback/${f.id}`,
      payload: { type: "consultation" },
      headers: { "if-match": `"${current.version}"` },
    });
    await expectExact();
    s = await report(gm, "satisfaction", "?from=2026-03-01&to=2026-03-31");
    expect(s.rows.find((r: { key: string }) => r.key === "consultation")).toMatchObject({
      avgRating: "3.00",
    });
    expect(s.rows.find((r: { key: string }) => r.key === "fault")).toBeUndefined();
    // The days of a cut month come from the records too.
    expect((await report(gm, "satisfaction", "?from=2026-03-05&to=2026-03-12")).overall).toEqual({
      avgRating: "3.00",
      ratings: 1,
    });
    expect((await report(gm, "satisfaction", "?from=2026-03-11&to=2026-03-31")).overall.ratings).toBe(0);

    await service1({ method: "DELETE", url: `/api/v1/feedback/${f.id}` });
    await expectExact();
    expect((await report(gm, "satisfaction", "?from=2026-03-01&to=2026-03-31")).overall.ratings).toBe(0);

    const record = async (customerId: string, channel: string, at: string) =>
      (
        await sales1({
          method: "POST",
          url: "/api/v1/contact-records",
          payload: {
            customerId,
            channel,
            occurredAt: at,
            content: "汇总拜访",
            result: `结果${at.slice(5, 10)}`,
          },
        })
      ).json();
    await record(a.id, "visit", "2026-02-01T10:00:00+08:00");
    const moved = await record(a.id, "phone", "2026-02-03T10:00:00+08:00");
    await record(b.id, "meeting", "2026-02-04T23:30:00+08:00");
    await expectExact();
    await sales1({
      method: "PATCH",
      url: `/api/v1/contact-records/${moved.id}`,
      payload: { occurredAt: "2026-01-20T09:00:00+08:00" },
    });
    await expectExact();
    const v = await report(sales1, "visits", "?from=2026-02-01&to=2026-02-04");
    expect(v.rows[0]).toMatchObject({ visits: 2, inPerson: 2, customers: 2 });
    expect(
      v.byCustomer.map((x: { customerName: string; lastResult: string }) => [x.customerName, x.lastResult]),
    ).toEqual(
      expect.arrayContaining([
        ["汇总客户甲", "结果02-01"],
        ["汇总客户乙", "结果02-04"],
      ]),
    );
    expect((await report(sales1, "visits", "?from=2026-01-01&to=2026-01-31")).rows[0]).toMatchObject({
      visits: 1,
    });
    await sales1({ method: "DELETE", url: `/api/v1/contact-records/${moved.id}` });
    await expectExact();
    expect((await report(sales1, "visits")).rows[0]).toMatchObject({ visits: 2, customers: 2 });
  });

  it("rebuilding from the records gives the same aggregates", async () => {
    const before = await exec<{ t: string }>(
      sql`select md5(string_agg(x::text, ',' order by x::text)) as t from report_customer_sales x`,
    );
    await exec(sql`select reports_rebuild_aggregates()`);
    await expectExact();
    const after = await exec<{ t: string }>(
      sql`select md5(string_agg(x::text, ',' order by x::text)) as t from report_customer_sales x`,
    );
    expect(after).toEqual(before);
  });

  it("a merge moves the merged customer's sales, visits and feedback to the survivor; its undo moves them back", async () => {
    const survivor = await createCustomer(sales1, { name: "汇总留存", province: "福建省", city: "厦门市" });
    const merged = await createCustomer(sales3, { name: "汇总并入", province: "广东省", city: "广州市" });
    await sell(sales1, survivor.id, "2026-04-10", "1");
    await sell(sales3, merged.id, "2026-03-05", "2");
    await sell(sales3, merged.id, "2026-04-20", "3", other.id);
    const call = await sales3({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: merged.id,
        occurredAt: "2026-04-21T02:00:00Z",
        channel: "visit",
        content: "拜访",
      },
    });
    expect(call.statusCode, call.body).toBe(201);
    const complaint = await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: { customerId: merged.id, type: "complaint", subject: "并入投诉", occurredOn: "2026-04-22" },
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
    await expectExact();

    const merge = await admin({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: survivor.id, mergedIds: [merged.id] },
    });
    expect(merge.statusCode, merge.body).toBe(200);
    await expectExact();
    const first = async () =>
      (
        await exec<{ customer_id: string }>(
          sql`select distinct customer_id from report_first_sales where customer_id in (${survivor.id}, ${merged.id})`,
        )
      ).map((r) => r.customer_id);
    // First sales (per customer and salesperson) are the survivor's now; the merged one has none.
    expect(await first()).toEqual([survivor.id]);
    const survivorSales = await exec<{ n: number }>(
      sql`select count(*)::int as n from transactions where customer_id = ${survivor.id}`,
    );
    expect(survivorSales[0]!.n).toBe(3);

    const undo = await admin({
      method: "POST",
      url: `/api/v1/customers/merges/${merge.json().mergeId}/undo`,
    });
    expect(undo.statusCode, undo.body).toBe(200);
    await expectExact();
    expect((await first()).sort()).toEqual([survivor.id, merged.id].sort());
    // Undone, the merged customer's rows carry its own province again (checked by expectExact).
  });

  it("province and class filters answer from the aggregates, as the records do, also after a customer moves", async () => {
    // Two customers of 河南省, class 1: p buys for 200 and is visited, q buys for 100 and complains.
    const p = await createCustomer(sales1, { name: "筛选客户甲", province: "河南省", city: "郑州市" });
    const q = await createCustomer(sales1, { name: "筛选客户乙", province: "河南省", city: "洛阳市" });
    await sell(sales1, p.id, "2026-05-10", "2");
    await sell(sales1, q.id, "2026-05-12", "1", other.id);
    const visit = await sales1({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: p.id,
        occurredAt: "2026-05-11T10:00:00+08:00",
        channel: "visit",
        content: "筛选拜访",
      },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const complaint = await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: { customerId: q.id, type: "complaint", subject: "筛选投诉", occurredOn: "2026-05-13" },
    });
    expect(complaint.statusCode, complaint.body).toBe(201);
    await expectExact();

    const may = "from=2026-05-01&to=2026-05-31";
    const revenue = async (query: string) =>
      (await revenueByMonth(`?${query}&${may}`))["2026-05"] as string | undefined;
    const names = (rows: { customerName: string }[]) => rows.map((r) => r.customerName).sort();
    const values = async (query: string) =>
      (await report(gm, "customer-value", `?${query}&${may}`)).rows.map(
        (r: { customerName: string; monetary: string }) => [r.customerName, r.monetary],
      );
    const firsts = async (query: string) => names((await report(gm, "first-transactions", `?${query}`)).rows);
    const visited = async (query: string) =>
      names((await report(gm, "visits", `?${query}&${may}`)).byCustomer);
    const complaints = async (query: string) =>
      (await report(gm, "satisfaction", `?${query}&${may}`)).rows.map(
        (r: { key: string; feedback: number }) => [r.key, r.feedback],
      );

    expect(await revenue("province=河南省")).toBe("300.00");
    expect(await revenue("province=河南省&class=1")).toBe("300.00");
    expect(await revenue("province=河南省&class=2")).toBeUndefined();
    const sales = await report(gm, "sales", `?province=河南省&${may}`);
    expect(sales.byProduct.map((r: { key: string; revenue: string }) => [r.key, r.revenue])).toEqual([
      ["汇总测试件", "200.00"],
      ["汇总测试件乙", "100.00"],
    ]);
    expect(sales.byRegion).toMatchObject([{ key: "河南省", revenue: "300.00", sales: 2 }]);
    expect(sales.bySalesperson).toMatchObject([{ ownerId: p.ownerId, revenue: "300.00" }]);
    expect(await values("province=河南省")).toEqual([
      ["筛选客户甲", "200.00"],
      ["筛选客户乙", "100.00"],
    ]);
    expect(await firsts("province=河南省")).toEqual(["筛选客户乙", "筛选客户甲"].sort());
    expect(await visited("province=河南省")).toEqual(["筛选客户甲"]);
    expect(await complaints("province=河南省")).toEqual([["complaint", 1]]);
    const satisfaction = await report(gm, "satisfaction", `?province=河南省&${may}`);
    const total = (rows: { feedback: number }[]) => rows.reduce((n, r) => n + r.feedback, 0);
    expect([total(satisfaction.byProduct), total(satisfaction.byHandler)]).toEqual([1, 1]);
    // Cut days (read from the records) and whole months agree.
    expect(await revenueByMonth("?province=河南省&from=2026-05-11&to=2026-05-20")).toEqual({
      "2026-05": "100.00",
    });
    const dash = await report(gm, "dashboard", "?province=河南省&to=2026-05-31");
    expect(dash.revenueThisMonth).toBe("300.00");
    expect(dash.topSalespeople).toMatchObject([{ ownerId: p.ownerId, revenue: "300.00" }]);
    expect(await revenueByMonth(`?province=河南省&${may}`, sales1)).toEqual({ "2026-05": "300.00" });
    expect(await revenueByMonth(`?province=河南省&${may}`, sales3)).toEqual({});

    // p moves to 湖北省 and q becomes class 2: every filtered figure follows at once.
    const moved = await gm({
      method: "PATCH",
      url: `/api/v1/customers/${p.id}`,
      payload: { province: "湖北省", city: "武汉市" },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const reclassed = await gm({
      method: "PATCH",
      url: `/api/v1/customers/${q.id}`,
      payload: { class: "2" },
    });
    expect(reclassed.statusCode, reclassed.body).toBe(200);
    await expectExact();
    expect(await revenue("province=河南省")).toBe("100.00");
    expect(await revenue("province=湖北省")).toBe("200.00");
    expect(await revenue("province=河南省&class=1")).toBeUndefined();
    expect(await revenue("province=河南省&class=2")).toBe("100.00");
    expect(await values("province=湖北省")).toEqual([["筛选客户甲", "200.00"]]);
    expect(await values("province=河南省&class=2")).toEqual([["筛选客户乙", "100.00"]]);
    expect(await firsts("province=湖北省")).toEqual(["筛选客户甲"]);
    expect(await firsts("province=河南省")).toEqual(["筛选客户乙"]);
    expect(await visited("province=河南省")).toEqual([]);
    expect(await visited("province=湖北省&class=1")).toEqual(["筛选客户甲"]);
    expect(await complaints("province=河南省&class=1")).toEqual([]);
    expect(await complaints("province=河南省&class=2")).toEqual([["complaint", 1]]);
    expect((await report(gm, "dashboard", "?province=湖北省&to=2026-05-31")).revenueThisMonth).toBe("200.00");
    expect(await revenueByMonth("?province=湖北省&from=2026-05-05&to=2026-05-11")).toEqual({
      "2026-05": "200.00",
    });
  });
});

describe("a new sale adds itself to its customer's rows", () => {
  it("an earlier sale recorded later becomes the first; concurrent sales of one customer all count", async () => {
    const d = await createCustomer(sales1, { name: "汇总客户丁", province: "浙江省", city: "宁波市" });
    await sell(sales1, d.id, "2026-04-10", "1");
    await sell(sales1, d.id, "2026-04-20", "2");
    const earlier = await sell(sales1, d.id, "2026-04-02", "1");
    await Promise.all(Array.from({ length: 12 }, (_, i) => sell(sales1, d.id, `2026-04-${11 + i}`, "1")));
    await expectExact();
    const [first] = await exec<{ transaction_id: string }>(
      sql`select transaction_id from report_first_sales where customer_id = ${d.id}`,
    );
    expect(first?.transaction_id).toBe(earlier.id);
    const [all] = await exec<{ sales: number; amount: string; last_date: string }>(
      sql`select sales, amount::text, last_date::text from report_customer_sales
        where customer_id = ${d.id} and grain = 'a' and owner_id = '00000000-0000-0000-0000-000000000000'`,
    );
    expect(all).toEqual({ sales: 15, amount: "1600.00", last_date: "2026-04-22" });
  });
});
