import { cmp, dec } from "@crm/contracts";
import { Card, Statistic, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatMoney } from "../customers/customer-format";
import { chartNumber, ReportChart } from "./report-chart";
import { DrillLink, ReportFrame, ReportSection } from "./report-frame";

type Figure = {
  key: string;
  value: string | number | null;
  money?: boolean;
  /** The dimension its records are under (none: it links to its report instead). */
  drill?: string;
  hint?: string;
  danger?: boolean;
};

/** 经理看板: this month's key figures of every report on one page, each opening its records. */
export function DashboardPage() {
  const { t } = useTranslation();
  return (
    <ReportFrame name="dashboard" period={false}>
      {({ data, drill }) => {
        const change =
          cmp(dec(data.revenueLastMonth), dec("0")) > 0
            ? Math.round(
                ((Number(data.revenueThisMonth) - Number(data.revenueLastMonth)) /
                  Number(data.revenueLastMonth)) *
                  100,
              )
            : null;
        const figures: Figure[] = [
          {
            key: "revenueThisMonth",
            value: data.revenueThisMonth,
            money: true,
            drill: "revenueThisMonth",
            hint:
              change === null
                ? undefined
                : t("reports.dashboard.change", { change: change > 0 ? `+${change}` : change }),
          },
          { key: "revenueLastMonth", value: data.revenueLastMonth, money: true, drill: "revenueLastMonth" },
          { key: "newCustomersThisMonth", value: data.newCustomersThisMonth, drill: "newCustomers" },
          { key: "openReceivables", value: data.openReceivables, money: true, drill: "openReceivables" },
          {
            key: "overdueReceivables",
            value: data.overdueReceivables,
            money: true,
            drill: "overdueReceivables",
            danger: cmp(dec(data.overdueReceivables), dec("0")) > 0,
          },
          { key: "openFeedback", value: data.openFeedback, drill: "openFeedback" },
          { key: "complaintsThisMonth", value: data.complaintsThisMonth, drill: "complaints" },
          {
            key: "satisfaction",
            value: data.satisfaction ?? "—",
            hint: t("reports.dashboard.satisfactionHint"),
          },
        ];
        const label = (key: string) => t(`reports.dashboard.${key}` as "reports.dashboard.openFeedback");
        return (
          <>
            <Typography.Text type="secondary">
              {t("reports.dashboard.month", { month: data.month })}
            </Typography.Text>
            <div className="report-kpis" style={{ marginTop: 8 }}>
              {figures.map((f) => {
                const open = () => f.drill && drill(f.drill, "", label(f.key));
                return (
                  <Card
                    key={f.key}
                    variant="borderless"
                    className={f.drill ? "report-kpi" : undefined}
                    onClick={f.drill ? open : undefined}
                    role={f.drill ? "button" : undefined}
                    tabIndex={f.drill ? 0 : undefined}
                    aria-label={f.drill ? t("reports.openRecords", { figure: label(f.key) }) : undefined}
                    onKeyDown={(e) => {
                      if (f.drill && (e.key === "Enter" || e.key === " ")) open();
                    }}
                  >
                    <Statistic
                      title={label(f.key)}
                      value={f.money ? `¥${formatMoney(String(f.value))}` : (f.value ?? "—")}
                      styles={{ content: f.danger ? { color: "#cf1322" } : undefined }}
                    />
                    {f.hint &&
                      (f.key === "satisfaction" ? (
                        <Link to="/reports/satisfaction">{f.hint}</Link>
                      ) : (
                        <Typography.Text type="secondary">{f.hint}</Typography.Text>
                      ))}
                  </Card>
                );
              })}
            </div>
            <div className="report-grid" style={{ marginTop: 16 }}>
              <ReportSection title={t("reports.dashboard.topSalespeople")}>
                {data.topSalespeople.length ? (
                  <ReportChart
                    label={t("reports.dashboard.topSalespeople")}
                    height={260}
                    option={{
                      tooltip: { trigger: "axis" },
                      grid: { left: 80, right: 24, top: 16, bottom: 24 },
                      xAxis: { type: "value" },
                      yAxis: {
                        type: "category",
                        inverse: true,
                        data: data.topSalespeople.map((s) => s.key ?? "—"),
                      },
                      series: [
                        {
                          type: "bar",
                          data: data.topSalespeople.map((s) => chartNumber(s.revenue)),
                          itemStyle: { color: "#1677ff" },
                        },
                      ],
                    }}
                    onSelect={({ dataIndex }) => {
                      const s = data.topSalespeople[dataIndex];
                      if (s) drill("salesperson", s.ownerId, `${s.key ?? ""} · ${label("revenueThisMonth")}`);
                    }}
                  />
                ) : (
                  <Typography.Text type="secondary">{t("reports.dashboard.noSales")}</Typography.Text>
                )}
              </ReportSection>
              <ReportSection title={t("reports.dashboard.ranking")}>
                <Table
                  rowKey="ownerId"
                  size="small"
                  pagination={false}
                  dataSource={data.topSalespeople}
                  locale={{ emptyText: t("reports.dashboard.noSales") }}
                  columns={[
                    { key: "who", title: t("reports.columns.salesperson"), render: (_, s) => s.key },
                    {
                      key: "revenue",
                      title: t("reports.columns.revenue"),
                      align: "right",
                      render: (_, s) => (
                        <DrillLink
                          label={t("reports.openRecords", { figure: s.key ?? "" })}
                          onClick={() =>
                            drill("salesperson", s.ownerId, `${s.key ?? ""} · ${label("revenueThisMonth")}`)
                          }
                        >
                          {formatMoney(s.revenue)}
                        </DrillLink>
                      ),
                    },
                    { key: "sales", title: t("reports.columns.sales"), align: "right", dataIndex: "sales" },
                  ]}
                />
              </ReportSection>
            </div>
          </>
        );
      }}
    </ReportFrame>
  );
}
