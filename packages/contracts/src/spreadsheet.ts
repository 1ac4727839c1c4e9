/**
 * CSV/formula injection (OWASP): a spreadsheet runs a cell that begins with = + - @, or with a tab
 * or carriage return before one, as a formula (=HYPERLINK(...), =cmd|...). Every CSV and XLSX this
 * product writes, on the server or in the browser, passes its text cells through here: such text
 * gets a leading apostrophe, which the spreadsheet shows as plain text. Plain numbers written as
 * text (-12.50, +86 is not one) stay as they are, so amounts keep their sign.
 */
export function defuseCell<T>(value: T): T | string {
  if (typeof value !== "string") return value;
  if (!/^[=+\-@\t\r]/.test(value)) return value;
  if (/^-\d+(\.\d+)?$/.test(value)) return value;
  return `'${value}`;
}
