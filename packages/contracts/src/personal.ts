import { z } from "zod";
import { CONTACT_CHANNELS, NOTIFICATION_KINDS } from "./activities.js";

/** 个人中心: what a user sets for themself and the figures of their own work. */

export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

const flags = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<
  NotificationKind,
  z.ZodBoolean
>;

/** Per kind of notification, whether the user wants it in the app (the bell). */
export const NotificationPreferences = z
  .object({ inApp: z.object(flags) })
  .meta({ id: "NotificationPreferences" });
export type NotificationPreferences = z.infer<typeof NotificationPreferences>;

/** Replaces the user's choices; a kind left out is on. */
export const NotificationPreferencesUpdate = z
  .strictObject({ inApp: z.strictObject(flags).partial() })
  .meta({ id: "NotificationPreferencesUpdate" });
export type NotificationPreferencesUpdate = z.infer<typeof NotificationPreferencesUpdate>;

/** 我的统计: a period of days (Asia/Shanghai), both ends included. */
export const MyStatsQuery = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
  })
  .refine((q) => q.from <= q.to, { error: "ends_before_start", path: ["to"] });
export type MyStatsQuery = z.infer<typeof MyStatsQuery>;

const count = z.number().int();
const money = z.string().meta({ description: "Exact decimal, 2 places" });

/** One user's own work in a period: what they made, recorded, sold, collected and handled. */
export const PersonalFigures = z
  .object({
    newCustomers: count.meta({ description: "Customers they own, created in the period" }),
    contactsMade: count.meta({ description: "Contact records (联系记录) in the period" }),
    contactsByChannel: z.object(
      Object.fromEntries(CONTACT_CHANNELS.map((c) => [c, count])) as Record<
        (typeof CONTACT_CHANNELS)[number],
        typeof count
      >,
    ),
    careRecords: count.meta({ description: "Care records (关怀记录) dated in the period" }),
    tasksDone: count.meta({ description: "Their tasks completed in the period" }),
    tasksOverdue: count.meta({ description: "Their tasks due in the period, before today, still not done" }),
    ordersSigned: count.meta({ description: "Orders signed in the period (not cancelled)" }),
    orderAmount: money.meta({ description: "Total of those orders" }),
    transactionAmount: money.meta({ description: "Transactions (交易记录) dated in the period" }),
    paymentsCollected: money.meta({
      description: "Money received in the period against their receivables (reversals subtracted)",
    }),
    receivablesDue: money.meta({ description: "What is still open of their receivables due in the period" }),
    feedbackHandled: count.meta({ description: "Feedback they handled, closed in the period" }),
  })
  .meta({ id: "PersonalFigures" });
export type PersonalFigures = z.infer<typeof PersonalFigures>;

export const MyStats = z
  .object({
    from: z.string(),
    to: z.string(),
    figures: PersonalFigures,
    trend: z
      .array(PersonalFigures.omit({ contactsByChannel: true }).extend({ month: z.string() }))
      .meta({ description: "The 12 months up to the period's last month, oldest first" }),
  })
  .meta({ id: "MyStats" });
export type MyStats = z.infer<typeof MyStats>;
