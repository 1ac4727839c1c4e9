import {
  ContactRecordCreate,
  CustomerUpdate,
  FeedbackCreate,
  OrderCreate,
  PaymentCreate,
  ProductCreate,
  StockMovementCreate,
  TransactionCreate,
} from "@crm/contracts";
import { customers, type Db, feedback, orders, receivables, returnVisits, users } from "@crm/db";
import { and, asc, eq, sql } from "drizzle-orm";
import { createContactRecord } from "./modules/activities/records.service.js";
import { updateCustomer } from "./modules/customers/customers.service.js";
import { createFeedback, updateFeedback } from "./modules/feedback/feedback.service.js";
import { completeReturnVisit } from "./modules/feedback/return-visits.service.js";
import { recordPayment } from "./modules/finance/receivables.service.js";
import { createOrder, deliverOrder, transitionOrder } from "./modules/orders/orders.service.js";
import { createTransaction } from "./modules/orders/transactions.service.js";
import { createCategory, createMovement, createProduct } from "./modules/products/products.service.js";
import type { Caller } from "./plugins/access.js";
import type { RequestContext } from "./shared/audit.js";
import { addDays, shanghaiDate } from "./shared/days.js";
import { computeScope, loadGrants } from "./shared/scope.js";

/**
 * A year of business for the demo company, so the reports, the workbench and finance have
 * something to show: products with stock, contract orders signed, delivered, paid (some late),
 * direct sales, service feedback with return-visit ratings, and contact records. Deterministic
 * (dates count back from today), made through the services a user's requests go through, so
 * stock ledger, receivables and audit hold as they would. Only the timestamps no request can set
 * (when a feedback was answered and closed, when a return visit was made) are moved back after.
 */

const ctx: RequestContext = { ip: "127.0.0.1", requestId: "demo-seed" };

async function callerFor(db: Db, username: string): Promise<Caller> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`demo user ${username} missing`);
  const grants = await loadGrants(db, u.id);
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    mustChangePassword: false,
    permissions: new Set(grants.flatMap((g) => g.permissions)),
    grants,
    scope: await computeScope(db, u.id, u.departmentId, grants),
  };
}

const PRODUCTS = [
  // code letter, category, name, spec, unit, price, cost, stock
  ["A", "数控机床", "数控车床", "CK6140", "台", "128000.00", "86000.00", "12"],
  ["B", "电气元件", "伺服电机", "1.5kW 220V", "台", "3200.00", "2100.00", "240"],
  ["B", "电气元件", "PLC 控制器", "S7-200 SMART", "台", "5800.00", "3900.00", "150"],
  ["C", "机械配件", "精密滚珠丝杠", "SFU1605", "根", "680.00", "420.00", "600"],
  ["C", "机械配件", "深沟球轴承", "6205-2RS", "套", "45.00", "26.00", "4000"],
] as const;

type ProductKey = "lathe" | "servo" | "plc" | "screw" | "bearing";
const KEYS: ProductKey[] = ["lathe", "servo", "plc", "screw", "bearing"];

/** Direct sales (交易记录): customer (start of its name), product, days ago, quantity. */
const SALES: [string, ProductKey, number, string][] = [
  ["杭州宏达", "servo", 340, "10"],
  ["苏州精工", "plc", 320, "6"],
  ["广州白云", "bearing", 300, "400"],
  ["重庆长安", "screw", 280, "40"],
  ["杭州宏达", "bearing", 250, "300"],
  ["合肥恒信", "plc", 230, "4"],
  ["深圳华盛", "servo", 200, "12"],
  ["宁波海天", "screw", 170, "25"],
  ["苏州精工", "servo", 150, "8"],
  ["无锡华光", "bearing", 130, "200"],
  ["北京京北", "screw", 110, "30"],
  ["广州白云", "plc", 95, "3"],
  ["杭州宏达", "plc", 75, "5"],
  ["重庆长安", "servo", 60, "6"],
  ["深圳华盛", "bearing", 45, "500"],
  ["合肥恒信", "screw", 35, "20"],
  ["宁波海天", "bearing", 20, "150"],
  ["苏州精工", "screw", 8, "15"],
  ["杭州宏达", "servo", 3, "4"],
];

/**
 * Contract orders: customer, lines, days ago signed (null: still a draft), what happened next:
 * delivered some days after signing (all, or "part"), completed, paid (all, half, nothing), cancelled.
 */
interface DemoOrder {
  customer: string;
  lines: [ProductKey, string][];
  signedAgo: number | null;
  deliverAfter?: number;
  partial?: boolean;
  complete?: boolean;
  paid?: "all" | "half";
  cancel?: boolean;
}
const ORDERS: DemoOrder[] = [
  {
    customer: "杭州宏达",
    lines: [
      ["lathe", "2"],
      ["servo", "4"],
    ],
    signedAgo: 330,
    deliverAfter: 20,
    complete: true,
    paid: "all",
  },
  {
    customer: "深圳华盛",
    lines: [["lathe", "1"]],
    signedAgo: 260,
    deliverAfter: 15,
    complete: true,
    paid: "all",
  },
  {
    customer: "苏州精工",
    lines: [
      ["plc", "10"],
      ["servo", "10"],
    ],
    signedAgo: 200,
    deliverAfter: 10,
    paid: "half",
  },
  {
    customer: "重庆长安",
    lines: [
      ["lathe", "1"],
      ["screw", "20"],
    ],
    signedAgo: 150,
    deliverAfter: 12,
  },
  {
    customer: "北京京北",
    lines: [["servo", "6"]],
    signedAgo: 120,
    deliverAfter: 7,
    paid: "all",
    complete: true,
  },
  {
    customer: "广州白云",
    lines: [
      ["lathe", "1"],
      ["plc", "4"],
    ],
    signedAgo: 80,
    deliverAfter: 10,
    partial: true,
    paid: "half",
  },
  { customer: "合肥恒信", lines: [["servo", "8"]], signedAgo: 50, deliverAfter: 5 },
  { customer: "宁波海天", lines: [["plc", "2"]], signedAgo: 40, cancel: true },
  { customer: "杭州宏达", lines: [["lathe", "1"]], signedAgo: 12, deliverAfter: 4 },
  { customer: "无锡华光", lines: [["bearing", "600"]], signedAgo: 6 },
  { customer: "苏州精工", lines: [["screw", "50"]], signedAgo: null },
];

/** Service feedback: customer, type, product, subject, days ago, handler, hours to answer and to close, rating. */
const FEEDBACK: [
  string,
  string,
  ProductKey | null,
  string,
  number,
  string,
  number | null,
  number | null,
  number | null,
][] = [
  ["杭州宏达", "fault", "lathe", "车床主轴异响", 300, "prod1", 2, 30, 5],
  ["苏州精工", "complaint", "plc", "PLC 到货延期", 190, "service1", 1, 20, 3],
  ["深圳华盛", "consultation", "lathe", "车床保养周期咨询", 170, "service1", 1, 4, 5],
  ["重庆长安", "complaint", "screw", "丝杠精度不达标", 130, "prod1", 3, 72, 2],
  ["广州白云", "suggestion", null, "希望增加月结方式", 100, "service1", 6, 48, 4],
  ["合肥恒信", "fault", "servo", "伺服电机过热报警", 45, "prod1", 2, 26, 4],
  ["北京京北", "praise", "servo", "安装服务很专业", 25, "service1", 4, 8, 5],
  ["无锡华光", "complaint", "bearing", "轴承包装破损", 9, "service1", 5, null, null],
  ["杭州宏达", "consultation", "plc", "PLC 扩展模块选型", 2, "service1", null, null, null],
];

/** What the sales team knows of each customer: credit rating and annual revenue (the evaluation's inputs). */
const PROFILES: [string, string, string][] = [
  ["杭州宏达", "AAA", "180000000.00"],
  ["宁波海天", "AA", "65000000.00"],
  ["重庆长安", "AA", "320000000.00"],
  ["长沙远大", "A", "28000000.00"],
  ["苏州精工", "AAA", "95000000.00"],
  ["厦门航空", "B", "8500000.00"],
  ["合肥恒信", "A", "12000000.00"],
  ["无锡华光", "B", "4200000.00"],
  ["广州白云", "A", "36000000.00"],
  ["深圳华盛", "AA", "150000000.00"],
  ["成都蜀南", "C", "760000.00"],
  ["北京京北", "A", "54000000.00"],
];

/** Contact records: customer, channel, days ago, content, result, follow-up in days (from today). */
const CONTACTS: [string, "phone" | "visit" | "meeting" | "wechat", number, string, string, number | null][] =
  [
    ["杭州宏达", "visit", 335, "上门拜访采购部，介绍数控车床新品", "客户有采购意向", null],
    ["苏州精工", "meeting", 205, "技术交流会，确认 PLC 选型", "确定方案", null],
    ["重庆长安", "visit", 160, "拜访生产总监，了解扩产计划", "需报价", null],
    ["广州白云", "phone", 90, "电话回访上批轴承使用情况", "满意，考虑追加", null],
    ["深圳华盛", "visit", 70, "走访车间，查看设备运行", "设备运行正常", null],
    ["合肥恒信", "phone", 55, "跟进伺服电机报价", "等待预算审批", null],
    ["长沙远大", "visit", 40, "初次拜访，了解空调设备生产线", "有改造需求", null],
    ["厦门航空", "phone", 30, "介绍产品目录", "约下月面谈", null],
    ["成都蜀南", "wechat", 21, "发送农机配件报价单", "客户比价中", 5],
    ["长沙远大", "meeting", 14, "方案交流：生产线自动化改造", "需提交技术方案", 3],
    ["北京京北", "phone", 10, "回访安装服务", "客户表扬", null],
    ["杭州宏达", "visit", 6, "新订单交货安排沟通", "按期交货", null],
    ["苏州精工", "phone", 4, "确认丝杠订单草稿细节", "待客户盖章", 2],
    ["厦门航空", "visit", 2, "面谈物流设备需求", "提交初步方案", 7],
  ];

export async function seedDemoBusiness(db: Db): Promise<void> {
  const [already] = await db.select({ id: orders.id }).from(orders).limit(1);
  if (already) return;
  const today = shanghaiDate();
  const ago = (days: number) => addDays(today, -days);
  const as = new Map<string, Caller>();
  for (const u of ["admin", "prod1", "finance1", "service1", "sales1", "sales2", "sales3", "mgr1"])
    as.set(u, await callerFor(db, u));
  const who = (u: string) => as.get(u)!;

  const owners = await db
    .select({ id: customers.id, name: customers.name, owner: users.username })
    .from(customers)
    .innerJoin(users, eq(users.id, customers.ownerId));
  const customer = (prefix: string) => {
    const c = owners.find((o) => o.name.startsWith(prefix));
    if (!c) throw new Error(`demo customer ${prefix} missing`);
    return c;
  };

  for (const [name, creditRating, annualRevenue] of PROFILES) {
    const c = customer(name);
    await updateCustomer(
      db,
      who(c.owner),
      c.id,
      CustomerUpdate.parse({ creditRating, annualRevenue }),
      { allowDuplicate: true, expectedVersion: undefined },
      ctx,
    );
  }

  // Products and their stock (产品单 from production).
  const categories = new Map<string, string>();
  const product = new Map<ProductKey, { id: string; price: string }>();
  for (const [
    i,
    [letter, categoryName, name, specification, unit, price, cost, stock],
  ] of PRODUCTS.entries()) {
    if (!categories.has(letter)) {
      const c = await createCategory(db, who("admin"), { letter, name: categoryName }, ctx);
      categories.set(letter, c.id);
    }
    const p = await createProduct(
      db,
      who("prod1"),
      ProductCreate.parse({
        categoryId: categories.get(letter),
        name,
        specification,
        unit,
        listPrice: price,
        standardCost: cost,
        lowStockThreshold: String(Math.ceil(Number(stock) / 10)),
      }),
      ctx,
    );
    product.set(KEYS[i]!, { id: p.id, price });
    await createMovement(
      db,
      who("prod1"),
      StockMovementCreate.parse({
        productId: p.id,
        kind: "production_receipt",
        quantity: stock,
        reference: `产品单-${String(i + 1).padStart(3, "0")}`,
        productionDate: ago(365),
      }),
      ctx,
    );
  }

  for (const [name, key, days, quantity] of SALES) {
    const c = customer(name);
    const p = product.get(key)!;
    await createTransaction(
      db,
      who(c.owner),
      TransactionCreate.parse({
        customerId: c.id,
        productId: p.id,
        date: ago(days),
        unitPrice: p.price,
        quantity,
      }),
      ctx,
    );
  }

  for (const o of ORDERS) {
    const c = customer(o.customer);
    const seller = who(c.owner);
    const created = await createOrder(
      db,
      seller,
      OrderCreate.parse({
        customerId: c.id,
        signingDate: o.signedAgo === null ? null : ago(o.signedAgo),
        deliveryDate: o.signedAgo === null ? null : ago(o.signedAgo - 15),
        paymentTerms: "货到 30 天内付款",
        lines: o.lines.map(([key, quantity]) => ({
          productId: product.get(key)!.id,
          unitPrice: product.get(key)!.price,
          quantity,
        })),
      }),
      ctx,
    );
    if (o.signedAgo === null) continue;
    let order = await transitionOrder(db, seller, created.id, "sign", undefined, ctx);
    if (o.cancel) {
      await transitionOrder(db, seller, order.id, "cancel", undefined, ctx);
      continue;
    }
    if (o.deliverAfter !== undefined) {
      const lines = o.partial ? order.lines.slice(0, 1) : order.lines;
      order = await deliverOrder(
        db,
        seller,
        order.id,
        {
          date: ago(o.signedAgo - o.deliverAfter),
          lines: lines.map((l) => ({ lineId: l.id, quantity: l.quantity })),
        },
        undefined,
        ctx,
      );
      if (o.complete) await transitionOrder(db, seller, order.id, "complete", undefined, ctx);
    }
    if (o.paid) {
      const [due] = await db
        .select()
        .from(receivables)
        .where(eq(receivables.orderId, order.id))
        .orderBy(asc(receivables.instalmentNo));
      if (!due) continue;
      const amount = o.paid === "all" ? due.amount : (Math.round(Number(due.amount) * 50) / 100).toFixed(2);
      await recordPayment(
        db,
        who("finance1"),
        PaymentCreate.parse({
          customerId: c.id,
          receivedOn: ago(Math.max(0, o.signedAgo - 40)),
          amount,
          method: "bank_transfer",
          reference: `回单-${order.number}`,
          allocations: [{ receivableId: due.id, amount }],
        }),
        ctx,
      );
    }
  }

  for (const [name, type, key, subject, days, handler, answerHours, closeHours, rating] of FEEDBACK) {
    const c = customer(name);
    const f = await createFeedback(
      db,
      who("service1"),
      FeedbackCreate.parse({
        customerId: c.id,
        type,
        productId: key ? product.get(key)!.id : null,
        subject,
        occurredOn: ago(days),
        handlerId: who(handler).userId,
        priority: type === "complaint" ? "high" : "normal",
      }),
      ctx,
    );
    const opened = new Date(`${ago(days)}T09:00:00+08:00`);
    const at = (hours: number) => new Date(opened.getTime() + hours * 3_600_000);
    if (answerHours !== null)
      await updateFeedback(db, who(handler), f.id, { status: "in_progress" }, undefined, ctx);
    if (closeHours !== null)
      await updateFeedback(
        db,
        who(handler),
        f.id,
        { status: "closed", resolution: type === "fault" ? "已上门检修，故障排除" : "已与客户沟通处理完毕" },
        undefined,
        ctx,
      );
    // When it really happened: a request can only say "now".
    await db
      .update(feedback)
      .set({
        createdAt: opened,
        firstResponseAt: answerHours === null ? null : at(answerHours),
        closedAt: closeHours === null ? null : at(closeHours),
        ...(closeHours === null ? {} : { endDate: shanghaiDate(at(closeHours)) }),
      })
      .where(eq(feedback.id, f.id));
    if (closeHours === null || rating === null) continue;
    const [visit] = await db.select().from(returnVisits).where(eq(returnVisits.feedbackId, f.id));
    if (!visit) continue;
    await completeReturnVisit(db, who("service1"), visit.id, { rating, comment: "回访完成" }, ctx);
    const visited = at(closeHours + 72);
    await db
      .update(returnVisits)
      .set({ dueOn: shanghaiDate(visited), doneAt: visited })
      .where(and(eq(returnVisits.id, visit.id), sql`${returnVisits.doneAt} is not null`));
  }

  for (const [name, channel, days, content, result, followUp] of CONTACTS) {
    const c = customer(name);
    await createContactRecord(
      db,
      who(c.owner),
      ContactRecordCreate.parse({
        customerId: c.id,
        channel,
        occurredAt: `${ago(days)}T10:00:00+08:00`,
        content,
        result,
        nextFollowUpOn: followUp === null ? null : addDays(today, followUp),
      }),
      ctx,
    );
  }
}
