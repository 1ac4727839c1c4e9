/** The headers of the import template, in the order of the export (Chinese, as the server reads them). */
export const TEMPLATE_HEADERS = [
  "客户名称",
  "客户类别",
  "省份",
  "城市",
  "区号",
  "邮编",
  "地址",
  "电话",
  "传真",
  "邮箱",
  "主页",
  "年营业额",
  "员工人数",
  "行业",
  "来源",
  "状态",
  "信用等级",
  "统一社会信用代码",
] as const;

const EXAMPLE_ROW = [
  "杭州示例科技有限公司",
  "2",
  "浙江省",
  "杭州市",
  "0571",
  "310000",
  "西湖区文三路 100 号",
  "0571-8888 6666",
  "",
  "info@example.com",
  "www.example.com",
  "12500000.00",
  "120",
  "制造业",
  "",
  "",
  "",
  "",
] as const;

const cell = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

/**
 * The template: a UTF-8 BOM (so Excel reads the Chinese), the headers and one example row; the
 * active custom fields' labels as extra columns (their header maps them on import).
 */
export function templateCsv(customHeaders: readonly string[] = []): string {
  const rows = [
    [...TEMPLATE_HEADERS, ...customHeaders],
    [...EXAMPLE_ROW, ...customHeaders.map(() => "")],
  ];
  return `\uFEFF${rows.map((row) => row.map(cell).join(",")).join("\r\n")}\r\n`;
}
