import type { Permission } from "@crm/contracts";
import { useMemo } from "react";
import { useCurrentUser } from "./session-store";

/** What the signed-in user may do: `can("user:create")`. Only below an authenticated route. */
export function usePermissions(): {
  permissions: readonly string[];
  can: (permission: Permission) => boolean;
} {
  const { permissions } = useCurrentUser();
  return useMemo(() => {
    const held = new Set(permissions);
    return { permissions, can: (permission: Permission) => held.has(permission) };
  }, [permissions]);
}
