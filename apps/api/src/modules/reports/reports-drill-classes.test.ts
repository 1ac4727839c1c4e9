// Applying the customer-value report's suggested customer classes: who may, and all or nothing.
import { auditLog, customers } from "@crm/db";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { a, admin, b, c, d, db, gm, prod1, sales1 } from "./reports-drill-fixtures.js";

describe("applying the suggested customer classes", () => {
  const body = { filters: { to: "2026-03-31" } };
  const classes = async () =>
    Object.fromEntries(
      (
        await db.db
          .select({ name: customers.name, class: customers.class })
          .from(customers)
          .where(inArray(customers.id, [a.id, b.id, c.id]))
      ).map((r) => [r.name, r.class]),
    );
  const before = { 钻取客户甲: "3", 钻取客户乙: "3", "=钻取客户丙": "1" };

  it("is for administrators only (customer:update and dictionary:manage)", async () => {
    for (const as of [gm, sales1, prod1]) {
      const res = await as({
        method: "POST",
        url: "/api/v1/reports/customer-value/apply-classes",
        payload: body,
      });
      expect(res.statusCode).toBe(403);
      expect(res.headers["content-type"]).toContain("application/problem+json");
    }
    expect(await classes()).toEqual(before);
  });

  it("refuses customers not in the report, and changes nothing", async () => {
    const res = await admin({
      method: "POST",
      url: "/api/v1/reports/customer-value/apply-classes",
      payload: { ...body, customerIds: [a.id, d.id] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toMatchObject([{ field: "customerIds.1", code: "not_in_report" }]);
    expect(await classes()).toEqual(before);
  });

  it("is all or nothing: a class that cannot be set leaves every customer as it was", async () => {
    const items = (await admin({ url: "/api/v1/dictionaries?type=customer_class" })).json().items;
    const two = items.find((i: { code: string }) => i.code === "2");
    const retire = (active: boolean) =>
      admin({ method: "PATCH", url: `/api/v1/dictionaries/${two.id}`, payload: { active } });
    expect((await retire(false)).statusCode).toBe(200);
    const res = await admin({
      method: "POST",
      url: "/api/v1/reports/customer-value/apply-classes",
      payload: body,
    });
    expect(res.statusCode).toBe(400);
    expect(await classes()).toEqual(before);
    expect((await retire(true)).statusCode).toBe(200);
  });

  it("sets every suggested class at once, audited per customer and as a whole", async () => {
    const res = await admin({
      method: "POST",
      url: "/api/v1/reports/customer-value/apply-classes",
      payload: body,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ updated: 3, unchanged: 0, byClass: { "1": 2, "2": 1 } });
    expect(await classes()).toEqual({ 钻取客户甲: "1", 钻取客户乙: "1", "=钻取客户丙": "2" });
    const audits = await db.db
      .select()
      .from(auditLog)
      .where(inArray(auditLog.entityId, [a.id, b.id, c.id]));
    expect(audits.filter((x) => x.action === "bulk_update")).toHaveLength(3);
    const [whole] = await db.db.select().from(auditLog).where(eq(auditLog.action, "apply_suggested_classes"));
    expect(whole?.detail).toMatchObject({ updated: 3, byClass: { "1": 2, "2": 1 } });
    // Applied again: nothing left to change.
    const again = await admin({
      method: "POST",
      url: "/api/v1/reports/customer-value/apply-classes",
      payload: body,
    });
    expect(again.json()).toMatchObject({ updated: 0, unchanged: 3 });
  });
});
