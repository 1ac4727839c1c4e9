import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientFor, clientsFor, setupApp } from "../../../test/helper.js";

const { app } = await setupApp();
const [sales1, sales3, admin] = await clientsFor(app, ["sales1", "sales3", "admin"]);
const customer = await createCustomer(sales1, { name: "联系人测试公司" });
const add = (payload: Record<string, unknown>, as = sales1) =>
  as({ method: "POST", url: "/api/v1/contacts", payload: { customerId: customer.id, ...payload } });

describe("contacts", () => {
  it("makes the first contact primary and keeps exactly one primary", async () => {
    const first = (await add({ name: "张三", mobile: "13800138000", birthday: "1985-06-01" })).json();
    expect(first).toMatchObject({ isPrimary: true, customerName: "联系人测试公司", birthday: "1985-06-01" });
    const second = (await add({ name: "李四", isPrimary: true })).json();
    expect(second.isPrimary).toBe(true);
    const list = (await sales1({ url: `/api/v1/contacts?customerId=${customer.id}` })).json().items;
    expect(
      list.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { name: string }) => c.name),
    ).toEqual(["李四"]);
  });

  it("validates fields and the customer reference", async () => {
    const bad = await add({ name: "", mobile: "12345", email: "x" });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["email", "mobile", "name"]);
    const ghost = await sales1({
      method: "POST",
      url: "/api/v1/contacts",
      payload: { customerId: "00000000-0000-4000-8000-000000000000", name: "某人" },
    });
    expect(ghost.json().errors[0]).toMatchObject({ field: "customerId", code: "not_found_ref" });
  });

  it("follows the customer's scope", async () => {
    const res = await add({ name: "越权" }, sales3);
    expect(res.statusCode).toBe(400);
    const zhang = (await sales1({ url: "/api/v1/contacts?q=13800138000" })).json().items[0];
    expect((await sales3({ url: `/api/v1/contacts/${zhang.id}` })).statusCode).toBe(404);
    expect((await sales3({ url: "/api/v1/contacts" })).json().items).toEqual([]);
    expect(
      (await admin({ url: `/api/v1/contacts?q=${encodeURIComponent("张")}` })).json().items,
    ).toHaveLength(1);
  });

  it("updates with If-Match, deletes softly and restores", async () => {
    const zhang = (await sales1({ url: "/api/v1/contacts?q=13800138000" })).json().items[0];
    const ok = await sales1({
      method: "PATCH",
      url: `/api/v1/contacts/${zhang.id}`,
      payload: { title: "采购经理" },
      headers: { "if-match": `"${zhang.version}"` },
    });
    expect(ok.json().title).toBe("采购经理");
    const stale = await sales1({
      method: "PATCH",
      url: `/api/v1/contacts/${zhang.id}`,
      payload: { title: "总监" },
      headers: { "if-match": `"${zhang.version}"` },
    });
    expect(stale.statusCode).toBe(412);
    const mgr1 = await clientFor(app, "mgr1");
    await mgr1({ method: "DELETE", url: `/api/v1/contacts/${zhang.id}` });
    expect((await sales1({ url: `/api/v1/contacts?customerId=${customer.id}` })).json().items).toHaveLength(
      1,
    );
    await mgr1({ method: "POST", url: `/api/v1/contacts/${zhang.id}/restore` });
    expect((await sales1({ url: `/api/v1/contacts?customerId=${customer.id}` })).json().items).toHaveLength(
      2,
    );
  });
});

describe("dictionaries and regions", () => {
  it("lists the seeded drop-downs and lets only admins add to them", async () => {
    const classes = (await sales1({ url: "/api/v1/dictionaries?type=customer_class" })).json().items;
    expect(classes.map((i: { code: string }) => i.code)).toEqual(["1", "2", "3"]);
    expect((await sales1({ method: "POST", url: "/api/v1/dictionaries", payload: {} })).statusCode).toBe(403);
    const added = await admin({
      method: "POST",
      url: "/api/v1/dictionaries",
      payload: { type: "industry", code: "textile", label: "纺织服装", labelEn: "Textiles" },
    });
    expect(added.statusCode).toBe(201);
    const dup = await admin({
      method: "POST",
      url: "/api/v1/dictionaries",
      payload: { type: "industry", code: "textile", label: "重复" },
    });
    expect(dup.statusCode).toBe(409);
    const retired = await admin({
      method: "PATCH",
      url: `/api/v1/dictionaries/${added.json().id}`,
      payload: { active: false },
    });
    expect(retired.json().active).toBe(false);
    const use = await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${customer.id}`,
      payload: { industry: "textile" },
    });
    expect(use.statusCode).toBe(400);
  });

  it("serves provinces and cities with area codes", async () => {
    const regions = (await sales1({ url: "/api/v1/regions" })).json().items;
    const zj = regions.find((p: { name: string }) => p.name === "浙江省");
    expect(zj.cities.find((c: { name: string }) => c.name === "杭州市")).toMatchObject({ areaCode: "0571" });
    expect(regions).toHaveLength(34);
  });
});
