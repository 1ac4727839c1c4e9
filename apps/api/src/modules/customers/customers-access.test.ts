import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientFor, clientsFor, setupApp } from "../../../test/helper.js";

const { app } = await setupApp();
const [sales1, sales2, sales3, mgr1, gm] = await clientsFor(app, [
  "sales1",
  "sales2",
  "sales3",
  "mgr1",
  "gm",
]);

const mine = await createCustomer(sales1, { name: "杭州宏达机械" });
const colleagues = await createCustomer(sales2, { name: "绍兴纺织" });
const theirs = await createCustomer(sales3, {
  name: "厦门航空货运",
  province: "福建省",
  city: "厦门市",
  phone: "0592-5551234",
});

const names = async (as: typeof sales1, query = "") =>
  (await as({ url: `/api/v1/customers?limit=200${query}` }))
    .json()
    .items.map((c: { name: string }) => c.name);

describe("data scope on customers", () => {
  it("a salesperson cannot read, update, delete, list or search a customer owned by another", async () => {
    expect((await sales1({ url: `/api/v1/customers/${theirs.id}` })).statusCode).toBe(404);
    expect(
      (await sales1({ method: "PATCH", url: `/api/v1/customers/${theirs.id}`, payload: { address: "x" } }))
        .statusCode,
    ).toBe(404);
    // sales1 has no customer:delete, so the refusal comes first; a manager without scope gets 404.
    expect((await sales1({ method: "DELETE", url: `/api/v1/customers/${theirs.id}` })).statusCode).toBe(403);
    expect((await mgr1({ method: "DELETE", url: `/api/v1/customers/${theirs.id}` })).statusCode).toBe(404);
    expect((await sales1({ url: `/api/v1/customers/${theirs.id}/timeline` })).statusCode).toBe(404);
    expect(await names(sales1)).toEqual(["杭州宏达机械"]);
    expect(await names(sales1, "&q=厦门")).toEqual([]);
    expect(await names(sales1, "&letter=X")).toEqual([]);
    const bulk = await sales1({
      method: "POST",
      url: "/api/v1/customers/bulk-update",
      payload: { ids: [mine.id, theirs.id], set: { status: "lost" } },
    });
    expect(bulk.statusCode).toBe(404);
    expect((await sales1({ url: `/api/v1/customers/${mine.id}` })).json().status).toBeNull();
  });

  it("a department manager sees the department's salespeople's customers, not another department's", async () => {
    expect((await names(mgr1)).sort()).toEqual(["杭州宏达机械", "绍兴纺织"].sort());
    expect((await mgr1({ url: `/api/v1/customers/${colleagues.id}` })).statusCode).toBe(200);
    expect((await mgr1({ url: `/api/v1/customers/${theirs.id}` })).statusCode).toBe(404);
  });

  it("answers why a record is visible: the owner, or the role and its scope", async () => {
    expect((await sales1({ url: `/api/v1/customers/${mine.id}/access` })).json()).toEqual({
      reason: "owner",
    });
    expect((await mgr1({ url: `/api/v1/customers/${mine.id}/access` })).json()).toEqual({
      reason: "department_tree",
      role: "部门经理",
    });
    expect((await gm({ url: `/api/v1/customers/${theirs.id}/access` })).json()).toEqual({
      reason: "all",
      role: "总经理",
    });
    expect((await sales1({ url: `/api/v1/customers/${theirs.id}/access` })).statusCode).toBe(404);
  });

  it("the general manager sees every customer", async () => {
    expect((await names(gm)).sort()).toEqual(["厦门航空货运", "杭州宏达机械", "绍兴纺织"].sort());
  });

  it("functions need their permission: finance may read, not create", async () => {
    const finance1 = await clientFor(app, "finance1");
    expect((await finance1({ url: "/api/v1/customers" })).statusCode).toBe(200);
    expect((await finance1({ method: "POST", url: "/api/v1/customers", payload: {} })).statusCode).toBe(403);
    const prod1 = await clientFor(app, "prod1");
    expect((await prod1({ url: "/api/v1/customers" })).statusCode).toBe(403);
  });
});

describe("the A–Z index and the one search box", () => {
  it("finds by pinyin letter, polyphones included", async () => {
    await createCustomer(gm, { name: "重庆长安配件", province: "重庆市", city: "重庆市" });
    await createCustomer(gm, { name: "长沙远大空调", province: "湖南省", city: "长沙市" });
    const c = await names(gm, "&letter=C");
    expect(c.sort()).toEqual(["重庆长安配件", "长沙远大空调"].sort());
    expect(await names(gm, "&letter=x")).toEqual(["厦门航空货运"]);
    expect(await names(gm, "&letter=H")).toEqual(["杭州宏达机械"]);
  });

  it("finds by a 1-, 2- and 3-character name fragment, full pinyin, initials, code, phone and contact", async () => {
    expect(await names(gm, `&q=${encodeURIComponent("宏")}`)).toEqual(["杭州宏达机械"]);
    expect(await names(gm, `&q=${encodeURIComponent("宏达")}`)).toEqual(["杭州宏达机械"]);
    expect(await names(gm, `&q=${encodeURIComponent("宏达机")}`)).toEqual(["杭州宏达机械"]);
    expect(await names(gm, `&q=${encodeURIComponent("达宏")}`)).toEqual([]);
    expect(await names(gm, "&q=hangzhou")).toEqual(["杭州宏达机械"]);
    expect(await names(gm, "&q=hzhd")).toEqual(["杭州宏达机械"]);
    expect(await names(gm, "&q=HZ")).toEqual(["杭州宏达机械"]);
    expect(await names(gm, `&q=${encodeURIComponent(theirs.code)}`)).toEqual(["厦门航空货运"]);
    expect(await names(gm, "&q=5551234")).toEqual(["厦门航空货运"]);
    await gm({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: colleagues.id, name: "欧阳娜娜" },
    });
    expect(await names(gm, `&q=${encodeURIComponent("欧阳")}`)).toEqual(["绍兴纺织"]);
  });

  it("filters, sorts by pinyin, and pages with a cursor and a total", async () => {
    const first = (await gm({ url: "/api/v1/customers?sort=name&limit=2" })).json();
    expect(first).toMatchObject({ total: 5, totalExact: true });
    expect(first.items.map((c: { name: string }) => c.name)).toEqual(["长沙远大空调", "重庆长安配件"]);
    const second = (
      await gm({ url: `/api/v1/customers?sort=name&limit=2&cursor=${first.nextCursor}` })
    ).json();
    expect(second.items.map((c: { name: string }) => c.name)).toEqual(["杭州宏达机械", "绍兴纺织"]);
    const third = (
      await gm({ url: `/api/v1/customers?sort=name&limit=2&cursor=${second.nextCursor}` })
    ).json();
    expect(third.items.map((c: { name: string }) => c.name)).toEqual(["厦门航空货运"]);
    expect(third.nextCursor).toBeNull();
    expect(await names(gm, "&province=福建省")).toEqual(["厦门航空货运"]);
    expect((await gm({ url: "/api/v1/customers?sort=sideways" })).statusCode).toBe(400);
  });
});

describe("the recycle bin", () => {
  it("a deleted customer leaves the list, waits in the bin, and comes back with its contacts", async () => {
    const c = await createCustomer(mgr1, { name: "嘉兴回收站测试" });
    await mgr1({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: c.id, name: "回收联系人" },
    });
    expect((await mgr1({ method: "DELETE", url: `/api/v1/customers/${c.id}` })).json().deleted).toBe(true);
    expect(await names(mgr1, `&q=${encodeURIComponent("嘉兴")}`)).toEqual([]);
    expect(await names(mgr1, "&deleted=true")).toEqual(["嘉兴回收站测试"]);
    expect((await mgr1({ url: `/api/v1/contacts?customerId=${c.id}` })).json().items).toEqual([]);
    const edit = await mgr1({ method: "PATCH", url: `/api/v1/customers/${c.id}`, payload: { address: "x" } });
    expect(edit.statusCode).toBe(409);
    await mgr1({ method: "POST", url: `/api/v1/customers/${c.id}/restore` });
    expect(await names(mgr1, `&q=${encodeURIComponent("嘉兴")}`)).toEqual(["嘉兴回收站测试"]);
    expect((await mgr1({ url: `/api/v1/contacts?customerId=${c.id}` })).json().items).toHaveLength(1);
  });
});
