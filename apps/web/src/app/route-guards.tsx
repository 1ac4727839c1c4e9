import { canOpenModule, MODULES, type ModuleKey, type Permission } from "@crm/contracts";
import { useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { restoreSession, useCurrentUser, useSession } from "../shared/api";
import { FullPageSpin } from "../shared/ui/full-page-spin";
import { ForbiddenPage } from "./lazy-pages";

export const CHANGE_PASSWORD_PATH = "/change-password";

/** Renders nothing but a spinner until the refresh cookie has been tried, so no route flashes. */
export function SessionGate() {
  const { status } = useSession();
  useEffect(() => {
    void restoreSession();
  }, []);
  return status === "pending" ? <FullPageSpin /> : <Outlet />;
}

/**
 * Protected routes: anonymous users go to /login (remembering the page unless they just logged out);
 * users who must change their password see nothing else until they do.
 */
export function RequireAuth() {
  const { status, user, endReason } = useSession();
  const location = useLocation();
  if (status !== "authenticated" || !user) {
    const from = `${location.pathname}${location.search}`;
    const to = endReason === "logout" || from === "/" ? "/login" : `/login?from=${encodeURIComponent(from)}`;
    return <Navigate to={to} replace />;
  }
  if (user.mustChangePassword && location.pathname !== CHANGE_PASSWORD_PATH) {
    return <Navigate to={CHANGE_PASSWORD_PATH} replace />;
  }
  return <Outlet />;
}

/** A module the user's roles do not open shows a 403 page, whatever the URL. */
export function RequireModule({ module }: { module: ModuleKey }) {
  const { permissions } = useCurrentUser();
  const entry = MODULES.find((m) => m.key === module);
  return entry && canOpenModule(entry, permissions) ? <Outlet /> : <ForbiddenPage />;
}

/** A page inside a module that needs one permission of its own. */
export function RequirePermission({ permission }: { permission: Permission }) {
  const { permissions } = useCurrentUser();
  return permissions.includes(permission) ? <Outlet /> : <ForbiddenPage />;
}
