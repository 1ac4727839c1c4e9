import { DownloadOutlined, DownOutlined, PrinterOutlined } from "@ant-design/icons";
import type { ReportName } from "@crm/contracts";
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, Card, Dropdown, Empty, Flex, Space, Spin, Typography } from "antd";
import dayjs from "dayjs";
import { type ReactNode, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { useDepartments } from "../admin/use-admin-queries";
import { useDictionaries } from "../customers/use-customer-queries";
import { DrillDrawer } from "./drill-drawer";
import { ReportFilterBar } from "./report-filter-bar";
import {
  type DrillTarget,
  downloadReport,
  fetchReport,
  type ReportData,
  type ReportFilters,
} from "./reports-api";
import { useReportFilters } from "./use-report-filters";
import "./reports.css";

export interface ReportView<R extends ReportName> {
  data: ReportData<R>;
  filters: ReportFilters;
  /** Opens the records behind a figure. */
  drill: (dimension: string, value: string, label: string) => void;
}

/** The filters in words, for the printed page. */
function useFiltersText(filters: ReportFilters): string {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const departments = useDepartments(can("department:read"));
  const dictionaries = useDictionaries();
  const parts: string[] = [];
  if (filters.from || filters.to)
    parts.push(`${t("reports.filters.period")}: ${filters.from ?? "…"} ~ ${filters.to ?? "…"}`);
  if (filters.departmentId)
    parts.push(
      `${t("reports.filters.department")}: ${departments.data?.find((d) => d.id === filters.departmentId)?.name ?? "…"}`,
    );
  if (filters.ownerId) parts.push(t("reports.filters.ownerChosen"));
  if (filters.province) parts.push(`${t("reports.filters.province")}: ${filters.province}`);
  if (filters.class)
    parts.push(`${t("reports.filters.class")}: ${dictionaries.label("customer_class", filters.class)}`);
  return parts.length ? parts.join("; ") : t("reports.filters.none");
}

/**
 * One report's page: its title, the filter bar (kept in the URL), export and print, the chart(s)
 * and tables the page draws from the report, and the drill-down drawer any figure opens.
 */
export function ReportFrame<R extends ReportName>({
  name,
  period = true,
  isEmpty,
  children,
}: {
  name: R;
  /** The dashboard has no period: it is this month's (or `to`'s). */
  period?: boolean;
  isEmpty?: (data: ReportData<R>) => boolean;
  children: (view: ReportView<R>) => ReactNode;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const bar = useReportFilters();
  const { filters } = bar;
  const [target, setTarget] = useState<DrillTarget | null>(null);
  const report = useQuery({
    queryKey: ["reports", name, filters],
    queryFn: () => fetchReport(name, filters),
    placeholderData: keepPreviousData,
  });
  const exporting = useMutation({
    mutationFn: (format: "csv" | "xlsx") => downloadReport(name, filters, format),
    onSuccess: (file) => void message.success(t("reports.exported", { file })),
    onError: (error) => void message.error(errorMessage(error)),
  });
  const filtersText = useFiltersText(filters);
  const filtered = Object.values(filters).some(Boolean);
  const title = t(`reports.names.${name}` as "reports.names.sales");

  return (
    <div className="report-page">
      <header className="report-print-header">
        <div className="report-print-company">{t("app.name")}</div>
        <h2>{title}</h2>
        <div>
          {t("reports.print.filters")}: {filtersText}
        </div>
        <div>
          {t("reports.print.date")}: {dayjs().format("YYYY-MM-DD HH:mm")}
        </div>
      </header>
      <Card variant="borderless" className="report-toolbar-card">
        <Flex justify="space-between" align="start" gap={12} wrap>
          <div>
            <Typography.Title level={2} className="report-title">
              {title}
            </Typography.Title>
            <Typography.Text type="secondary">
              {t(`reports.about.${name}` as "reports.about.sales")}
            </Typography.Text>
          </div>
          <Space className="report-actions">
            {can("report:export") && (
              <Dropdown
                trigger={["click"]}
                menu={{
                  items: [
                    { key: "csv", label: t("reports.exportCsv") },
                    { key: "xlsx", label: t("reports.exportXlsx") },
                  ],
                  onClick: ({ key }) => exporting.mutate(key as "csv" | "xlsx"),
                }}
              >
                <Button icon={<DownloadOutlined aria-hidden />} loading={exporting.isPending}>
                  {t("reports.export")} <DownOutlined aria-hidden />
                </Button>
              </Dropdown>
            )}
            <Button icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()}>
              {t("reports.print.button")}
            </Button>
          </Space>
        </Flex>
        <div className="report-filter-row">
          <ReportFilterBar {...bar} period={period} />
        </div>
      </Card>
      {report.isError && <Alert type="error" showIcon title={errorMessage(report.error)} />}
      {!report.data && report.isLoading && (
        <Flex justify="center" style={{ padding: 48 }}>
          <Spin />
        </Flex>
      )}
      {report.data && isEmpty?.(report.data) ? (
        <Card variant="borderless">
          <Empty
            description={
              <Flex vertical gap={4}>
                <Typography.Text strong>
                  {t(`reports.empty.${name}` as "reports.empty.sales")}
                </Typography.Text>
                {filtered && (
                  <Typography.Text type="secondary">{t("reports.empty.filtered")}</Typography.Text>
                )}
              </Flex>
            }
          />
        </Card>
      ) : (
        report.data && (
          <Spin spinning={report.isFetching && !report.isLoading} delay={300}>
            <div className="report-body">
              {children({
                data: report.data,
                filters,
                drill: (dimension, value, label) => setTarget({ report: name, dimension, value, label }),
              })}
            </div>
          </Spin>
        )
      )}
      <DrillDrawer target={target} filters={filters} onClose={() => setTarget(null)} />
    </div>
  );
}

/** A card holding one chart or table of a report. */
export function ReportSection({
  title,
  extra,
  children,
  className,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <Card variant="borderless" title={title} extra={extra} className={`report-section ${className ?? ""}`}>
      {children}
    </Card>
  );
}

/** A figure in a table that opens its records: a link-style button. */
export function DrillLink({
  children,
  onClick,
  label,
}: {
  children: ReactNode;
  onClick: () => void;
  label: string;
}) {
  return (
    <Button type="link" size="small" className="report-drill" onClick={onClick} aria-label={label}>
      {children}
    </Button>
  );
}
