import type { Feedback } from "@crm/contracts";
import type { TFunction } from "i18next";

/** Colours of the default feedback types; types admins add are shown plain. */
export const TYPE_COLORS: Record<string, string> = {
  consultation: "blue",
  complaint: "red",
  suggestion: "purple",
  fault: "orange",
  praise: "green",
  other: "default",
};

export const STATUS_COLORS: Record<Feedback["status"], string> = {
  open: "gold",
  in_progress: "processing",
  closed: "success",
};

export const PRIORITY_COLORS: Record<Feedback["priority"], string> = {
  low: "default",
  normal: "blue",
  high: "orange",
  urgent: "red",
};

/** A duration in minutes as people say it: 45 分钟, 3 小时 20 分钟, 2 天 4 小时. */
export function formatMinutes(t: TFunction, minutes: number | null | undefined): string {
  if (minutes === null || minutes === undefined) return t("feedback.common.none");
  const m = Math.max(0, minutes);
  if (m < 60) return t("feedback.common.minutes", { count: m });
  if (m < 24 * 60) return t("feedback.common.hoursMinutes", { hours: Math.floor(m / 60), minutes: m % 60 });
  return t("feedback.common.daysHours", {
    days: Math.floor(m / 1440),
    hours: Math.floor((m % 1440) / 60),
  });
}
