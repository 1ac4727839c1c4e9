import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, setupApp } from "../../../test/helper.js";
import { addDays, shanghaiDate } from "../../shared/days.js";
import { sweepNotifications } from "./sweep.service.js";

const { app, db } = await setupApp();
const [admin, prod1, sales2] = await clientsFor(app, ["admin", "prod1", "sales2"]);
const today = shanghaiDate();
const kinds = async () =>
  (await sales2({ url: "/api/v1/notifications?unread=true&limit=200" })).json().items as {
    kind: string;
    title: string;
  }[];

describe("notifications nobody's action makes", () => {
  it("a follow-up day, an overdue receivable and an event reminder each notify their owner once", async () => {
    const customer = await createCustomer(sales2, { name: "提醒客户" });
    await sales2({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: customer.id,
        occurredAt: new Date().toISOString(),
        channel: "phone",
        content: "约今天再联系",
        nextFollowUpOn: today,
      },
    });
    const cat = (
      await admin({
        method: "POST",
        url: "/api/v1/product-categories",
        payload: { letter: "N", name: "提醒测试" },
      })
    ).json();
    const product = (
      await prod1({
        method: "POST",
        url: "/api/v1/products",
        payload: { categoryId: cat.id, name: "提醒件", unit: "件", listPrice: "10.00" },
      })
    ).json();
    const order = (
      await sales2({
        method: "POST",
        url: "/api/v1/orders",
        payload: {
          customerId: customer.id,
          signingDate: addDays(today, -40),
          instalments: [{ percent: "100", dueInDays: 30 }],
          lines: [{ productId: product.id, unitPrice: "10.00", quantity: "2" }],
        },
      })
    ).json();
    await sales2({
      method: "POST",
      url: `/api/v1/orders/${order.id}/transitions`,
      payload: { action: "sign" },
    });
    const soon = new Date(Date.now() + 10 * 60_000);
    await sales2({
      method: "POST",
      url: "/api/v1/events",
      payload: {
        title: "拜访提醒客户",
        startsAt: soon.toISOString(),
        endsAt: new Date(soon.getTime() + 3_600_000).toISOString(),
        remindMinutesBefore: 15,
      },
    });
    await sales2({
      method: "POST",
      url: "/api/v1/events",
      payload: {
        title: "下周的会",
        startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        endsAt: new Date(Date.now() + 7 * 86_400_000 + 3_600_000).toISOString(),
        remindMinutesBefore: 15,
      },
    });

    expect(await sweepNotifications(db.db)).toBe(3);
    const mine = await kinds();
    expect(mine.map((n) => n.kind).sort()).toEqual(["event_reminder", "follow_up_due", "receivable_overdue"]);
    expect(mine.find((n) => n.kind === "receivable_overdue")?.title).toContain("20.00");
    // Once: a second sweep (or another process's) makes none of them again.
    expect(await sweepNotifications(db.db)).toBe(0);
    expect(await kinds()).toHaveLength(3);
  });

  it("gives the workbench the month so far against last month", async () => {
    const res = await sales2({ url: "/api/v1/workbench/stats" });
    expect(res.statusCode).toBe(200);
    expect(res.json().month).toBe(today.slice(0, 7));
    // From the first test: one customer made, one contact, and the order signed 40 days ago (not this month).
    expect(res.json().thisMonth).toMatchObject({ newCustomers: 1, contactsMade: 1 });
    expect(res.json().thisMonth.orderAmount).toBe(
      addDays(today, -40).slice(0, 7) === today.slice(0, 7) ? "20.00" : "0.00",
    );
  });
});
