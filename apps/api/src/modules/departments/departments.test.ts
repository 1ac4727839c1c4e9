import { auditLog, departments } from "@crm/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clientFor, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const admin = await clientFor(app, "admin");
const sales1 = await clientFor(app, "sales1");

type Dept = { id: string; code: string; name: string; version: number; parentId: string | null };
const tree = async () => (await admin({ url: "/api/v1/departments" })).json().items as Dept[];
const byCode = async (code: string) => (await tree()).find((d) => d.code === code)!;

describe("organisation tree", () => {
  it("lists the demo company with codes, heads and member counts", async () => {
    const items = await tree();
    const root = items.find((d) => d.code === "Dep-00")!;
    expect(root).toMatchObject({ name: "总公司", parentId: null, headName: "王总经理" });
    const dep01 = items.find((d) => d.code === "Dep-01")!;
    expect(dep01).toMatchObject({ name: "供销部", parentId: root.id, headName: "李经理", memberCount: 3 });
  });

  it("creates departments to any depth with the next Dep-NN code", async () => {
    const dep01 = await byCode("Dep-01");
    const team = await admin({
      method: "POST",
      url: "/api/v1/departments",
      payload: { name: "华东组", parentId: dep01.id },
    });
    expect(team.statusCode).toBe(201);
    expect(team.json()).toMatchObject({ code: "Dep-06", name: "华东组", parentId: dep01.id, version: 1 });
    const sub = await admin({
      method: "POST",
      url: "/api/v1/departments",
      payload: { name: "上海小组", parentId: team.json().id },
    });
    expect(sub.json().code).toBe("Dep-07");
  });

  it("refuses a parent that does not exist, naming the field", async () => {
    const res = await admin({
      method: "POST",
      url: "/api/v1/departments",
      payload: { name: "幽灵", parentId: "00000000-0000-4000-8000-000000000000" },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: "parentId", code: "not_found_ref" }),
    ]);
  });

  it("moves a department, but never under itself or its own subtree", async () => {
    const team = await byCode("Dep-06");
    const sub = await byCode("Dep-07");
    const cycle = await admin({
      method: "PATCH",
      url: `/api/v1/departments/${team.id}`,
      payload: { parentId: sub.id },
    });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json().code).toBe("cycle_detected");
    const self = await admin({
      method: "PATCH",
      url: `/api/v1/departments/${team.id}`,
      payload: { parentId: team.id },
    });
    expect(self.statusCode).toBe(409);
    const dep02 = await byCode("Dep-02");
    const moved = await admin({
      method: "PATCH",
      url: `/api/v1/departments/${sub.id}`,
      payload: { parentId: dep02.id },
    });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().parentId).toBe(dep02.id);
    const [entry] = await db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, sub.id), eq(auditLog.action, "move")));
    expect(entry?.changes).toEqual({ parentId: { before: team.id, after: dep02.id } });
  });

  it("answers 412 to a rename against a stale version, and changes nothing", async () => {
    const team = await byCode("Dep-06");
    const ok = await admin({
      method: "PATCH",
      url: `/api/v1/departments/${team.id}`,
      payload: { name: "华东大区" },
      headers: { "if-match": `"${team.version}"` },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe(`"${team.version + 1}"`);
    const stale = await admin({
      method: "PATCH",
      url: `/api/v1/departments/${team.id}`,
      payload: { name: "旧名字" },
      headers: { "if-match": `"${team.version}"` },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json().code).toBe("precondition_failed");
    const [row] = await db.db.select().from(departments).where(eq(departments.id, team.id));
    expect(row?.name).toBe("华东大区");
  });

  it("disables only an empty department", async () => {
    const dep01 = await byCode("Dep-01");
    const busy = await admin({ method: "POST", url: `/api/v1/departments/${dep01.id}/disable` });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe("department_not_empty");
    const team = await byCode("Dep-06");
    // Dep-06 is empty of people and its child moved away.
    const res = await admin({ method: "POST", url: `/api/v1/departments/${team.id}/disable` });
    expect(res.statusCode).toBe(200);
    expect(res.json().disabled).toBe(true);
    const again = await admin({ method: "POST", url: `/api/v1/departments/${team.id}/enable` });
    expect(again.json().disabled).toBe(false);
  });

  it("needs department:manage to change and department:read to look", async () => {
    const dep01 = await byCode("Dep-01");
    const res = await sales1({
      method: "PATCH",
      url: `/api/v1/departments/${dep01.id}`,
      payload: { name: "x" },
    });
    expect(res.statusCode).toBe(403);
    expect((await sales1({ url: "/api/v1/departments" })).statusCode).toBe(403);
    const mgr1 = await clientFor(app, "mgr1");
    expect((await mgr1({ url: "/api/v1/departments" })).statusCode).toBe(200);
  });

  it("answers 404 for an unknown department and 400 for a malformed id", async () => {
    expect(
      (await admin({ url: "/api/v1/departments/00000000-0000-4000-8000-000000000000" })).statusCode,
    ).toBe(404);
    const bad = await admin({ url: "/api/v1/departments/not-a-uuid" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("id");
  });
});
