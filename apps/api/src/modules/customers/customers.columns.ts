import type { Lang } from "../../shared/i18n.js";

/** The columns of customer files (import and export), with their headers in both languages. */
export const FILE_COLUMNS = [
  ["code", "客户编码", "Code"],
  ["name", "客户名称", "Name"],
  ["class", "客户类别", "Class"],
  ["province", "省份", "Province"],
  ["city", "城市", "City"],
  ["areaCode", "区号", "Area code"],
  ["postcode", "邮编", "Postcode"],
  ["address", "地址", "Address"],
  ["phone", "电话", "Phone"],
  ["fax", "传真", "Fax"],
  ["email", "邮箱", "Email"],
  ["homepage", "主页", "Homepage"],
  ["annualRevenue", "年营业额", "Annual revenue"],
  ["employeeCount", "员工人数", "Employees"],
  ["industry", "行业", "Industry"],
  ["source", "来源", "Source"],
  ["status", "状态", "Status"],
  ["creditRating", "信用等级", "Credit rating"],
  ["creditCode", "统一社会信用代码", "Credit code"],
  ["ownerName", "负责人", "Owner"],
  ["createdAt", "创建时间", "Created"],
] as const;

export type FileField = (typeof FILE_COLUMNS)[number][0];

export const headerOf = (field: FileField, lang: Lang) => {
  const col = FILE_COLUMNS.find((c) => c[0] === field)!;
  return lang === "en" ? col[2] : col[1];
};

/** Maps a file header to a field: its key, Chinese or English header, case and spaces ignored. */
export function fieldOfHeader(header: string): FileField | undefined {
  const h = header.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, "");
  return FILE_COLUMNS.find(
    ([key, zh, en]) => key.toLowerCase() === h || zh === h || en.toLowerCase().replace(/\s+/g, "") === h,
  )?.[0];
}
