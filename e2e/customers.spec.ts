import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { choose } from "./support/select";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";

/** Latin letters and digits only, so the Chinese part of a name keeps deciding its letter and initials. */
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function loginAs(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workbench$/);
}

/** Setup through the API, for records whose creation is not what the test is about. */
async function apiCustomer(request: APIRequestContext, name: string) {
  const login = await request.post("/api/v1/auth/login", {
    data: { username: "mgr1", password: DEMO_PASSWORD },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await request.post("/api/v1/customers?allowDuplicate=true", {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { name, class: "2", province: "江苏省", city: "苏州市" },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: string; code: string };
}

/** Fills the required fields of input screen 1, all but the city when `withoutCity`. */
async function fillCustomerForm(page: Page, name: string, options: { withoutCity?: boolean } = {}) {
  await page.getByLabel("客户名称").fill(name);
  await choose(page, page.getByLabel("客户类别"), "1类 重点客户");
  await choose(page, page.getByLabel("省份"), "浙江省", "浙江");
  if (!options.withoutCity) {
    await choose(page, page.getByLabel("城市"), "杭州市", "杭州");
    await expect(page.getByLabel("区号")).toHaveValue("0571");
  }
}

const searchBox = (page: Page) => page.getByRole("textbox", { name: /搜索名称/ });

test.describe("客户信息", () => {
  test.describe.configure({ timeout: 120_000 });

  test("a customer created through the form is found under its pinyin letter and by its initials", async ({
    page,
  }) => {
    const name = `杭州宏达机械${suffix()}`;
    await loginAs(page, "mgr1");
    await page
      .getByRole("navigation", { name: "主导航" })
      .getByRole("menuitem", { name: "客户信息" })
      .click();
    await page.getByRole("button", { name: "新建客户" }).click();
    await expect(page.getByRole("heading", { name: "新建客户" })).toBeVisible();

    // A required field left empty: the form says so and sends nothing.
    await fillCustomerForm(page, name, { withoutCity: true });
    await page.getByRole("button", { name: "创建客户" }).click();
    await expect(page.getByText("请选择城市")).toBeVisible();
    await expect(page).toHaveURL(/\/customers\/new$/);
    await expect(page.getByLabel("客户名称")).toHaveValue(name);

    await choose(page, page.getByLabel("城市"), "杭州市", "杭州");
    // A phone of this run's own (written with a space, as people do): a retry must not be refused
    // as a duplicate of the first attempt's customer.
    await page
      .getByLabel("电话", { exact: true })
      .fill(`0571-8${String(Date.now()).slice(-3)} ${String(Date.now()).slice(-7, -3)}`);
    await page.getByRole("button", { name: "创建客户" }).click();
    await expect(page.getByRole("heading", { level: 2, name })).toBeVisible();
    await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
    await expect(page.getByText("浙江省 杭州市").first()).toBeVisible();

    // The A–Z index: 杭 (háng) is under H.
    await page.getByRole("link", { name: "返回列表" }).click();
    const letters = page.getByRole("group", { name: "按首字母筛选" });
    await letters.getByRole("button", { name: "H", exact: true }).click();
    await expect(letters.getByRole("button", { name: "H", exact: true })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(page).toHaveURL(/letter=H/);
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();

    // One search box: pinyin initials of 杭州宏达机械.
    await letters.getByRole("button", { name: "全部", exact: true }).click();
    await searchBox(page).fill("hzhdjx");
    await expect(page).toHaveURL(/q=hzhdjx/);
    await expect(page.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(page.getByText(/^共 \d+ 个客户$/)).toBeVisible();
  });

  test("a likely duplicate is flagged, created anyway, then merged with its contacts", async ({
    page,
    request,
  }) => {
    const tag = suffix();
    const original = `杭州宏达机械${tag}`;
    const duplicate = `${original}有限公司`;
    await apiCustomer(request, original);
    await loginAs(page, "mgr1");

    await page.goto("/customers/new");
    await fillCustomerForm(page, duplicate);
    await page.getByRole("button", { name: "创建客户" }).click();
    const panel = page.getByRole("alert").filter({ hasText: "可能与已有客户重复" });
    await expect(panel).toBeVisible();
    await expect(panel.getByRole("link", { name: original })).toHaveAttribute(
      "href",
      /\/customers\/[0-9a-f-]{36}$/,
    );
    await expect(panel.getByText("相同项：名称")).toBeVisible();
    // Nothing typed is lost.
    await expect(page.getByLabel("客户名称")).toHaveValue(duplicate);

    await panel.getByRole("button", { name: "仍然创建" }).click();
    await expect(page.getByRole("heading", { level: 2, name: duplicate })).toBeVisible();

    // A contact of the duplicate, to see it move with the merge.
    const contact = `赵敏${tag}`;
    await page.getByRole("tab", { name: /联系人/ }).click();
    await page.getByRole("button", { name: "新增联系人" }).click();
    const contactDialog = page.getByRole("dialog", { name: "新增联系人" });
    await contactDialog.getByLabel("姓名").fill(contact);
    await contactDialog.getByLabel("手机").fill("13812345678");
    await contactDialog.getByRole("button", { name: "保存" }).click();
    await expect(page.getByRole("cell", { name: new RegExp(contact) })).toBeVisible();

    // Merge the two, keeping the original.
    await page.goto("/customers");
    await searchBox(page).fill(tag);
    // Wait for the debounced search to settle: a new result resets the selection.
    await expect(page.getByText("共 2 个客户", { exact: true })).toBeVisible();
    for (const name of [original, duplicate]) {
      await page
        .getByRole("row")
        .filter({ has: page.getByRole("link", { name, exact: true }) })
        .getByRole("checkbox")
        .check();
    }
    await expect(page.getByText("已选择 2 个客户")).toBeVisible();
    await page.getByRole("button", { name: "合并", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "合并客户" });
    await dialog
      .getByRole("columnheader")
      .filter({ hasText: original })
      .filter({ hasNotText: "有限公司" })
      .getByRole("radio", { name: "保留此客户" })
      .check();
    await expect(dialog.getByText(`将把“${duplicate}”合并到“${original}”。`)).toBeVisible();
    await dialog.getByRole("button", { name: "确认合并" }).click();
    await expect(page.getByText(`已合并到“${original}”`)).toBeVisible();
    await expect(page.getByText("已转移：联系人 1 个")).toBeVisible();
    await expect(page.getByRole("button", { name: "撤销合并" })).toBeVisible();
    await expect(page.getByRole("link", { name: duplicate, exact: true })).toBeHidden();

    await page.getByRole("link", { name: original, exact: true }).click();
    await page.getByRole("tab", { name: /联系人/ }).click();
    await expect(page.getByRole("cell", { name: new RegExp(contact) })).toBeVisible();
    await page.getByRole("tab", { name: "动态" }).click();
    await expect(page.getByText("合并了客户")).toBeVisible();
  });

  test("the owner of three customers is changed at once", async ({ page, request }) => {
    const tag = suffix();
    const names = [1, 2, 3].map((n) => `批量客户${tag}-${n}`);
    for (const name of names) await apiCustomer(request, name);
    await loginAs(page, "mgr1");

    await page.goto("/customers");
    await searchBox(page).fill(`批量客户${tag}`);
    const rows = page.getByRole("row").filter({ hasText: `批量客户${tag}` });
    await expect(rows).toHaveCount(3);
    await expect(page.getByText("共 3 个客户", { exact: true })).toBeVisible();
    for (const name of names) {
      await rows
        .filter({ has: page.getByRole("link", { name, exact: true }) })
        .getByRole("checkbox")
        .check();
    }
    await page.getByRole("button", { name: "批量修改", exact: true }).click();
    const dialog = page.getByRole("dialog", { name: "批量修改客户" });
    await expect(dialog.getByLabel("选中的 3 个客户")).toBeChecked();
    await choose(page, dialog.getByLabel("负责人"), "刘洋 (sales2)", "sales2");
    await dialog.getByRole("button", { name: "确认修改" }).click();
    await expect(page.getByText("已修改 3 个客户")).toBeVisible();
    for (const name of names) {
      await expect(rows.filter({ has: page.getByRole("link", { name, exact: true }) })).toContainText("刘洋");
    }
  });
});
