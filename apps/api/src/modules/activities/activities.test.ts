import { users } from "@crm/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, setupApp } from "../../../test/helper.js";
import { shanghaiDate } from "../../shared/days.js";

const { app, db } = await setupApp();
const [mgr1, sales1, sales2, sales3] = await clientsFor(app, ["mgr1", "sales1", "sales2", "sales3"]);
const userId = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

const errorsOf = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  );

describe("contact records (联系记录)", () => {
  it("records a call: the customer's last contact moves forward and its status changes when asked", async () => {
    const customer = await createCustomer(sales1, { name: "联系记录客户甲", status: "potential" });
    const res = await sales1({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: customer.id,
        occurredAt: "2026-11-20T10:00:00+08:00",
        channel: "phone",
        content: "电话沟通年度采购计划",
        result: "对方有意向",
        nextFollowUpOn: "2026-11-27",
        customerStatus: "following",
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      customerName: "联系记录客户甲",
      channel: "phone",
      ownerName: "张伟",
      readOnly: false,
      nextFollowUpOn: "2026-11-27",
    });
    const after = (await sales1({ url: `/api/v1/customers/${customer.id}` })).json();
    expect(after).toMatchObject({ status: "following", lastContactAt: "2026-11-20T02:00:00.000Z" });

    // An older record does not move the last contact back.
    await sales1({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: customer.id,
        occurredAt: "2026-10-01T09:00:00+08:00",
        channel: "visit",
        content: "上门拜访",
      },
    });
    expect((await sales1({ url: `/api/v1/customers/${customer.id}` })).json().lastContactAt).toBe(
      "2026-11-20T02:00:00.000Z",
    );
    const timeline = (await sales1({ url: `/api/v1/customers/${customer.id}/timeline` })).json().items;
    expect(timeline).toContainEqual(
      expect.objectContaining({ kind: "contact_record.create", title: "联系记录:电话沟通年度采购计划" }),
    );
  });

  it("refuses bad input field by field and changes nothing", async () => {
    const theirs = await createCustomer(sales3, { name: "别人的客户" });
    const res = await sales1({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: { customerId: theirs.id, occurredAt: "yesterday", channel: "pigeon", content: "" },
    });
    expect(res.statusCode).toBe(400);
    const errors = errorsOf(res.body);
    expect(Object.keys(errors).sort()).toEqual(["channel", "content", "occurredAt"]);
    const scope = await sales1({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: theirs.id,
        occurredAt: "2026-11-20T10:00:00+08:00",
        channel: "phone",
        content: "试图越权",
      },
    });
    expect(scope.statusCode).toBe(400);
    expect(errorsOf(scope.body).customerId).toBe("not_found_ref");
    expect(
      (await sales3({ url: `/api/v1/contact-records?customerId=${theirs.id}` })).json().items,
    ).toHaveLength(0);
  });

  it("is seen by the owner's managers, not by other salespeople, and updates detect conflicts", async () => {
    const customer = await createCustomer(sales1, { name: "联系记录客户乙" });
    const record = (
      await sales1({
        method: "POST",
        url: "/api/v1/contact-records",
        payload: {
          customerId: customer.id,
          occurredAt: "2026-11-21T15:00:00+08:00",
          channel: "wechat",
          content: "微信报价",
        },
      })
    ).json();
    expect((await mgr1({ url: `/api/v1/contact-records/${record.id}` })).statusCode).toBe(200);
    expect((await sales3({ url: `/api/v1/contact-records/${record.id}` })).statusCode).toBe(404);
    expect((await sales3({ url: "/api/v1/contact-records?q=%E5%BE%AE%E4%BF%A1" })).json().items).toHaveLength(
      0,
    );
    expect((await mgr1({ url: "/api/v1/contact-records?q=%E5%BE%AE%E4%BF%A1" })).json().items).toHaveLength(
      1,
    );

    const ok = await sales1({
      method: "PATCH",
      url: `/api/v1/contact-records/${record.id}`,
      payload: { result: "已发报价单" },
      headers: { "if-match": `"${record.version}"` },
    });
    expect(ok.statusCode).toBe(200);
    const stale = await mgr1({
      method: "PATCH",
      url: `/api/v1/contact-records/${record.id}`,
      payload: { result: "覆盖" },
      headers: { "if-match": `"${record.version}"` },
    });
    expect(stale.statusCode).toBe(412);
    expect((await sales1({ url: `/api/v1/contact-records/${record.id}` })).json().result).toBe("已发报价单");

    const deleted = await mgr1({ method: "DELETE", url: `/api/v1/contact-records/${record.id}` });
    expect(deleted.json().deleted).toBe(true);
    expect(
      (await sales1({ url: `/api/v1/contact-records?customerId=${customer.id}` })).json().items,
    ).toHaveLength(0);
    const restored = await mgr1({ method: "POST", url: `/api/v1/contact-records/${record.id}/restore` });
    expect(restored.json().deleted).toBe(false);
  });
});

describe("sharing", () => {
  it("lets the named colleague read, not change; nobody else sees it; the colleague is notified", async () => {
    const customer = await createCustomer(sales1, { name: "共享记录客户" });
    const record = (
      await sales1({
        method: "POST",
        url: "/api/v1/care-records",
        payload: {
          customerId: customer.id,
          careDate: "2026-11-22",
          kind: "gift",
          content: "寄送中秋礼盒",
          sharedWith: [await userId("sales3")],
        },
      })
    ).json();
    expect(record.sharedWith).toEqual([{ id: await userId("sales3"), name: "陈静" }]);
    const seen = await sales3({ url: `/api/v1/care-records/${record.id}` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().readOnly).toBe(true);
    const change = await sales3({
      method: "PATCH",
      url: `/api/v1/care-records/${record.id}`,
      payload: { content: "改" },
    });
    expect(change.statusCode).toBe(403);
    expect((await sales2({ url: `/api/v1/care-records/${record.id}` })).statusCode).toBe(404);
    const notes = (await sales3({ url: "/api/v1/notifications?unread=true" })).json();
    expect(notes.items[0]).toMatchObject({
      kind: "shared",
      link: `/relationship/care/${record.id}`,
      read: false,
    });
    expect(notes.unread).toBeGreaterThan(0);

    // Unsharing takes it away again.
    await sales1({ method: "PATCH", url: `/api/v1/care-records/${record.id}`, payload: { sharedWith: [] } });
    expect((await sales3({ url: `/api/v1/care-records/${record.id}` })).statusCode).toBe(404);
  });
});

describe("tasks (工作计划)", () => {
  it("a manager assigns within scope only; the assignee is notified, completes it; overdue stands out", async () => {
    const outside = await mgr1({
      method: "POST",
      url: "/api/v1/tasks",
      payload: { title: "越权分配", assigneeId: await userId("sales3") },
    });
    expect(outside.statusCode).toBe(400);
    expect(errorsOf(outside.body).assigneeId).toBe("owner_out_of_scope");

    const yesterday = shanghaiDate(new Date(Date.now() - 86_400_000));
    const task = (
      await mgr1({
        method: "POST",
        url: "/api/v1/tasks",
        payload: {
          title: "整理华东客户报价",
          dueOn: yesterday,
          priority: "high",
          assigneeId: await userId("sales1"),
        },
      })
    ).json();
    expect(task).toMatchObject({ status: "todo", overdue: true, ownerName: "张伟", createdByName: "李经理" });
    const badge = (await sales1({ url: "/api/v1/notifications/unread-count" })).json().unread;
    expect(badge).toBeGreaterThan(0);
    const overdue = (await sales1({ url: "/api/v1/tasks?overdue=true" })).json().items;
    expect(overdue.map((t: { id: string }) => t.id)).toContain(task.id);

    const done = await sales1({
      method: "PATCH",
      url: `/api/v1/tasks/${task.id}`,
      payload: { status: "done" },
    });
    expect(done.json()).toMatchObject({ status: "done", overdue: false });
    expect(done.json().completedAt).not.toBeNull();
    expect(
      (await sales1({ url: "/api/v1/tasks?status=open" })).json().items.map((t: { id: string }) => t.id),
    ).not.toContain(task.id);
    expect((await sales3({ url: `/api/v1/tasks/${task.id}` })).statusCode).toBe(404);
  });
});

describe("schedule (工作日程)", () => {
  it("refuses an end before the start, and lists a day's events in Shanghai time", async () => {
    const bad = await sales1({
      method: "POST",
      url: "/api/v1/events",
      payload: { title: "拜访", startsAt: "2026-12-01T10:00:00+08:00", endsAt: "2026-12-01T09:00:00+08:00" },
    });
    expect(bad.statusCode).toBe(400);
    expect(errorsOf(bad.body).endsAt).toBe("ends_before_start");
    const late = (
      await sales1({
        method: "POST",
        url: "/api/v1/events",
        payload: {
          title: "深夜电话会",
          startsAt: "2026-12-01T23:30:00+08:00",
          endsAt: "2026-12-02T00:30:00+08:00",
        },
      })
    ).json();
    const day = (await sales1({ url: "/api/v1/events?from=2026-12-01&to=2026-12-01" })).json().items;
    expect(day.map((e: { id: string }) => e.id)).toEqual([late.id]);
    expect((await sales1({ url: "/api/v1/events?from=2026-12-02&to=2026-12-02" })).json().items).toHaveLength(
      0,
    );
    // A superior sees a subordinate's schedule; another salesperson does not.
    expect((await mgr1({ url: `/api/v1/events/${late.id}` })).statusCode).toBe(200);
    expect((await sales2({ url: `/api/v1/events/${late.id}` })).statusCode).toBe(404);
  });
});

describe("the workbench", () => {
  it("knows the day in Asia/Shanghai at its boundaries", () => {
    expect(shanghaiDate(new Date("2026-11-26T15:59:59Z"))).toBe("2026-11-26");
    expect(shanghaiDate(new Date("2026-11-26T16:00:00Z"))).toBe("2026-11-27");
  });

  it("lists a customer as due on its follow-up day, not the day before", async () => {
    const customer = await createCustomer(sales2, { name: "跟进提醒客户" });
    await sales2({
      method: "POST",
      url: "/api/v1/contact-records",
      payload: {
        customerId: customer.id,
        occurredAt: "2026-11-26T09:00:00+08:00",
        channel: "phone",
        content: "约定周五再联系",
        nextFollowUpOn: "2026-11-27",
      },
    });
    const ids = async (on: string) =>
      (await sales2({ url: `/api/v1/workbench/follow-ups?on=${on}&days=30` }))
        .json()
        .items.map((f: { customerId: string }) => f.customerId);
    expect(await ids("2026-11-26")).not.toContain(customer.id);
    expect(await ids("2026-11-27")).toContain(customer.id);
    // No contact for 30 days: listed from the 30th day after the last contact (2026-12-25 on).
    const later = (await sales2({ url: "/api/v1/workbench/follow-ups?on=2026-12-25&days=30" })).json().items;
    expect(later.find((f: { customerId: string }) => f.customerId === customer.id)?.reason).toBe(
      "follow_up_due",
    );
    expect(
      (await sales1({ url: `/api/v1/workbench/follow-ups?ownerId=${await userId("sales2")}` })).statusCode,
    ).toBe(400);
  });

  it("suggests care for contacts' birthdays coming up", async () => {
    const customer = await createCustomer(sales2, { name: "生日关怀客户" });
    await sales2({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: customer.id, name: "周敏", birthday: "1985-12-03" },
    });
    const soon = (await sales2({ url: "/api/v1/workbench/care-suggestions?from=2026-11-26&days=14" })).json()
      .items;
    expect(soon).toContainEqual(
      expect.objectContaining({ kind: "birthday", on: "2026-12-03", contactName: "周敏" }),
    );
    const later = (await sales2({ url: "/api/v1/workbench/care-suggestions?from=2026-12-04&days=14" })).json()
      .items;
    expect(later.find((s: { contactName: string }) => s.contactName === "周敏")).toBeUndefined();
  });

  it("marks notifications read, one or all, and only one's own", async () => {
    const mine = (await sales1({ url: "/api/v1/notifications" })).json();
    const first = mine.items[0];
    expect(first).toBeDefined();
    expect((await sales2({ method: "POST", url: `/api/v1/notifications/${first.id}/read` })).statusCode).toBe(
      404,
    );
    const one = await sales1({ method: "POST", url: `/api/v1/notifications/${first.id}/read` });
    expect(one.json().unread).toBe(mine.unread - (first.read ? 0 : 1));
    expect((await sales1({ method: "POST", url: "/api/v1/notifications/read-all" })).json().unread).toBe(0);
  });
});
