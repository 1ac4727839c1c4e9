import { ErrorCode } from "@crm/contracts";
import dayjs, { type Dayjs } from "dayjs";
import "dayjs/locale/zh-cn";
import { isApiError } from "../../shared/api";

export const DATE = "YYYY-MM-DD";

/** Today as YYYY-MM-DD in the browser's time zone (the company works in Asia/Shanghai). */
export const todayString = () => dayjs().format(DATE);

export const toDay = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : null);

/** ISO 8601 with the local offset, as the API wants it ("2026-05-01T14:03:00+08:00"). */
export const toOffsetIso = (value: Dayjs) => value.format("YYYY-MM-DDTHH:mm:ssZ");

export function formatDateTime(iso: string | null | undefined) {
  return iso ? dayjs(iso).format("YYYY-MM-DD HH:mm") : "";
}

export function formatTime(iso: string) {
  return dayjs(iso).format("HH:mm");
}

/** The dayjs locale that matches the UI language (week starts on Monday in Chinese). */
export const dayjsLocale = (language: string) => (language === "en" ? "en" : "zh-cn");

/** Someone else saved the record since we loaded it (If-Match did not match). */
export const isConflict = (error: unknown) =>
  isApiError(error) && error.code === ErrorCode.preconditionFailed;

export const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** The ids of a `sharedWith` list, for a form. */
export const sharedIds = (shared: readonly { id: string }[] | undefined) => (shared ?? []).map((s) => s.id);

/** Whether two id lists hold the same ids (order aside). */
export const sameIds = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();
