import { MyStats, NotificationPreferences, type NotificationPreferencesUpdate } from "@crm/contracts";
import { apiRequest } from "../../shared/api";

export const personalKeys = {
  preferences: ["personal", "notification-preferences"] as const,
  stats: (from: string, to: string) => ["personal", "stats", from, to] as const,
};

export const fetchNotificationPreferences = () =>
  apiRequest("/me/notification-preferences", { schema: NotificationPreferences });

export const saveNotificationPreferences = (body: NotificationPreferencesUpdate) =>
  apiRequest("/me/notification-preferences", { method: "PUT", body, schema: NotificationPreferences });

/** 我的统计 for a period of days (both included) and the 12 months up to its end. */
export const fetchMyStats = (from: string, to: string) =>
  apiRequest(`/me/stats?from=${from}&to=${to}`, { schema: MyStats });
