import { auditLog } from "@crm/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientsFor, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const [mgr1, sales1, sales3, admin] = await clientsFor(app, ["mgr1", "sales1", "sales3", "admin"]);

const addContact = async (customerId: string, name: string) =>
  (await mgr1({ method: "POST", url: "/api/v1/contacts", payload: { customerId, name } })).json();

describe("merging customers", () => {
  it("moves contacts, keeps the chosen values, leaves the merged findable, and undoes cleanly", async () => {
    const a = await createCustomer(mgr1, { name: "苏州精工", phone: "0512-66661111" });
    const b = await createCustomer(
      mgr1,
      { name: "苏州精工有限公司", email: "info@jinggong.cn", address: "工业园区星湖街1号" },
      "?allowDuplicate=true",
    );
    const ca = await addContact(a.id, "王一");
    const cb = await addContact(b.id, "李二");
    expect([ca.isPrimary, cb.isPrimary]).toEqual([true, true]);

    const res = await mgr1({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: a.id, mergedIds: [b.id], fields: { email: b.id, address: b.id } },
    });
    expect(res.statusCode).toBe(200);
    const { survivor, mergeId, moved } = res.json();
    expect(moved).toEqual({ contacts: 1 });
    expect(survivor).toMatchObject({
      name: "苏州精工",
      phone: "0512-66661111",
      email: "info@jinggong.cn",
      address: "工业园区星湖街1号",
    });
    const contacts = (await mgr1({ url: `/api/v1/contacts?customerId=${a.id}` })).json().items;
    expect(contacts.map((c: { name: string }) => c.name).sort()).toEqual(["李二", "王一"]);
    expect(contacts.filter((c: { isPrimary: boolean }) => c.isPrimary)).toHaveLength(1);
    const gone = (await mgr1({ url: `/api/v1/customers/${b.id}` })).json();
    expect(gone).toMatchObject({ mergedIntoId: a.id, deleted: true });
    const list = (await mgr1({ url: `/api/v1/customers?q=${encodeURIComponent("精工")}` })).json().items;
    expect(list.map((c: { id: string }) => c.id)).toEqual([a.id]);
    const [audit] = await db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, a.id), eq(auditLog.action, "merge")));
    expect(audit?.changes).toMatchObject({ email: { before: null, after: "info@jinggong.cn" } });

    const undo = await mgr1({ method: "POST", url: `/api/v1/customers/merges/${mergeId}/undo` });
    expect(undo.statusCode).toBe(200);
    expect(undo.json()).toMatchObject({ email: null, address: null });
    expect((await mgr1({ url: `/api/v1/customers/${b.id}` })).json()).toMatchObject({
      mergedIntoId: null,
      deleted: false,
    });
    const back = (await mgr1({ url: `/api/v1/contacts?customerId=${b.id}` })).json().items;
    expect(back).toMatchObject([{ name: "李二", isPrimary: true }]);
    const again = await mgr1({ method: "POST", url: `/api/v1/customers/merges/${mergeId}/undo` });
    expect(again.statusCode).toBe(409);
  });

  it("refuses to undo once the survivor has changed", async () => {
    const a = await createCustomer(mgr1, { name: "无锡电机" });
    const b = await createCustomer(mgr1, { name: "无锡电机厂" });
    const { mergeId } = (
      await mgr1({
        method: "POST",
        url: "/api/v1/customers/merge",
        payload: { survivorId: a.id, mergedIds: [b.id] },
      })
    ).json();
    await mgr1({ method: "PATCH", url: `/api/v1/customers/${a.id}`, payload: { address: "新地址" } });
    expect((await mgr1({ method: "POST", url: `/api/v1/customers/merges/${mergeId}/undo` })).statusCode).toBe(
      409,
    );
  });

  it("refuses bad merges: the survivor among the merged, an out-of-scope customer, a foreign value, no permission", async () => {
    const a = await createCustomer(mgr1, { name: "常州轴承" });
    const b = await createCustomer(mgr1, { name: "常州轴承二厂" });
    const other = await createCustomer(sales3, { name: "福州茶叶", province: "福建省", city: "福州市" });
    const self = await mgr1({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: a.id, mergedIds: [a.id] },
    });
    expect(self.statusCode).toBe(400);
    const scope = await mgr1({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: a.id, mergedIds: [other.id] },
    });
    expect(scope.statusCode).toBe(404);
    const foreign = await mgr1({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: a.id, mergedIds: [b.id], fields: { name: other.id } },
    });
    expect(foreign.statusCode).toBe(400);
    const denied = await sales1({
      method: "POST",
      url: "/api/v1/customers/merge",
      payload: { survivorId: a.id, mergedIds: [b.id] },
    });
    expect(denied.statusCode).toBe(403);
    // Nothing moved by any refused attempt.
    expect((await mgr1({ url: `/api/v1/customers/${b.id}` })).json().mergedIntoId).toBeNull();
  });

  it("lets only one of two concurrent merges of the same customer win", async () => {
    const a = await createCustomer(admin, { name: "扬州漆器" });
    const b = await createCustomer(admin, { name: "扬州漆器厂" });
    const c = await createCustomer(admin, { name: "扬州漆器总厂" });
    const [x, y] = await Promise.all([
      admin({
        method: "POST",
        url: "/api/v1/customers/merge",
        payload: { survivorId: a.id, mergedIds: [b.id] },
      }),
      admin({
        method: "POST",
        url: "/api/v1/customers/merge",
        payload: { survivorId: c.id, mergedIds: [b.id] },
      }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
  });
});

describe("bulk edit", () => {
  it("changes the owner of three customers in one audited operation", async () => {
    const cs = await Promise.all(
      ["南通一号", "南通二号", "南通三号"].map((name) => createCustomer(mgr1, { name })),
    );
    const sales2 = (await mgr1({ url: "/api/v1/users?q=sales2" })).json().items[0].id;
    const res = await mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: cs.map((c) => c.id), set: { ownerId: sales2, status: "following" } },
    });
    expect(res.json()).toEqual({ updated: 3 });
    for (const c of cs) {
      const now = (await mgr1({ url: `/api/v1/customers/${c.id}` })).json();
      expect(now).toMatchObject({ ownerName: "刘洋", status: "following", version: c.version + 1 });
      const [entry] = await db.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, "bulk_update")));
      expect(entry?.changes).toEqual({
        ownerId: { before: c.ownerId, after: sales2 },
        status: { before: null, after: "following" },
      });
    }
  });

  it("applies to every customer matching a filter, within scope only", async () => {
    const res = await mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { filter: { q: "南通" }, set: { industry: "logistics" } },
    });
    expect(res.json()).toEqual({ updated: 3 });
    const bad = await mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { filter: { q: "南通" }, set: { industry: "nope" } },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("set.industry");
    const none = await mgr1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: [], set: {} },
    });
    expect(none.statusCode).toBe(400);
  });
});

describe("timeline", () => {
  it("lists the customer's changes and its contacts', newest first", async () => {
    const c = await createCustomer(mgr1, { name: "泰州时间线" });
    await addContact(c.id, "赵六");
    await mgr1({ method: "PATCH", url: `/api/v1/customers/${c.id}`, payload: { address: "泰州路1号" } });
    const items = (await mgr1({ url: `/api/v1/customers/${c.id}/timeline` })).json().items;
    expect(items.map((i: { kind: string }) => i.kind)).toEqual([
      "customer.update",
      "contact.create",
      "customer.create",
    ]);
    expect(items[1].title).toBe("赵六");
  });
});
