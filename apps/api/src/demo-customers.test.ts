import { customers, freshTestDatabase } from "@crm/db";
import { describe, expect, it } from "vitest";
import { bootstrapDatabase } from "./bootstrap.js";

describe("demo customers", () => {
  it("come with a new demo company, once, with codes, letters and a primary contact", async () => {
    const handle = await freshTestDatabase();
    await bootstrapDatabase(handle, { demo: true, demoCustomers: true });
    await bootstrapDatabase(handle, { demo: true, demoCustomers: true });
    const rows = await handle.db.select().from(customers);
    expect(rows).toHaveLength(12);
    const cq = rows.find((r) => r.name.startsWith("重庆"))!;
    expect(cq).toMatchObject({ letter: "C", code: "1类-02" });
    expect(new Set(rows.map((r) => r.code)).size).toBe(12);
    await handle.drop();
  });
});
