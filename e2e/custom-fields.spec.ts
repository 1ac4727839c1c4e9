import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { choose } from "./support/select";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";

/** Latin letters and digits only, unique per run and per call, so parallel tests never collide. */
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function loginAs(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workbench$/);
}

/** An admin's token, for setup through the API. */
async function adminToken(request: APIRequestContext) {
  const login = await request.post("/api/v1/auth/login", {
    data: { username: "admin", password: DEMO_PASSWORD },
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
}

/** The required built-in fields of 新建客户. */
async function fillCustomerBasics(page: Page, name: string) {
  await page.getByLabel("客户名称").fill(name);
  await choose(page, page.getByLabel("客户类别"), "2类 普通客户");
  await choose(page, page.getByLabel("省份"), "浙江省", "浙江");
  await choose(page, page.getByLabel("城市"), "宁波市", "宁波");
}

/** Creates a custom field through the admin page's drawer. */
async function createField(
  page: Page,
  field: { label: string; type: string; options?: string[]; required?: boolean },
) {
  await page.getByRole("button", { name: "新建字段" }).first().click();
  const drawer = page.getByRole("dialog", { name: "新建客户字段" });
  await expect(drawer).toBeVisible();
  await drawer.getByLabel("字段名称").fill(field.label);
  await drawer.getByText(field.type, { exact: true }).click();
  for (const [i, option] of (field.options ?? []).entries()) {
    await drawer.getByLabel(`显示名称 ${i + 1}`).fill(option);
  }
  if (field.required) await drawer.getByRole("switch", { name: "必填" }).click();
  await drawer.getByRole("button", { name: "保存" }).click();
  await expect(page.getByText(`字段“${field.label}”已创建`)).toBeVisible();
  await expect(drawer).toBeHidden();
  await expect(page.getByRole("row", { name: new RegExp(field.label) })).toBeVisible();
}

/** Request headers with an admin's token. */
async function asAdmin(request: APIRequestContext) {
  return { Authorization: `Bearer ${await adminToken(request)}` };
}

// Custom fields apply to every customer of the one e2e database: a required one would refuse the
// customers other flows create meanwhile. So a required field stays required only for the few
// seconds its check is tested, and this file's flows run one after the other (in one worker).
test.describe("自定义字段", () => {
  test.describe.configure({ timeout: 150_000, mode: "default" });

  test("an admin adds a required choice and a number to customers; they are filled in, shown, listed, filtered and archived", async ({
    page,
    request,
  }) => {
    const tag = suffix();
    const channel = `采购渠道${tag}`;
    const capacity = `年产能${tag}`;
    const name = `宁波采购测试${tag}`;
    const dealerName = `宁波经销测试${tag}`;

    const headers = await asAdmin(request);
    await loginAs(page, "admin");
    await page.goto("/admin/custom-fields");
    await expect(page.getByRole("tab", { name: "自定义字段", selected: true })).toBeVisible();
    await createField(page, { label: capacity, type: "数字" });

    // 新建客户 in a second tab: the new number field is in its own section.
    const form = await page.context().newPage();
    await form.goto("/customers/new");
    await expect(form.getByRole("heading", { name: "自定义字段" })).toBeVisible();
    await fillCustomerBasics(form, name);
    await form.getByLabel(capacity).fill("1200.5");

    // Meanwhile the required choice is added: the open form does not show it yet.
    await createField(page, { label: channel, type: "单选", options: ["直采", "经销"], required: true });
    const row = page.getByRole("row", { name: new RegExp(channel) });
    await expect(row.getByRole("cell", { name: "是", exact: true })).toBeVisible();

    // Saving is refused; the form loads the fields again, keeps what was typed and asks for the new one.
    await form.getByRole("button", { name: "创建客户" }).click();
    await expect(form.getByText("管理员刚刚调整了自定义字段", { exact: false })).toBeVisible();
    await expect(form.getByText("此项为必填项")).toBeVisible();
    await expect(form.getByLabel("客户名称")).toHaveValue(name);
    await expect(form.getByLabel(capacity)).toHaveValue("1200.5");
    // Its own check, before anything is sent again.
    await form.getByRole("button", { name: "创建客户" }).click();
    await expect(form.getByText(`请选择${channel}`)).toBeVisible();
    await expect(form).toHaveURL(/\/customers\/new$/);
    await choose(form, form.getByLabel(channel), "直采");
    await form.getByRole("button", { name: "创建客户" }).click();
    await expect(form.getByRole("heading", { level: 2, name })).toBeVisible();

    // Checked: no longer required, so the customers other flows create meanwhile need no value.
    const fields = await request.get("/api/v1/custom-fields?entity=customer", { headers });
    const { items } = (await fields.json()) as {
      items: { id: string; key: string; label: string; version: number }[];
    };
    const field = items.find((f) => f.label === channel);
    expect(field).toBeDefined();
    const channelKey = field?.key ?? "";
    const relaxed = await request.patch(`/api/v1/custom-fields/${field?.id}`, {
      headers: { ...headers, "If-Match": `"${field?.version}"` },
      data: { required: false },
    });
    expect(relaxed.status()).toBe(200);

    await expect(row).toContainText("单选");
    await expect(row).toContainText("直采");
    await expect(row).toContainText("经销");
    const custom = form.locator(".customer-profile--custom");
    await expect(custom.getByText("自定义字段")).toBeVisible();
    await expect(custom.getByRole("row").filter({ hasText: channel })).toContainText("直采");
    await expect(custom.getByRole("row").filter({ hasText: capacity })).toContainText("1,200.5");
    await form.close();
    await page.bringToFront();

    // A second customer, through the API, with the other choice.
    const created = await request.post("/api/v1/customers", {
      headers,
      data: {
        name: dealerName,
        class: "2",
        province: "浙江省",
        city: "宁波市",
        customFields: { [channelKey]: "经销" },
      },
    });
    expect(created.status()).toBe(201);

    // The list: the column once chosen, and the filter by the choice.
    await page.goto("/customers");
    await page.getByRole("textbox", { name: /搜索名称/ }).fill(tag);
    await expect(page.getByText("共 2 个客户", { exact: true })).toBeVisible();
    await expect(page.getByRole("columnheader", { name: channel })).toBeHidden();
    await page.getByRole("button", { name: "列设置" }).click();
    await page.getByRole("checkbox", { name: channel }).check();
    await page.getByRole("button", { name: "列设置" }).click();
    await expect(page.getByRole("columnheader", { name: channel })).toBeVisible();
    const customerRow = (customer: string) =>
      page.getByRole("row").filter({ has: page.getByRole("link", { name: customer, exact: true }) });
    await expect(customerRow(name)).toContainText("直采");
    await expect(customerRow(dealerName)).toContainText("经销");

    await page.getByRole("button", { name: "筛选", exact: true }).click();
    await choose(page, page.getByRole("combobox", { name: channel }), "直采");
    await expect(page).toHaveURL(new RegExp(`cf\\.${channelKey}=`));
    await expect(page.getByText("共 1 个客户", { exact: true })).toBeVisible();
    await expect(customerRow(name)).toBeVisible();
    await expect(customerRow(dealerName)).toBeHidden();

    // Archived: gone from the form (values kept), the other field still there.
    await page.goto("/admin/custom-fields");
    await row.getByRole("button", { name: "归档" }).click();
    await page.getByRole("tooltip").getByRole("button", { name: "确定" }).click();
    await expect(page.getByText(`字段“${channel}”已归档`)).toBeVisible();
    await expect(row).toBeHidden();
    await page.getByText("显示已归档的字段").click();
    await expect(row).toContainText("已归档");

    await page.goto("/customers/new");
    await expect(page.getByLabel(capacity)).toBeVisible();
    await expect(page.getByLabel(channel)).toHaveCount(0);
  });

  test("a field of contacts is filled in the contact form and shown in the contact list", async ({
    page,
    request,
  }) => {
    const tag = suffix();
    const group = `微信群${tag}`;
    const since = `首次合作${tag}`;
    const contact = `联系人${tag}`;
    const headers = await asAdmin(request);
    for (const data of [
      { entity: "contact", label: group, type: "text", helpText: "客户所在的微信群名" },
      { entity: "contact", label: since, type: "date" },
    ]) {
      const field = await request.post("/api/v1/custom-fields", { headers, data });
      expect(field.status()).toBe(201);
    }
    const customer = await request.post("/api/v1/customers?allowDuplicate=true", {
      headers,
      data: { name: `联系人测试客户${tag}`, class: "2", province: "江苏省", city: "苏州市" },
    });
    expect(customer.status()).toBe(201);
    const { id } = (await customer.json()) as { id: string };

    await loginAs(page, "admin");
    await page.goto(`/customers/${id}?tab=contacts`);
    await page.getByRole("button", { name: "新增联系人" }).click();
    const dialog = page.getByRole("dialog", { name: "新增联系人" });
    await expect(dialog.getByRole("heading", { name: "自定义字段" })).toBeVisible();
    await expect(dialog.getByText("客户所在的微信群名")).toBeVisible();
    await dialog.getByLabel("姓名").fill(contact);
    await dialog.getByLabel(group).fill("宁波采购一群");
    await dialog.getByLabel(since).fill("2024-03-15");
    await dialog.getByLabel(since).press("Enter");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("columnheader", { name: group })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: contact });
    await expect(row).toContainText("宁波采购一群");
    await expect(row).toContainText("2024-03-15");
  });

  test("an industry added on the dictionaries page can be chosen for a customer", async ({ page }) => {
    const tag = suffix();
    const industry = `纺织服装${tag}`;

    await loginAs(page, "admin");
    await page.goto("/admin/dictionaries");
    await page.getByText("行业", { exact: true }).click();
    await expect(page).toHaveURL(/type=industry/);
    await expect(page.getByRole("row", { name: /制造业/ })).toBeVisible();
    await page.getByRole("button", { name: "新增项目" }).click();
    const dialog = page.getByRole("dialog", { name: "新增行业" });
    // The code's format is checked before anything is sent.
    await dialog.getByLabel("编码").fill("纺织");
    await dialog.getByLabel("名称", { exact: true }).fill(industry);
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(dialog.getByText("编码只能包含字母、数字、下划线和短横线")).toBeVisible();
    await dialog.getByLabel("编码").fill(`tex${tag}`);
    // First in the list, so the customer form's drop-down shows it without scrolling.
    await dialog.getByLabel("排序号").fill("1");
    await dialog.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText(`“${industry}”已添加`)).toBeVisible();
    await expect(page.getByRole("row", { name: new RegExp(industry) })).toContainText(`tex${tag}`);

    await page.goto("/customers/new");
    await choose(page, page.getByLabel("所属行业"), industry);
    await expect(page.locator(".ant-select").filter({ has: page.getByLabel("所属行业") })).toContainText(
      industry,
    );
  });

  test("a file column with a header of its own is mapped to a custom field in the import wizard", async ({
    page,
    request,
  }) => {
    const tag = suffix();
    const channel = `渠道说明${tag}`;
    const name = `导入渠道测试${tag}`;
    const field = await request.post("/api/v1/custom-fields", {
      headers: await asAdmin(request),
      data: {
        entity: "customer",
        label: channel,
        type: "single_choice",
        options: [
          { value: "direct", label: "直采" },
          { value: "dealer", label: "经销" },
        ],
      },
    });
    expect(field.status()).toBe(201);
    const dir = await mkdtemp(join(tmpdir(), "crm-cf-"));
    const file = join(dir, "customers.csv");
    await writeFile(file, `\uFEFF客户名称,客户类别,省份,城市,采购方式\r\n${name},2,江苏省,苏州市,经销\r\n`);

    try {
      await loginAs(page, "admin");
      await page.goto("/customers");
      await page.getByRole("button", { name: "导入", exact: true }).click();
      const wizard = page.getByRole("dialog", { name: "导入客户" });
      await wizard.locator('input[type="file"]').setInputFiles(file);

      // Known headers are matched; the unknown one is left out until it is given a field.
      const target = (header: string) => wizard.getByRole("combobox", { name: `“${header}”列导入到` });
      await expect(wizard.getByRole("row", { name: /客户名称/ })).toContainText("客户名称");
      await expect(wizard.getByRole("row", { name: /采购方式/ })).toContainText("不导入");
      // The list is long: type to narrow it to the one field and take it with Enter.
      await target("采购方式").click();
      await page.keyboard.type(channel);
      await expect(
        page.locator(".ant-select-dropdown:visible").getByTitle(channel, { exact: true }),
      ).toBeVisible();
      await page.keyboard.press("Enter");
      await expect(wizard.getByRole("row", { name: /采购方式/ })).toContainText(channel);

      await wizard.getByRole("button", { name: "上传并校验" }).click();
      await expect(wizard.locator(".import-stat").filter({ hasText: "将新建" })).toContainText("1");
      await wizard.getByRole("button", { name: "确认导入" }).click();
      await expect(wizard.getByText("导入完成")).toBeVisible({ timeout: 30_000 });
      await wizard.getByRole("button", { name: "关闭" }).first().click();

      await page.getByRole("textbox", { name: /搜索名称/ }).fill(name);
      // Wait for the filtered list: a click on a row of the list being replaced goes nowhere.
      await expect(page.getByText("共 1 个客户")).toBeVisible();
      await page.getByRole("link", { name, exact: true }).click();
      await expect(page).toHaveURL(/\/customers\/[0-9a-f-]{36}$/);
      await expect(
        page.locator(".customer-profile--custom").getByRole("row").filter({ hasText: channel }),
      ).toContainText("经销");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("fields are reordered, and an edit made stale by someone else is saved after a reload", async ({
    page,
    request,
  }) => {
    const tag = suffix();
    const first = `交货周期${tag}`;
    const second = `结算币种${tag}`;
    const headers = await asAdmin(request);
    const created: { id: string; version: number }[] = [];
    for (const label of [first, second]) {
      const field = await request.post("/api/v1/custom-fields", {
        headers,
        data: { entity: "customer", label, type: "text" },
      });
      expect(field.status()).toBe(201);
      created.push((await field.json()) as { id: string; version: number });
    }

    await loginAs(page, "admin");
    await page.goto("/admin/custom-fields");
    const ours = page.getByRole("row").filter({ hasText: tag });
    await expect(ours).toHaveText([new RegExp(first), new RegExp(second)]);
    await page.getByRole("button", { name: `上移 ${second}` }).click();
    await expect(page.getByText("顺序已调整")).toBeVisible();
    await expect(ours).toHaveText([new RegExp(second), new RegExp(first)]);

    // Someone else renames the field while the drawer is open.
    await ours.filter({ hasText: first }).getByRole("button", { name: "编辑" }).click();
    const drawer = page.getByRole("dialog", { name: `编辑字段：${first}` });
    await drawer.getByLabel("填写说明").fill("从下单到发货的天数");
    const latest = await request.get(`/api/v1/custom-fields/${created[0]?.id}`, { headers });
    const { version } = (await latest.json()) as { version: number };
    const renamed = await request.patch(`/api/v1/custom-fields/${created[0]?.id}`, {
      headers: { ...headers, "If-Match": `"${version}"` },
      data: { labelEn: "Lead time" },
    });
    expect(renamed.status()).toBe(200);

    await drawer.getByRole("button", { name: "保存" }).click();
    await expect(drawer.getByText("该记录已被他人修改")).toBeVisible();
    await drawer.getByRole("button", { name: "重新加载" }).click();
    await expect(drawer.getByText("该记录已被他人修改")).toBeHidden();
    await expect(drawer.getByLabel("填写说明")).toHaveValue("从下单到发货的天数");
    await drawer.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("字段已保存")).toBeVisible();
    await expect(drawer).toBeHidden();
    const saved = await request.get(`/api/v1/custom-fields/${created[0]?.id}`, { headers });
    expect(await saved.json()).toMatchObject({ labelEn: "Lead time", helpText: "从下单到发货的天数" });
  });
});
