import { describe, expect, it } from "vitest";
import { clientFor, setupApp } from "../../test/helper.js";

const { app } = await setupApp();
const sales1 = await clientFor(app, "sales1");

describe("field messages of a wrong type", () => {
  it("name the type that was sent, not 'undefined', in both languages", async () => {
    for (const [lang, text] of [
      ["en", "received object"],
      ["zh-CN", "object"],
    ] as const) {
      const res = await sales1({
        method: "POST",
        url: "/api/v1/me/password",
        payload: { currentPassword: "x", newPassword: {} },
        headers: { "accept-language": lang },
      });
      expect(res.statusCode).toBe(400);
      const [error] = res.json().errors;
      expect(error).toMatchObject({ field: "newPassword", code: "invalid_type" });
      expect(error.message).toContain(text);
      expect(error.message).not.toContain("undefined");
    }
    const missing = await sales1({
      method: "POST",
      url: "/api/v1/me/password",
      payload: { currentPassword: "x" },
      headers: { "accept-language": "en" },
    });
    expect(missing.json().errors).toEqual([
      { field: "newPassword", code: "required", message: "This field is required" },
    ]);
  });

  it('names an unknown empty key as "" rather than an empty field', async () => {
    const res = await sales1({ method: "POST", url: "/api/v1/auth/logout", payload: { "": 1, x: 2 } });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['""', "x"]);
  });

  it("names the type in the query too", async () => {
    const res = await sales1({ url: "/api/v1/customers?limit=abc", headers: { "accept-language": "en" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].message).not.toContain("undefined");
  });
});
