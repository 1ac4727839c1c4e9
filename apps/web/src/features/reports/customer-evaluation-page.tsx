import { Alert, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useDictionaries } from "../customers/use-customer-queries";
import { ReportChart } from "./report-chart";
import { DrillLink, ReportFrame, ReportSection } from "./report-frame";

const BANDS = ["over_100m", "10m_100m", "1m_10m", "under_1m", "unknown"] as const;

/** 客户综合评价 (output design 2): region, credit rating, revenue band; the value score; potential customers. */
export function CustomerEvaluationPage() {
  const { t, i18n } = useTranslation();
  const dictionaries = useDictionaries();
  const band = (key: string) => t(`reports.evaluation.bands.${key}` as "reports.evaluation.bands.unknown");
  const rating = (key: string) =>
    key === "unknown" ? t("reports.unknown") : dictionaries.label("credit_rating", key);
  return (
    <ReportFrame name="customer-evaluation" isEmpty={(d) => d.rows.length === 0}>
      {({ data, drill }) => {
        const ratingOrder = dictionaries.options("credit_rating").map((o) => o.value);
        const rank = (key: string) =>
          ratingOrder.includes(key) ? ratingOrder.indexOf(key) : ratingOrder.length;
        const ratings = [...data.byCreditRating].sort((a, b) => rank(a.key) - rank(b.key));
        const bands = [...data.byRevenueBand].sort(
          (a, b) =>
            BANDS.indexOf(a.key as (typeof BANDS)[number]) - BANDS.indexOf(b.key as (typeof BANDS)[number]),
        );
        return (
          <>
            <Alert
              type="info"
              showIcon
              title={t("reports.evaluation.formulaTitle")}
              description={
                <>
                  <div className="report-formula">
                    {i18n.language === "en" ? t("reports.evaluation.formula") : data.formula}
                  </div>
                  <Typography.Text type="secondary">{t("reports.evaluation.formulaParts")}</Typography.Text>
                </>
              }
            />
            <div className="report-grid">
              <ReportSection title={t("reports.evaluation.byRegion")}>
                <ReportChart
                  label={t("reports.evaluation.byRegion")}
                  height={260}
                  option={{
                    tooltip: { trigger: "item" },
                    series: [
                      {
                        type: "pie",
                        radius: ["30%", "65%"],
                        data: data.byRegion.map((r) => ({
                          name: r.key === "unknown" ? t("reports.unknown") : r.key,
                          value: r.customers,
                        })),
                      },
                    ],
                  }}
                  onSelect={({ dataIndex }) => {
                    const r = data.byRegion[dataIndex];
                    if (r) drill("region", r.key, `${t("reports.columns.region")}: ${r.key}`);
                  }}
                />
              </ReportSection>
              <ReportSection title={t("reports.evaluation.byCreditRating")}>
                <ReportChart
                  label={t("reports.evaluation.byCreditRating")}
                  height={260}
                  option={{
                    tooltip: { trigger: "axis" },
                    grid: { left: 48, right: 24, top: 16, bottom: 32 },
                    xAxis: { type: "category", data: ratings.map((r) => rating(r.key)) },
                    yAxis: { type: "value", minInterval: 1 },
                    series: [
                      {
                        type: "bar",
                        data: ratings.map((r) => r.customers),
                        itemStyle: { color: "#722ed1" },
                      },
                    ],
                  }}
                  onSelect={({ dataIndex }) => {
                    const r = ratings[dataIndex];
                    if (r)
                      drill("creditRating", r.key, `${t("reports.columns.creditRating")}: ${rating(r.key)}`);
                  }}
                />
              </ReportSection>
              <ReportSection title={t("reports.evaluation.byRevenueBand")}>
                <ReportChart
                  label={t("reports.evaluation.byRevenueBand")}
                  height={260}
                  option={{
                    tooltip: { trigger: "axis" },
                    grid: { left: 48, right: 24, top: 16, bottom: 32 },
                    xAxis: { type: "category", data: bands.map((r) => band(r.key)) },
                    yAxis: { type: "value", minInterval: 1 },
                    series: [
                      { type: "bar", data: bands.map((r) => r.customers), itemStyle: { color: "#fa8c16" } },
                    ],
                  }}
                  onSelect={({ dataIndex }) => {
                    const r = bands[dataIndex];
                    if (r) drill("revenueBand", r.key, `${t("reports.columns.revenueBand")}: ${band(r.key)}`);
                  }}
                />
              </ReportSection>
            </div>
            <ReportSection title={t("reports.evaluation.scores")}>
              <Table
                rowKey="customerId"
                size="small"
                dataSource={data.rows}
                pagination={{ pageSize: 15, hideOnSinglePage: true, size: "small" }}
                columns={[
                  {
                    key: "customer",
                    title: t("reports.columns.customer"),
                    render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
                  },
                  { key: "province", title: t("reports.columns.region"), dataIndex: "province", width: 90 },
                  {
                    key: "rating",
                    title: t("reports.columns.creditRating"),
                    width: 90,
                    render: (_, r) => (r.creditRating ? rating(r.creditRating) : "—"),
                  },
                  {
                    key: "band",
                    title: t("reports.columns.revenueBand"),
                    width: 120,
                    render: (_, r) => band(r.revenueBand),
                  },
                  {
                    key: "score",
                    title: t("reports.columns.score"),
                    align: "right",
                    width: 80,
                    sorter: (a, b) => a.score - b.score,
                    render: (_, r) => (
                      <Tag color={r.score >= 60 ? "green" : r.score >= 30 ? "blue" : "default"}>
                        {r.score}
                      </Tag>
                    ),
                  },
                ]}
              />
            </ReportSection>
            <ReportSection title={t("reports.evaluation.potential")}>
              <Typography.Paragraph type="secondary">
                {t("reports.evaluation.potentialHint")}
              </Typography.Paragraph>
              <Table
                rowKey="customerId"
                size="small"
                dataSource={data.potential}
                pagination={{ pageSize: 15, hideOnSinglePage: true, size: "small" }}
                locale={{ emptyText: t("reports.evaluation.noPotential") }}
                columns={[
                  {
                    key: "customer",
                    title: t("reports.columns.customer"),
                    render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
                  },
                  {
                    key: "last",
                    title: t("reports.evaluation.lastContact"),
                    width: 120,
                    render: (_, r) => (r.lastContactAt ? dayjs(r.lastContactAt).format("YYYY-MM-DD") : "—"),
                  },
                  { key: "owner", title: t("reports.columns.owner"), dataIndex: "owner", width: 90 },
                  {
                    key: "tracking",
                    title: t("reports.evaluation.tracking"),
                    width: 100,
                    render: (_, r) => (
                      <DrillLink
                        label={t("reports.evaluation.trackingOf", { customer: r.customerName })}
                        onClick={() =>
                          drill(
                            "tracking",
                            r.customerId,
                            t("reports.evaluation.trackingOf", { customer: r.customerName }),
                          )
                        }
                      >
                        {t("reports.evaluation.tracking")}
                      </DrillLink>
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
