import { expect, test } from "@playwright/test";

test.describe("动画与减少动态效果", () => {
  test("a dialog opens without animation once the system asks for reduced motion, without a reload", async ({
    page,
  }) => {
    // Loaded with animations on; the setting is changed while the app is open.
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await page.goto("/login");
    await page.getByLabel("用户名").fill("admin");
    await page.getByLabel("密码", { exact: true }).fill("Demo@2026");
    await page.getByRole("button", { name: "登录", exact: true }).click();
    await expect(page).toHaveURL(/\/workbench$/);
    await page.goto("/admin/organisation");
    await expect(page.getByRole("tree", { name: "组织架构树" })).toBeVisible();
    await page.emulateMedia({ reducedMotion: "reduce" });

    await page
      .getByRole("tree", { name: "组织架构树" })
      .getByRole("button", { name: "更多操作：总公司" })
      .click();
    await page.getByRole("menuitem", { name: "新建下级部门" }).click();
    const dialog = page.getByRole("dialog", { name: "在“总公司”下新建部门" });
    await expect(dialog).toBeVisible();
    // No zoom running (antd's own CSS stops only its transitions: the dialog's zoom ran, 7
    // animations, before the app turned antd's motion off).
    expect(await dialog.evaluate((el) => el.getAnimations({ subtree: true }).length)).toBe(0);
    await dialog.getByRole("button", { name: "取消" }).click();
    await expect(dialog).toHaveCount(0);
  });
});
