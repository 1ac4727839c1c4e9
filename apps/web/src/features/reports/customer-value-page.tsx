import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Popconfirm, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage, usePermissions } from "../../shared/api";
import { formatMoney } from "../customers/customer-format";
import { useDictionaries } from "../customers/use-customer-queries";
import { ReportChart } from "./report-chart";
import { DrillLink, ReportFrame, ReportSection } from "./report-frame";
import { applySuggestedClasses, type ReportFilters } from "./reports-api";

const SEGMENTS = ["champion", "new", "regular", "at_risk_valuable", "dormant"] as const;
const ABC_COLORS = { A: "#cf1322", B: "#fa8c16", C: "#8c8c8c" } as const;

/** 应用建议类别: for administrators, every suggestion of the view at once (one confirmation). */
function ApplyClassesButton({ filters, changes }: { filters: ReportFilters; changes: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const apply = useMutation({
    mutationFn: () => applySuggestedClasses({ filters }),
    onSuccess: (r) => {
      void message.success(t("reports.value.applied", { count: r.updated }));
      void client.invalidateQueries({ queryKey: ["reports"] });
      void client.invalidateQueries({ queryKey: ["customers"] });
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <Popconfirm
      title={t("reports.value.applyConfirm", { count: changes })}
      description={t("reports.value.applyHint")}
      onConfirm={() => apply.mutate()}
      okText={t("reports.value.apply")}
      cancelText={t("reports.cancel")}
      disabled={changes === 0}
    >
      <Button type="primary" loading={apply.isPending} disabled={changes === 0}>
        {t("reports.value.applyButton", { count: changes })}
      </Button>
    </Popconfirm>
  );
}

/** 客户价值: RFM segments and ABC (Pareto) classes, with the customer classes they suggest. */
export function CustomerValuePage() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const dictionaries = useDictionaries();
  const admin = can("customer:update") && can("dictionary:manage");
  const segment = (s: string) => t(`reports.value.segments.${s}` as "reports.value.segments.new");
  return (
    <ReportFrame name="customer-value" isEmpty={(d) => d.rows.length === 0}>
      {({ data, drill, filters }) => {
        const counts = SEGMENTS.map((s) => ({ key: s, n: data.rows.filter((r) => r.segment === s).length }));
        const changes = data.rows.filter((r) => r.currentClass !== r.suggestedClass).length;
        return (
          <>
            <div className="report-grid">
              <ReportSection title={t("reports.value.abc")}>
                <ReportChart
                  label={t("reports.value.abc")}
                  height={240}
                  option={{
                    tooltip: { trigger: "item" },
                    legend: { bottom: 0 },
                    series: [
                      {
                        type: "pie",
                        radius: ["35%", "65%"],
                        data: (["A", "B", "C"] as const).map((k) => ({
                          name: k,
                          value: data.abc[k],
                          itemStyle: { color: ABC_COLORS[k] },
                        })),
                      },
                    ],
                  }}
                  onSelect={({ name }) => drill("abc", name, t("reports.value.abcOf", { abc: name }))}
                />
                <Typography.Text type="secondary">{t("reports.value.abcHint")}</Typography.Text>
              </ReportSection>
              <ReportSection title={t("reports.value.segmentsTitle")}>
                <ReportChart
                  label={t("reports.value.segmentsTitle")}
                  height={240}
                  option={{
                    tooltip: { trigger: "axis" },
                    grid: { left: 48, right: 24, top: 16, bottom: 32 },
                    xAxis: { type: "category", data: counts.map((c) => segment(c.key)) },
                    yAxis: { type: "value", minInterval: 1 },
                    series: [{ type: "bar", data: counts.map((c) => c.n), itemStyle: { color: "#2f54eb" } }],
                  }}
                  onSelect={({ dataIndex }) => {
                    const c = counts[dataIndex];
                    if (c) drill("segment", c.key, segment(c.key));
                  }}
                />
                <Typography.Text type="secondary">{t("reports.value.rfmHint")}</Typography.Text>
              </ReportSection>
            </div>
            <ReportSection
              title={t("reports.value.table")}
              extra={admin ? <ApplyClassesButton filters={filters} changes={changes} /> : undefined}
            >
              <Table
                rowKey="customerId"
                size="small"
                dataSource={data.rows}
                pagination={{ pageSize: 20, hideOnSinglePage: true }}
                scroll={{ x: 1000 }}
                columns={[
                  {
                    key: "customer",
                    title: t("reports.columns.customer"),
                    render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
                  },
                  {
                    key: "monetary",
                    title: t("reports.value.monetary"),
                    align: "right",
                    render: (_, r) => (
                      <DrillLink
                        label={t("reports.openRecords", { figure: r.customerName })}
                        onClick={() =>
                          drill(
                            "customer",
                            r.customerId,
                            `${t("reports.columns.customer")}: ${r.customerName}`,
                          )
                        }
                      >
                        {formatMoney(r.monetary)}
                      </DrillLink>
                    ),
                  },
                  {
                    key: "frequency",
                    title: t("reports.value.frequency"),
                    align: "right",
                    dataIndex: "frequency",
                    width: 80,
                  },
                  {
                    key: "recency",
                    title: t("reports.value.recency"),
                    align: "right",
                    dataIndex: "recencyDays",
                    width: 90,
                  },
                  { key: "rfm", title: "RFM", dataIndex: "rfm", width: 70 },
                  {
                    key: "segment",
                    title: t("reports.value.segment"),
                    width: 110,
                    render: (_, r) => segment(r.segment),
                  },
                  {
                    key: "share",
                    title: t("reports.value.share"),
                    align: "right",
                    width: 90,
                    render: (_, r) => `${r.revenueShare}%`,
                  },
                  {
                    key: "abc",
                    title: "ABC",
                    width: 60,
                    render: (_, r) => <Tag color={ABC_COLORS[r.abc]}>{r.abc}</Tag>,
                  },
                  {
                    key: "class",
                    title: t("reports.value.currentClass"),
                    width: 130,
                    render: (_, r) => dictionaries.label("customer_class", r.currentClass),
                  },
                  {
                    key: "suggested",
                    title: t("reports.value.suggestedClass"),
                    width: 130,
                    render: (_, r) =>
                      r.suggestedClass === r.currentClass ? (
                        <Typography.Text type="secondary">{t("reports.value.same")}</Typography.Text>
                      ) : (
                        <Tag color="gold">{dictionaries.label("customer_class", r.suggestedClass)}</Tag>
                      ),
                  },
                ]}
              />
            </ReportSection>
          </>
        );
      }}
    </ReportFrame>
  );
}
