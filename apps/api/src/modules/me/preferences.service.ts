import {
  NOTIFICATION_KINDS,
  type NotificationKind,
  type NotificationPreferences,
  type NotificationPreferencesUpdate,
} from "@crm/contracts";
import { type DbOrTx, notificationPreferences } from "@crm/db";
import { eq, sql } from "drizzle-orm";

/** Per kind, whether the user wants it in the app; a kind never chosen is on. */
export async function readNotificationPreferences(
  db: DbOrTx,
  userId: string,
): Promise<NotificationPreferences> {
  const rows = await db
    .select({ kind: notificationPreferences.kind, inApp: notificationPreferences.inApp })
    .from(notificationPreferences)
    .where(eq(notificationPreferences.userId, userId));
  const chosen = new Map(rows.map((r) => [r.kind, r.inApp]));
  return {
    inApp: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, chosen.get(k) ?? true])) as Record<
      NotificationKind,
      boolean
    >,
  };
}

/**
 * Replaces the user's choices (a kind left out is on). What is off takes effect for the next
 * notification, whoever produces it: the notifications table's trigger reads these rows.
 */
export async function replaceNotificationPreferences(
  db: DbOrTx,
  userId: string,
  input: NotificationPreferencesUpdate,
): Promise<NotificationPreferences> {
  const now = new Date();
  await db
    .insert(notificationPreferences)
    .values(
      NOTIFICATION_KINDS.map((kind) => ({ userId, kind, inApp: input.inApp[kind] ?? true, updatedAt: now })),
    )
    .onConflictDoUpdate({
      target: [notificationPreferences.userId, notificationPreferences.kind],
      set: { inApp: sql`excluded.in_app`, updatedAt: sql`excluded.updated_at` },
    });
  return readNotificationPreferences(db, userId);
}
