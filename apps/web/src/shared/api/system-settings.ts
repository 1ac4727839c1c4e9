import { type SystemSettingsUpdate, VersionedSystemSettings } from "@crm/contracts";
import { useQuery } from "@tanstack/react-query";
import { apiRequest } from "./client";

/** 系统设置: read by any page that depends on one (everyone may), changed on the admin page. */
export const SYSTEM_SETTINGS_QUERY_KEY = ["system-settings"] as const;

export const fetchSystemSettings = () => apiRequest("/settings", { schema: VersionedSystemSettings });

export const updateSystemSettings = (version: number, body: SystemSettingsUpdate) =>
  apiRequest("/settings", { method: "PATCH", body, ifMatch: version, schema: VersionedSystemSettings });

export const useSystemSettings = () =>
  useQuery({ queryKey: SYSTEM_SETTINGS_QUERY_KEY, queryFn: fetchSystemSettings, staleTime: 60_000 });
