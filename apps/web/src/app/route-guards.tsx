import { useEffect } from "react";
import { Navigate, Outlet, useLocation } from "react-router";
import { restoreSession, useSession } from "../shared/api";
import { FullPageSpin } from "../shared/ui/full-page-spin";

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
