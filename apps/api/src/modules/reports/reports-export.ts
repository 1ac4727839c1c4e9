import { defuseCell } from "@crm/contracts";
import { type DbOrTx, departments, users } from "@crm/db";
import { eq } from "drizzle-orm";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Lang } from "../../shared/i18n.js";

/**
 * A report as a file: CSV holds its main table, XLSX one sheet per table plus a summary sheet
 * (its single figures, the filters used and when it was made). Headers in the caller's language;
 * ids are left out (they mean nothing on paper).
 */
type Text = { "zh-CN": string; en: string };
const t = (zh: string, en: string): Text => ({ "zh-CN": zh, en });

const COLUMNS: Record<string, Text> = {
  customerName: t("客户名称", "Customer"),
  customerCode: t("客户编号", "Customer code"),
  date: t("日期", "Date"),
  productName: t("产品", "Product"),
  amount: t("金额", "Amount"),
  salesperson: t("业务员", "Salesperson"),
  month: t("月份", "Month"),
  count: t("数量", "Count"),
  customers: t("客户数", "Customers"),
  province: t("地区", "Region"),
  creditRating: t("信用等级", "Credit rating"),
  revenueBand: t("年营业额档", "Annual revenue band"),
  score: t("价值分", "Value score"),
  lastContactAt: t("最近联系", "Last contact"),
  owner: t("负责人", "Owner"),
  visits: t("次数", "Visits"),
  inPerson: t("上门/会面", "In person"),
  lastAt: t("最近时间", "Latest"),
  lastResult: t("最近结果", "Latest result"),
  number: t("编号", "Number"),
  subject: t("主题", "Subject"),
  occurredOn: t("日期", "Date"),
  status: t("状态", "Status"),
  technicalNotes: t("技术记录", "Technical notes"),
  resolution: t("处理结果", "Resolution"),
  currentClass: t("当前类别", "Current class"),
  recencyDays: t("距今天数(R)", "Days since (R)"),
  frequency: t("交易次数(F)", "Sales (F)"),
  monetary: t("交易额(M)", "Revenue (M)"),
  rfm: t("RFM 分", "RFM"),
  segment: t("客户分群", "Segment"),
  revenueShare: t("销售额占比%", "Revenue share %"),
  abc: t("ABC 类", "ABC class"),
  suggestedClass: t("建议类别", "Suggested class"),
  feedback: t("反馈数", "Feedback"),
  avgResponseMinutes: t("平均响应(分钟)", "Avg. response (min)"),
  avgResolutionMinutes: t("平均解决(分钟)", "Avg. resolution (min)"),
  avgRating: t("平均满意度", "Avg. rating"),
  ratings: t("评分数", "Ratings"),
  revenue: t("销售额", "Revenue"),
  quantity: t("数量", "Quantity"),
  sales: t("交易笔数", "Sales"),
  orders: t("订单数", "Orders"),
  total: t("金额", "Total"),
};

/** Each table of a report: its sheet's name and what its `key` column holds. */
const SECTIONS: Record<string, { name: Text; key?: Text }> = {
  "first-transactions.rows": { name: t("首次交易", "First transactions") },
  "first-transactions.newCustomersByMonth": { name: t("每月新客户", "New customers by month") },
  "customer-evaluation.rows": { name: t("客户价值分", "Value scores") },
  "customer-evaluation.byRegion": { name: t("按地区", "By region"), key: t("地区", "Region") },
  "customer-evaluation.byCreditRating": {
    name: t("按信用等级", "By credit rating"),
    key: t("信用等级", "Credit rating"),
  },
  "customer-evaluation.byRevenueBand": {
    name: t("按年营业额", "By annual revenue"),
    key: t("年营业额档", "Revenue band"),
  },
  "customer-evaluation.potential": { name: t("潜在客户跟踪", "Potential customers") },
  "visits.rows": { name: t("按业务员", "By salesperson") },
  "visits.byCustomer": { name: t("按客户", "By customer") },
  "visits.complaints": { name: t("投诉与技术记录", "Complaints") },
  "customer-value.rows": { name: t("RFM 与 ABC", "RFM and ABC") },
  "satisfaction.rows": { name: t("按类型", "By type"), key: t("反馈类型", "Type") },
  "satisfaction.byProduct": { name: t("按产品", "By product"), key: t("产品", "Product") },
  "satisfaction.byHandler": { name: t("按处理人", "By handler"), key: t("处理人", "Handler") },
  "satisfaction.trend": { name: t("满意度趋势", "Rating trend") },
  "sales.rows": { name: t("按月", "By month"), key: t("月份", "Month") },
  "sales.bySalesperson": { name: t("按业务员", "By salesperson"), key: t("业务员", "Salesperson") },
  "sales.byProduct": { name: t("按产品", "By product"), key: t("产品", "Product") },
  "sales.byRegion": { name: t("按地区", "By region"), key: t("地区", "Region") },
  "sales.ordersByStatus": { name: t("订单状态", "Orders by status"), key: t("状态", "Status") },
  "dashboard.topSalespeople": { name: t("业务员排行", "Top salespeople"), key: t("业务员", "Salesperson") },
};

const SUMMARY: Record<string, Text> = {
  formula: t("价值分公式", "Value score formula"),
  month: t("月份", "Month"),
  revenueThisMonth: t("本月销售额", "Revenue this month"),
  revenueLastMonth: t("上月销售额", "Revenue last month"),
  newCustomersThisMonth: t("本月新客户", "New customers this month"),
  openReceivables: t("未收应收款", "Open receivables"),
  overdueReceivables: t("逾期应收款", "Overdue receivables"),
  openFeedback: t("未结反馈", "Open feedback"),
  complaintsThisMonth: t("本月投诉", "Complaints this month"),
  satisfaction: t("平均满意度", "Average rating"),
  "overall.avgRating": t("平均满意度", "Average rating"),
  "overall.ratings": t("评分数", "Ratings"),
  "abc.A": t("A 类客户数", "A customers"),
  "abc.B": t("B 类客户数", "B customers"),
  "abc.C": t("C 类客户数", "C customers"),
  "receivablesAging.notDue": t("应收账龄:未到期", "Aging: not due"),
  "receivablesAging.d1to30": t("应收账龄:1–30 天", "Aging: 1–30 days"),
  "receivablesAging.d31to60": t("应收账龄:31–60 天", "Aging: 31–60 days"),
  "receivablesAging.d61to90": t("应收账龄:61–90 天", "Aging: 61–90 days"),
  "receivablesAging.over90": t("应收账龄:90 天以上", "Aging: over 90 days"),
};

const FILTER_LABELS: Record<string, Text> = {
  from: t("开始日期", "From"),
  to: t("结束日期", "To"),
  departmentId: t("部门", "Department"),
  ownerId: t("负责人", "Owner"),
  province: t("地区", "Region"),
  class: t("客户类别", "Class"),
};

export const REPORT_TITLES: Record<string, Text> = {
  "first-transactions": t("首次交易分析", "First transactions"),
  "customer-evaluation": t("客户综合评价", "Customer evaluation"),
  visits: t("拜访与服务分析", "Visits and service"),
  "customer-value": t("客户价值分析", "Customer value"),
  satisfaction: t("服务满意度分析", "Service satisfaction"),
  sales: t("销售分析", "Sales"),
  dashboard: t("经理看板", "Manager's dashboard"),
};

/** The filters as a reader of the file knows them: the department's and the owner's names, not ids. */
export async function filtersInWords(
  db: DbOrTx,
  filters: Record<string, string | undefined>,
): Promise<Record<string, string | undefined>> {
  const out = { ...filters };
  if (filters.departmentId) {
    const [d] = await db
      .select({ name: departments.name })
      .from(departments)
      .where(eq(departments.id, filters.departmentId));
    out.departmentId = d?.name ?? filters.departmentId;
  }
  if (filters.ownerId) {
    const [u] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, filters.ownerId));
    out.ownerId = u?.name ?? filters.ownerId;
  }
  return out;
}

const HIDDEN = new Set(["id", "customerId", "ownerId", "productId"]);
type Cell = string | number | null;

/** A table's columns (ids left out) and rows, in the caller's language. */
function table(report: string, section: string, rows: Record<string, unknown>[], lang: Lang) {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => !HIDDEN.has(k));
  const keyLabel = SECTIONS[`${report}.${section}`]?.key;
  const header = keys.map((k) => (k === "key" && keyLabel ? keyLabel[lang] : (COLUMNS[k]?.[lang] ?? k)));
  const body = rows.map((r) =>
    keys.map((k): Cell => {
      const v = r[k];
      if (v === null || v === undefined) return null;
      if (typeof v === "number") return v;
      if (v instanceof Date) return v.toISOString();
      return typeof v === "object" ? JSON.stringify(v) : String(v);
    }),
  );
  return { header, body };
}

/** The single figures of a report, flattened one level (overall.avgRating, abc.A …). */
function summary(result: Record<string, unknown>): [string, Cell][] {
  const out: [string, Cell][] = [];
  for (const [k, v] of Object.entries(result)) {
    if (Array.isArray(v)) continue;
    if (v !== null && typeof v === "object") {
      for (const [k2, v2] of Object.entries(v)) if (!Array.isArray(v2)) out.push([`${k}.${k2}`, cell(v2)]);
    } else out.push([k, cell(v)]);
  }
  return out;
}
const cell = (v: unknown): Cell =>
  v === null || v === undefined ? null : typeof v === "number" ? v : String(v as string);

/** Text Excel would run as a formula gets a leading apostrophe (numbers such as -12.50 stay). */
export const defuse = (v: Cell): Cell => defuseCell(v);

/** Exact decimals and counts as numbers in Excel, shown with their own number of decimals. */
function excelValue(v: Cell): { value: Cell; numFmt?: string } {
  if (typeof v === "string" && /^-?\d{1,13}(\.\d{1,2})?$/.test(v)) {
    const decimals = v.split(".")[1]?.length ?? 0;
    return { value: Number(v), numFmt: decimals ? `#,##0.${"0".repeat(decimals)}` : "0" };
  }
  return { value: defuse(v) };
}

export interface ExportInput {
  report: string;
  result: Record<string, unknown>;
  filters: Record<string, string | undefined>;
  format: "csv" | "xlsx";
  lang: Lang;
}

/** The main table: `rows`, or for a report without one (the dashboard) its figures. */
function mainTable(input: ExportInput) {
  const { result, report, lang } = input;
  if (Array.isArray(result.rows))
    return table(report, "rows", result.rows as Record<string, unknown>[], lang);
  return {
    header: [lang === "en" ? "Figure" : "指标", lang === "en" ? "Value" : "数值"],
    body: summary(result).map(([k, v]): Cell[] => [SUMMARY[k]?.[lang] ?? k, v]),
  };
}

export interface ReportFile {
  fileName: string;
  contentType: string;
  body: string | Buffer;
  /** Rows of the main table, for the audit. */
  rows: number;
}

export async function reportFile(input: ExportInput): Promise<ReportFile> {
  const { report, result, lang, format } = input;
  const fileName = `${report}-${new Date().toISOString().slice(0, 10)}.${format}`;
  if (format === "csv") {
    const main = mainTable(input);
    return {
      fileName,
      contentType: "text/csv; charset=utf-8",
      body: `\uFEFF${Papa.unparse([main.header.map(defuse), ...main.body.map((r) => r.map(defuse))])}`,
      rows: main.body.length,
    };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date();
  const info = workbook.addWorksheet(lang === "en" ? "Summary" : "汇总");
  info.addRow([REPORT_TITLES[report]?.[lang] ?? report]).font = { bold: true, size: 14 };
  info.addRow([lang === "en" ? "Generated" : "生成时间", new Date().toISOString()]);
  for (const [k, v] of Object.entries(input.filters)) {
    if (v) info.addRow([FILTER_LABELS[k]?.[lang] ?? k, defuse(v)]);
  }
  info.addRow([]);
  for (const [k, v] of summary(result)) {
    const x = excelValue(v);
    const row = info.addRow([SUMMARY[k]?.[lang] ?? k, x.value]);
    if (x.numFmt) row.getCell(2).numFmt = x.numFmt;
  }
  info.getColumn(1).width = 24;
  info.getColumn(2).width = 40;
  let count = 0;
  const used = new Set<string>();
  for (const [section, rows] of Object.entries(result)) {
    if (!Array.isArray(rows)) continue;
    const { header, body } = table(report, section, rows as Record<string, unknown>[], lang);
    if (section === "rows") count = body.length;
    // Sheet names: unique, at most 31 characters, none of : \ / ? * [ ].
    let name = (SECTIONS[`${report}.${section}`]?.name[lang] ?? section)
      .replace(/[:\\/?*[\]]/g, " ")
      .slice(0, 31);
    while (used.has(name)) name = `${name.slice(0, 29)} ${used.size}`;
    used.add(name);
    const sheet = workbook.addWorksheet(name);
    sheet.addRow(header.map(defuse)).font = { bold: true };
    for (const r of body) {
      const row = sheet.addRow([]);
      r.forEach((v, i) => {
        const x = excelValue(v);
        const c = row.getCell(i + 1);
        c.value = x.value;
        if (x.numFmt) c.numFmt = x.numFmt;
      });
    }
    header.forEach((h, i) => {
      sheet.getColumn(i + 1).width = Math.min(40, Math.max(10, h.length * 2 + 2));
    });
  }
  return {
    fileName,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    body: Buffer.from(await workbook.xlsx.writeBuffer()),
    rows: count,
  };
}
