import { type APIRequestContext, type Browser, expect, type Page, test } from "@playwright/test";
import { chooseFirst } from "./support/select";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";
const SHOTS = process.env.FB_SHOTS_DIR;

const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

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
  const context = await browser.newContext({
    baseURL,
    locale,
    timezoneId,
    viewport: { width: 1440, height: 900 },
  });
  const page = await context.newPage();
  await loginAs(page, username);
  return page;
}

async function apiToken(request: APIRequestContext, username: string) {
  const login = await request.post("/api/v1/auth/login", { data: { username, password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/** A customer of sales1 with one contact, and another customer's contact that must not be offered. */
async function apiCustomer(request: APIRequestContext, name: string, contactName: string) {
  const headers = await apiToken(request, "sales1");
  const created = await request.post("/api/v1/customers?allowDuplicate=true", {
    headers,
    data: { name, class: "2", province: "江苏省", city: "苏州市" },
  });
  expect(created.status()).toBe(201);
  const customer = (await created.json()) as { id: string };
  const contact = await request.post("/api/v1/contacts", {
    headers,
    data: { customerId: customer.id, name: contactName, title: "设备科长" },
  });
  expect(contact.status()).toBe(201);
  return customer;
}

/** A product of the catalogue, added by prod1 (生产) in an existing category (or a new one). */
async function apiProduct(request: APIRequestContext, name: string) {
  const headers = await apiToken(request, "prod1");
  const categories = (await (await request.get("/api/v1/product-categories", { headers })).json()) as {
    items: { id: string; letter: string; active: boolean }[];
  };
  let category = categories.items.find((c) => c.active);
  if (!category) {
    const used = new Set(categories.items.map((c) => c.letter));
    const letter = [..."ZYXWVUTSRQPONMLKJIHGFEDCBA"].find((l) => !used.has(l));
    const made = await request.post("/api/v1/product-categories", {
      headers,
      data: { letter, name: `反馈测试${letter}` },
    });
    expect(made.status()).toBe(201);
    category = (await made.json()) as { id: string; letter: string; active: boolean };
  }
  const product = await request.post("/api/v1/products", {
    headers,
    data: { categoryId: category.id, name, unit: "台", listPrice: "12800.00" },
  });
  expect(product.status()).toBe(201);
  return (await product.json()) as { id: string; code: string };
}

/**
 * service1 (客服) may not list the users; the handler picker then offers the colleagues who have
 * handled feedback before. An earlier repair prod1 handled (recorded by admin) puts prod1 there.
 */
async function apiEarlierRepair(request: APIRequestContext, customerId: string, subject: string) {
  const headers = await apiToken(request, "admin");
  const users = (await (await request.get("/api/v1/users?q=prod1", { headers })).json()) as {
    items: { id: string; username: string }[];
  };
  const prod1 = users.items.find((u) => u.username === "prod1");
  const made = await request.post("/api/v1/feedback", {
    headers,
    data: {
      subject,
      occurredOn: "2026-01-05",
      customerId,
      type: "fault",
      priority: "normal",
      handlerId: prod1?.id,
    },
  });
  expect(made.status()).toBe(201);
}

async function shot(page: Page, name: string) {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test.describe("服务反馈", () => {
  test.describe.configure({ timeout: 150_000 });

  test("a complaint recorded by service, closed by production, its return visit rated, on the customer's timeline", async ({
    browser,
    request,
  }) => {
    const tag = suffix();
    const customerName = `无锡华达纺织${tag}`;
    const contactName = `钱工${tag}`;
    const productName = `精密数控车床${tag}`;
    const subject = `车床主轴异响${tag}`;
    const resolution = `更换主轴轴承并校准，客户确认正常${tag}`;
    const customer = await apiCustomer(request, customerName, contactName);
    const otherCustomer = await apiCustomer(request, `常州另一客户${tag}`, `孙工${tag}`);
    const product = await apiProduct(request, productName);
    await apiEarlierRepair(request, otherCustomer.id, `早前维修${tag}`);

    // service1 records the complaint (input screen 2).
    const service = await newUserPage(browser, "service1");
    await service
      .getByRole("navigation", { name: "主导航" })
      .getByRole("menuitem", { name: "服务反馈" })
      .click();
    await expect(service).toHaveURL(/\/feedback$/);
    await expect(service.getByRole("tab", { name: "反馈列表" })).toBeVisible();
    await shot(service, "01-list-before");
    await service.getByRole("button", { name: "登记反馈" }).click();
    await expect(service).toHaveURL(/\/feedback\/new$/);
    await service.getByRole("button", { name: "登记", exact: true }).click();
    await expect(service.getByText("请输入主题")).toBeVisible();
    await expect(service.getByText("请选择相关客户")).toBeVisible();
    await expect(service.getByText("请选择反馈类型")).toBeVisible();
    await shot(service, "02-form-errors");

    await service.getByLabel("主题").fill(subject);
    await chooseFirst(
      service,
      service.getByRole("combobox", { name: "相关客户" }),
      new RegExp(customerName),
      customerName,
    );
    // The contact list holds only the chosen customer's contacts.
    await service.getByRole("combobox", { name: "相关联系人" }).click();
    const contacts = service.locator(".ant-select-dropdown:visible");
    await expect(contacts.getByTitle(/钱工/)).toHaveCount(1);
    await expect(contacts.getByTitle(/孙工/)).toHaveCount(0);
    await contacts.getByTitle(new RegExp(contactName)).click();
    await chooseFirst(
      service,
      service.getByRole("combobox", { name: "相关产品" }),
      new RegExp(product.code),
      productName,
    );
    await chooseFirst(service, service.getByRole("combobox", { name: "反馈类型" }), "投诉");
    await service.getByRole("radiogroup").getByText("高", { exact: true }).click();
    await expect(service.getByRole("radio", { name: "高" })).toBeChecked();
    await chooseFirst(service, service.getByRole("combobox", { name: "处理人" }), /赵强/);
    await service.getByLabel("反馈描述").fill("客户反映新购车床运行时主轴有明显异响，影响加工精度。");
    await shot(service, "03-form-filled");
    await service.getByRole("button", { name: "登记", exact: true }).click();
    await expect(service.getByText(/服务反馈 FK\d{4}-\d{4,} 已登记/)).toBeVisible();
    await expect(service).toHaveURL(/\/feedback\/[0-9a-f-]{36}$/);
    const feedbackUrl = new URL(service.url()).pathname;
    await expect(service.getByRole("heading", { name: subject })).toBeVisible();
    await expect(service.getByText("待处理", { exact: true })).toBeVisible();
    await expect(service.getByText(contactName)).toBeVisible();
    await shot(service, "04-detail-open");

    await service.getByRole("link", { name: "返回列表" }).click();
    const row = service.getByRole("row").filter({ hasText: subject });
    await expect(row.getByText("投诉", { exact: true })).toBeVisible();
    await expect(row.getByText("赵强")).toBeVisible();
    await service.getByRole("combobox", { name: "反馈类型" }).click();
    await service.locator(".ant-select-dropdown:visible").getByTitle("投诉").click();
    await expect(row).toBeVisible();
    await shot(service, "05-list");

    // prod1 (生产) is told, opens it from the bell, starts and closes it with a resolution.
    const prod = await newUserPage(browser, "prod1");
    const bell = prod.getByRole("button", { name: /^消息通知/ });
    await expect(bell).toHaveAccessibleName(/未读/);
    await bell.click();
    await shot(prod, "06-bell");
    await prod
      .getByRole("list", { name: "消息通知" })
      .getByRole("button", { name: new RegExp(subject) })
      .click();
    await expect(prod).toHaveURL(new RegExp(`${feedbackUrl}$`));
    await expect(prod.getByRole("heading", { name: subject })).toBeVisible();
    await prod.getByRole("button", { name: "开始处理" }).click();
    await expect(prod.getByText("已开始处理")).toBeVisible();
    await expect(prod.getByText("处理中", { exact: true })).toBeVisible();
    await prod.getByRole("button", { name: "结束" }).click();
    const closeDialog = prod.getByRole("dialog", { name: "结束反馈" });
    await expect(closeDialog).toBeVisible();
    await closeDialog.getByRole("button", { name: "结束" }).click();
    await expect(closeDialog.getByText("请输入处理结果")).toBeVisible();
    await closeDialog.getByLabel("处理结果").fill(resolution);
    await closeDialog.getByLabel("技术处理记录").fill("主轴前端轴承磨损，已更换 7014C 轴承。");
    await shot(prod, "07-close-dialog");
    await closeDialog.getByRole("button", { name: "结束" }).click();
    await expect(prod.getByText("反馈已结束，已安排回访")).toBeVisible();
    await expect(prod.getByText("已结束", { exact: true })).toBeVisible();
    await expect(prod.getByText(resolution)).toBeVisible();
    await expect(prod.getByRole("button", { name: "重新打开" })).toBeVisible();
    await shot(prod, "08-detail-closed");

    // service1 does the return visit: the customer is satisfied (4 of 5).
    await service.getByRole("tab", { name: "回访" }).click();
    await expect(service).toHaveURL(/\/feedback\/visits$/);
    const visit = service.getByRole("row").filter({ hasText: subject });
    await expect(visit).toBeVisible();
    await shot(service, "09-visits");
    await visit.getByRole("button", { name: `完成回访：${subject}` }).click();
    const visitDialog = service.getByRole("dialog", { name: `完成回访：${subject}` });
    await visitDialog.getByRole("button", { name: "完成回访" }).click();
    await expect(visitDialog.getByText("请选择满意度")).toBeVisible();
    await visitDialog.getByRole("radio").nth(3).click();
    await expect(visitDialog.getByText("满意", { exact: true })).toBeVisible();
    await visitDialog.getByLabel("客户意见").fill("响应及时，处理彻底");
    await shot(service, "10-visit-dialog");
    await visitDialog.getByRole("button", { name: "完成回访" }).click();
    await expect(service.getByText("回访已完成")).toBeVisible();
    await expect(visit).toHaveCount(0);
    await service.getByText("已回访", { exact: true }).click();
    await expect(service.getByRole("row").filter({ hasText: subject }).getByText("满意")).toBeVisible();
    await shot(service, "11-visits-done");

    await service.goto(feedbackUrl);
    await expect(service.getByText("响应及时，处理彻底")).toBeVisible();
    await shot(service, "12-detail-visited");
    await service.getByRole("button", { name: "编辑" }).click();
    await expect(service.getByRole("heading", { name: /^编辑服务反馈 FK/ })).toBeVisible();
    await expect(service.getByRole("combobox", { name: "相关联系人" })).toBeEnabled();
    await shot(service, "14-edit");
    await service.getByRole("button", { name: "取消" }).click();
    await expect(service.getByRole("heading", { name: subject })).toBeVisible();

    // The customer's timeline shows the feedback.
    await service.goto(`/customers/${customer.id}?tab=timeline`);
    await expect(service.getByText(`服务反馈:${subject}`).first()).toBeVisible();
    // Its fields and coded values as the feedback pages name them, its moments in local time.
    const timeline = service.locator(".customer-timeline");
    const entry = (kind: string) => timeline.locator(".timeline-entry").filter({ hasText: kind });
    await expect(entry("登记了服务反馈")).toContainText("类型投诉");
    await expect(entry("登记了服务反馈")).toContainText("优先级高");
    await expect(entry("处理了服务反馈")).toContainText("状态待处理→处理中");
    await expect(entry("处理了服务反馈")).toContainText(/首次响应时间—→\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}/);
    await expect(entry("结束了服务反馈")).toContainText("状态处理中→已结束");
    await expect(entry("结束了服务反馈")).toContainText("结束日期");
    await expect(timeline).not.toContainText(/in_progress|complaint|closedAt|endDate|T\d{2}:\d{2}:\d{2}/);
    await shot(service, "13-customer-timeline");
  });
});
