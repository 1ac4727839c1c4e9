import { ALL_PERMISSIONS, type Role } from "@crm/contracts";
import { users } from "@crm/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clientFor, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const admin = await clientFor(app, "admin");
const roles = async () => (await admin({ url: "/api/v1/roles?includeDeleted=true" })).json().items as Role[];
const userId = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

describe("roles", () => {
  it("seeds the editable built-in roles with their holders", async () => {
    const list = await roles();
    const byName = Object.fromEntries(list.map((r) => [r.name, r]));
    expect(Object.keys(byName).sort()).toEqual(
      ["业务员", "客服", "总经理", "生产", "系统管理员", "财务", "部门经理"].sort(),
    );
    expect(byName.系统管理员).toMatchObject({ builtin: true, dataScope: "all", userCount: 1 });
    expect((byName.系统管理员 as { permissions: string[] }).permissions).toHaveLength(ALL_PERMISSIONS.length);
    expect(byName.业务员).toMatchObject({ dataScope: "own", userCount: 3 });
    expect(byName.部门经理).toMatchObject({ dataScope: "department_tree", userCount: 1 });
  });

  it("lists the permission catalogue for the role editor", async () => {
    const res = await admin({ url: "/api/v1/permissions" });
    const customer = res.json().modules.find((m: { module: string }) => m.module === "customer");
    expect(customer.actions).toEqual(["read", "create", "update", "delete", "merge", "import", "export"]);
    expect(res.json().dataScopes).toEqual(["own", "department", "department_tree", "all", "custom"]);
  });

  it("creates a role; unknown permissions and duplicate names are refused", async () => {
    const ok = await admin({
      method: "POST",
      url: "/api/v1/roles",
      payload: {
        name: "区域经理",
        permissions: ["customer:read", "customer:read", "report:read"],
        dataScope: "department",
      },
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      permissions: ["customer:read", "report:read"],
      builtin: false,
      version: 1,
    });
    const unknown = await admin({
      method: "POST",
      url: "/api/v1/roles",
      payload: { name: "坏角色", permissions: ["customer:fly"], dataScope: "own" },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: "permissions.0", message: "未知的权限" });
    const dup = await admin({
      method: "POST",
      url: "/api/v1/roles",
      payload: { name: "区域经理", permissions: [], dataScope: "own" },
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().errors[0].field).toBe("name");
  });

  it("keeps chosen departments only for the custom scope, and checks them", async () => {
    const deps = (await admin({ url: "/api/v1/departments" })).json().items as { id: string }[];
    const custom = await admin({
      method: "POST",
      url: "/api/v1/roles",
      payload: {
        name: "跨部门",
        permissions: ["user:read"],
        dataScope: "custom",
        scopeDepartmentIds: [deps[1]!.id],
      },
    });
    expect(custom.json().scopeDepartmentIds).toEqual([deps[1]!.id]);
    const missing = await admin({
      method: "PATCH",
      url: `/api/v1/roles/${custom.json().id}`,
      payload: { scopeDepartmentIds: ["00000000-0000-4000-8000-000000000000"] },
    });
    expect(missing.statusCode).toBe(400);
    const own = await admin({
      method: "PATCH",
      url: `/api/v1/roles/${custom.json().id}`,
      payload: { dataScope: "own" },
    });
    expect(own.json().scopeDepartmentIds).toEqual([]);
  });

  it("never leaves the company without someone able to manage roles", async () => {
    const adminRole = (await roles()).find((r) => r.name === "系统管理员")!;
    const strip = await admin({
      method: "PATCH",
      url: `/api/v1/roles/${adminRole.id}`,
      payload: { permissions: ["customer:read"] },
    });
    expect(strip.statusCode).toBe(409);
    expect(strip.json().code).toBe("last_administrator");
    const remove = await admin({ method: "DELETE", url: `/api/v1/roles/${adminRole.id}` });
    expect(remove.statusCode).toBe(409);
    const unassign = await admin({
      method: "PATCH",
      url: `/api/v1/users/${await userId("admin")}`,
      payload: { roleIds: [] },
    });
    expect(unassign.statusCode).toBe(409);
    // Nothing changed.
    expect((await roles()).find((r) => r.name === "系统管理员")).toMatchObject({
      version: adminRole.version,
    });
  });

  it("deletes softly: the role stops granting, and a restore brings it back", async () => {
    const finance = (await roles()).find((r) => r.name === "财务")!;
    const finance1 = await clientFor(app, "finance1");
    expect((await finance1({ url: "/api/v1/me" })).json().permissions).toContain("finance:read");
    const del = await admin({
      method: "DELETE",
      url: `/api/v1/roles/${finance.id}`,
      headers: { "if-match": `"${finance.version}"` },
    });
    expect(del.json().deleted).toBe(true);
    expect((await finance1({ url: "/api/v1/me" })).json().permissions).toEqual([]);
    expect((await roles()).find((r) => r.id === finance.id)).toMatchObject({ deleted: true });
    await admin({ method: "POST", url: `/api/v1/roles/${finance.id}/restore` });
    expect((await finance1({ url: "/api/v1/me" })).json().permissions).toContain("finance:read");
  });

  it("gives a user with several roles the union of their permissions", async () => {
    const list = await roles();
    const service = list.find((r) => r.name === "客服")!;
    const production = list.find((r) => r.name === "生产")!;
    await admin({
      method: "PATCH",
      url: `/api/v1/users/${await userId("prod1")}`,
      payload: { roleIds: [service.id, production.id] },
    });
    const prod1 = await clientFor(app, "prod1");
    const perms = (await prod1({ url: "/api/v1/me" })).json().permissions as string[];
    expect(perms).toEqual(expect.arrayContaining(["feedback:create", "inventory:adjust"]));
  });
});
