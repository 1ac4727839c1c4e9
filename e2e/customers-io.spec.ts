import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, type Page, test } from "@playwright/test";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";

/** Latin letters and digits only, so the names stay unique across workers and runs. */
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function loginAs(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workbench$/);
}

const csvCell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/** A 1,000-row file (line 1 is the header) with five bad rows at lines 11, 101, 201, 301 and 401. */
function thousandRows(prefix: string): string {
  const header = ["客户名称", "客户类别", "省份", "城市", "电话", "邮箱", "年营业额", "行业"];
  const rows: string[][] = [];
  for (let i = 1; i <= 1000; i++)
    rows.push([`${prefix}${i}号`, "2", "江苏省", "苏州市", "", "", "1000000", "制造业"]);
  rows[9]![0] = ""; // line 11: no name
  rows[99]![3] = "杭州市"; // line 101: a city outside its province
  rows[199]![5] = "not-an-email"; // line 201
  rows[299]![7] = "炼金术"; // line 301: not in the industry list
  rows[399]![0] = `${prefix}1号`; // line 401: repeats line 2
  return `\uFEFF${[header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const BAD_LINES = [11, 101, 201, 301, 401];

test.describe("客户导入导出", () => {
  test.describe.configure({ timeout: 90_000 });

  test("a 1,000-row CSV is checked, imported, found in the list and exported again", async ({ page }) => {
    const prefix = `导入验收${suffix()}企业`;
    const dir = await mkdtemp(join(tmpdir(), "crm-io-"));
    const file = join(dir, "customers.csv");
    await writeFile(file, thousandRows(prefix));

    try {
      await loginAs(page, "mgr1");
      await page.goto("/customers");
      await page.getByRole("button", { name: "导入", exact: true }).click();
      const wizard = page.getByRole("dialog", { name: "导入客户" });
      await expect(wizard).toBeVisible();

      // Step 1: the file stays in the browser until the check.
      await wizard.locator('input[type="file"]').setInputFiles(file);
      await expect(wizard.getByText("customers.csv")).toBeVisible();
      await wizard.getByRole("button", { name: "上传并校验" }).click();

      // Step 2: the dry run; nothing written yet.
      await expect(wizard.getByText("这只是预检查，尚未写入任何数据", { exact: false })).toBeVisible({
        timeout: 30_000,
      });
      const stat = (title: string) => wizard.locator(".import-stat").filter({ hasText: title });
      await expect(stat("将新建")).toContainText("995");
      await expect(stat("错误行")).toContainText("5");
      for (const line of BAD_LINES) {
        await expect(wizard.getByRole("cell", { name: String(line), exact: true })).toBeVisible();
      }
      await expect(wizard.getByRole("cell", { name: "城市", exact: true })).toBeVisible();

      // Steps 3–4: the commit runs in the background until done.
      await wizard.getByRole("button", { name: "确认导入" }).click();
      await expect(wizard.getByText("导入完成")).toBeVisible({ timeout: 60_000 });
      await expect(wizard.getByText("新建 995 个客户", { exact: false })).toBeVisible();
      await expect(wizard.getByRole("button", { name: "撤销本次导入" })).toBeVisible();
      await wizard.getByRole("button", { name: "关闭" }).first().click();
      await expect(wizard).toBeHidden();

      // The list has it.
      const name = `${prefix}500号`;
      await page.getByRole("textbox", { name: /搜索名称/ }).fill(name);
      await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
      await expect(page).toHaveURL(/[?&]q=/);

      // Export under that search: the file holds the customer.
      await page.getByRole("button", { name: "导出" }).click();
      const downloading = page.waitForEvent("download");
      await page.getByRole("menuitem", { name: "导出 CSV" }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const text = await readFile(await download.path(), "utf8");
      expect(text).toContain(name);
      expect(text).not.toContain(`${prefix}499号`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
