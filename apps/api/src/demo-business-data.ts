/**
 * The demo company's business data, seeded by demo-business.ts: products with stock, direct sales,
 * contract orders, service feedback, customer profiles and contact records.
 */

export const PRODUCTS = [
  // code letter, category, name, spec, unit, price, cost, stock
  ["A", "数控机床", "数控车床", "CK6140", "台", "128000.00", "86000.00", "12"],
  ["B", "电气元件", "伺服电机", "1.5kW 220V", "台", "3200.00", "2100.00", "240"],
  ["B", "电气元件", "PLC 控制器", "S7-200 SMART", "台", "5800.00", "3900.00", "150"],
  ["C", "机械配件", "精密滚珠丝杠", "SFU1605", "根", "680.00", "420.00", "600"],
  ["C", "机械配件", "深沟球轴承", "6205-2RS", "套", "45.00", "26.00", "4000"],
] as const;

export type ProductKey = "lathe" | "servo" | "plc" | "screw" | "bearing";
export const KEYS: ProductKey[] = ["lathe", "servo", "plc", "screw", "bearing"];

/** Direct sales (交易记录): customer (start of its name), product, days ago, quantity. */
export const SALES: [string, ProductKey, number, string][] = [
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
export const ORDERS: DemoOrder[] = [
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
export const FEEDBACK: [
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
export const PROFILES: [string, string, string][] = [
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
export const CONTACTS: [
  string,
  "phone" | "visit" | "meeting" | "wechat",
  number,
  string,
  string,
  number | null,
][] = [
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
