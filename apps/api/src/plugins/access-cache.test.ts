import { describe, expect, it } from "vitest";
import { createCustomer } from "../../test/customers-fixtures.js";
import { clientsFor, setupApp } from "../../test/helper.js";

// Grants and scope are cached per user against a version the database bumps on every change
// that matters: these check that a change reaches a caller whose token was issued before it.
const { app } = await setupApp();
const [admin, mgr1, sales2] = await clientsFor(app, ["admin", "mgr1", "sales2"]);

const salesRole = async () =>
  (
    (await admin({ url: "/api/v1/roles" })).json().items as {
      id: string;
      name: string;
      permissions: string[];
    }[]
  ).find((r) => r.name === "业务员")!;

describe("cached access", () => {
  it("a role's new permissions and data scope apply to the next request with the same token", async () => {
    const theirs = await createCustomer(mgr1, { name: "缓存范围测试" });
    expect((await sales2({ url: "/api/v1/customers" })).statusCode).toBe(200);
    expect((await sales2({ url: `/api/v1/customers/${theirs.id}` })).statusCode).toBe(404);

    const role = await salesRole();
    const without = await admin({
      method: "PATCH",
      url: `/api/v1/roles/${role.id}`,
      payload: { permissions: role.permissions.filter((p) => p !== "customer:read") },
    });
    expect(without.statusCode, without.body).toBe(200);
    expect((await sales2({ url: "/api/v1/customers" })).statusCode).toBe(403);

    const widened = await admin({
      method: "PATCH",
      url: `/api/v1/roles/${role.id}`,
      payload: { permissions: role.permissions, dataScope: "all" },
    });
    expect(widened.statusCode, widened.body).toBe(200);
    expect((await sales2({ url: `/api/v1/customers/${theirs.id}` })).statusCode).toBe(200);
  });

  it("a disabled user's token stops working at once", async () => {
    const users = (await admin({ url: "/api/v1/users?q=sales2" })).json().items as {
      id: string;
      username: string;
    }[];
    const id = users.find((u) => u.username === "sales2")!.id;
    expect((await sales2({ url: "/api/v1/me" })).statusCode).toBe(200);
    const disabled = await admin({ method: "POST", url: `/api/v1/users/${id}/disable` });
    expect(disabled.statusCode, disabled.body).toBe(200);
    expect((await sales2({ url: "/api/v1/me" })).statusCode).toBe(401);
  });
});
