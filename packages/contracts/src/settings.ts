import { z } from "zod";

/**
 * 系统设置: company-wide values an administrator edits. Each key has its own schema (the API
 * validates a change with it, the admin form too) and a default used until someone sets it.
 * A new setting is one more line here, one in SYSTEM_SETTING_DEFAULTS and a field on the page.
 */
export const SystemSettings = z
  .object({
    followUpDays: z.number().int().min(1).max(365).meta({
      description:
        "A customer with no contact for this many days is due for follow-up (workbench list and the daily reminder)",
    }),
  })
  .meta({ id: "SystemSettings" });
export type SystemSettings = z.infer<typeof SystemSettings>;
export type SystemSettingKey = keyof SystemSettings;

/** The settings as read, with their version (also the ETag) for If-Match on the next change. */
export const VersionedSystemSettings = SystemSettings.extend({
  version: z.number().int().meta({ description: "Grows by one with each setting changed" }),
}).meta({ id: "VersionedSystemSettings" });
export type VersionedSystemSettings = z.infer<typeof VersionedSystemSettings>;

export const SYSTEM_SETTING_DEFAULTS: SystemSettings = { followUpDays: 30 };

export const SYSTEM_SETTING_KEYS = Object.keys(SystemSettings.shape) as SystemSettingKey[];

/** A change to some settings; keys left out keep their value. */
export const SystemSettingsUpdate = SystemSettings.partial().strict().meta({ id: "SystemSettingsUpdate" });
export type SystemSettingsUpdate = z.infer<typeof SystemSettingsUpdate>;
