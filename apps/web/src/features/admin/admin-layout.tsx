import type { Permission } from "@crm/contracts";
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";
import { usePermissions } from "../../shared/api";

/** The pages of 系统管理, in tab order, each with the permission that opens it. */
export const ADMIN_PAGES = [
  { key: "users", path: "/admin/users", requires: "user:read" },
  { key: "roles", path: "/admin/roles", requires: "role:read" },
  { key: "organisation", path: "/admin/organisation", requires: "department:read" },
  { key: "customFields", path: "/admin/custom-fields", requires: "dictionary:manage" },
  { key: "dictionaries", path: "/admin/dictionaries", requires: "dictionary:manage" },
  { key: "settings", path: "/admin/settings", requires: "settings:manage" },
  { key: "apiKeys", path: "/admin/api-keys", requires: "role:manage" },
  { key: "webhooks", path: "/admin/webhooks", requires: "role:manage" },
  { key: "auditLog", path: "/admin/audit-log", requires: "audit:read" },
] as const satisfies readonly { key: string; path: string; requires: Permission }[];

/** 系统管理: a tab per page the user may open; each tab has its own URL. */
export function AdminLayout() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const pages = ADMIN_PAGES.filter((p) => can(p.requires));
  const active = ADMIN_PAGES.find((p) => pathname === p.path || pathname.startsWith(`${p.path}/`));

  return (
    <>
      <Tabs
        className="admin-tabs"
        activeKey={active?.path ?? ""}
        onChange={(key) => void navigate(key)}
        items={pages.map((p) => ({ key: p.path, label: t(`admin.tabs.${p.key}`) }))}
      />
      <Outlet />
    </>
  );
}

/** /admin opens the first page the user may see. */
export function AdminIndexRedirect() {
  const { can } = usePermissions();
  const first = ADMIN_PAGES.find((p) => can(p.requires));
  return <Navigate to={first?.path ?? "/workbench"} replace />;
}
