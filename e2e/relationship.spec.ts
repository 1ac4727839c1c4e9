import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { chooseFirst } from "./support/select";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";
const SHOTS = process.env.REL_SHOTS_DIR;

const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** Today in Asia/Shanghai (the browser's and the company's time zone), YYYY-MM-DD. */
const shanghaiToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", dateStyle: "short" }).format(new Date());

async function loginAs(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workbench$/);
}

async function newUserPage(browser: Browser, username: string) {
  // A context of its own (another person signed in at the same time), with the project's settings.
  const { baseURL, locale, timezoneId } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId });
  const page = await context.newPage();
  await loginAs(page, username);
  return page;
}

/** A customer owned by `username`, created through the API (not what this flow is about). */
async function apiCustomer(request: APIRequestContext, username: string, name: string) {
  const login = await request.post("/api/v1/auth/login", { data: { username, password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await request.post("/api/v1/customers?allowDuplicate=true", {
    headers: { Authorization: `Bearer ${accessToken}` },
    data: { name, class: "2", province: "江苏省", city: "苏州市" },
  });
  expect(created.status()).toBe(201);
  return (await created.json()) as { id: string; code: string };
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.describe("客户关系维护", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a call, a care record, a follow-up due, an assigned task completed from its notification", async ({
    browser,
    request,
  }) => {
    const tag = suffix();
    const customerName = `苏州精工机械${tag}`;
    const callNote = `电话沟通报价${tag}`;
    const careNote = `中秋月饼${tag}`;
    const taskTitle = `拜访${customerName}`;
    const today = shanghaiToday();
    const customer = await apiCustomer(request, "sales1", customerName);

    // sales1 logs a phone call with the next follow-up today.
    const sales = await newUserPage(browser, "sales1");
    await sales
      .getByRole("navigation", { name: "主导航" })
      .getByRole("menuitem", { name: "客户关系维护" })
      .click();
    await expect(sales).toHaveURL(/\/relationship\/records$/);
    await sales.getByRole("button", { name: "记录联系" }).click();
    const drawer = sales.getByRole("dialog", { name: "新建联系记录" });
    await expect(drawer).toBeVisible();
    await drawer.getByRole("button", { name: "保存" }).click();
    await expect(drawer.getByText("请选择客户")).toBeVisible();
    await expect(drawer.getByText("请输入联系内容")).toBeVisible();
    await chooseFirst(
      sales,
      drawer.getByRole("combobox", { name: /^(\* )?客户$/ }),
      customerName,
      customerName,
    );
    await expect(drawer.getByLabel("联系方式")).toBeVisible();
    await drawer.getByLabel("联系内容").fill(callNote);
    await drawer.getByLabel("下次跟进日期").click();
    await drawer.getByLabel("下次跟进日期").fill(today);
    await drawer.getByLabel("下次跟进日期").press("Enter");
    await shot(sales, "records-drawer");
    await drawer.getByRole("button", { name: "保存" }).click();
    await expect(sales.getByText("联系记录已保存")).toBeVisible();
    const row = sales.getByRole("row").filter({ hasText: callNote });
    await expect(row).toBeVisible();
    await expect(row.getByText("电话", { exact: true })).toBeVisible();
    await expect(row.getByText(today, { exact: true })).toBeVisible();
    await shot(sales, "records-list");

    // …and a care record.
    await sales.getByRole("tab", { name: "关怀记录" }).click();
    await expect(sales).toHaveURL(/\/relationship\/care$/);
    await sales.getByRole("button", { name: "新建关怀" }).click();
    const care = sales.getByRole("dialog", { name: "新建关怀记录" });
    await chooseFirst(
      sales,
      care.getByRole("combobox", { name: /^(\* )?客户$/ }),
      customerName,
      customerName,
    );
    await chooseFirst(sales, care.getByLabel("关怀方式"), "赠送礼品");
    await care.getByLabel("关怀内容").fill(careNote);
    await care.getByRole("button", { name: "保存" }).click();
    await expect(sales.getByText("关怀记录已保存")).toBeVisible();
    await expect(sales.getByRole("row").filter({ hasText: careNote })).toBeVisible();
    await shot(sales, "care-list");

    // The workbench lists the customer as due today, with a link to it.
    await sales.getByRole("link", { name: "首页" }).click();
    const due = sales.locator(".ant-card").filter({ hasText: "待跟进客户" });
    await expect(due.getByRole("link", { name: customerName })).toHaveAttribute(
      "href",
      `/customers/${customer.id}`,
    );
    await expect(due.getByText(`约定 ${today} 跟进`).first()).toBeVisible();
    await shot(sales, "workbench-sales");

    // mgr1 assigns a task to sales1.
    const mgr = await newUserPage(browser, "mgr1");
    await mgr.goto("/relationship/tasks");
    await mgr.getByRole("button", { name: "新建计划" }).click();
    const taskDrawer = mgr.getByRole("dialog", { name: "新建工作计划" });
    await taskDrawer.getByLabel("标题").fill(taskTitle);
    await chooseFirst(mgr, taskDrawer.getByLabel("优先级"), "紧急");
    await chooseFirst(mgr, taskDrawer.getByLabel("执行人"), /^张伟/);
    await shot(mgr, "task-drawer");
    await taskDrawer.getByRole("button", { name: "保存" }).click();
    await expect(mgr.getByText("工作计划已创建")).toBeVisible();
    await expect(mgr.getByRole("row").filter({ hasText: taskTitle }).getByText("张伟")).toBeVisible();

    // sales1's bell shows it without a reload (the badge polls), and opens the task.
    const bell = sales.getByRole("button", { name: /^消息通知（\d+ 条未读）$/ });
    await expect(bell).toBeVisible({ timeout: 40_000 });
    await bell.click();
    await shot(sales, "bell-panel");
    await sales.getByRole("button", { name: new RegExp(`给您分配了任务.${taskTitle}`) }).click();
    await expect(sales).toHaveURL(/\/relationship\/tasks\/[0-9a-f-]{36}$/);
    const opened = sales.getByRole("dialog", { name: "编辑工作计划" });
    await expect(opened.getByLabel("标题")).toHaveValue(taskTitle);
    await expect(opened.getByText("由 李经理 安排")).toBeVisible();
    await shot(sales, "task-opened");
    await opened.getByRole("button", { name: "完成", exact: true }).click();
    await expect(sales.getByText(`“${taskTitle}”已完成`)).toBeVisible();
    await expect(sales).toHaveURL(/\/relationship\/tasks$/);
    await sales.getByText("已完成", { exact: true }).first().click();
    await expect(sales.getByRole("row").filter({ hasText: taskTitle })).toBeVisible();
    await sales.getByRole("row").filter({ hasText: taskTitle }).click();
    const taskLink = new URL(sales.url()).pathname;
    expect(taskLink).toMatch(/\/relationship\/tasks\/[0-9a-f-]{36}$/);
    await sales.getByRole("button", { name: "关闭", exact: true }).click();
    await sales.getByRole("tab", { name: "联系记录" }).click();
    await sales.getByRole("row").filter({ hasText: callNote }).click();
    const recordLink = new URL(sales.url()).pathname;
    expect(recordLink).toMatch(/\/relationship\/records\/[0-9a-f-]{36}$/);

    // mgr1's team view shows sales1's work.
    await mgr.goto("/workbench");
    await mgr.getByRole("tab", { name: "团队" }).click();
    const teamTasks = mgr.locator(".ant-card").filter({ hasText: "下属的工作计划" });
    await expect(teamTasks.getByRole("row").filter({ hasText: taskTitle }).getByText("已完成")).toBeVisible();
    const teamRecords = mgr.locator(".ant-card").filter({ hasText: "本月联系记录" });
    await expect(teamRecords.getByRole("row").filter({ hasText: callNote }).getByText("张伟")).toBeVisible();
    await shot(mgr, "workbench-team");

    // sales3 (another department) sees neither.
    const other = await newUserPage(browser, "sales3");
    await other.goto("/relationship/records");
    await other.getByPlaceholder("搜索内容").fill(callNote);
    await expect(other.getByText("暂无联系记录")).toBeVisible();
    await other.goto(recordLink);
    await expect(other.getByText("记录不存在或无权查看")).toBeVisible();
    await other.goto(taskLink);
    await expect(other.getByText("记录不存在或无权查看")).toBeVisible();
    await other.goto("/relationship/tasks");
    await other.getByText("全部", { exact: true }).click();
    await expect(other.getByRole("row").filter({ hasText: taskTitle })).toHaveCount(0);
  });

  test("the schedule: a click on a day adds an event, the week and day views list it", async ({ page }) => {
    const title = `客户拜访${suffix()}`;
    await loginAs(page, "sales2");
    await page.goto("/relationship/calendar");
    await expect(page.getByRole("tab", { name: "工作日程", selected: true })).toBeVisible();
    await shot(page, "calendar-month-empty");
    await page.locator(".ant-picker-calendar-date-today").click();
    const drawer = page.getByRole("dialog", { name: "新建日程" });
    await drawer.getByLabel("主题").fill(title);
    await drawer.getByLabel("地点").fill("苏州工业园区");
    await drawer.getByRole("button", { name: "保存" }).click();
    await expect(page.getByText("日程已创建")).toBeVisible();
    await expect(page.getByRole("button", { name: new RegExp(title) })).toBeVisible();
    await shot(page, "calendar-month");
    await page.getByText("周", { exact: true }).click();
    await expect(page.getByText(title)).toBeVisible();
    await shot(page, "calendar-week");
    await page.getByText("日", { exact: true }).click();
    await expect(page.getByText(title)).toBeVisible();
    await page.getByText(title).click();
    await expect(page).toHaveURL(/\/relationship\/calendar\?event=[0-9a-f-]{36}$/);
    await expect(page.getByRole("dialog", { name: "编辑日程" }).getByLabel("主题")).toHaveValue(title);
    await shot(page, "calendar-event-drawer");
  });
});
