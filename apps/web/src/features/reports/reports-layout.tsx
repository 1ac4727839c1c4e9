import { REPORT_NAMES } from "@crm/contracts";
import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, Outlet, useLocation, useNavigate } from "react-router";

/** The dashboard first, then the reports in the order of the specification. */
export const REPORT_PAGES = ["dashboard", ...REPORT_NAMES.filter((n) => n !== "dashboard")] as const;

/** 查询分析报表: a tab per report, each its own URL; the filters (query string) go along. */
export function ReportsLayout() {
  const { t } = useTranslation();
  const { pathname, search } = useLocation();
  const navigate = useNavigate();
  const active = REPORT_PAGES.find((p) => pathname === `/reports/${p}`);
  return (
    <>
      <Tabs
        className="report-tabs"
        activeKey={active ?? ""}
        onChange={(key) => void navigate(`/reports/${key}${search}`)}
        items={REPORT_PAGES.map((p) => ({ key: p, label: t(`reports.names.${p}`) }))}
      />
      <Outlet />
    </>
  );
}

export function ReportsIndexRedirect() {
  return <Navigate to="/reports/dashboard" replace />;
}
