import { users } from "@crm/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, setupApp } from "../../../test/helper.js";
import { addDays, shanghaiDate } from "../../shared/days.js";
import { sweepNotifications } from "../activities/sweep.service.js";

const { app, db } = await setupApp();
const [admin, mgr1, sales1, sales2, service1, prod1, finance1] = await clientsFor(app, [
  "admin",
  "mgr1",
  "sales1",
  "sales2",
  "service1",
  "prod1",
  "finance1",
]);
const userId = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
const today = shanghaiDate();
const ALL_ON = {
  task_assigned: true,
  shared: true,
  follow_up_due: true,
  feedback_assigned: true,
  receivable_overdue: true,
  event_reminder: true,
};
const fieldsOf = (body: string) =>
  (JSON.parse(body).errors as { field: string }[]).map((e) => e.field).sort();
const kindsOf = async (as: typeof sales1) =>
  (
    (await as({ url: "/api/v1/notifications?limit=200" })).json().items as { kind: string; title: string }[]
  ).map((n) => `${n.kind}|${n.title}`);
const assign = (assigneeId: string, title: string) =>
  mgr1({ method: "POST", url: "/api/v1/tasks", payload: { title, assigneeId } });

describe("notification preferences (通知设置)", () => {
  it("are all on until the user chooses", async () => {
    const res = await sales1({ url: "/api/v1/me/notification-preferences" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ inApp: ALL_ON });
    expect((await app.inject({ url: "/api/v1/me/notification-preferences" })).statusCode).toBe(401);
  });

  it("refuses unknown kinds and non-booleans (400) and changes nothing", async () => {
    const put = (payload: unknown) =>
      sales1({ method: "PUT", url: "/api/v1/me/notification-preferences", payload });
    const unknown = await put({ inApp: { task_assigned: false, birthday_party: false } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.headers["content-type"]).toContain("application/problem+json");
    expect(unknown.json().code).toBe("validation_failed");
    const notBoolean = await put({ inApp: { task_assigned: "off" } });
    expect(notBoolean.statusCode).toBe(400);
    expect(fieldsOf(notBoolean.body)).toEqual(["inApp.task_assigned"]);
    const missing = await put({});
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing.body)).toEqual(["inApp"]);
    expect((await sales1({ url: "/api/v1/me/notification-preferences" })).json()).toEqual({ inApp: ALL_ON });
  });

  it("a kind turned off is not notified, whoever produces it; others are, and other users are unaffected", async () => {
    const sales1Id = await userId("sales1");
    const sales2Id = await userId("sales2");
    const off = await sales1({
      method: "PUT",
      url: "/api/v1/me/notification-preferences",
      payload: { inApp: { task_assigned: false, follow_up_due: false } },
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toEqual({ inApp: { ...ALL_ON, task_assigned: false, follow_up_due: false } });
    expect((await sales1({ url: "/api/v1/me/notification-preferences" })).json()).toEqual(off.json());

    // A task assigned by the manager (the activities module's notify()).
    expect((await assign(sales1Id, "静音的任务")).statusCode).toBe(201);
    expect((await assign(sales2Id, "照常的任务")).statusCode).toBe(201);
    expect(await kindsOf(sales1)).not.toContainEqual(expect.stringContaining("静音的任务"));
    expect(await kindsOf(sales2)).toContain("task_assigned|李经理 给您分配了任务:照常的任务");

    // Sharing is still on for sales1.
    const shared = await sales2({
      method: "POST",
      url: "/api/v1/tasks",
      payload: { title: "共享给张伟的任务", sharedWith: [sales1Id] },
    });
    expect(shared.statusCode, shared.body).toBe(201);
    expect(await kindsOf(sales1)).toContainEqual(expect.stringMatching(/^shared\|.*共享给张伟的任务/));

    // The periodic sweep: a follow-up day reached for both salespeople's customers.
    for (const [as, name] of [
      [sales1, "静音跟进客户"],
      [sales2, "照常跟进客户"],
    ] as const) {
      const customer = await createCustomer(as, { name });
      await as({
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
    }
    await sweepNotifications(db.db);
    expect(await kindsOf(sales1)).not.toContainEqual(expect.stringContaining("静音跟进客户"));
    expect(await kindsOf(sales2)).toContain("follow_up_due|今天该跟进:照常跟进客户");

    // Turned back on (a kind left out is on): the next one arrives.
    const on = await sales1({
      method: "PUT",
      url: "/api/v1/me/notification-preferences",
      payload: { inApp: { follow_up_due: false } },
    });
    expect(on.json().inApp.task_assigned).toBe(true);
    expect((await assign(sales1Id, "恢复后的任务")).statusCode).toBe(201);
    expect(await kindsOf(sales1)).toContain("task_assigned|李经理 给您分配了任务:恢复后的任务");
  });

  it("applies to the feedback module's assignments too", async () => {
    const prod1Id = await userId("prod1");
    await prod1({
      method: "PUT",
      url: "/api/v1/me/notification-preferences",
      payload: { inApp: { feedback_assigned: false } },
    });
    const customer = await createCustomer(sales1, { name: "反馈静音客户" });
    const created = await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: {
        customerId: customer.id,
        occurredOn: today,
        type: "complaint",
        subject: "静音的反馈",
        handlerId: prod1Id,
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(await kindsOf(prod1)).not.toContainEqual(expect.stringContaining("静音的反馈"));
  });
});

describe("我的统计 (the caller's own figures)", () => {
  it("refuses a bad period (400) naming the field", async () => {
    const reversed = await sales1({ url: "/api/v1/me/stats?from=2025-06-30&to=2025-06-01" });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.headers["content-type"]).toContain("application/problem+json");
    expect(fieldsOf(reversed.body)).toEqual(["to"]);
    expect(fieldsOf((await sales1({ url: "/api/v1/me/stats?from=2025-02-30&to=2025-06-01" })).body)).toEqual([
      "from",
    ]);
    expect(fieldsOf((await sales1({ url: "/api/v1/me/stats" })).body)).toEqual(["from", "to"]);
  });

  it("counts what the caller did in the period, only theirs, with a 12-month trend", async () => {
    const customer = await createCustomer(sales1, { name: "统计客户" });
    const other = await createCustomer(sales2, { name: "别人的统计客户" });
    const record = (as: typeof sales1, customerId: string, day: string, channel: string) =>
      as({
        method: "POST",
        url: "/api/v1/contact-records",
        payload: { customerId, occurredAt: `${day}T09:30:00+08:00`, channel, content: "统计用联系" },
      });
    expect((await record(sales1, customer.id, "2025-06-02", "phone")).statusCode).toBe(201);
    await record(sales1, customer.id, "2025-06-18", "phone");
    await record(sales1, customer.id, "2025-06-30", "visit");
    // Outside the period (Shanghai midnight on both sides) and someone else's: not counted.
    await sales1({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: customer.id,
        occurredAt: "2025-06-30T16:00:00Z",
        channel: "email",
        content: "7月1日",
      },
    });
    await record(sales1, customer.id, "2025-05-31", "wechat");
    await record(sales2, other.id, "2025-06-10", "phone");
    await sales1({
      method: "POST",
      url: "/api/v1/care-records",
      payload: { customerId: customer.id, careDate: "2025-06-10", kind: "gift", content: "端午礼品" },
    });
    // A task due in the period still open (overdue), and one done today (not in the period).
    await mgr1({
      method: "POST",
      url: "/api/v1/tasks",
      payload: { title: "六月的任务", dueOn: "2025-06-20", assigneeId: await userId("sales1") },
    });
    const todayTask = (
      await sales1({ method: "POST", url: "/api/v1/tasks", payload: { title: "今天做完的任务" } })
    ).json();
    await sales1({
      method: "PATCH",
      url: `/api/v1/tasks/${todayTask.id}`,
      payload: { status: "done" },
      headers: { "if-match": `"${todayTask.version}"` },
    });

    // An order signed in June 2025, a transaction, and money received against its receivable.
    const category = (
      await admin({
        method: "POST",
        url: "/api/v1/product-categories",
        payload: { letter: "T", name: "统计" },
      })
    ).json();
    const product = (
      await prod1({
        method: "POST",
        url: "/api/v1/products",
        payload: { categoryId: category.id, name: "统计件", unit: "件", listPrice: "100.00" },
      })
    ).json();
    await prod1({
      method: "POST",
      url: "/api/v1/stock-movements",
      payload: { productId: product.id, kind: "production_receipt", quantity: "100", reference: "CPD-T" },
    });
    const order = (
      await sales1({
        method: "POST",
        url: "/api/v1/orders",
        payload: {
          customerId: customer.id,
          signingDate: "2025-06-15",
          lines: [{ productId: product.id, unitPrice: "1234.50", quantity: "2" }],
        },
      })
    ).json();
    const signed = await sales1({
      method: "POST",
      url: `/api/v1/orders/${order.id}/transitions`,
      payload: { action: "sign" },
    });
    expect(signed.statusCode, signed.body).toBe(200);
    const sale = await sales1({
      method: "POST",
      url: "/api/v1/transactions",
      payload: {
        customerId: customer.id,
        productId: product.id,
        date: "2025-06-20",
        unitPrice: "12.50",
        quantity: "4",
      },
    });
    expect(sale.statusCode, sale.body).toBe(201);
    const [receivable] = (await finance1({ url: `/api/v1/receivables?orderId=${order.id}` })).json().items;
    const paid = await finance1({
      method: "POST",
      url: "/api/v1/payments",
      payload: {
        customerId: customer.id,
        receivedOn: "2025-06-28",
        amount: "1000.00",
        method: "bank_transfer",
        allocations: [{ receivableId: receivable.id, amount: "1000.00" }],
      },
    });
    expect(paid.statusCode, paid.body).toBe(201);

    const res = await sales1({ url: "/api/v1/me/stats?from=2025-06-01&to=2025-06-30" });
    expect(res.statusCode, res.body).toBe(200);
    const june = {
      newCustomers: 0,
      contactsMade: 3,
      careRecords: 1,
      tasksDone: 0,
      tasksOverdue: 1,
      ordersSigned: 1,
      orderAmount: "2469.00",
      transactionAmount: "50.00",
      paymentsCollected: "1000.00",
      receivablesDue: "0.00",
      feedbackHandled: 0,
    };
    expect(res.json()).toMatchObject({ from: "2025-06-01", to: "2025-06-30", figures: june });
    expect(res.json().figures.contactsByChannel).toEqual({
      phone: 2,
      visit: 1,
      meeting: 0,
      email: 0,
      wechat: 0,
      other: 0,
    });
    const trend = res.json().trend as { month: string; contactsMade: number }[];
    expect(trend.map((m) => m.month)).toEqual([
      "2024-07",
      "2024-08",
      "2024-09",
      "2024-10",
      "2024-11",
      "2024-12",
      "2025-01",
      "2025-02",
      "2025-03",
      "2025-04",
      "2025-05",
      "2025-06",
    ]);
    expect(trend.at(-1)).toEqual({ month: "2025-06", ...june });
    expect(trend.at(-2)?.contactsMade).toBe(1);

    // sales2 sees only their own June call.
    const theirs = (await sales2({ url: "/api/v1/me/stats?from=2025-06-01&to=2025-06-30" })).json().figures;
    expect(theirs).toMatchObject({ contactsMade: 1, careRecords: 0, ordersSigned: 0, orderAmount: "0.00" });

    // This month: the customer made today and the task done today; the workbench's month agrees.
    const monthStart = `${today.slice(0, 7)}-01`;
    const now = (await sales1({ url: `/api/v1/me/stats?from=${monthStart}&to=${today}` })).json().figures;
    expect(now.tasksDone).toBe(1);
    const bench = (await sales1({ url: "/api/v1/workbench/stats" })).json().thisMonth;
    expect(bench).toEqual(now);
    const before = now.newCustomers;
    await createCustomer(sales1, { name: "又一个统计客户" });
    expect(
      (await sales1({ url: `/api/v1/me/stats?from=${monthStart}&to=${today}` })).json().figures.newCustomers,
    ).toBe(before + 1);
    // The trend of a period ending this month ends with this month.
    expect(
      (await sales1({ url: `/api/v1/me/stats?from=${addDays(today, -3)}&to=${today}` })).json().trend.at(-1)
        .month,
    ).toBe(today.slice(0, 7));
  });

  it("counts feedback the caller handled and closed", async () => {
    const customer = await createCustomer(sales1, { name: "反馈统计客户" });
    const f = (
      await service1({
        method: "POST",
        url: "/api/v1/feedback",
        payload: {
          customerId: customer.id,
          occurredOn: today,
          type: "consultation",
          subject: "使用咨询",
          handlerId: await userId("prod1"),
        },
      })
    ).json();
    const stats = async () =>
      (await prod1({ url: `/api/v1/me/stats?from=${today}&to=${today}` })).json().figures.feedbackHandled;
    expect(await stats()).toBe(0);
    const closed = await prod1({
      method: "PATCH",
      url: `/api/v1/feedback/${f.id}`,
      payload: { status: "closed", resolution: "已电话解答" },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(await stats()).toBe(1);
  });
});
