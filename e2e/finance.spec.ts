import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { chooseFirst } from "./support/select";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";

const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function loginAs(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workbench$/);
}

async function apiToken(request: APIRequestContext, username: string) {
  const login = await request.post("/api/v1/auth/login", { data: { username, password: DEMO_PASSWORD } });
  expect(login.status()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  return { Authorization: `Bearer ${accessToken}` };
}

/** A product category to put the product in: an existing one, or a new one under a free letter. */
async function apiCategory(request: APIRequestContext, tag: string): Promise<string> {
  const headers = await apiToken(request, "admin");
  const res = await request.get("/api/v1/product-categories", { headers });
  const items = ((await res.json()) as { items: { id: string; letter: string; active: boolean }[] }).items;
  const active = items.find((c) => c.active);
  if (active) return active.id;
  const used = new Set(items.map((c) => c.letter));
  for (const letter of "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
    if (used.has(letter)) continue;
    const created = await request.post("/api/v1/product-categories", {
      headers,
      data: { letter, name: `机床${tag}` },
    });
    if (created.status() === 201) return ((await created.json()) as { id: string }).id;
  }
  throw new Error("no product category");
}

/**
 * The data this flow is about, made through the API as its owners would: a customer of sales1, a
 * product, and an order for ¥10,000 signed by sales1 with two instalments (50 % now, 50 % in 30 days).
 */
async function signedOrder(request: APIRequestContext, tag: string, customerName: string) {
  const categoryId = await apiCategory(request, tag);
  const product = await request.post("/api/v1/products", {
    headers: await apiToken(request, "admin"),
    data: { categoryId, name: `数控车床${tag}`, unit: "台", listPrice: "1000.00", standardCost: "600.00" },
  });
  expect(product.status()).toBe(201);
  const { id: productId } = (await product.json()) as { id: string };

  const sales = await apiToken(request, "sales1");
  const customer = await request.post("/api/v1/customers?allowDuplicate=true", {
    headers: sales,
    data: { name: customerName, class: "2", province: "江苏省", city: "苏州市" },
  });
  expect(customer.status()).toBe(201);
  const { id: customerId } = (await customer.json()) as { id: string };

  const order = await request.post("/api/v1/orders", {
    headers: sales,
    data: {
      customerId,
      lines: [{ productId, unitPrice: "1000.00", quantity: "10" }],
      instalments: [
        { percent: "50", dueInDays: 0 },
        { percent: "50", dueInDays: 30 },
      ],
    },
  });
  expect(order.status()).toBe(201);
  const { id: orderId } = (await order.json()) as { id: string };
  const signed = await request.post(`/api/v1/orders/${orderId}/transitions`, {
    headers: sales,
    data: { action: "sign" },
  });
  expect(signed.status()).toBe(200);
  return { customerId, orderId };
}

test.describe("财务管理", () => {
  test.describe.configure({ timeout: 180_000 });

  test("a partial payment is allocated, the customer is chased on the board and billed on paper", async ({
    page,
    request,
  }) => {
    const tag = suffix();
    const customerName = `常州华联机电${tag}`;
    const { customerId } = await signedOrder(request, tag, customerName);

    // sales1 sees the receivables of the signed order, read-only.
    await loginAs(page, "sales1");
    await page.goto("/finance/receivables");
    await expect(page.getByText("您只能查看本人客户的应收款")).toBeVisible();
    const salesRows = page.getByRole("row").filter({ hasText: customerName });
    await expect(salesRows).toHaveCount(2);
    await page.goto("/finance/payments");
    await expect(page.getByRole("tab", { name: "收款记录" })).toBeVisible();
    await expect(page.getByRole("button", { name: "登记收款" })).toHaveCount(0);
    await page.context().clearCookies();

    // finance1 records ¥3,000 received against the first instalment.
    await loginAs(page, "finance1");
    await page
      .getByRole("navigation", { name: "主导航" })
      .getByRole("menuitem", { name: "财务管理" })
      .click();
    await expect(page).toHaveURL(/\/finance\/receivables$/);
    await expect(page.getByRole("row").filter({ hasText: customerName })).toHaveCount(2);

    await page.getByRole("tab", { name: "收款记录" }).click();
    await page.getByRole("button", { name: "登记收款" }).click();
    const form = page.getByRole("dialog", { name: "登记收款" });
    await chooseFirst(page, form.getByLabel("付款客户"), new RegExp(customerName), customerName);
    const allocationInputs = form.getByRole("textbox", { name: /核销金额/ });
    await expect(allocationInputs).toHaveCount(2);
    await expect(form.getByRole("row").filter({ hasText: "第 1 期" })).toContainText("5,000.00");
    await form.getByLabel("收款金额").fill("3000");
    await form.getByRole("button", { name: "按到期日自动分配" }).click();
    await expect(allocationInputs.first()).toHaveValue("3000.00");
    await expect(allocationInputs.nth(1)).toHaveValue("");
    await expect(form.getByText("分配金额与收款金额一致")).toBeVisible();

    // A live check: more than allocated is flagged and cannot be sent.
    await allocationInputs.nth(1).fill("100");
    await expect(form.getByText(/超出收款金额 ¥100.00/)).toBeVisible();
    await expect(form.getByRole("button", { name: "登记收款" })).toBeDisabled();
    await allocationInputs.nth(1).fill("");
    await form.getByLabel("凭证号").fill(`YH-${tag}`);
    await form.getByRole("button", { name: "登记收款" }).click();
    await expect(page.getByText("已登记收款 ¥3,000.00")).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: `YH-${tag}` })).toContainText("3,000.00");

    // The collection board: ¥7,000 open, all of it not yet due.
    await page.getByRole("tab", { name: "欠款催收" }).click();
    const row = page.getByRole("row").filter({ hasText: customerName });
    await expect(row).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "未到期" })).toBeVisible();
    const header = page.getByRole("row").filter({ hasText: "未到期" }).first();
    const headers = await header.getByRole("columnheader").allInnerTexts();
    const col = (name: string) => headers.findIndex((h) => h.trim() === name);
    await expect(row.getByRole("cell").nth(col("未收余额"))).toHaveText("7,000.00");
    await expect(row.getByRole("cell").nth(col("未到期"))).toHaveText("7,000.00");
    await expect(row.getByRole("cell").nth(col("逾期1-30天"))).toHaveText("—");

    // Forty days on, the first instalment is 1–30 days overdue and the second not yet due.
    const later = new Date(Date.now() + 40 * 86_400_000);
    const on = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai", dateStyle: "short" }).format(
      later,
    );
    const dateInput = page.getByLabel("统计日期");
    await dateInput.click();
    await dateInput.fill(on);
    await dateInput.press("Enter");
    await expect(row.getByRole("cell").nth(col("逾期31-60天"))).toHaveText("2,000.00");
    await expect(row.getByRole("cell").nth(col("逾期1-30天"))).toHaveText("5,000.00");
    await page.getByRole("button", { name: "回到今天" }).click();
    await expect(row.getByRole("cell").nth(col("未到期"))).toHaveText("7,000.00");

    // A call is logged from the customer's drawer.
    await row.getByText(customerName).click();
    const drawer = page.getByRole("dialog", { name: `${customerName} · 欠款催收` });
    await drawer.getByLabel("内容").fill(`已致电财务科，答应月底前付清余款 ${tag}`);
    await drawer.getByRole("button", { name: "保存记录" }).click();
    await expect(page.getByText("已记录催收")).toBeVisible();
    await expect(drawer.getByText(`答应月底前付清余款 ${tag}`)).toBeVisible();

    // The dunning bill shows the open balance and the call; on paper only the bill is printed.
    await drawer.getByRole("button", { name: "查看催收账单" }).click();
    await expect(page).toHaveURL(new RegExp(`/finance/bills/customer/${customerId}$`));
    await expect(page.getByRole("heading", { name: "催收账单" })).toBeVisible();
    await expect(page.getByTestId("bill-total-open")).toHaveText("¥7,000.00");
    await expect(page.getByText(`答应月底前付清余款 ${tag}`)).toBeVisible();
    await expect(page.getByText("客户关系管理系统").first()).toBeVisible();
    const sidebar = page.locator(".app-sider");
    await expect(sidebar).toBeVisible();
    await page.emulateMedia({ media: "print" });
    await expect(sidebar).toBeHidden();
    await expect(page.getByRole("button", { name: "打印" })).toBeHidden();
    await expect(page.getByTestId("bill-total-open")).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await expect(sidebar).toBeVisible();

    // The CSV export has a BOM and Chinese headers.
    const download = page.waitForEvent("download");
    await page.getByRole("button", { name: "导出 CSV" }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString("utf8");
    expect(text.startsWith("\uFEFF合同编号,期次,到期日")).toBe(true);
    expect(text).toContain("7000.00");

    // The payment is reversed with a reason: a negative entry, and the balance is open again.
    await page.goto("/finance/payments");
    const paymentRow = page.getByRole("row").filter({ hasText: `YH-${tag}` });
    await paymentRow.getByRole("button", { name: /冲销/ }).click();
    const confirm = page.getByRole("dialog", { name: "冲销这笔收款？" });
    await confirm.getByRole("button", { name: "确认冲销" }).click();
    await expect(confirm.getByText("请填写冲销原因")).toBeVisible();
    await confirm.getByLabel("冲销原因").fill("银行退票");
    await confirm.getByRole("button", { name: "确认冲销" }).click();
    await expect(page.getByText("已冲销该笔收款")).toBeVisible();
    await expect(paymentRow.filter({ hasText: "已冲销" })).toBeVisible();
    await expect(
      page.getByRole("row").filter({ hasText: customerName }).filter({ hasText: "-3,000.00" }),
    ).toBeVisible();
    await page.goto(`/finance/bills/customer/${customerId}`);
    await expect(page.getByTestId("bill-total-open")).toHaveText("¥10,000.00");
  });
});
