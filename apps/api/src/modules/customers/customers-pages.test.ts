// The list's pages: the published schema, the cursor on every sort, and each customer as its
// detail shows it, on every path a page is read by.
import { CustomerPage } from "@crm/contracts";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer } from "../../../test/customers-fixtures.js";
import { clientFor, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const admin = await clientFor(app, "admin");
const sales1 = await clientFor(app, "sales1");

describe("the list's pages", () => {
  it("match the published CustomerPage schema (the route serialises without re-validating)", async () => {
    await createCustomer(sales1, { name: "分页结构测试", annualRevenue: "10.50", employeeCount: 3 });
    for (const query of ["", "?limit=1", "?q=%E5%88%86%E9%A1%B5", "?deleted=true", "?sort=name&letter=F"]) {
      const res = await admin({ url: `/api/v1/customers${query}` });
      expect(res.statusCode).toBe(200);
      const page = CustomerPage.parse(res.json());
      if (page.nextCursor) {
        const next = await admin({
          url: `/api/v1/customers?limit=1&cursor=${encodeURIComponent(page.nextCursor)}`,
        });
        expect(CustomerPage.parse(next.json()).total).toBeNull();
      }
    }
    const found = CustomerPage.parse(
      (await sales1({ url: "/api/v1/customers?q=%E5%88%86%E9%A1%B5" })).json(),
    );
    expect(found.items[0]).toMatchObject({ annualRevenue: "10.50", employeeCount: 3, customFields: {} });
  });

  it("walk every sort page by page with the cursor, missing and repeating nothing", async () => {
    // The cursor's dates come from the last row's JSON: the oldest customer, updated, is first by
    // updatedAt and last by createdAt, so a cursor with the wrong date loses or repeats rows.
    const touched = await createCustomer(sales1, { name: "游标排序测试" });
    for (const name of ["游标甲", "游标乙", "游标丙", "游标丁"]) await createCustomer(sales1, { name });
    await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${touched.id}`,
      headers: { "if-match": `"${touched.version}"` },
      payload: { address: "游标路 1 号" },
    });
    // A name search and a letter: the postings' pages, the letter's and the general path's.
    const filters = [`q=${encodeURIComponent("游标")}`, "letter=Y"];
    for (const filter of filters) {
      for (const sort of ["-createdAt", "createdAt", "-updatedAt", "name", "-name", "code"]) {
        const list = `/api/v1/customers?${filter}&sort=${sort}`;
        const whole = (await admin({ url: `${list}&limit=200` })).json();
        expect(whole.nextCursor, list).toBeNull();
        expect(whole.items.length).toBeGreaterThan(4);
        const walked: string[] = [];
        let cursor: string | null = null;
        do {
          const after: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : "";
          const page = (await admin({ url: `${list}&limit=1${after}` })).json();
          walked.push(...page.items.map((c: { id: string }) => c.id));
          cursor = page.nextCursor;
        } while (cursor);
        expect(walked, list).toEqual(whole.items.map((c: { id: string }) => c.id));
      }
    }
    const byUpdate = (await admin({ url: `/api/v1/customers?${filters[0]}&sort=-updatedAt&limit=1` })).json();
    expect(byUpdate.items[0].id).toBe(touched.id);
  });

  it("show each customer exactly as its detail does, on every path a page is read by", async () => {
    // The database writes the list's customers as JSON (customerJson); the detail is present()'s.
    const full = await createCustomer(sales1, {
      name: '列表一致"引号"\\测试有限公司',
      class: "2",
      areaCode: "0571",
      postcode: "310000",
      address: "杭州市西湖区\t文三路 1 号",
      phone: "0571-86427531",
      fax: "0571-86427532",
      email: "list-json@example.com",
      homepage: "https://list-json.example.com",
      annualRevenue: "1200.50",
      employeeCount: 0,
      industry: "manufacturing",
      source: "exhibition",
      status: "potential",
      creditRating: "A",
      creditCode: "91330100MA27XL0Q7A",
    });
    await db.db.execute(sql`update customers set
      last_contact_at = '2026-03-04T05:06:07.089Z',
      custom_fields = ${JSON.stringify({ 备注: 'a "quoted" \\ value', 数量: 12.5, 标签: ["甲", "乙"], 是否: false })}::jsonb
      where id = ${full.id}`);
    const bare = await createCustomer(sales1, { name: "列表一致空白测试", class: "3" });
    const gone = await createCustomer(sales1, { name: "列表一致删除测试" });
    expect((await admin({ method: "DELETE", url: `/api/v1/customers/${gone.id}` })).statusCode).toBe(200);

    const detail = async (id: string) => (await sales1({ url: `/api/v1/customers/${id}` })).json();
    const expected = { [full.id]: await detail(full.id), [bare.id]: await detail(bare.id) };
    expect(expected[full.id]).toMatchObject({
      annualRevenue: "1200.50",
      lastContactAt: "2026-03-04T05:06:07.089Z",
    });
    const both = [full.id, bare.id];
    const pages: [query: string, ids: string[]][] = [
      ["", both], // the date index
      ["?sort=name", both], // the general path, counted in the page's statement
      ["?letter=L", both],
      [`?q=${encodeURIComponent("列表")}`, both], // name postings
      [`?q=${encodeURIComponent("列表一致")}`, both], // postings with a recheck
      ["?q=lbyz", both], // initials
      ["?q=liebiao", both], // full pinyin
      ["?q=86427531", [full.id]], // phone digits
    ];
    for (const [query, ids] of pages) {
      const page = CustomerPage.parse((await sales1({ url: `/api/v1/customers${query}` })).json());
      for (const id of ids) {
        expect(
          page.items.find((c) => c.id === id),
          `${query || "(no query)"} ${id}`,
        ).toEqual(expected[id]);
      }
    }
    const bin = CustomerPage.parse(
      (await sales1({ url: "/api/v1/customers?deleted=true&limit=100" })).json(),
    );
    expect(bin.items.find((c) => c.id === gone.id)).toEqual(await detail(gone.id));
    expect(bin.items.find((c) => c.id === gone.id)?.deleted).toBe(true);
  });
});
