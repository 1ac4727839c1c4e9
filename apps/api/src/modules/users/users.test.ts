import { auditLog, users } from "@crm/db";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { bearer, clientFor, login, setupApp } from "../../../test/helper.js";

const { app, db } = await setupApp();
const admin = await clientFor(app, "admin");

const departmentId = async (code: string) =>
  ((await admin({ url: "/api/v1/departments" })).json().items as { id: string; code: string }[]).find(
    (d) => d.code === code,
  )!.id;
const roleId = async (name: string) =>
  ((await admin({ url: "/api/v1/roles" })).json().items as { id: string; name: string }[]).find(
    (r) => r.name === name,
  )!.id;
const userId = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;

describe("creating users", () => {
  it("creates a salesperson with a generated code and a one-time password to change at first login", async () => {
    const res = await admin({
      method: "POST",
      url: "/api/v1/users",
      payload: {
        username: "sales4",
        displayName: "吴磊",
        departmentId: await departmentId("Dep-01"),
        managerId: await userId("mgr1"),
        roleIds: [await roleId("业务员")],
        gender: "male",
        salesLevel: "A",
        salary: "8500.50",
      },
    });
    expect(res.statusCode).toBe(201);
    const { user, initialPassword } = res.json();
    expect(user).toMatchObject({
      username: "sales4",
      departmentName: "供销部",
      managerName: "李经理",
      salespersonCode: "A级-01",
      salary: "8500.50",
      roleNames: ["业务员"],
      mustChangePassword: true,
    });
    expect(initialPassword).toMatch(/^[A-Za-z0-9_-]{12}$/);

    // The first login works but nothing opens until the password is changed.
    const session = await login(app, "sales4", initialPassword);
    const blocked = await app.inject({ url: "/api/v1/users", headers: bearer(session.accessToken) });
    expect(blocked.json().code).toBe("password_change_required");
    const changed = await app.inject({
      method: "POST",
      url: "/api/v1/me/password",
      headers: bearer(session.accessToken),
      payload: { currentPassword: initialPassword, newPassword: "Sales4Pass2026" },
    });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().user.mustChangePassword).toBe(false);
    expect(changed.json().user.permissions).toContain("customer:create");
  });

  it("numbers salesperson codes per level and never reuses them", async () => {
    const make = async (username: string, salesLevel: string) =>
      (
        await admin({
          method: "POST",
          url: "/api/v1/users",
          payload: {
            username,
            displayName: username,
            departmentId: await departmentId("Dep-02"),
            salesLevel,
          },
        })
      ).json().user.salespersonCode;
    expect(await make("lvl-a2", "A")).toBe("A级-02");
    expect(await make("lvl-b1", "B")).toBe("B级-01");
    // A level change later keeps the code (codes never change).
    const id = await userId("lvl-b1");
    const res = await admin({ method: "PATCH", url: `/api/v1/users/${id}`, payload: { salesLevel: "A" } });
    expect(res.json()).toMatchObject({ salesLevel: "A", salespersonCode: "B级-01" });
  });

  it("refuses a taken username (any case), bad fields, and unknown keys, naming each field", async () => {
    const dep = await departmentId("Dep-01");
    const taken = await admin({
      method: "POST",
      url: "/api/v1/users",
      payload: { username: "SALES1", displayName: "x", departmentId: dep },
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().errors).toEqual([
      expect.objectContaining({ field: "username", code: "username_taken" }),
    ]);
    const bad = await admin({
      method: "POST",
      url: "/api/v1/users",
      payload: {
        username: "a b",
        displayName: "",
        departmentId: dep,
        email: "nope",
        salary: "12.345",
        owner: "x",
      },
    });
    expect(bad.statusCode).toBe(400);
    const fields = bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort();
    expect(fields).toEqual(["displayName", "email", "owner", "salary", "username"]);
  });
});

describe("field-level and escalation rules", () => {
  it("hides salary from whoever lacks user:salary_read", async () => {
    const mgr1 = await clientFor(app, "mgr1");
    const seen = (await mgr1({ url: `/api/v1/users/${await userId("sales1")}` })).json();
    expect(seen).not.toHaveProperty("salary");
    const gm = await clientFor(app, "gm");
    expect((await gm({ url: `/api/v1/users/${await userId("sales4")}` })).json().salary).toBe("8500.50");
  });

  it("lets only role managers grant roles", async () => {
    // A user admin without role:manage.
    const created = await admin({
      method: "POST",
      url: "/api/v1/roles",
      payload: { name: "人事", permissions: ["user:read", "user:update", "user:create"], dataScope: "all" },
    });
    const hr = (
      await admin({
        method: "POST",
        url: "/api/v1/users",
        payload: {
          username: "hr1",
          displayName: "人事专员",
          departmentId: await departmentId("Dep-00"),
          roleIds: [created.json().id],
          password: "HrPass2026",
        },
      })
    ).json().user;
    await db.db.update(users).set({ mustChangePassword: false }).where(eq(users.id, hr.id));
    const asHr = await clientFor(app, "hr1", "HrPass2026");
    const escalate = await asHr({
      method: "PATCH",
      url: `/api/v1/users/${hr.id}`,
      payload: { roleIds: [await roleId("系统管理员")] },
    });
    expect(escalate.statusCode).toBe(403);
    expect(escalate.json().errors[0].field).toBe("roleIds");
    const rename = await asHr({
      method: "PATCH",
      url: `/api/v1/users/${hr.id}`,
      payload: { displayName: "人事主管" },
    });
    expect(rename.statusCode).toBe(200);
  });

  it("refuses a manager who reports to the user", async () => {
    const mgr1 = await userId("mgr1");
    const res = await admin({
      method: "PATCH",
      url: `/api/v1/users/${mgr1}`,
      payload: { managerId: await userId("sales1") },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: "managerId", code: "manager_cycle" });
  });
});

describe("disabling and resetting", () => {
  it("disables a user: their sessions end, they cannot log in, their data stays", async () => {
    const session = await login(app, "sales2");
    const id = await userId("sales2");
    const res = await admin({ method: "POST", url: `/api/v1/users/${id}/disable` });
    expect(res.json().disabled).toBe(true);
    expect((await app.inject({ url: "/api/v1/me", headers: bearer(session.accessToken) })).statusCode).toBe(
      401,
    );
    const refresh = await app.inject({
      method: "POST",
      url: "/api/v1/auth/refresh",
      payload: { refreshToken: session.refreshToken },
    });
    expect(refresh.statusCode).toBe(401);
    const again = await app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "sales2", password: "Demo@2026" },
    });
    expect(again.statusCode).toBe(403);
    await admin({ method: "POST", url: `/api/v1/users/${id}/enable` });
    await login(app, "sales2");
  });

  it("does not let an administrator disable themselves", async () => {
    const res = await admin({ method: "POST", url: `/api/v1/users/${await userId("admin")}/disable` });
    expect(res.statusCode).toBe(400);
  });

  it("resets a password: a temporary one, shown once, to be changed at next login", async () => {
    const id = await userId("service1");
    const res = await admin({ method: "POST", url: `/api/v1/users/${id}/reset-password`, payload: {} });
    const { temporaryPassword } = res.json();
    const session = await login(app, "service1", temporaryPassword);
    expect(session.user).toMatchObject({ mustChangePassword: true });
    const [entry] = await db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, "password_reset")));
    expect(JSON.stringify(entry)).not.toContain(temporaryPassword);
  });
});
