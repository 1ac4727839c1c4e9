import { reserveSequence } from "@crm/db";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCustomer, customerBody } from "../../../test/customers-fixtures.js";
import { clientFor, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const admin = await clientFor(app, "admin");
const sales1 = await clientFor(app, "sales1");

describe("creating customers (input screen 1)", () => {
  it("generates the code from the class and derives the A–Z letter", async () => {
    const res = await sales1({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({
        name: "重庆钢铁有限公司",
        province: "重庆市",
        city: "重庆市",
        annualRevenue: "12345678.90",
        employeeCount: 320,
        phone: "023-68845678",
        email: "Sales@CQSteel.com",
        homepage: "www.cqsteel.com",
        creditCode: "91350100M000100Y43",
        industry: "manufacturing",
        status: "potential",
      }),
    });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.json()).toMatchObject({
      code: "1类-01",
      letter: "C",
      annualRevenue: "12345678.90",
      employeeCount: 320,
      ownerName: "张伟",
      creditCode: "91350100M000100Y43",
      deleted: false,
    });
  });

  it("reports every missing required field and every malformed one, in the caller's language", async () => {
    const res = await sales1({
      method: "POST",
      url: "/api/v1/customers",
      payload: {
        email: "not-an-email",
        phone: "call me",
        postcode: "12",
        homepage: "not a url",
        creditCode: "91350100M000100Y44",
        annualRevenue: 1000.5,
      },
      headers: { "accept-language": "en" },
    });
    expect(res.statusCode).toBe(400);
    const byField = Object.fromEntries(
      res.json().errors.map((e: { field: string; message: string }) => [e.field, e]),
    );
    for (const f of ["name", "class", "province", "city"])
      expect(byField[f]).toMatchObject({ code: "required" });
    expect(byField.email.message).toBe("Not a valid email address");
    expect(byField.creditCode.message).toMatch(/credit code/);
    for (const f of ["phone", "postcode", "homepage", "annualRevenue"]) expect(byField[f]).toBeDefined();
  });

  it("refuses a city outside the province, a value outside a dictionary, and fields the server computes", async () => {
    const city = await sales1({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ city: "南京市" }),
    });
    expect(city.json().errors[0]).toMatchObject({ field: "city", code: "city_not_in_province" });
    const dict = await sales1({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ industry: "wizardry" }),
    });
    expect(dict.statusCode).toBe(400);
    expect(dict.json().errors[0]).toMatchObject({ field: "industry", code: "not_in_dictionary" });
    const mass = await sales1({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ code: "1类-999", letter: "Z", version: 7 }),
    });
    expect(mass.statusCode).toBe(400);
    expect(
      mass
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["code", "letter", "version"]);
  });

  it("continues past 99 (1类-100 follows 1类-99) and keeps the code when the class changes", async () => {
    await reserveSequence(db.db, "customer:2", 98);
    const a = await createCustomer(sales1, { class: "2" });
    const b = await createCustomer(sales1, { class: "2" });
    expect([a.code, b.code]).toEqual(["2类-99", "2类-100"]);
    const moved = await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${b.id}`,
      payload: { class: "3" },
    });
    expect(moved.json()).toMatchObject({ class: "3", code: "2类-100" });
  });

  it("gives 200 concurrent creations in one class 200 distinct codes", async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        admin({
          method: "POST",
          url: "/api/v1/customers",
          payload: customerBody({ class: "3", name: `并发客户${i}` }),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode).every((s) => s === 201)).toBe(true);
    const codes = results.map((r) => r.json().code as string);
    expect(new Set(codes).size).toBe(200);
    expect(codes.every((c) => /^3类-\d{2,}$/.test(c))).toBe(true);
  });

  it("lets an owner be chosen only within the caller's scope", async () => {
    const users = (await admin({ url: "/api/v1/users?q=sales3" })).json().items;
    const sales3 = users[0].id;
    const res = await sales1({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ ownerId: sales3 }),
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: "ownerId", code: "owner_out_of_scope" });
    const mgr1 = await clientFor(app, "mgr1");
    const sales2 = (await admin({ url: "/api/v1/users?q=sales2" })).json().items[0].id;
    const ok = await mgr1({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ ownerId: sales2 }),
    });
    expect(ok.json().ownerName).toBe("刘洋");
  });
});

describe("updates", () => {
  it("answers a stale If-Match with 412 and overwrites nothing", async () => {
    const c = await createCustomer(sales1, { name: "版本测试公司" });
    const first = await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      payload: { address: "第一次修改" },
      headers: { "if-match": `"${c.version}"` },
    });
    expect(first.statusCode).toBe(200);
    const stale = await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      payload: { address: "第二次修改" },
      headers: { "if-match": `"${c.version}"` },
    });
    expect(stale.statusCode).toBe(412);
    const now = (await sales1({ url: `/api/v1/customers/${c.id}` })).json();
    expect(now).toMatchObject({ address: "第一次修改", version: c.version + 1 });
  });

  it("changes province and city together only", async () => {
    const c = await createCustomer(sales1);
    const res = await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      payload: { province: "江苏省" },
    });
    expect(res.statusCode).toBe(400);
    const ok = await sales1({
      method: "PATCH",
      url: `/api/v1/customers/${c.id}`,
      payload: { province: "江苏省", city: "南京市" },
    });
    expect(ok.json()).toMatchObject({ province: "江苏省", city: "南京市" });
  });
});

describe("duplicate check (P-01)", () => {
  it("flags the same name with a company suffix, brackets, spaces or full-width letters", async () => {
    const original = await createCustomer(sales1, { name: "杭州宏达机械" });
    for (const name of ["杭州宏达机械有限公司", "杭州 宏达机械（集团）", "杭州宏达机械股份有限公司"]) {
      const res = await sales1({ method: "POST", url: "/api/v1/customers", payload: customerBody({ name }) });
      expect(res.statusCode, name).toBe(409);
      expect(res.json().code).toBe("duplicate_customer");
      expect(res.json().duplicates[0]).toMatchObject({
        id: original.id,
        code: original.code,
        matchedOn: ["name"],
      });
    }
  });

  it("matches phone numbers, emails and homepages written differently", async () => {
    const original = await createCustomer(sales1, {
      phone: "0571-88886666",
      email: "info@hongda.cn",
      homepage: "https://www.hongda.cn",
    });
    const cases: [Record<string, string>, string][] = [
      [{ phone: "+86 571 8888 6666" }, "phone"],
      [{ email: "INFO@HongDa.CN" }, "email"],
      [{ homepage: "hongda.cn/about" }, "homepage"],
    ];
    for (const [over, matchedOn] of cases) {
      const res = await sales1({ method: "POST", url: "/api/v1/customers", payload: customerBody(over) });
      expect(res.statusCode).toBe(409);
      expect(res.json().duplicates[0]).toMatchObject({
        id: original.id,
        name: original.name,
        matchedOn: [matchedOn],
      });
    }
  });

  it("lets a manager create anyway, but not a salesperson, and never with a taken credit code", async () => {
    await createCustomer(sales1, { name: "宁波港务" });
    const forced = await sales1({
      method: "POST",
      url: "/api/v1/customers?allowDuplicate=true",
      payload: customerBody({ name: "宁波港务有限公司" }),
    });
    expect(forced.statusCode).toBe(409);
    const mgr1 = await clientFor(app, "mgr1");
    const ok = await mgr1({
      method: "POST",
      url: "/api/v1/customers?allowDuplicate=true",
      payload: customerBody({ name: "宁波港务有限公司" }),
    });
    expect(ok.statusCode).toBe(201);
    const credit = await mgr1({
      method: "POST",
      url: "/api/v1/customers?allowDuplicate=true",
      payload: customerBody({ name: "完全不同的公司", creditCode: "91350100M000100Y43" }),
    });
    expect(credit.statusCode).toBe(409);
    expect(credit.json().errors[0]).toMatchObject({ field: "creditCode", code: "credit_code_taken" });
  });

  it("reports a duplicate outside the caller's scope without its id", async () => {
    const sales3 = await clientFor(app, "sales3");
    await createCustomer(sales3, { name: "温州鹿城鞋业" });
    const res = await sales1({
      method: "POST",
      url: "/api/v1/customers",
      payload: customerBody({ name: "温州鹿城鞋业有限公司" }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().duplicates[0]).toMatchObject({ id: null, ownerName: "陈静" });
  });
});

describe("creates at once", () => {
  it("200 concurrent creates in two classes: consecutive codes, each with its audit row, event and delivery", async () => {
    await db.db.execute(sql`insert into webhook_subscriptions (url, secret, events)
      values ('https://hooks.example.invalid/crm', 'secret-0123456789', '{customer.created}')`);
    const N = 200;
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) =>
        admin({
          method: "POST",
          url: "/api/v1/customers",
          payload: customerBody({ class: String((i % 2) + 2) }),
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(N).fill(201));
    const created = results.map((r) => r.json() as { id: string; code: string });
    for (const cls of ["2", "3"]) {
      const seqs = created
        .filter((c) => c.code.startsWith(`${cls}类-`))
        .map((c) => Number(c.code.split("-")[1]))
        .sort((a, b) => a - b);
      expect(seqs).toHaveLength(N / 2);
      expect(seqs).toEqual(Array.from({ length: N / 2 }, (_, i) => seqs[0]! + i));
      // The counter stands at the last one given: the next create follows it, none skipped.
      const next = await createCustomer(admin, { class: cls });
      expect(next.code).toBe(`${cls}类-${String(seqs.at(-1)! + 1).padStart(2, "0")}`);
    }
    const ids = created.map((c) => c.id);
    const audit = await db.db.execute<{ id: string; code: string }>(sql`
      select entity_id as id, changes->'code'->>'after' as code from audit_log
      where entity_type = 'customer' and action = 'create' and entity_id in ${ids}`);
    const events = await db.db.execute<{ id: string; code: string; deliveries: number }>(sql`
      select e.payload->>'id' as id, e.payload->>'code' as code,
        (select count(*)::int from webhook_deliveries d where d.event_id = e.id) as deliveries
      from outbox_events e where e.type = 'customer.created' and e.payload->>'id' in ${ids}`);
    const byId = (rows: { id: string; code: string }[]) => rows.map((r) => `${r.id} ${r.code}`).sort();
    const expected = created.map((c) => `${c.id} ${c.code}`).sort();
    expect(byId(audit.rows)).toEqual(expected);
    expect(byId(events.rows)).toEqual(expected);
    expect(events.rows.every((e) => e.deliveries === 1)).toBe(true);
  }, 120_000);
});
