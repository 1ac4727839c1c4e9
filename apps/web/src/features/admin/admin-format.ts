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

/** Someone else saved the record since we loaded it (If-Match did not match). */
export const isConflict = (error: unknown) =>
  isApiError(error) && error.code === ErrorCode.preconditionFailed;
