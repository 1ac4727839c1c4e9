import { createHmac } from "node:crypto";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, type Page, test } from "@playwright/test";
import { choose } from "./support/select";

/** Every demo user has this password (demo mode seed). */
const DEMO_PASSWORD = "Demo@2026";

/** Latin letters and digits, unique per call, so parallel flows on one database never collide. */
const suffix = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

async function loginAs(page: Page, username: string) {
  await page.goto("/login");
  await page.getByLabel("用户名").fill(username);
  await page.getByLabel("密码", { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "登录", exact: true }).click();
  await expect(page).toHaveURL(/\/workbench$/);
}

/** The value shown once in the one-time modal, which is then closed. */
async function takeSecret(page: Page, title: string) {
  const modal = page.getByRole("dialog", { name: title });
  await expect(modal).toBeVisible();
  const secret = await modal.getByRole("textbox").inputValue();
  return { modal, secret };
}

test.describe("开放接口", () => {
  test.describe.configure({ timeout: 120_000 });

  test("an API key narrowed to customer reading: shown once, works, is refused orders, revoked", async ({
    page,
    request,
  }) => {
    const name = `ERP对接${suffix()}`;
    await loginAs(page, "admin");
    await page.goto("/admin/users");
    await page.getByRole("tab", { name: "API 密钥" }).click();
    await expect(page).toHaveURL(/\/admin\/api-keys$/);

    // An empty form says what is missing and sends nothing.
    await page.getByRole("button", { name: "新建密钥" }).first().click();
    const drawer = page.getByRole("dialog", { name: "新建 API 密钥" });
    await drawer.getByRole("button", { name: "新建密钥" }).click();
    await expect(drawer.getByText("请输入名称")).toBeVisible();
    await expect(drawer.getByText("请输入服务用户")).toBeVisible();

    await drawer.getByLabel("名称").fill(name);
    await choose(page, drawer.getByRole("combobox", { name: "服务用户" }), "王总经理 (gm)", "gm");
    await drawer.getByText("仅限所选权限").click();
    // Narrowed to nothing: refused in the form.
    await drawer.getByRole("button", { name: "新建密钥" }).click();
    await expect(drawer.getByText("请至少勾选一项权限")).toBeVisible();
    await expect(drawer.getByText(/该服务用户当前拥有 \d+ 项权限/)).toBeVisible();
    await drawer.getByRole("checkbox", { name: "客户：查看", exact: true }).check();
    await drawer.getByLabel("到期日期").click();
    await page.locator(".ant-picker-dropdown:visible").getByText("90 天后").click();
    await expect(drawer.getByLabel("到期日期")).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.locator(".ant-picker-dropdown:visible")).toHaveCount(0);
    await page.screenshot({ path: "/tmp/h4-api-key-drawer.png" });
    await drawer.getByRole("button", { name: "新建密钥" }).click();

    const { modal, secret } = await takeSecret(page, "请复制新的 API 密钥");
    expect(secret).toMatch(/^crm_k_[A-Za-z0-9_-]{20,}$/);
    await expect(modal.getByText("密钥只显示这一次，关闭后将无法再次查看")).toBeVisible();
    await page.screenshot({ path: "/tmp/h4-api-key-secret.png" });
    await modal.getByRole("button", { name: "我已记下" }).click();
    await expect(modal).toBeHidden();

    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(`${secret.slice(0, 12)}…`);
    await expect(row).toContainText("王总经理");
    await expect(row).toContainText("仅限 1 项权限");
    await expect(row).toContainText("有效");
    await expect(row).toContainText("从不");
    // The secret itself is nowhere on the page any more.
    await expect(page.getByText(secret)).toHaveCount(0);

    const bearer = { Authorization: `Bearer ${secret}` };
    expect((await request.get("/api/v1/customers?limit=1", { headers: bearer })).status()).toBe(200);
    const orders = await request.get("/api/v1/orders", { headers: bearer });
    expect(orders.status()).toBe(403);
    expect((await orders.json()).code).toBe("forbidden");

    // Last use shows after a reload; search narrows the list.
    await page.reload();
    await expect(row).not.toContainText("从不");
    const search = page.getByRole("textbox", { name: "搜索名称、前缀或服务用户" });
    await search.fill(secret.slice(0, 12));
    await expect(page.getByRole("row")).toHaveCount(2); // the header and this key
    await search.fill("没有这样的密钥");
    await expect(page.getByText("没有符合条件的密钥")).toBeVisible();
    await search.fill(name);
    await page.screenshot({ path: "/tmp/h4-api-keys.png", fullPage: true });

    await row.getByRole("button", { name: `吊销 ${name}` }).click();
    await expect(page.getByText(`确定吊销密钥“${name}”吗？`)).toBeVisible();
    await page.locator(".ant-popconfirm:visible").getByRole("button", { name: "吊销" }).click();
    await expect(page.getByText(`密钥“${name}”已吊销`)).toBeVisible();
    await expect(row).toContainText("已吊销");
    await expect(row.getByRole("button", { name: /吊销/ })).toHaveCount(0);
    const refused = await request.get("/api/v1/customers?limit=1", { headers: bearer });
    expect(refused.status()).toBe(401);

    await choose(page, page.getByRole("combobox", { name: "状态" }), "有效");
    await expect(row).toBeHidden();
    await choose(page, page.getByRole("combobox", { name: "状态" }), "已吊销");
    await expect(row).toBeVisible();
  });

  test("a webhook receives a signed customer.created for a customer made in the UI, logged and redelivered", async ({
    page,
  }) => {
    // The receiver answers 204 only to a request whose signature checks out with the secret.
    let secret = "";
    const received: { headers: IncomingHttpHeaders; body: string; valid: boolean }[] = [];
    const verify = (headers: IncomingHttpHeaders, body: string) => {
      const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(headers["x-crm-signature"]));
      if (!match || !secret) return false;
      const expected = createHmac("sha256", secret).update(`${match[1]}.${body}`).digest("hex");
      return expected === match[2] && Math.abs(Date.now() / 1000 - Number(match[1])) < 300;
    };
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk) => {
        body += chunk;
      });
      req.on("end", () => {
        const valid = verify(req.headers, body);
        received.push({ headers: req.headers, body, valid });
        res.writeHead(valid ? 204 : 401).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const tag = suffix();
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm-hook-${tag}`;
    const customer = `杭州网钩测试${tag}`;

    try {
      await loginAs(page, "admin");
      await page.goto("/admin/webhooks");
      await page.getByRole("button", { name: "新建 Webhook" }).first().click();
      const drawer = page.getByRole("dialog", { name: "新建 Webhook" });
      await drawer.getByLabel("接收地址").fill("ftp://example.com/hook");
      await drawer.getByRole("button", { name: "保存" }).click();
      await expect(drawer.getByText("请输入以 http:// 或 https:// 开头的完整网址")).toBeVisible();
      await expect(drawer.getByText("请至少选择一个事件")).toBeVisible();

      await drawer.getByLabel("接收地址").fill(url);
      await drawer.getByRole("checkbox", { name: "客户新建" }).check();
      await drawer.getByLabel("说明").fill(`ERP 同步 ${tag}`);
      await page.screenshot({ path: "/tmp/h4-webhook-drawer.png" });
      await drawer.getByRole("button", { name: "保存" }).click();
      const once = await takeSecret(page, "请复制签名密钥");
      secret = once.secret;
      expect(secret).toMatch(/^whsec_/);
      await once.modal.getByRole("button", { name: "我已记下" }).click();

      const row = page.getByRole("row", { name: new RegExp(`crm-hook-${tag}`) });
      await expect(row).toContainText("客户新建");
      await expect(row).toContainText("启用中");
      await expect(row).toContainText("尚未投递");

      // A test event from the log: delivered, verified by the receiver, shown as 204.
      await row.getByRole("button", { name: "投递记录" }).click();
      const log = page.getByRole("dialog", { name: `投递记录：${url}` });
      await expect(log.getByText("暂无投递记录")).toBeVisible();
      await log.getByRole("button", { name: "发送测试事件" }).click();
      const testRow = log.getByRole("row", { name: /测试事件/ });
      await expect(testRow).toContainText("成功");
      await expect(testRow).toContainText("204");
      expect(received.some((r) => r.headers["x-crm-event"] === "webhook.test" && r.valid)).toBe(true);
      await log.getByRole("button", { name: "关闭" }).first().click();
      await expect(row).toContainText("204");

      // A customer created in the UI reaches the receiver, correctly signed.
      await page.goto("/customers/new");
      await page.getByLabel("客户名称").fill(customer);
      await choose(page, page.getByLabel("客户类别"), "1类 重点客户");
      await choose(page, page.getByLabel("省份"), "浙江省", "浙江");
      await choose(page, page.getByLabel("城市"), "杭州市", "杭州");
      await page.getByRole("button", { name: "创建客户" }).click();
      await expect(page.getByRole("heading", { level: 2, name: customer })).toBeVisible();
      await expect
        .poll(() => received.filter((r) => r.body.includes(customer)).length, { timeout: 15_000 })
        .toBe(1);
      const delivery = received.find((r) => r.body.includes(customer))!;
      expect(delivery.valid).toBe(true);
      expect(delivery.headers["x-crm-event"]).toBe("customer.created");
      expect(JSON.parse(delivery.body)).toMatchObject({ type: "customer.created", data: { name: customer } });
      const deliveryId = String(delivery.headers["x-crm-delivery"]);

      // The log shows it with its 2xx and the body as sent; redeliver sends it again.
      await page.goto("/admin/webhooks");
      await row.getByRole("button", { name: "投递记录" }).click();
      const entry = log.getByRole("row", { name: new RegExp(customer) });
      await expect(entry).toContainText("客户新建");
      await expect(entry).toContainText("成功");
      await expect(entry).toContainText("204");
      await entry.getByRole("button", { name: "展开行" }).click();
      await expect(log.locator("pre").filter({ hasText: customer })).toContainText(
        '"type": "customer.created"',
      );
      await page.screenshot({ path: "/tmp/h4-webhook-log.png" });
      await entry.getByRole("button", { name: "重新投递" }).click();
      await expect(page.getByText("已重新加入投递队列")).toBeVisible();
      await expect
        .poll(() => received.filter((r) => r.headers["x-crm-delivery"] === deliveryId).length, {
          timeout: 15_000,
        })
        .toBe(2);
      expect(received.filter((r) => r.headers["x-crm-delivery"] === deliveryId).every((r) => r.valid)).toBe(
        true,
      );
      await log.getByRole("button", { name: "刷新" }).click();
      await expect(entry.getByRole("cell", { name: "2", exact: true })).toBeVisible();
      await log.getByRole("button", { name: "关闭" }).first().click();
      await page.screenshot({ path: "/tmp/h4-webhooks.png", fullPage: true });

      // A rotated secret is shown once; the receiver, told the new one, accepts the next test event.
      await row.getByRole("button", { name: `更多操作 ${url}` }).click();
      await page.getByRole("menuitem", { name: "重置签名密钥" }).click();
      await page
        .getByRole("dialog", { name: `确定重置“${url}”的签名密钥吗？` })
        .getByRole("button", { name: "重置签名密钥" })
        .click();
      const rotated = await takeSecret(page, "签名密钥已重置");
      expect(rotated.secret).toMatch(/^whsec_/);
      expect(rotated.secret).not.toBe(secret);
      secret = rotated.secret;
      await rotated.modal.getByRole("button", { name: "我已记下" }).click();
      // Other flows create customers on the same server meanwhile: count test events only.
      const tests = () => received.filter((r) => r.headers["x-crm-event"] === "webhook.test");
      const before = tests().length;
      await row.getByRole("button", { name: `更多操作 ${url}` }).click();
      await page.getByRole("menuitem", { name: "发送测试事件" }).click();
      await expect.poll(() => tests().length, { timeout: 15_000 }).toBe(before + 1);
      expect(tests().at(-1)?.valid).toBe(true);

      // An edit: closing with changes asks first and keeps them; saving sends only the change.
      await row.getByRole("button", { name: "编辑" }).click();
      const edit = page.getByRole("dialog", { name: "编辑 Webhook" });
      await expect(edit.getByLabel("接收地址")).toHaveValue(url);
      await edit.getByRole("checkbox", { name: "订单签订" }).check();
      await edit.getByRole("button", { name: "关闭" }).first().click();
      await page
        .getByRole("dialog", { name: "放弃修改？" })
        .getByRole("button", { name: "继续编辑" })
        .click();
      await expect(edit.getByRole("checkbox", { name: "订单签订" })).toBeChecked();
      await edit.getByRole("button", { name: "保存" }).click();
      await expect(page.getByText("Webhook 已保存")).toBeVisible();
      await expect(row).toContainText("订单签订");

      // Delete (soft): gone from the list, back with "show deleted", restorable; then deleted for good.
      const remove = async () => {
        await row.getByRole("button", { name: `更多操作 ${url}` }).click();
        await page.getByRole("menuitem", { name: "删除" }).click();
        await page
          .getByRole("dialog", { name: `确定删除“${url}”吗？` })
          .getByRole("button", { name: "删除" })
          .click();
      };
      await remove();
      await expect(page.getByText("Webhook 已删除")).toBeVisible();
      await expect(row).toBeHidden();
      await page.getByText("显示已删除").click();
      await expect(row).toContainText("已删除");
      await row.getByRole("button", { name: "恢复" }).click();
      await expect(page.getByText("Webhook 已恢复")).toBeVisible();
      await expect(row).toContainText("启用中");
      await remove();
      await expect(row).toContainText("已删除");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  test("the pages are for role managers only: a department manager sees neither tab and gets 403", async ({
    page,
  }) => {
    await loginAs(page, "mgr1");
    await page.goto("/admin/users");
    await expect(page.getByRole("tab", { name: "用户管理" })).toBeVisible();
    await expect(page.getByRole("tab", { name: "API 密钥" })).toHaveCount(0);
    await expect(page.getByRole("tab", { name: "Webhooks" })).toHaveCount(0);
    for (const path of ["/admin/api-keys", "/admin/webhooks"]) {
      await page.goto(path);
      await expect(page.getByText("无权访问")).toBeVisible();
    }
  });
});
