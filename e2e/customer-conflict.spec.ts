import { type APIRequestContext, expect, type Page, test } from "@playwright/test";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";

async function loginAs(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workbench$/);
}

/** A colleague working through the API at the same time. */
async function colleague(request: APIRequestContext) {
  const login = await request.post("/api/v1/auth/login", {
    data: { username: "mgr1", password: DEMO_PASSWORD },
  });
  const headers = {
    Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
  };
  return {
    create: async (name: string) => {
      const res = await request.post("/api/v1/customers?allowDuplicate=true", {
        headers,
        data: { name, class: "2", province: "江苏省", city: "苏州市", address: "工业园区 1 号" },
      });
      expect(res.status()).toBe(201);
      return (await res.json()) as { id: string; version: number };
    },
    change: async (id: string, version: number, data: Record<string, unknown>) => {
      const res = await request.patch(`/api/v1/customers/${id}`, {
        headers: { ...headers, "If-Match": `"${version}"` },
        data,
      });
      expect(res.status()).toBe(200);
    },
    read: async (id: string) =>
      (await (await request.get(`/api/v1/customers/${id}`, { headers })).json()) as Record<string, unknown>,
  };
}

test.describe("editing a customer someone else just changed", () => {
  // Two saves, a conflict and a reload: more than the default 30 s on a slow 2-core machine.
  test.describe.configure({ timeout: 90_000 });

  test("the save is refused, both versions are shown side by side, and a reload keeps what the user typed", async ({
    page,
    request,
  }) => {
    const other = await colleague(request);
    const customer = await other.create(`苏州冲突测试${Date.now().toString(36)}`);
    // A phone of this run's own: a retry must not find the first attempt's customer as a duplicate.
    const phone = `0512-6${String(Date.now()).slice(-7)}`;
    await loginAs(page, "mgr1");
    await page.goto(`/customers/${customer.id}/edit`);
    await page.getByLabel("详细地址").fill("我的地址 8 号");
    await page.getByLabel("电话").fill(phone);

    // Meanwhile the colleague changes the address and the status.
    await other.change(customer.id, customer.version, { address: "他人的地址 9 号", status: "signed" });

    await page.getByRole("button", { name: "保存修改" }).click();
    const alert = page.locator(".customer-form__alert").filter({ hasText: "该客户已被他人修改" });
    await expect(alert).toBeVisible();
    const table = alert.getByRole("table");
    await expect(alert.getByText("这条记录从版本 1 变为版本 2，对方改了 2 项")).toBeVisible();
    const address = table.getByRole("row").filter({ hasText: "详细地址" });
    await expect(address).toContainText("他人的地址 9 号");
    await expect(address).toContainText("我的地址 8 号");
    await expect(address).toContainText("双方都改了");
    const status = table.getByRole("row").filter({ hasText: "客户状态" });
    await expect(status).toContainText("已签约");
    await expect(status).not.toContainText("双方都改了");
    await alert.screenshot({ path: test.info().outputPath("conflict.png") });
    // Nothing was saved from the form.
    expect((await other.read(customer.id)).address).toBe("他人的地址 9 号");

    await alert.getByRole("button", { name: "重新加载" }).click();
    await expect(alert).toBeHidden();
    // What the user typed stays; what they left alone takes the colleague's value.
    await expect(page.getByLabel("详细地址")).toHaveValue("我的地址 8 号");
    await expect(page.getByLabel("电话")).toHaveValue(phone);
    await page.getByRole("button", { name: "保存修改" }).click();
    await expect(page.getByText("客户资料已保存")).toBeVisible();
    const saved = await other.read(customer.id);
    expect(saved).toMatchObject({
      address: "我的地址 8 号",
      phone,
      status: "signed",
      version: 3,
    });
  });
});
