import { expect, type Locator, type Page, test } from "@playwright/test";
import { choose } from "./support/select";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";

/** Unique per test run and per call, so parallel tests on one database never collide. */
const unique = (prefix: string) => `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function login(page: Page, username: string, password = DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(password);
  await page.getByRole("button", { name: "登录", exact: true }).click();
}

async function loginAs(page: Page, username: string) {
  await login(page, username);
  await expect(page).toHaveURL(/\/workbench$/);
}

/**
 * Opens an antd Select / TreeSelect, types the option into its search when it has one (a long
 * list is virtual: an option far down is not in the page until the list is filtered or scrolled)
 * and clicks the option with exactly this title.
 */
async function pick(page: Page, field: Locator, option: string) {
  const dropdown = page.locator(".ant-select-dropdown:visible");
  if ((await dropdown.count()) === 0) await field.click();
  if (await field.isEditable()) await field.fill(option);
  await dropdown.getByTitle(option, { exact: true }).click({ timeout: 2_000 });
}

const mainMenu = (page: Page) => page.getByRole("navigation", { name: "主导航" });

test.describe("系统管理", () => {
  // Each flow creates its own records and logs in (password hashing) more than once: longer than a page check.
  test.describe.configure({ timeout: 150_000 });

  test("a role with user and department read and own-department scope sees only its department", async ({
    page,
  }) => {
    test.setTimeout(240_000); // the longest flow: a role, a user, a logout, a first login with a new password
    const roleName = unique("供销只读");
    const username = unique("e2e");
    const displayName = unique("新同事");
    const initialPassword = "Start1234abc";
    const newPassword = "Changed5678xyz";

    await loginAs(page, "admin");
    await page.goto("/admin/roles");
    await page.getByRole("button", { name: "新建角色" }).click();
    const roleDrawer = page.getByRole("dialog", { name: "新建角色" });
    await roleDrawer.getByLabel("角色名称").fill(roleName);
    await roleDrawer.getByRole("checkbox", { name: "用户：查看", exact: true }).check();
    await roleDrawer.getByRole("checkbox", { name: "部门：查看", exact: true }).check();
    await roleDrawer.getByText("本部门", { exact: true }).click();
    await expect(roleDrawer.getByText("已选 2 项")).toBeVisible();
    await roleDrawer.getByRole("button", { name: "保存" }).click();
    const roleRow = page.getByRole("row", { name: new RegExp(roleName) });
    await expect(roleRow).toContainText("本部门");
    await expect(roleRow).toContainText("2");

    await page.getByRole("tab", { name: "用户管理" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await page.getByRole("button", { name: "新建用户" }).click();
    const userDrawer = page.getByRole("dialog", { name: "新建用户" });
    await userDrawer.getByLabel("用户名").fill(username);
    await userDrawer.getByLabel("姓名").fill(displayName);
    await choose(page, userDrawer.getByLabel("部门", { exact: true }), "供销部", "供销部");
    // A click that lands while the dropdown is still opening can be lost: the chosen role must
    // show as a tag before the form is saved (otherwise the user is saved without it).
    const roleTag = userDrawer.locator(".ant-select-selection-item", { hasText: roleName });
    await expect(async () => {
      if ((await roleTag.count()) === 0) await pick(page, userDrawer.getByLabel("角色"), roleName);
      await expect(roleTag).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 20_000 });
    await userDrawer.getByLabel("初始密码").fill(initialPassword);
    await userDrawer.getByRole("button", { name: "保存" }).click();
    // Saving hashes the initial password (argon2id): slow on a busy 2-core machine.
    await expect(page.getByRole("row", { name: new RegExp(username) })).toContainText(roleName, {
      timeout: 30_000,
    });

    // Log out, log in as the new person: the initial password must be changed first.
    await page.getByRole("button", { name: /系统管理员/ }).click();
    await page.getByRole("menuitem", { name: "退出登录" }).click();
    await expect(page).toHaveURL(/\/login$/, { timeout: 30_000 });
    await login(page, username, initialPassword);
    await expect(page).toHaveURL(/\/change-password$/);
    await page.getByLabel("当前密码").fill(initialPassword);
    await page.getByLabel("新密码", { exact: true }).fill(newPassword);
    await page.getByLabel("确认新密码").fill(newPassword);
    await page.getByRole("button", { name: "保存新密码" }).click();
    await expect(page).toHaveURL(/\/workbench$/);

    // Only what the role allows is offered.
    await expect(mainMenu(page).getByRole("menuitem", { name: "系统管理" })).toBeVisible();
    await expect(mainMenu(page).getByRole("menuitem", { name: "业务员工作台" })).toBeVisible();
    await expect(mainMenu(page).getByRole("menuitem", { name: "客户信息" })).toHaveCount(0);
    await expect(mainMenu(page).getByRole("menuitem", { name: "财务管理" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: "财务管理" })).toHaveCount(0);

    await mainMenu(page).getByRole("menuitem", { name: "系统管理" }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("tab", { name: "组织架构" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "角色权限" })).toHaveCount(0);
    await expect(page.getByRole("tab", { name: "审计日志" })).toHaveCount(0);
    for (const name of ["mgr1", "sales1", "sales2", username]) {
      await expect(page.getByRole("cell", { name, exact: true })).toBeVisible();
    }
    await expect(page.getByRole("cell", { name: "sales3", exact: true })).toHaveCount(0);
    await expect(page.getByRole("cell", { name: "陈静" })).toHaveCount(0);
    // Read-only: no create, edit or disable.
    await expect(page.getByRole("button", { name: "新建用户" })).toHaveCount(0);
    await expect(page.getByRole("button", { name: "编辑" })).toHaveCount(0);

    await page.goto("/admin/roles");
    await expect(page.getByText("无权访问")).toBeVisible();
    await page.goto("/finance");
    await expect(page.getByText("无权访问")).toBeVisible();
    await page.getByRole("button", { name: "返回工作台" }).click();
    await expect(page).toHaveURL(/\/workbench$/);
  });

  test("a salesperson has no administration", async ({ page }) => {
    await loginAs(page, "sales1");
    await expect(mainMenu(page).getByRole("menuitem", { name: "客户信息" })).toBeVisible();
    await expect(mainMenu(page).getByRole("menuitem", { name: "系统管理" })).toHaveCount(0);
    await expect(page.getByRole("main").getByRole("link", { name: /系统管理/ })).toHaveCount(0);

    await page.goto("/admin/users");
    await expect(page.getByText("无权访问")).toBeVisible();
    await expect(page.getByRole("table")).toHaveCount(0);
    await page.goto("/admin");
    await expect(page.getByText("无权访问")).toBeVisible();
  });

  test("a department is dragged under another in the organisation tree", async ({ page }) => {
    const parentName = unique("华东区");
    const childName = unique("杭州办");
    await loginAs(page, "admin");
    await page.goto("/admin/organisation");
    const tree = page.getByRole("tree", { name: "组织架构树" });

    for (const name of [parentName, childName]) {
      await tree.getByRole("button", { name: "更多操作：总公司" }).click();
      await page.getByRole("menuitem", { name: "新建下级部门" }).click();
      const dialog = page.getByRole("dialog", { name: "在“总公司”下新建部门" });
      await dialog.getByLabel("部门名称").fill(name);
      await dialog.getByRole("button", { name: "保存" }).click();
      await expect(dialog).toHaveCount(0);
      await expect(tree.getByRole("treeitem", { name: new RegExp(name) })).toBeVisible();
    }

    const child = tree.getByRole("treeitem", { name: new RegExp(childName) });
    const parent = tree.getByRole("treeitem", { name: new RegExp(parentName) });
    // Dropped on the lower half of a node, a little to the right of where the drag started, it nests
    // there (the tree's usual gesture; on the upper half it would go after the node above).
    const target = parent.getByText(parentName);
    const box = await target.boundingBox();
    const saved = page.waitForResponse(
      (r) => r.request().method() === "PATCH" && r.url().includes("/departments/"),
    );
    await child.getByText(childName).dragTo(target, {
      sourcePosition: { x: 4, y: 8 },
      targetPosition: { x: 90, y: Math.max(1, (box?.height ?? 20) - 3) },
    });
    expect((await saved).status()).toBe(200);

    // The server kept it: after a reload the child still sits under the new parent.
    await page.reload();
    await tree.getByText(childName).click();
    const detail = page.locator(".org-detail-card");
    await expect(detail).toContainText(`上级部门${parentName}`);
  });

  test("a department is moved with “move to…” from its menu", async ({ page }) => {
    const parentName = unique("华南区");
    const childName = unique("深圳办");
    await loginAs(page, "admin");
    await page.goto("/admin/organisation");
    const tree = page.getByRole("tree", { name: "组织架构树" });
    for (const name of [parentName, childName]) {
      await tree.getByRole("button", { name: "更多操作：总公司" }).click();
      await page.getByRole("menuitem", { name: "新建下级部门" }).click();
      const dialog = page.getByRole("dialog", { name: "在“总公司”下新建部门" });
      await dialog.getByLabel("部门名称").fill(name);
      await dialog.getByRole("button", { name: "保存" }).click();
      await expect(tree.getByRole("treeitem", { name: new RegExp(name) })).toBeVisible();
    }

    await tree.getByRole("button", { name: `更多操作：${childName}` }).click();
    await page.getByRole("menuitem", { name: "移动到…" }).click();
    const dialog = page.getByRole("dialog", { name: `移动部门“${childName}”` });
    await choose(page, dialog.getByLabel("新的上级部门"), parentName, parentName);
    const saved = page.waitForResponse(
      (r) => r.request().method() === "PATCH" && r.url().includes("/departments/"),
    );
    await dialog.getByRole("button", { name: "保存" }).click();
    expect((await saved).status()).toBe(200);
    await tree.getByText(childName).click();
    await expect(page.locator(".org-detail-card")).toContainText(`上级部门${parentName}`);
  });

  test("editing a user's name shows up in the audit log with before and after", async ({ page }) => {
    const username = unique("audit");
    const before = unique("改名前");
    const after = unique("改名后");
    await loginAs(page, "admin");
    await page.goto("/admin/users");

    // A fresh person with a generated password, which is shown once.
    await page.getByRole("button", { name: "新建用户" }).click();
    const create = page.getByRole("dialog", { name: "新建用户" });
    await create.getByLabel("用户名").fill(username);
    await create.getByLabel("姓名").fill(before);
    // No department: the form asks for one, and nothing is saved.
    await create.getByRole("button", { name: "保存" }).click();
    await expect(create.getByText("请选择部门")).toBeVisible();
    await choose(page, create.getByLabel("部门", { exact: true }), "市场部", "市场部");
    await expect(create.getByText("请选择部门")).toHaveCount(0);
    await create.getByRole("button", { name: "保存" }).click();
    const secret = page.getByRole("dialog", { name: "用户已创建" });
    await expect(secret.getByLabel("用户已创建")).toHaveValue(/\S{8,}/);
    await secret.getByRole("button", { name: "我已记下" }).click();

    await page.getByLabel("搜索用户名、姓名或手机号").fill(username);
    const row = page.getByRole("row", { name: new RegExp(username) });
    await expect(page.getByRole("row")).toHaveCount(2);
    await row.getByRole("button", { name: "编辑" }).click();
    const edit = page.getByRole("dialog", { name: `编辑用户：${before}` });
    await edit.getByLabel("姓名").fill(after);
    await edit.getByRole("button", { name: "保存" }).click();
    await expect(row).toContainText(after);

    await page.getByRole("tab", { name: "审计日志" }).click();
    await expect(page).toHaveURL(/\/admin\/audit-log$/);
    await choose(page, page.getByLabel("对象类型"), "用户");
    await choose(page, page.getByLabel("操作", { exact: true }), "修改");
    const entry = page.getByRole("row").filter({ hasText: "系统管理员" }).filter({ hasText: "姓名" }).first();
    await entry.getByRole("button", { name: "展开行" }).click();
    await expect(page.getByRole("row", { name: `姓名 ${before} → ${after}`, exact: true })).toBeVisible();
  });
});
