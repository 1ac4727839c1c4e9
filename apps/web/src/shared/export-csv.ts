import { defuseCell } from "@crm/contracts";

/** One cell as CSV: quoted when it holds a comma, quote or line break; formulas defused for Excel. */
function cell(value: unknown): string {
  const text = defuseCell(value === null || value === undefined ? "" : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * Saves rows already loaded in the browser as a CSV file, with a BOM so Excel reads the Chinese
 * right. For lists whose API has no export endpoint of its own.
 */
export function downloadCsv(fileName: string, header: readonly string[], rows: readonly unknown[][]) {
  const text = [header, ...rows].map((row) => row.map(cell).join(",")).join("\r\n");
  const blob = new Blob(["\uFEFF", text], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
