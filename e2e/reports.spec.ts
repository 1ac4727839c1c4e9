import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { choose } from "./support/select";

/** The little of exceljs (the API's dependency) this flow reads the exported workbooks with. */
interface Sheet {
  name: string;
  getRow(n: number): { getCell(n: number): { value: unknown } };
  getSheetValues(): unknown[];
}
interface Workbook {
  xlsx: { load(data: ArrayBuffer): Promise<unknown> };
  worksheets: Sheet[];
  getWorksheet(name: string): Sheet | undefined;
}
const ExcelJS = createRequire(`${process.cwd()}/apps/api/package.json`)("exceljs") as {
  Workbook: new () => Workbook;
};

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";
const SHOTS = process.env.REPORT_SHOTS_DIR;

async function loginAs(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workbench$/);
}

async function apiGet(request: APIRequestContext, username: string, url: string) {
  const login = await request.post("/api/v1/auth/login", { data: { username, password: DEMO_PASSWORD } });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const res = await request.get(url, { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(res.status()).toBe(200);
  return res.json();
}

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
};

/** The drill-down drawer: open, showing records with links, then closed. */
async function expectDrawerWithRecords(page: Page, title: RegExp | string) {
  const drawer = page.getByRole("dialog");
  await expect(drawer).toBeVisible();
  await expect(drawer).toContainText(title);
  await expect(drawer.getByText(/共 \d+ 条/)).toBeVisible();
  await expect(drawer.locator(".ant-table-row").first()).toBeVisible();
  await expect(drawer.locator(".ant-table-row a").first()).toHaveAttribute(
    "href",
    /^\/(customers|sales|feedback|relationship|finance)\//,
  );
  return drawer;
}

async function closeDrawer(page: Page) {
  await page.getByRole("dialog").getByRole("button", { name: "关闭" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
}

async function exportXlsx(page: Page) {
  await page.getByRole("button", { name: /导出/ }).click();
  const downloading = page.waitForEvent("download");
  await page.getByRole("menuitem", { name: /导出 Excel/ }).click();
  const download = await downloading;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await readFile(await download.path())) as unknown as ArrayBuffer);
  return { name: download.suggestedFilename(), book };
}

test.describe("reports (查询分析报表)", () => {
  // Each flow opens a report, drills into it and downloads a file: on a slow 2-core machine running
  // both e2e workers that took more than the default 30 s (CI, ninth session: passed on retry).
  test.describe.configure({ timeout: 90_000 });
  test("gm: the dashboard's figures open into their records, and it prints as a report", async ({ page }) => {
    await loginAs(page, "gm");
    await page.getByRole("navigation").getByRole("link", { name: "查询分析报表" }).click();
    await expect(page).toHaveURL(/\/reports\/dashboard$/);
    await expect(page.getByRole("heading", { name: "经理看板" })).toBeVisible();
    for (const figure of ["本月销售额", "未收应收款", "逾期应收款", "未结服务反馈", "平均满意度"])
      await expect(page.locator(".ant-statistic-title", { hasText: figure })).toBeVisible();
    await expect(page.locator(".report-chart canvas").first()).toBeVisible();
    await shot(page, "dashboard");
    await page.getByRole("button", { name: "查看“未收应收款”的明细" }).click();
    await expectDrawerWithRecords(page, "未收应收款");
    await shot(page, "dashboard-drill");
    await closeDrawer(page);

    // A department head's view: 供销部 and below.
    await choose(page, page.getByRole("combobox", { name: "部门" }), "供销部");
    await expect(page).toHaveURL(/departmentId=/);
    const ranking = page.locator(".report-section").filter({ hasText: "业务员排行" });
    await expect(ranking).not.toContainText("陈静");
    const { book } = await exportXlsx(page);
    expect(book.worksheets.map((w) => w.name)).toEqual(["汇总", "业务员排行"]);
    expect(book.getWorksheet("汇总")!.getSheetValues().flat().map(String)).toContain("部门");

    // Paper: the navigation and the buttons go; the title, filters used and the date come.
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".app-sider")).toBeHidden();
    await expect(page.locator(".report-toolbar-card")).toBeHidden();
    const header = page.locator(".report-print-header");
    await expect(header).toBeVisible();
    await expect(header).toContainText("经理看板");
    await expect(header).toContainText("筛选条件");
    await expect(header).toContainText("打印时间");
    await shot(page, "dashboard-print");
    await page.emulateMedia({ media: "screen" });
  });

  test("gm: sales — a period, a drill from a figure, an Excel export with the same figures", async ({
    page,
    request,
  }) => {
    await loginAs(page, "gm");
    await page.goto("/reports/sales");
    await expect(page.getByRole("heading", { name: "销售分析" })).toBeVisible();
    await choose(page, page.getByRole("combobox", { name: "期间" }), "近12个月");
    await expect(page).toHaveURL(/from=\d{4}-\d{2}-01&to=\d{4}-\d{2}-\d{2}/);
    const url = new URL(page.url());
    // The view survives a reload: the filters are in the address.
    await page.reload();
    await expect(page.locator(".report-filters")).toContainText("近12个月");
    await shot(page, "sales");

    const api = await apiGet(request, "gm", `/api/v1/reports/sales${url.search}`);
    const months = api.rows as { key: string; revenue: string; sales: number }[];
    expect(months.length).toBeGreaterThan(3);
    // The oldest month: other flows add sales today, none a year ago.
    const first = months[0]!;
    const monthCard = page.locator(".report-section").filter({ hasText: "按月销售额" });
    await monthCard.getByRole("button", { name: `查看“${first.key} 销售额”的明细` }).click();
    const drawer = await expectDrawerWithRecords(page, `月份: ${first.key}`);
    await expect(drawer.getByText(/共 \d+ 条/)).toHaveText(`共 ${first.sales} 条`);
    await shot(page, "sales-drill");
    await closeDrawer(page);

    const { name, book } = await exportXlsx(page);
    expect(name).toMatch(/^sales-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "汇总",
      "按月",
      "按业务员",
      "按产品",
      "按地区",
      "订单状态",
    ]);
    const sheet = book.getWorksheet("按月")!;
    expect(sheet.getRow(1).getCell(2).value).toBe("销售额");
    const exported = sheet
      .getSheetValues()
      .slice(2)
      .map((r) => (Array.isArray(r) ? [r[1], r[2]] : []));
    expect(exported.slice(0, -1)).toEqual(months.slice(0, -1).map((m) => [m.key, Number(m.revenue)]));
  });

  test("gm: first transactions — a region, a customer's sales, the CSV of that region", async ({ page }) => {
    await loginAs(page, "gm");
    await page.goto("/reports/first-transactions");
    await expect(page.getByRole("heading", { name: "首次交易" })).toBeVisible();
    await choose(page, page.getByRole("combobox", { name: "地区" }), "浙江省", "浙江");
    await expect(page).toHaveURL(/province=%E6%B5%99%E6%B1%9F%E7%9C%81/);
    await expect(page.locator(".ant-table-row").first()).toBeVisible();
    await shot(page, "first-transactions");
    await page.locator(".report-drill").first().click();
    await expectDrawerWithRecords(page, /的交易记录/);
    await closeDrawer(page);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: /导出/ }).click();
    await page.getByRole("menuitem", { name: /导出 CSV/ }).click();
    const csv = await readFile(await (await downloading).path(), "utf8");
    expect(csv.split("\r\n")[0]).toBe("\uFEFF客户名称,客户编号,日期,产品,金额,业务员");
    // Only Zhejiang's customers (杭州, 宁波 …), not Guangdong's.
    expect(csv).toContain("杭州宏达机械有限公司");
    expect(csv).not.toContain("广州白云建材贸易有限公司");
  });

  test("gm: customer evaluation — its formula, a class, a potential customer's tracking, Excel", async ({
    page,
  }) => {
    await loginAs(page, "gm");
    await page.goto("/reports/customer-evaluation");
    await expect(page.getByText("客户价值分的计算公式")).toBeVisible();
    await expect(page.getByText(/价值分 = 年营业额档 × 40%/)).toBeVisible();
    await choose(page, page.getByRole("combobox", { name: "客户类别" }), "1类 重点客户");
    await expect(page).toHaveURL(/class=1/);
    const scores = page.locator(".report-section").filter({ hasText: "客户价值分（前100名）" });
    await expect(scores).toContainText("杭州宏达机械有限公司");
    await expect(scores).not.toContainText("宁波海天塑料制品有限公司");
    const filtered = await exportXlsx(page);
    expect(filtered.book.worksheets.map((w) => w.name)).toEqual([
      "汇总",
      "按地区",
      "按信用等级",
      "按年营业额",
      "客户价值分",
      "潜在客户跟踪",
    ]);
    const summary = filtered.book.getWorksheet("汇总")!.getSheetValues().flat().map(String);
    expect(summary).toContain("客户类别");
    expect(summary.some((v) => v.startsWith("价值分 = 年营业额档"))).toBe(true);
    await page.getByRole("button", { name: "清除筛选" }).click();
    await expect(page).not.toHaveURL(/class=/);
    await shot(page, "customer-evaluation");
    await page
      .locator(".report-section")
      .filter({ hasText: "潜在客户跟踪" })
      .locator(".report-drill")
      .first()
      .click();
    await expectDrawerWithRecords(page, /的跟踪记录/);
    await closeDrawer(page);
  });

  test("gm: visits — this year, a salesperson's visits, Excel", async ({ page }) => {
    await loginAs(page, "gm");
    await page.goto("/reports/visits");
    await expect(page.getByRole("heading", { name: "拜访与服务" })).toBeVisible();
    await choose(page, page.getByRole("combobox", { name: "期间" }), "本年");
    await expect(page).toHaveURL(/from=\d{4}-01-01&to=/);
    await shot(page, "visits");
    await page
      .locator(".report-section")
      .filter({ hasText: "按业务员" })
      .locator(".report-drill")
      .first()
      .click();
    await expectDrawerWithRecords(page, "业务员: ");
    await closeDrawer(page);
    const { book } = await exportXlsx(page);
    expect(book.worksheets.map((w) => w.name)).toEqual(["汇总", "按业务员", "按客户", "投诉与技术记录"]);
    expect(book.getWorksheet("按业务员")!.getRow(1).getCell(1).value).toBe("业务员");
  });

  test("gm: customer value — a department, the ABC chart opens a class, Excel", async ({ page }) => {
    await loginAs(page, "gm");
    await page.goto("/reports/customer-value");
    await expect(page.getByText("ABC 分类（按销售额）")).toBeVisible();
    await choose(page, page.getByRole("combobox", { name: "部门" }), "供销部");
    await expect(page).toHaveURL(/departmentId=[0-9a-f-]{36}/);
    // 供销部's salespeople own these; 市场部's (广州, 深圳) are out.
    const table = page.locator(".report-section").filter({ hasText: "客户价值明细" });
    await expect(table).toContainText("杭州宏达机械有限公司");
    await expect(table).not.toContainText("广州白云建材贸易有限公司");
    await shot(page, "customer-value");
    const pie = page.locator(".report-chart").first();
    const box = (await pie.boundingBox())!;
    await pie.click({
      position: { x: box.width / 2 + Math.min(box.width, box.height) * 0.24, y: box.height / 2 },
    });
    await expectDrawerWithRecords(page, /[ABC] 类客户/);
    await closeDrawer(page);
    const value = await exportXlsx(page);
    expect(value.book.worksheets.map((w) => w.name)).toEqual(["汇总", "RFM 与 ABC"]);
    const names = value.book.getWorksheet("RFM 与 ABC")!.getSheetValues().flat().map(String);
    expect(names).toContain("杭州宏达机械有限公司");
    expect(names).not.toContain("广州白云建材贸易有限公司");
  });

  test("gm: service satisfaction — the last 12 months, one type's feedback, Excel", async ({ page }) => {
    await loginAs(page, "gm");
    await page.goto("/reports/satisfaction");
    await expect(page.getByText("平均满意度").first()).toBeVisible();
    await choose(page, page.getByRole("combobox", { name: "期间" }), "近12个月");
    await expect(page).toHaveURL(/from=/);
    await shot(page, "satisfaction");
    await page
      .locator(".report-section")
      .filter({ hasText: "按反馈类型" })
      .locator(".report-drill")
      .first()
      .click();
    await expectDrawerWithRecords(page, "反馈类型: ");
    await shot(page, "satisfaction-drill");
    await closeDrawer(page);
    const { book } = await exportXlsx(page);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      "汇总",
      "按类型",
      "按产品",
      "按处理人",
      "满意度趋势",
    ]);
  });

  test("sales1 sees only their own figures and cannot export", async ({ page, request }) => {
    await loginAs(page, "sales1");
    await page.goto("/reports/sales");
    const bySalesperson = page.locator(".report-section").filter({ hasText: "按业务员" });
    await expect(bySalesperson.locator(".ant-table-row")).toHaveCount(1);
    await expect(bySalesperson.locator(".ant-table-row")).toContainText("张伟");
    await expect(page.getByRole("button", { name: /导出/ })).toHaveCount(0);
    // No department or owner chooser: a salesperson's scope is their own.
    await expect(page.getByRole("combobox", { name: "部门" })).toHaveCount(0);
    await shot(page, "sales-sales1");
    const own = await apiGet(request, "sales1", "/api/v1/reports/sales");
    const gm = await apiGet(request, "gm", "/api/v1/reports/sales");
    expect(own.bySalesperson.map((s: { key: string }) => s.key)).toEqual(["张伟"]);
    expect(gm.bySalesperson.length).toBeGreaterThan(1);
    await page
      .locator(".report-section")
      .filter({ hasText: "按月销售额" })
      .locator(".report-drill")
      .first()
      .click();
    const drawer = await expectDrawerWithRecords(page, "月份: ");
    const owners = await drawer.locator(".ant-table-row td:last-child").allTextContents();
    expect(new Set(owners)).toEqual(new Set(["张伟"]));
  });

  test("admin gives the customer-value report's customers their suggested class at once", async ({
    page,
    request,
  }) => {
    // A customer of its own, in a region no other flow uses, with one sale: class 3, suggested 1 (A).
    // Each attempt takes a region of its own: a retry must not find the first attempt's customer,
    // whose pending suggestion would count in the button.
    const [province, city] = (
      [
        ["西藏自治区", "拉萨市"],
        ["青海省", "西宁市"],
        ["宁夏回族自治区", "银川市"],
      ] as const
    )[test.info().retry % 3]!;
    const login = await request.post("/api/v1/auth/login", {
      data: { username: "sales1", password: DEMO_PASSWORD },
    });
    const headers = {
      Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}`,
    };
    const name = `拉萨高原农机${Date.now().toString(36)}有限公司`;
    const created = await request.post("/api/v1/customers?allowDuplicate=true", {
      headers,
      data: { name, class: "3", province, city },
    });
    expect(created.status()).toBe(201);
    const customer = (await created.json()) as { id: string };
    const products = (await (await request.get("/api/v1/products?limit=50", { headers })).json()) as {
      items: { id: string; listPrice: string; stock: string }[];
    };
    const product = products.items.find((p) => Number(p.stock) >= 1)!;
    const sale = await request.post("/api/v1/transactions", {
      headers,
      data: {
        customerId: customer.id,
        productId: product.id,
        date: "2026-01-15",
        unitPrice: product.listPrice,
        quantity: "1",
      },
    });
    expect(sale.status()).toBe(201);

    await loginAs(page, "admin");
    await page.goto(`/reports/customer-value?province=${encodeURIComponent(province)}`);
    const row = page.locator(".ant-table-row", { hasText: name });
    await expect(row).toContainText("3类 潜在客户");
    await expect(row).toContainText("1类 重点客户");
    await page.getByRole("button", { name: "应用建议类别（1）" }).click();
    await page.getByRole("button", { name: "应用", exact: true }).click();
    await expect(page.getByText("已为 1 个客户应用建议类别")).toBeVisible();
    await expect(row).toContainText("无需调整");
    await expect(page.getByRole("button", { name: "应用建议类别（0）" })).toBeDisabled();
    const after = await request.get(`/api/v1/customers/${customer.id}`, { headers });
    expect(((await after.json()) as { class: string }).class).toBe("1");
  });

  test("the reports speak English too", async ({ page }) => {
    await loginAs(page, "gm");
    await page.evaluate(() => localStorage.setItem("crm.language", "en"));
    await page.goto("/reports/customer-evaluation");
    await expect(page.getByRole("heading", { name: "Customer evaluation" })).toBeVisible();
    await expect(page.getByText("How the value score is computed")).toBeVisible();
    await shot(page, "customer-evaluation-en");
    await page.evaluate(() => localStorage.removeItem("crm.language"));
  });
});
