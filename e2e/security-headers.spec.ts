import { expect, type Page, test } from "@playwright/test";

const DEMO_PASSWORD = "Demo@2026";

/**
 * Records every Content-Security-Policy violation of a page (the DOM event and Chromium's console
 * report), every dialog (an alert() would be injected script) and uncaught page errors.
 */
async function watch(page: Page) {
  const seen = { violations: [] as string[], dialogs: [] as string[], errors: [] as string[] };
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => {
      w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (msg) => {
    if (/Content Security Policy/i.test(msg.text())) seen.violations.push(msg.text());
  });
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  const check = async () => {
    const dom = await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
    expect([...seen.violations, ...dom]).toEqual([]);
    expect(seen.dialogs).toEqual([]);
    expect(seen.errors).toEqual([]);
  };
  return check;
}

test.describe("安全响应头与内容安全策略", () => {
  // Each flow opens a report, drills into it and downloads a file: on a slow 2-core machine running
  // both e2e workers that took more than the default 30 s (CI, ninth session: passed on retry).
  test.describe.configure({ timeout: 90_000 });
  test("the login page and the workbench render under the CSP with no violation", async ({ page }) => {
    const check = await watch(page);
    const res = await page.goto("/login");
    const csp = res!.headers()["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).toContain("frame-ancestors 'none'");
    await expect(page.getByRole("heading", { name: "客户关系管理系统" })).toBeVisible();
    await check();

    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page).toHaveURL(/\/workbench$/);
    await expect(page.getByRole("heading", { level: 1, name: "业务员工作台" })).toBeVisible();
    await expect(page.getByText("待跟进客户")).toBeVisible();
    // antd's CSS-in-JS styles applied (inline <style> allowed): the side menu is laid out, not bare.
    const menu = page.getByRole("navigation", { name: "主导航" });
    await expect(menu.getByRole("menuitem", { name: "客户信息" })).toBeVisible();
    expect(await page.locator("style").count()).toBeGreaterThan(0);
    await check();
  });

  test("a customer named like HTML shows as text, never as markup", async ({ page, request }) => {
    const check = await watch(page);
    const login = await request.post("/api/v1/auth/login", {
      data: { username: "admin", password: DEMO_PASSWORD },
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const name = `<img src=x onerror=alert(1)>${Date.now().toString(36)}`;
    const created = await request.post("/api/v1/customers?allowDuplicate=true", {
      headers: { Authorization: `Bearer ${accessToken}` },
      data: { name, class: "1", province: "浙江省", city: "杭州市" },
    });
    expect(created.status(), await created.text()).toBe(201);
    const { id, code } = (await created.json()) as { id: string; code: string };

    await page.goto("/login");
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page).toHaveURL(/\/workbench$/);

    await page.goto(`/customers/${id}`);
    await expect(page.getByText(name).first()).toBeVisible();
    await page.goto(`/customers?q=${encodeURIComponent(code)}`);
    await expect(page.getByRole("main").getByText(name).first()).toBeVisible();
    // No element was made from it.
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    await check();
  });

  test("the API reference page runs under its own hash-allowed script with no violation", async ({
    page,
  }) => {
    const check = await watch(page);
    await page.goto("/api/docs/");
    // Rendered by the page's inline start-up script: had the CSP blocked it, nothing would be there.
    await expect(page.getByRole("link", { name: "Powered by Scalar" })).toBeVisible();
    await check();
  });
});
