import {
  SYSTEM_SETTING_DEFAULTS,
  type SystemSettingKey,
  SystemSettings,
  type SystemSettingsUpdate,
} from "@crm/contracts";
import { appSettings, type Db, type DbOrTx } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { checkVersion, diff } from "../../shared/versioning.js";

/** A stored value its key's schema no longer accepts (or a key no longer known) is ignored. */
function storedValue<K extends SystemSettingKey>(key: K, stored: unknown): SystemSettings[K] | undefined {
  const schema = SystemSettings.shape[key];
  const parsed = schema?.safeParse(stored);
  return parsed?.success ? (parsed.data as SystemSettings[K]) : undefined;
}

/**
 * Every setting (defaults where none is stored) and one version for them all: the sum of the rows'
 * versions, which grows by one with each key changed (rows are never deleted).
 */
export async function readSettings(db: DbOrTx): Promise<{ settings: SystemSettings; version: number }> {
  const rows = await db
    .select({ key: appSettings.key, value: appSettings.value, version: appSettings.version })
    .from(appSettings);
  const settings: Record<string, unknown> = { ...SYSTEM_SETTING_DEFAULTS };
  let version = 0;
  for (const row of rows) {
    version += row.version;
    if (!Object.hasOwn(SYSTEM_SETTING_DEFAULTS, row.key)) continue;
    const value = storedValue(row.key as SystemSettingKey, row.value);
    if (value !== undefined) settings[row.key] = value;
  }
  return { settings: settings as SystemSettings, version };
}

/** One setting, as the code that depends on it reads it (one primary-key lookup). */
export async function setting<K extends SystemSettingKey>(db: DbOrTx, key: K): Promise<SystemSettings[K]> {
  const [row] = await db
    .select({ value: appSettings.value })
    .from(appSettings)
    .where(eq(appSettings.key, key));
  return (row ? storedValue(key, row.value) : undefined) ?? SYSTEM_SETTING_DEFAULTS[key];
}

/** Changes some settings (If-Match: the version read), audited in the same transaction. */
export async function updateSettings(
  db: Db,
  caller: Caller,
  input: SystemSettingsUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  return db.transaction(async (tx) => {
    // Writers queue here, so the version compared is the one written over; readers are not blocked.
    await tx.execute(sql`lock table ${appSettings} in exclusive mode`);
    const current = await readSettings(tx);
    checkVersion(expectedVersion, current.version);
    const changes = diff(current.settings, input);
    if (!Object.keys(changes).length) return current;
    for (const key of Object.keys(changes) as SystemSettingKey[]) {
      const value = input[key];
      await tx
        .insert(appSettings)
        .values({ key, value, updatedBy: caller.userId })
        .onConflictDoUpdate({
          target: appSettings.key,
          set: {
            value,
            version: sql`${appSettings.version} + 1`,
            updatedBy: caller.userId,
            updatedAt: new Date(),
          },
        });
    }
    await writeAudit(tx, ctx, {
      action: "update",
      entityType: "system_settings",
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
    });
    return readSettings(tx);
  });
}
