import { users } from "@crm/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clientFor, setupApp } from "../test/helper.js";

const { app, db } = await setupApp();
const admin = await clientFor(app, "admin");
const userId = async (username: string) =>
  (await db.db.select({ id: users.id }).from(users).where(eq(users.username, username)))[0]!.id;
const fill = (url: string) => url.replace(/:\w+/g, "00000000-0000-4000-8000-000000000000");

describe("every route is guarded (walks the app's own route table)", async () => {
  // A user with no role at all.
  const dep = ((await admin({ url: "/api/v1/departments" })).json().items as { id: string }[])[0]!.id;
  await admin({
    method: "POST",
    url: "/api/v1/users",
    payload: { username: "norole", displayName: "无角色", departmentId: dep, password: "NoRole2026" },
  });
  await db.db.update(users).set({ mustChangePassword: false }).where(eq(users.username, "norole"));
  const nobody = await clientFor(app, "norole", "NoRole2026");

  const guarded = app.routeTable.filter((r) => typeof r.access === "object");
  it("has permission-guarded business routes to check", () => {
    expect(guarded.length).toBeGreaterThanOrEqual(15);
  });

  for (const route of guarded) {
    it(`${route.method} ${route.url}: 401 without a token, 403 without the permission`, async () => {
      const url = fill(route.url);
      const anonymous = await app.inject({ method: route.method as "GET", url, payload: {} });
      expect(anonymous.statusCode).toBe(401);
      const forbidden = await nobody({ method: route.method as "GET", url, payload: {} });
      expect(forbidden.statusCode).toBe(403);
      expect(forbidden.json().code).toBe("forbidden");
    });
  }
});

describe("data scope on people (users own themselves)", () => {
  it("a department manager sees their department's subtree, nobody else", async () => {
    const mgr1 = await clientFor(app, "mgr1");
    const names = (await mgr1({ url: "/api/v1/users?limit=200" }))
      .json()
      .items.map((u: { username: string }) => u.username);
    expect(names.sort()).toEqual(["mgr1", "sales1", "sales2"]);
    const other = await mgr1({ url: `/api/v1/users/${await userId("sales3")}` });
    expect(other.statusCode).toBe(404);
    const search = await mgr1({ url: "/api/v1/users?q=sales3" });
    expect(search.json().items).toEqual([]);
  });

  it("the general manager sees everyone", async () => {
    const gm = await clientFor(app, "gm");
    const page = (await gm({ url: "/api/v1/users?limit=200" })).json();
    expect(page.items.length).toBeGreaterThanOrEqual(10);
  });

  it("moving a department brings its people into the new parent's managers' scope, rewriting no record", async () => {
    const mgr1 = await clientFor(app, "mgr1");
    const deps = (await admin({ url: "/api/v1/departments" })).json().items as {
      id: string;
      code: string;
      version: number;
    }[];
    const dep01 = deps.find((d) => d.code === "Dep-01")!;
    const dep02 = deps.find((d) => d.code === "Dep-02")!;
    const [before] = await db.db.select().from(users).where(eq(users.username, "sales3"));
    await admin({ method: "PATCH", url: `/api/v1/departments/${dep02.id}`, payload: { parentId: dep01.id } });
    const sales3 = await mgr1({ url: `/api/v1/users/${before!.id}` });
    expect(sales3.statusCode).toBe(200);
    const [after] = await db.db.select().from(users).where(eq(users.username, "sales3"));
    expect(after).toEqual(before);
    // And back out of it.
    const root = deps.find((d) => d.code === "Dep-00")!;
    await admin({ method: "PATCH", url: `/api/v1/departments/${dep02.id}`, payload: { parentId: root.id } });
    expect((await mgr1({ url: `/api/v1/users/${before!.id}` })).statusCode).toBe(404);
  });

  it("paginates with a cursor, every row exactly once", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await admin({ url: `/api/v1/users?limit=3${cursor ? `&cursor=${cursor}` : ""}` });
      const body = res.json();
      seen.push(...body.items.map((u: { username: string }) => u.username));
      cursor = body.nextCursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await db.db.select().from(users);
    expect(seen.length).toBe(all.length);
    const bad = await admin({ url: "/api/v1/users?cursor=garbage" });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe("cursor");
  });
});

describe("the audit log", () => {
  it("shows a field diff for an update, newest first, filtered by entity", async () => {
    const id = await userId("sales1");
    await admin({
      method: "PATCH",
      url: `/api/v1/users/${id}`,
      payload: { displayName: "张伟伟", phone: "13800000000" },
    });
    const res = await admin({ url: `/api/v1/audit-log?entityType=user&entityId=${id}&action=update` });
    const [entry] = res.json().items;
    expect(entry).toMatchObject({
      actorName: "系统管理员",
      action: "update",
      changes: {
        displayName: { before: "张伟", after: "张伟伟" },
        phone: { before: null, after: "13800000000" },
      },
    });
    expect(entry.ip).toBeTruthy();
  });

  it("pages newest first through every entry", async () => {
    const first = (await admin({ url: "/api/v1/audit-log?limit=2" })).json();
    const second = (await admin({ url: `/api/v1/audit-log?limit=2&cursor=${first.nextCursor}` })).json();
    expect(first.items).toHaveLength(2);
    expect(second.items[0].at <= first.items[1].at).toBe(true);
    expect(second.items.map((e: { id: string }) => e.id)).not.toContain(first.items[1].id);
  });

  it("cannot be written, edited or deleted through any route", async () => {
    const routes = app.routeTable.filter((r) => r.url.startsWith("/api/v1/audit-log"));
    expect(routes.map((r) => r.method)).toEqual(["GET"]);
    for (const method of ["POST", "PATCH", "PUT", "DELETE"] as const) {
      expect((await admin({ method, url: "/api/v1/audit-log", payload: {} })).statusCode).toBe(404);
    }
  });

  it("is closed to those without audit:read", async () => {
    const sales1 = await clientFor(app, "sales1");
    expect((await sales1({ url: "/api/v1/audit-log" })).statusCode).toBe(403);
  });
});
