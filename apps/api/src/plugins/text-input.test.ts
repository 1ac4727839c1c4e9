import { describe, expect, it } from "vitest";
import { clientFor, setupApp } from "../../test/helper.js";

const { app } = await setupApp();
const admin = await clientFor(app, "admin");
const customer = { class: "1", province: "浙江省", city: "杭州市" };

describe("text PostgreSQL cannot store", () => {
  it("refuses a NUL or a lone surrogate anywhere with 400 and the field, in both languages", async () => {
    const cases = [
      { url: "/api/v1/customers?q=a%00b", field: "q" },
      { url: "/api/v1/payables?supplier=%00", field: "supplier" },
      {
        method: "POST",
        url: "/api/v1/customers",
        payload: { ...customer, name: "宏达\u0000" },
        field: "name",
      },
      {
        method: "POST",
        url: "/api/v1/customers",
        payload: { ...customer, name: "宏达\ud800" },
        field: "name",
      },
      {
        method: "POST",
        url: "/api/v1/customers",
        payload: { ...customer, name: "宏达\udc00x" },
        field: "name",
      },
      {
        method: "POST",
        url: "/api/v1/saved-views",
        payload: { resource: "customers", name: "v", query: { city: ["杭州\u0000"] }, columns: [] },
        field: "query.city.0",
      },
      {
        method: "POST",
        url: "/api/v1/auth/login",
        payload: { username: "admin\u0000", password: "x" },
        field: "username",
      },
    ] as const;
    for (const c of cases) {
      for (const lang of ["zh-CN", "en"]) {
        const res = await admin({
          method: "method" in c ? c.method : "GET",
          url: c.url,
          ...("payload" in c ? { payload: c.payload } : {}),
          headers: { "accept-language": lang },
        });
        expect(res.statusCode, c.url).toBe(400);
        expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
        const body = res.json();
        expect(body.code).toBe("validation_failed");
        expect(body.errors).toEqual([
          {
            field: c.field,
            code: "invalid_characters",
            message: lang === "en" ? expect.stringContaining("NUL") : expect.stringContaining("空字符"),
          },
        ]);
      }
    }
  });

  it("keeps well-formed text: emoji (surrogate pairs), right-to-left and full-width characters", async () => {
    const res = await admin({
      method: "POST",
      url: "/api/v1/customers",
      payload: { ...customer, name: "宏达😀\u202eمرحبا ＡＢＣ" },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().name).toBe("宏达😀\u202eمرحبا ＡＢＣ");
  });
});
