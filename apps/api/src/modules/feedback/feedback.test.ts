import { users } from "@crm/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const [admin, prod1, sales1, sales3, service1, mgr1] = await clientsFor(app, [
  "admin",
  "prod1",
  "sales1",
  "sales3",
  "service1",
  "mgr1",
]);
const userId = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
const errorsOf = (body: string) =>
  Object.fromEntries(
    (JSON.parse(body).errors as { field: string; code: string }[]).map((e) => [e.field, e.code]),
  );

const category = (
  await admin({ method: "POST", url: "/api/v1/product-categories", payload: { letter: "S", name: "售后" } })
).json();
const product = (
  await prod1({
    method: "POST",
    url: "/api/v1/products",
    payload: { categoryId: category.id, name: "减速机", unit: "台", listPrice: "9800.00" },
  })
).json();

describe("feedback (服务反馈, input screen 2)", () => {
  it("checks that the contact belongs to the customer, the product exists and the subject is there", async () => {
    const customer = await createCustomer(sales1, { name: "反馈客户甲" });
    const other = await createCustomer(sales1, { name: "反馈客户乙" });
    const stranger = (
      await sales1({
        method: "POST",
        url: "/api/v1/contacts",
        payload: { customerId: other.id, name: "外人" },
      })
    ).json();
    const res = await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: {
        customerId: customer.id,
        contactId: stranger.id,
        occurredOn: "2026-11-26",
        type: "complaint",
        subject: "噪音大",
      },
    });
    expect(res.statusCode).toBe(400);
    expect(errorsOf(res.body).contactId).toBe("not_found_ref");
    const noProduct = await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: {
        customerId: customer.id,
        productId: "00000000-0000-4000-8000-000000000000",
        occurredOn: "2026-11-26",
        type: "fault",
        subject: "漏油",
      },
    });
    expect(errorsOf(noProduct.body).productId).toBe("not_found_ref");
    const noSubject = await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: { customerId: customer.id, occurredOn: "2026-11-26", type: "fault" },
    });
    expect(errorsOf(noSubject.body).subject).toBeDefined();
    // Types come from a dictionary admins edit.
    const unknownType = await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: { customerId: customer.id, occurredOn: "2026-11-26", type: "rumour", subject: "传闻" },
    });
    expect(errorsOf(unknownType.body).type).toBe("not_in_dictionary");
    const added = await admin({
      method: "POST",
      url: "/api/v1/dictionaries",
      payload: { type: "feedback_type", code: "installation", label: "安装调试" },
    });
    expect(added.statusCode, added.body).toBe(201);
    const installed = await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: {
        customerId: customer.id,
        occurredOn: "2026-11-26",
        type: "installation",
        subject: "上门安装",
      },
    });
    expect(installed.json()).toMatchObject({ type: "installation", overdue: false });
  });

  it("closes the loop: assigned (notified), answered, closed with a resolution, a return visit rated 4", async () => {
    const customer = await createCustomer(sales1, { name: "投诉客户" });
    const created = await service1({
      method: "POST",
      url: "/api/v1/feedback",
      payload: {
        customerId: customer.id,
        productId: product.id,
        occurredOn: "2026-11-26",
        type: "complaint",
        priority: "high",
        subject: "减速机异响",
        description: "运行两周后出现异响",
        handlerId: await userId("prod1"),
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const f = created.json();
    expect(f).toMatchObject({ status: "open", handlerName: "赵强", productName: "减速机", overdue: false });
    expect(f.number).toMatch(/^FK\d{4}-\d{4}$/);
    const note = (await prod1({ url: "/api/v1/notifications?unread=true" })).json().items[0];
    expect(note).toMatchObject({ kind: "feedback_assigned", link: `/feedback/${f.id}` });

    const closeEarly = await prod1({
      method: "PATCH",
      url: `/api/v1/feedback/${f.id}`,
      payload: { status: "closed" },
    });
    expect(errorsOf(closeEarly.body).resolution).toBe("resolution_required");
    const started = await prod1({
      method: "PATCH",
      url: `/api/v1/feedback/${f.id}`,
      payload: { status: "in_progress" },
    });
    expect(started.json().firstResponseAt).not.toBeNull();
    const closed = await prod1({
      method: "PATCH",
      url: `/api/v1/feedback/${f.id}`,
      payload: { status: "closed", resolution: "更换轴承,试机正常", technicalNotes: "轴承型号 6205" },
    });
    expect(closed.json()).toMatchObject({ status: "closed", closed: true });
    expect(closed.json().resolutionMinutes).toBeGreaterThanOrEqual(0);

    const visits = (await service1({ url: `/api/v1/return-visits?feedbackId=${f.id}` })).json().items;
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ status: "pending", feedbackSubject: "减速机异响" });
    const badRating = await service1({
      method: "POST",
      url: `/api/v1/return-visits/${visits[0].id}/complete`,
      payload: { rating: 6 },
    });
    expect(errorsOf(badRating.body).rating).toBe("rating_range");
    const rated = await service1({
      method: "POST",
      url: `/api/v1/return-visits/${visits[0].id}/complete`,
      payload: { rating: 4, comment: "处理及时" },
    });
    expect(rated.json()).toMatchObject({ status: "done", rating: 4 });
    expect(
      (
        await service1({
          method: "POST",
          url: `/api/v1/return-visits/${visits[0].id}/complete`,
          payload: { rating: 5 },
        })
      ).statusCode,
    ).toBe(409);

    // Re-opened by the customer: back to its handler.
    const reopened = await service1({
      method: "PATCH",
      url: `/api/v1/feedback/${f.id}`,
      payload: { status: "open" },
    });
    expect(reopened.json()).toMatchObject({ status: "open", reopenCount: 1, closedAt: null });
    expect((await prod1({ url: "/api/v1/notifications?unread=true" })).json().items[0].title).toContain(
      "重新打开",
    );

    const timeline = (await sales1({ url: `/api/v1/customers/${customer.id}/timeline` })).json().items;
    expect(timeline.map((t: { kind: string }) => t.kind)).toEqual(
      expect.arrayContaining(["feedback.create", "feedback.close"]),
    );
  });

  it("respects scope and the delete permission; deletes are soft", async () => {
    const customer = await createCustomer(sales1, { name: "反馈范围客户" });
    const f = (
      await service1({
        method: "POST",
        url: "/api/v1/feedback",
        payload: {
          customerId: customer.id,
          occurredOn: "2026-11-25",
          type: "suggestion",
          subject: "希望增加说明书",
        },
      })
    ).json();
    expect((await sales1({ url: `/api/v1/feedback/${f.id}` })).statusCode).toBe(200);
    expect((await mgr1({ url: `/api/v1/feedback/${f.id}` })).statusCode).toBe(200);
    expect((await sales3({ url: `/api/v1/feedback/${f.id}` })).statusCode).toBe(404);
    expect((await sales1({ method: "DELETE", url: `/api/v1/feedback/${f.id}` })).statusCode).toBe(403);
    const gone = await service1({ method: "DELETE", url: `/api/v1/feedback/${f.id}` });
    expect(gone.json().deleted).toBe(true);
    expect((await service1({ url: `/api/v1/feedback?customerId=${customer.id}` })).json().items).toHaveLength(
      0,
    );
    expect(
      (await service1({ url: "/api/v1/feedback?deleted=true" }))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toContain(f.id);
    await service1({ method: "POST", url: `/api/v1/feedback/${f.id}/restore` });
    expect((await service1({ url: `/api/v1/feedback?customerId=${customer.id}` })).json().items).toHaveLength(
      1,
    );
  });
});
