import { sumAmounts } from "@crm/contracts";
import {
  feedback,
  freshTestDatabase,
  orders,
  payments,
  receivables,
  stockMovements,
  transactions,
} from "@crm/db";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { login, testSettings } from "../test/helper.js";
import { buildApp } from "./app.js";
import { bootstrapDatabase } from "./bootstrap.js";
import { reconcile } from "./modules/finance/reconciliation.service.js";

describe("demo business data", () => {
  it("comes with a new demo company once: a year of sales, orders, payments and feedback the reports show", async () => {
    const handle = await freshTestDatabase();
    await bootstrapDatabase(handle, { demo: true, demoCustomers: true });
    // The demo company existed already: nothing is added again.
    await bootstrapDatabase(handle, { demo: true, demoCustomers: true });
    const db = handle.db;
    const count = async (table: typeof orders | typeof transactions | typeof feedback | typeof payments) =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;
    expect(await count(orders)).toBe(11);
    expect(await count(payments)).toBe(5);
    expect(await count(feedback)).toBe(9);
    // 19 direct sales and one per delivered order line (the partial delivery: its first line only).
    expect(await count(transactions)).toBe(19 + 11);
    const states = await db
      .select({ status: orders.status, n: sql<number>`count(*)::int` })
      .from(orders)
      .groupBy(orders.status);
    expect(Object.fromEntries(states.map((s) => [s.status, s.n]))).toEqual({
      completed: 3,
      delivered: 4,
      partially_delivered: 1,
      signed: 1,
      cancelled: 1,
      draft: 1,
    });
    // The ledger and the money agree with themselves (no sale without its stock movement).
    const [unlinked] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(transactions)
      .where(sql`${transactions.movementId} is null`);
    expect(unlinked!.n).toBe(0);
    const [stockOk] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(stockMovements)
      .where(eq(stockMovements.kind, "sale_issue"));
    expect(stockOk!.n).toBe(30);
    expect((await reconcile(db)).ok).toBe(true);
    const open = await db.select({ amount: receivables.amount, paid: receivables.paid }).from(receivables);
    expect(open.length).toBeGreaterThan(0);

    // What gm sees: revenue in most of the last twelve months, ratings, overdue money.
    const app = await buildApp({ settings: testSettings(), db: handle });
    await app.ready();
    const { accessToken } = await login(app, "gm");
    const get = async (url: string) =>
      (await app.inject({ url, headers: { authorization: `Bearer ${accessToken}` } })).json();
    const sales = await get("/api/v1/reports/sales");
    expect(sales.rows.length).toBeGreaterThanOrEqual(10);
    const total = sumAmounts(sales.rows.map((r: { revenue: string }) => r.revenue));
    const [sum] = await db.select({ v: sql<string>`sum(amount)::text` }).from(transactions);
    expect(total).toBe(sum!.v);
    const satisfaction = await get("/api/v1/reports/satisfaction");
    expect(satisfaction.overall.ratings).toBe(7);
    expect(satisfaction.trend.length).toBeGreaterThan(3);
    const evaluation = await get("/api/v1/reports/customer-evaluation");
    expect(evaluation.potential.length).toBeGreaterThanOrEqual(2);
    expect(evaluation.byCreditRating.length).toBe(5);
    expect(evaluation.byRevenueBand.map((b: { key: string }) => b.key).sort()).toEqual([
      "10m_100m",
      "1m_10m",
      "over_100m",
      "under_1m",
    ]);
    const dashboard = await get("/api/v1/reports/dashboard");
    expect(Number(dashboard.overdueReceivables)).toBeGreaterThan(0);
    await app.close();
    await handle.drop();
  });
});
