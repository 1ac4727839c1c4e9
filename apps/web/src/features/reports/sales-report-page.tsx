import { AGING_BUCKETS, sumAmounts } from "@crm/contracts";
import { Table, type TableColumnsType, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { formatMoney } from "../customers/customer-format";
import { chartNumber, ReportChart } from "./report-chart";
import { DrillLink, ReportFrame, ReportSection } from "./report-frame";
import type { ReportData } from "./reports-api";

type Group = ReportData<"sales">["rows"][number];

/** 销售分析: revenue by month, salesperson, product and region; orders by status; receivables aging. */
export function SalesReportPage() {
  const { t } = useTranslation();
  const tx = (key: string) => t(key as never) as string;
  return (
    <ReportFrame name="sales" isEmpty={(d) => d.rows.length === 0 && d.ordersByStatus.length === 0}>
      {({ data, drill }) => {
        const groupColumns = (
          keyTitle: string,
          dimension: string,
          drillValue: (g: Group & { ownerId?: string; productId?: string }) => string,
        ): TableColumnsType<Group & { ownerId?: string; productId?: string }> => [
          { key: "key", title: keyTitle, render: (_, g) => g.key ?? t("reports.none") },
          {
            key: "revenue",
            title: t("reports.columns.revenue"),
            align: "right",
            render: (_, g) => (
              <DrillLink
                label={t("reports.openRecords", { figure: `${g.key ?? ""} ${t("reports.columns.revenue")}` })}
                onClick={() => drill(dimension, drillValue(g), `${keyTitle}: ${g.key ?? t("reports.none")}`)}
              >
                {formatMoney(g.revenue)}
              </DrillLink>
            ),
          },
          { key: "sales", title: t("reports.columns.sales"), align: "right", width: 90, dataIndex: "sales" },
        ];
        const total = sumAmounts(data.rows.map((r) => r.revenue));
        const table = (
          rows: (Group & { ownerId?: string; productId?: string })[],
          keyTitle: string,
          dimension: string,
          drillValue: (g: Group & { ownerId?: string; productId?: string }) => string,
        ) => (
          <Table
            rowKey={(g) => `${g.key}`}
            size="small"
            pagination={rows.length > 12 ? { pageSize: 12, size: "small" } : false}
            dataSource={rows}
            columns={groupColumns(keyTitle, dimension, drillValue)}
            locale={{ emptyText: t("reports.noRows") }}
          />
        );
        return (
          <>
            <ReportSection
              title={t("reports.sales.byMonth")}
              extra={
                <Typography.Text strong>
                  {t("reports.sales.total", { total: formatMoney(total) })}
                </Typography.Text>
              }
            >
              <ReportChart
                label={t("reports.sales.byMonth")}
                option={{
                  tooltip: { trigger: "axis" },
                  grid: { left: 80, right: 24, top: 24, bottom: 32 },
                  xAxis: { type: "category", data: data.rows.map((r) => r.key) },
                  yAxis: { type: "value" },
                  series: [
                    {
                      name: t("reports.columns.revenue"),
                      type: "bar",
                      data: data.rows.map((r) => chartNumber(r.revenue)),
                      itemStyle: { color: "#1677ff" },
                    },
                  ],
                }}
                onSelect={({ name }) => drill("month", name, `${t("reports.columns.month")}: ${name}`)}
              />
              {table(data.rows, t("reports.columns.month"), "month", (g) => g.key ?? "")}
            </ReportSection>
            <div className="report-grid">
              <ReportSection title={t("reports.sales.bySalesperson")}>
                <ReportChart
                  label={t("reports.sales.bySalesperson")}
                  height={240}
                  option={{
                    tooltip: { trigger: "axis" },
                    grid: { left: 80, right: 24, top: 16, bottom: 24 },
                    xAxis: { type: "value" },
                    yAxis: {
                      type: "category",
                      inverse: true,
                      data: data.bySalesperson.map((s) => s.key ?? "—"),
                    },
                    series: [{ type: "bar", data: data.bySalesperson.map((s) => chartNumber(s.revenue)) }],
                  }}
                  onSelect={({ dataIndex }) => {
                    const s = data.bySalesperson[dataIndex];
                    if (s)
                      drill("salesperson", s.ownerId, `${t("reports.columns.salesperson")}: ${s.key ?? ""}`);
                  }}
                />
                {table(
                  data.bySalesperson,
                  t("reports.columns.salesperson"),
                  "salesperson",
                  (g) => g.ownerId ?? "",
                )}
              </ReportSection>
              <ReportSection title={t("reports.sales.byRegion")}>
                <ReportChart
                  label={t("reports.sales.byRegion")}
                  height={240}
                  option={{
                    tooltip: { trigger: "item" },
                    series: [
                      {
                        type: "pie",
                        radius: ["35%", "65%"],
                        data: data.byRegion.map((r) => ({
                          name: r.key ?? t("reports.none"),
                          value: chartNumber(r.revenue),
                        })),
                      },
                    ],
                  }}
                  onSelect={({ dataIndex }) => {
                    const r = data.byRegion[dataIndex];
                    if (r)
                      drill(
                        "region",
                        r.key ?? "",
                        `${t("reports.columns.region")}: ${r.key ?? t("reports.none")}`,
                      );
                  }}
                />
                {table(data.byRegion, t("reports.columns.region"), "region", (g) => g.key ?? "")}
              </ReportSection>
              <ReportSection title={t("reports.sales.byProduct")}>
                <ReportChart
                  label={t("reports.sales.byProduct")}
                  height={240}
                  option={{
                    tooltip: { trigger: "axis" },
                    grid: { left: 110, right: 24, top: 16, bottom: 24 },
                    xAxis: { type: "value" },
                    yAxis: { type: "category", inverse: true, data: data.byProduct.map((p) => p.key ?? "—") },
                    series: [
                      {
                        type: "bar",
                        data: data.byProduct.map((p) => chartNumber(p.revenue)),
                        itemStyle: { color: "#13a8a8" },
                      },
                    ],
                  }}
                  onSelect={({ dataIndex }) => {
                    const p = data.byProduct[dataIndex];
                    if (p) drill("product", p.productId, `${t("reports.columns.product")}: ${p.key ?? ""}`);
                  }}
                />
                {table(data.byProduct, t("reports.columns.product"), "product", (g) => g.productId ?? "")}
              </ReportSection>
              <ReportSection title={t("reports.sales.ordersAndAging")}>
                <Table
                  rowKey="key"
                  size="small"
                  pagination={false}
                  dataSource={data.ordersByStatus}
                  locale={{ emptyText: t("reports.sales.noOrders") }}
                  columns={[
                    {
                      key: "status",
                      title: t("reports.columns.status"),
                      render: (_, o) => tx(`sales.statuses.${o.key}`),
                    },
                    {
                      key: "orders",
                      title: t("reports.columns.orders"),
                      align: "right",
                      render: (_, o) => (
                        <DrillLink
                          label={t("reports.openRecords", { figure: tx(`sales.statuses.${o.key}`) })}
                          onClick={() =>
                            drill(
                              "orderStatus",
                              o.key,
                              `${t("reports.columns.status")}: ${tx(`sales.statuses.${o.key}`)}`,
                            )
                          }
                        >
                          {o.orders}
                        </DrillLink>
                      ),
                    },
                    {
                      key: "total",
                      title: t("reports.columns.total"),
                      align: "right",
                      render: (_, o) => formatMoney(o.total),
                    },
                  ]}
                />
                <Typography.Title level={5} style={{ marginTop: 16 }}>
                  {t("reports.sales.aging")}
                </Typography.Title>
                <Table
                  rowKey="bucket"
                  size="small"
                  pagination={false}
                  dataSource={AGING_BUCKETS.map((bucket) => ({
                    bucket,
                    amount: data.receivablesAging[bucket] ?? "0.00",
                  }))}
                  columns={[
                    {
                      key: "bucket",
                      title: t("reports.sales.agingBucket"),
                      render: (_, a) => tx(`finance.aging.${a.bucket}`),
                    },
                    {
                      key: "amount",
                      title: t("reports.columns.amount"),
                      align: "right",
                      render: (_, a) => (
                        <DrillLink
                          label={t("reports.openRecords", { figure: tx(`finance.aging.${a.bucket}`) })}
                          onClick={() =>
                            drill(
                              "aging",
                              a.bucket,
                              `${t("reports.sales.aging")}: ${tx(`finance.aging.${a.bucket}`)}`,
                            )
                          }
                        >
                          {formatMoney(a.amount)}
                        </DrillLink>
                      ),
                    },
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
