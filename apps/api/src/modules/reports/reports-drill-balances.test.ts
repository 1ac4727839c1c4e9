import { sumAmounts } from "@crm/contracts";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, type Inject, setupApp } from "../../../test/helper.js";
import { shanghaiDate } from "../../shared/days.js";

// More customers owe money than the collection board shows (its first 500): a drill from a
// receivables figure must still list every one of them, so that its rows add up to the figure.
const { app, db } = await setupApp();
const [admin, prod1, sales1] = await clientsFor(app, ["admin", "prod1", "sales1"]);

const DEBTORS = 520;

const category = (
  await admin({
    method: "POST",
    url: "/api/v1/product-categories",
    payload: { letter: "E", name: "余额测试" },
  })
).json();
const product = (
  await prod1({
    method: "POST",
    url: "/api/v1/products",
    payload: { categoryId: category.id, name: "余额测试件", unit: "件", listPrice: "10.00" },
  })
).json();
const template = await createCustomer(sales1, {
  name: "余额客户模板",
  class: "3",
  province: "浙江省",
  city: "杭州市",
});
const order = (
  await sales1({
    method: "POST",
    url: "/api/v1/orders",
    payload: {
      customerId: template.id,
      signingDate: shanghaiDate(),
      lines: [{ productId: product.id, unitPrice: "10.00", quantity: "1" }],
    },
  })
).json();
expect(
  (
    await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/transitions`,
      payload: { action: "sign" },
    })
  ).statusCode,
).toBe(200);

// The template's copies, each owing ¥(n/100 + 1) on the template's order, 40 days overdue.
await db.db.execute(sql`
  insert into customers
  select (jsonb_populate_record(c, jsonb_build_object('id', gen_random_uuid(), 'code', '3类-9' || lpad(g::text, 4, '0'),
    'name', '余额客户' || g, 'name_key', c.name_key || g, 'credit_code', null))).*
  from customers c, generate_series(1, ${DEBTORS}) g where c.id = ${template.id}`);
await db.db.execute(sql`
  insert into receivables (order_id, customer_id, owner_id, instalment_no, amount, due_date)
  select r.order_id, c.id, r.owner_id, 1, (substr(c.code, 5)::int / 100.0 + 1)::numeric(14, 2), current_date - 40
  from receivables r, customers c where r.order_id = ${order.id} and c.code like '3类-9%'`);

const all = async (as: Inject, query: string) => {
  const items: { amount: string }[] = [];
  let cursor: string | null = null;
  do {
    const res = await as({
      url: `/api/v1/reports/dashboard/records?${query}&limit=200${cursor ? `&cursor=${cursor}` : ""}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return items;
};

describe("a receivables drill with more debtors than the collection board shows", () => {
  it("lists every debtor in scope, and its rows add up to the figure", async () => {
    const dashboard = (await sales1({ url: "/api/v1/reports/dashboard" })).json();
    const overdue = await all(sales1, "dimension=overdueReceivables");
    expect(overdue).toHaveLength(DEBTORS);
    expect(sumAmounts(overdue.map((i) => i.amount))).toBe(dashboard.overdueReceivables);
    const open = await all(sales1, "dimension=openReceivables");
    expect(open).toHaveLength(DEBTORS + 1); // and the template's own instalment, not yet due
    expect(sumAmounts(open.map((i) => i.amount))).toBe(dashboard.openReceivables);
  });

  it("shows the collection board its first 500 customers, with the totals of all", async () => {
    const board = (await sales1({ url: "/api/v1/collections" })).json();
    expect(board.items).toHaveLength(500);
    // …and says how many there are, and what they all owe.
    const dashboard = (await sales1({ url: "/api/v1/reports/dashboard" })).json();
    expect(board.totals).toEqual({
      customers: DEBTORS + 1,
      open: dashboard.openReceivables,
      overdue: dashboard.overdueReceivables,
    });
  });
});
