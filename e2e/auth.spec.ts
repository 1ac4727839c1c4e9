import { expect, type Page, test } from "@playwright/test";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";

async function fillLogin(page: Page, username: string, password: string) {
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function loginAs(page: Page, username: string) {
  await page.goto("/login");
  await fillLogin(page, username, DEMO_PASSWORD);
  await expect(page).toHaveURL(/\/workbench$/);
}

test.describe("登录与会话", () => {
  test("admin logs in and sees the workbench welcome with their name", async ({ page }) => {
    await page.goto("/login");
    await expect(page).toHaveTitle(/客户关系管理系统/);
    await expect(page.getByRole("heading", { name: "客户关系管理系统" })).toBeVisible();

    await fillLogin(page, "admin", DEMO_PASSWORD);

    await expect(page).toHaveURL(/\/workbench$/);
    await expect(page.getByRole("heading", { level: 1, name: "业务员工作台" })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /系统管理员/ })).toBeVisible();
    await expect(page.getByRole("main").getByText("总公司")).toBeVisible();
    // The workbench's own sections (schedule, tasks, follow-ups).
    await expect(page.getByText("今日日程")).toBeVisible();
    await expect(page.getByText("待跟进客户")).toBeVisible();
    // Every module is in the side menu.
    const menu = page.getByRole("navigation", { name: "主导航" });
    for (const label of ["业务员工作台", "客户信息", "销售管理", "系统管理"]) {
      await expect(menu.getByRole("menuitem", { name: label })).toBeVisible();
    }
  });

  test("a wrong password gets nowhere", async ({ page }) => {
    await page.goto("/login");
    await fillLogin(page, "sales2", "not-the-password-1");

    await expect(page.getByRole("alert")).toContainText("用户名或密码错误");
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByLabel("用户名")).toHaveValue("sales2");
    await expect(page.getByLabel("密码", { exact: true })).toHaveValue("");

    // Still not signed in: a protected page sends us back to the login page.
    await page.goto("/workbench");
    await expect(page).toHaveURL(/\/login\?from=%2Fworkbench$/);

    // The right password still works afterwards (and resets the failure count of sales2).
    await fillLogin(page, "sales2", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/workbench$/);
    await expect(page.getByRole("heading", { level: 2, name: /刘洋/ })).toBeVisible();
  });

  test("empty fields are rejected before anything is sent", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page.getByText("请输入用户名")).toBeVisible();
    await expect(page.getByText("请输入密码")).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
  });

  test("logging out returns to login and protected pages then redirect there", async ({ page }) => {
    await loginAs(page, "gm");
    await expect(page.getByRole("heading", { level: 2, name: /王总经理/ })).toBeVisible();

    // A click that lands while the menu is still opening can be lost (the menu stays open): again
    // until the login page shows.
    const logout = page.getByRole("menuitem", { name: "退出登录" });
    await expect(async () => {
      if (/\/login$/.test(page.url())) return;
      if (!(await logout.isVisible()))
        await page.getByRole("button", { name: /王总经理/ }).click({ timeout: 2_000 });
      await logout.click({ timeout: 2_000 });
      await expect(page).toHaveURL(/\/login$/, { timeout: 5_000 });
    }).toPass({ timeout: 30_000 });
    await expect(page.getByRole("button", { name: "登录", exact: true })).toBeVisible();

    // The refresh cookie is gone too: a reload of a protected page does not bring the session back.
    await page.goto("/customers");
    await expect(page).toHaveURL(/\/login\?from=%2Fcustomers$/);
    await expect(page.getByLabel("用户名")).toBeVisible();
  });

  test("a session survives a reload", async ({ page }) => {
    await loginAs(page, "sales3");
    await page.reload();
    await expect(page).toHaveURL(/\/workbench$/);
    await expect(page.getByRole("heading", { level: 2, name: /陈静/ })).toBeVisible();

    // Logged in, /login itself goes to the workbench.
    await page.goto("/login");
    await expect(page).toHaveURL(/\/workbench$/);
  });

  test("an unauthenticated deep link comes back after login", async ({ page }) => {
    await page.goto("/customers?tab=x");
    await expect(page).toHaveURL(/\/login\?from=%2Fcustomers%3Ftab%3Dx$/);

    await fillLogin(page, "mgr1", DEMO_PASSWORD);

    await expect(page).toHaveURL(/\/customers\?tab=x$/);
    // The customer list itself, not a placeholder or an error.
    await expect(page.getByRole("heading", { level: 1, name: "客户信息" })).toBeVisible();
    await expect(page.getByRole("textbox", { name: /搜索/ }).first()).toBeVisible();
  });

  test("an off-site ?from= is ignored", async ({ page }) => {
    await page.goto("/login?from=//example.com/x");
    await fillLogin(page, "prod1", DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/workbench$/);
  });

  test("switching to English changes the labels and is remembered", async ({ page }) => {
    await page.goto("/login");
    await page.getByRole("button", { name: "English" }).click();

    await expect(page.getByLabel("Username")).toBeVisible();
    await expect(page.getByLabel("Password", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Log in", exact: true })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");

    await page.getByLabel("Username").fill("sales1");
    await page.getByLabel("Password", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Log in", exact: true }).click();

    await expect(page).toHaveURL(/\/workbench$/);
    await expect(page.getByRole("heading", { level: 1, name: "Sales workbench" })).toBeVisible();
    const menu = page.getByRole("navigation", { name: "Main navigation" });
    await expect(menu.getByRole("menuitem", { name: "Customers" })).toBeVisible();

    await page.reload();
    await expect(page.getByRole("heading", { level: 1, name: "Sales workbench" })).toBeVisible();

    await page.getByRole("button", { name: "中文" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "业务员工作台" })).toBeVisible();
  });

  test("unknown pages show a 404 inside the app", async ({ page }) => {
    await loginAs(page, "finance1");
    await page.goto("/no-such-page");
    await expect(page.getByRole("heading", { level: 1, name: "页面不存在" })).toBeVisible();
    await page.getByRole("button", { name: "返回工作台" }).click();
    await expect(page).toHaveURL(/\/workbench$/);
  });
});
