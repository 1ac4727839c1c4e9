import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";
const SHOTS = process.env.PERSONAL_SHOTS_DIR;

const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** A day in Asia/Shanghai (the company's and the browser's time zone), `days` from today, YYYY-MM-DD. */
const shanghaiDay = (days = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", dateStyle: "short" }).format(
    new Date(Date.now() + days * 86_400_000),
  );

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

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** A JSON answer: a record (its id) or a page (its items), read loosely. */
type Json = { id: string; items: unknown[]; [key: string]: unknown };

/** The API as one demo user (for the data a flow is not about). */
async function apiAs(request: APIRequestContext, username: string) {
  const login = await request.post("/api/v1/auth/login", { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { Authorization: `Bearer ${accessToken}` };
  const send = async (method: "get" | "post" | "patch" | "put", url: string, data?: unknown) => {
    const res = await request[method](url, { headers, ...(data === undefined ? {} : { data }) });
    expect(res.ok(), `${method} ${url}: ${await res.text()}`).toBe(true);
    return (await res.json()) as Json;
  };
  return {
    get: (url: string) => send("get", url),
    post: (url: string, data: unknown) => send("post", url, data),
    patch: (url: string, data: unknown) => send("patch", url, data),
    put: (url: string, data: unknown) => send("put", url, data),
  };
}

/** A random month of 2001–2020 (no demo data, no other flow): YYYY-MM, its last day, the next month and the first month of its 12-month trend. */
function pastMonth() {
  const index = (2001 + Math.floor(Math.random() * 20)) * 12 + Math.floor(Math.random() * 12);
  const ym = (i: number) => `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}`;
  const last = new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).getUTCDate();
  return { ym: ym(index), last: String(last), next: ym(index + 1), yearBefore: ym(index - 11) };
}

/** Chooses from the user menu once it has finished opening (it grows from the button; a click meanwhile misses). */
async function fromUserMenu(page: Page, item: string) {
  await page.getByRole("button", { name: /^用户菜单/ }).click();
  const menu = page.locator(".ant-dropdown").filter({ has: page.getByRole("menuitem", { name: item }) });
  await expect(menu).toBeVisible();
  await expect(menu).not.toHaveClass(/ant-slide-up-(appear|enter)/);
  await menu.getByRole("menuitem", { name: item }).click();
}

const followUpCard = (page: Page) => page.locator(".ant-card").filter({ hasText: "待跟进客户" });

test.describe("个人中心与系统设置", () => {
  test.describe.configure({ timeout: 180_000 });

  test("admin sets the no-contact interval (validated, kept through a conflict); sales1's due list follows it", async ({
    browser,
    request,
  }) => {
    const customerName = `温州久未联系机电${suffix()}`;
    const admin = await apiAs(request, "admin");
    const sales1 = await apiAs(request, "sales1");
    const before = (await admin.get("/api/v1/settings")).followUpDays as number;
    try {
      // Put the interval where this flow starts from, then a customer of sales1 last called 10 days ago.
      await admin.patch("/api/v1/settings", { followUpDays: 30 });
      const customer = await sales1.post("/api/v1/customers?allowDuplicate=true", {
        name: customerName,
        class: "2",
        province: "浙江省",
        city: "温州市",
      });
      await sales1.post("/api/v1/contact-records", {
        customerId: customer.id,
        occurredAt: `${shanghaiDay(-10)}T10:00:00+08:00`,
        channel: "phone",
        content: "询问新一季采购计划",
      });

      // Thirty days: not due yet.
      const sales = await newUserPage(browser, "sales1");
      await expect(followUpCard(sales)).toBeVisible();
      await expect(followUpCard(sales).getByRole("link", { name: customerName })).toHaveCount(0);

      // admin opens 系统设置 from 系统管理.
      const page = await newUserPage(browser, "admin");
      await page
        .getByRole("navigation", { name: "主导航" })
        .getByRole("menuitem", { name: "系统管理" })
        .click();
      await page.getByRole("tab", { name: "系统设置" }).click();
      await expect(page).toHaveURL(/\/admin\/settings$/);
      const days = page.getByLabel("未联系提醒天数");
      await expect(days).toHaveValue("30");
      const save = page.getByRole("button", { name: "保存", exact: true });
      for (const bad of ["0", "366", "7.5"]) {
        await days.fill(bad);
        await save.click();
        await expect(page.getByText("请输入 1–365 之间的整数天数")).toBeVisible();
      }
      await days.fill("");
      await save.click();
      await expect(page.getByText("请输入未联系提醒天数")).toBeVisible();
      await shot(page, "settings-invalid");

      // Someone else saves meanwhile: the save is refused, the value typed survives the reload.
      await days.fill("7");
      await admin.patch("/api/v1/settings", { followUpDays: 45 });
      await save.click();
      await expect(page.getByText("该记录已被他人修改")).toBeVisible();
      await shot(page, "settings-conflict");
      await page.getByRole("button", { name: "重新加载" }).click();
      await expect(days).toHaveValue("7");
      await save.click();
      await expect(page.getByText("系统设置已保存")).toBeVisible();
      await page.reload();
      await expect(days).toHaveValue("7");
      await shot(page, "settings-saved");

      // Seven days: sales1's workbench lists the customer, saying why.
      await sales.reload();
      const link = followUpCard(sales).getByRole("link", { name: customerName });
      await expect(link).toHaveAttribute("href", `/customers/${customer.id}`);
      const item = followUpCard(sales)
        .locator(".ant-list-item")
        .filter({ has: sales.getByRole("link", { name: customerName }) });
      await expect(item.getByText("7 天以上未联系")).toBeVisible();
      await item.scrollIntoViewIfNeeded();
      await shot(sales, "workbench-due");

      // The audit log has the change.
      await page.getByRole("tab", { name: "审计日志" }).click();
      await expect(page.getByRole("row").filter({ hasText: "系统设置" }).first()).toBeVisible();
    } finally {
      await admin.patch("/api/v1/settings", { followUpDays: before });
    }
  });

  test("a salesperson turns off task notifications: the manager's assignment no longer reaches the bell", async ({
    browser,
    request,
  }) => {
    // sales2, not sales1: the relationship flow, running beside this one, waits for sales1's task notification.
    const tag = suffix();
    const muted = `静音任务${tag}`;
    const heard = `恢复通知任务${tag}`;
    const sales2 = await apiAs(request, "sales2");
    const sales = await newUserPage(browser, "sales2");
    try {
      await expect(followUpCard(sales)).toBeVisible();
      await fromUserMenu(sales, "通知设置");
      await expect(sales).toHaveURL(/\/personal\/notifications$/);
      const taskSwitch = sales.getByRole("switch", { name: "任务分配" });
      await expect(taskSwitch).toBeChecked();
      await taskSwitch.click();
      await expect(sales.getByText("已关闭“任务分配”通知")).toBeVisible();
      await expect(taskSwitch).not.toBeChecked();
      await shot(sales, "notification-settings");
      // It stays off after a reload (it is saved, not just switched).
      await sales.reload();
      await expect(sales.getByRole("switch", { name: "任务分配" })).not.toBeChecked();
      await expect(sales.getByRole("switch", { name: "共享给我" })).toBeChecked();

      // mgr1 assigns sales2 a task.
      const mgr = await newUserPage(browser, "mgr1");
      const assign = async (title: string) => {
        await mgr.goto("/relationship/tasks");
        await mgr.getByRole("button", { name: "新建计划" }).click();
        const drawer = mgr.getByRole("dialog", { name: "新建工作计划" });
        await drawer.getByLabel("标题").fill(title);
        await drawer.getByLabel("执行人").click();
        await mgr.locator(".ant-select-dropdown:visible").getByTitle(/^刘洋/).first().click();
        await drawer.getByRole("button", { name: "保存" }).click();
        await expect(mgr.getByText("工作计划已创建")).toBeVisible();
        await expect(mgr.getByRole("row").filter({ hasText: title }).getByText("刘洋")).toBeVisible();
      };
      await assign(muted);

      // The task is sales2's, but no notification of it was made.
      const tasks = await sales2.get(`/api/v1/tasks?q=${encodeURIComponent(muted)}`);
      expect(tasks.items).toHaveLength(1);
      const titles = async () =>
        ((await sales2.get("/api/v1/notifications?limit=200")).items as { title: string }[]).map(
          (n) => n.title,
        );
      expect((await titles()).filter((t) => t.includes(muted))).toEqual([]);
      await sales.getByRole("button", { name: /^消息通知/ }).click();
      const panel = sales.locator(".notification-panel");
      await expect(panel).toBeVisible();
      await expect(panel.getByText(muted)).toHaveCount(0);
      await shot(sales, "bell-without-task");

      // Turned back on from the bell's own link: the next assignment arrives.
      await panel.getByRole("button", { name: "通知设置" }).click();
      await expect(sales).toHaveURL(/\/personal\/notifications$/);
      await sales.getByRole("switch", { name: "任务分配" }).click();
      await expect(sales.getByText("已开启“任务分配”通知")).toBeVisible();
      await assign(heard);
      const bell = sales.getByRole("button", { name: /^消息通知（\d+ 条未读）$/ });
      await expect(bell).toBeVisible({ timeout: 40_000 });
      await bell.click();
      await expect(sales.getByRole("button", { name: new RegExp(`给您分配了任务.${heard}`) })).toBeVisible({
        timeout: 40_000,
      });
      expect((await titles()).filter((t) => t.includes(muted))).toEqual([]);
    } finally {
      await sales2.put("/api/v1/me/notification-preferences", { inApp: {} });
    }
  });

  test("sales1's 我的统计 shows what was done in a chosen period, by channel and month by month", async ({
    page,
    request,
  }) => {
    const tag = suffix();
    // Few logins (they are rate-limited per address, and other flows log in beside this one): the
    // administrator stands in for production and finance.
    const admin = await apiAs(request, "admin");
    const sales1 = await apiAs(request, "sales1");

    // A month long past that no other flow touches (and a retry picks another): two calls and a visit…
    // (and a call just after midnight on the 1st of the next month in Shanghai, which is not in it)
    const { ym, last, next, yearBefore } = pastMonth();
    const customer = await sales1.post("/api/v1/customers?allowDuplicate=true", {
      name: `宁波统计精机${tag}`,
      class: "1",
      province: "浙江省",
      city: "宁波市",
    });
    for (const [occurredAt, channel] of [
      [`${ym}-03T09:00:00+08:00`, "phone"],
      [`${ym}-12T15:00:00+08:00`, "visit"],
      [`${ym}-${last}T23:30:00+08:00`, "phone"],
      [`${next}-01T00:30:00+08:00`, "phone"],
    ]) {
      await sales1.post("/api/v1/contact-records", {
        customerId: customer.id,
        occurredAt,
        channel,
        content: "六月联系",
      });
    }
    await sales1.post("/api/v1/care-records", {
      customerId: customer.id,
      careDate: `${ym}-10`,
      kind: "gift",
      content: "端午礼品",
    });
    await sales1.post("/api/v1/tasks", { title: `六月未完成${tag}`, dueOn: `${ym}-20` });
    // …an order signed for ¥2,469.00, a direct sale of ¥50.00 and ¥1,000.00 received.
    const categories = (await admin.get("/api/v1/product-categories")).items as {
      id: string;
      active: boolean;
    }[];
    const categoryId =
      categories.find((c) => c.active)?.id ??
      (await admin.post("/api/v1/product-categories", { letter: "S", name: `统计${tag}` })).id;
    const product = await admin.post("/api/v1/products", {
      categoryId,
      name: `统计件${tag}`,
      unit: "件",
      listPrice: "100.00",
    });
    await admin.post("/api/v1/stock-movements", {
      productId: product.id,
      kind: "production_receipt",
      quantity: "10",
      reference: `CPD-${tag}`,
    });
    const order = await sales1.post("/api/v1/orders", {
      customerId: customer.id,
      signingDate: `${ym}-15`,
      lines: [{ productId: product.id, unitPrice: "1234.50", quantity: "2" }],
    });
    await sales1.post(`/api/v1/orders/${order.id}/transitions`, { action: "sign" });
    await sales1.post("/api/v1/transactions", {
      customerId: customer.id,
      productId: product.id,
      date: `${ym}-20`,
      unitPrice: "12.50",
      quantity: "4",
    });
    const [receivable] = (await admin.get(`/api/v1/receivables?orderId=${order.id}`)).items as {
      id: string;
    }[];
    await admin.post("/api/v1/payments", {
      customerId: customer.id,
      receivedOn: `${ym}-28`,
      amount: "1000.00",
      method: "bank_transfer",
      allocations: [{ receivableId: receivable!.id, amount: "1000.00" }],
    });

    await loginAs(page, "sales1");
    await expect(followUpCard(page)).toBeVisible();
    await fromUserMenu(page, "我的统计");
    await expect(page).toHaveURL(/\/personal\/stats$/);
    await expect(page.getByRole("heading", { name: "个人中心" })).toBeVisible();
    // This month by default: the customer made today is among the new ones.
    const figure = (name: string) => page.getByRole("region", { name, exact: true });
    await expect(page.getByRole("radio", { name: "本月" })).toBeChecked();
    await expect(figure("新增客户")).toContainText(/[1-9]\d*/);
    await shot(page, "stats-this-month");

    // Any range: that month.
    await page.getByPlaceholder("开始日期").click();
    await page.getByPlaceholder("开始日期").fill(`${ym}-01`);
    await page.getByPlaceholder("开始日期").press("Enter");
    await page.getByPlaceholder("结束日期").fill(`${ym}-${last}`);
    await page.getByPlaceholder("结束日期").press("Enter");
    await expect(page).toHaveURL(new RegExp(`/personal/stats\\?from=${ym}-01&to=${ym}-${last}$`));
    await expect(page.getByRole("radio", { name: "自定义" })).toBeChecked();
    for (const [name, value] of [
      ["新增客户", "0"],
      ["联系记录", "3"],
      ["关怀记录", "1"],
      ["完成任务", "0"],
      ["逾期未完成任务", "1"],
      ["签约订单", "1"],
      ["签约金额", "¥2,469.00"],
      ["交易金额", "¥50.00"],
      ["回款金额", "¥1,000.00"],
    ] as const) {
      await expect(figure(name).locator(".ant-statistic-content"), name).toHaveText(value);
    }
    const channels = page.getByRole("list", { name: "联系方式分布" });
    await expect(channels.getByRole("listitem").filter({ hasText: "电话" })).toContainText("2 次");
    await expect(channels.getByRole("listitem").filter({ hasText: "拜访" })).toContainText("1 次");
    await expect(channels.getByRole("listitem").filter({ hasText: "微信" })).toContainText("0 次");
    // The 12 months up to that month: the same month a year before first, it last with the same figures.
    await expect(page.getByRole("img", { name: /近 12 个月/ })).toBeVisible();
    const rows = page.getByRole("row").filter({ hasText: /^20\d\d-\d\d/ });
    await expect(rows).toHaveCount(12);
    await expect(rows.first()).toContainText(yearBefore);
    await expect(rows.last()).toHaveText(
      new RegExp(`^${ym}\\s*0\\s*3\\s*1\\s*0\\s*1\\s*¥2,469\\.00\\s*¥1,000\\.00$`),
    );
    await shot(page, "stats-month");

    // The period is in the URL: a reload keeps it; a preset replaces it.
    await page.reload();
    await expect(figure("签约金额").locator(".ant-statistic-content")).toHaveText("¥2,469.00");
    await page.getByText("上月", { exact: true }).click();
    await expect(page).toHaveURL(/\/personal\/stats\?from=\d{4}-\d\d-01&to=\d{4}-\d\d-\d\d$/);
    await expect(page.getByRole("radio", { name: "上月" })).toBeChecked();
  });
});
