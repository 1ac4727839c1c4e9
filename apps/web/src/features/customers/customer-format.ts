import { ErrorCode } from "@crm/contracts";
import { isApiError } from "../../shared/api";

/** 2026/05/01 14:03 style, in the UI language and the browser's time zone. */
export function formatDateTime(iso: string | null | undefined, language: string): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(language, {
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(new Date(iso));
}

/** 2026/05/01 style. */
export function formatDate(iso: string | null | undefined, language: string): string {
  if (!iso) return "";
  return new Intl.DateTimeFormat(language, { year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(iso),
  );
}

/** An exact decimal string with thousands separators ("12345678.9" → "12,345,678.90"), never via a float. */
export function formatMoney(value: string | null | undefined): string {
  if (!value) return "";
  const [whole = "0", fraction = ""] = value.split(".");
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${fraction.padEnd(2, "0").slice(0, 2)}`;
}

/** Someone else saved the record since we loaded it (If-Match did not match). */
export const isConflict = (error: unknown) =>
  isApiError(error) && error.code === ErrorCode.preconditionFailed;

/** The server found likely duplicates (P-01) and answered 409 with them. */
export const isDuplicate = (error: unknown) =>
  isApiError(error) && error.code === ErrorCode.duplicateCustomer;

/** Text inputs: trimmed, with empty meaning "no value" (null), as the API stores it. */
export const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
