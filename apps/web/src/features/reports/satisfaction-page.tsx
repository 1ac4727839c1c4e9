import { Card, Statistic, Table, type TableColumnsType } from "antd";
import { useTranslation } from "react-i18next";
import { useDictionaries } from "../customers/use-customer-queries";
import { formatMinutes } from "../feedback/feedback-format";
import { chartNumber, ReportChart } from "./report-chart";
import { DrillLink, ReportFrame, ReportSection } from "./report-frame";
import type { ReportData } from "./reports-api";

type Timing = ReportData<"satisfaction">["rows"][number];

/** 服务满意度: feedback by type, product and handler; response and resolution times; the rating's trend. */
export function SatisfactionPage() {
  const { t } = useTranslation();
  const dictionaries = useDictionaries();
  return (
    <ReportFrame name="satisfaction" isEmpty={(d) => d.rows.length === 0}>
      {({ data, drill }) => {
        const columns = (
          keyTitle: string,
          dimension: string,
          show: (key: string | null) => string,
        ): TableColumnsType<Timing> => [
          { key: "key", title: keyTitle, render: (_, r) => show(r.key) },
          {
            key: "feedback",
            title: t("reports.satisfaction.feedback"),
            align: "right",
            width: 80,
            render: (_, r) => (
              <DrillLink
                label={t("reports.openRecords", { figure: show(r.key) })}
                onClick={() => drill(dimension, r.key ?? "", `${keyTitle}: ${show(r.key)}`)}
              >
                {r.feedback}
              </DrillLink>
            ),
          },
          {
            key: "response",
            title: t("reports.satisfaction.response"),
            render: (_, r) => formatMinutes(t, r.avgResponseMinutes),
          },
          {
            key: "resolution",
            title: t("reports.satisfaction.resolution"),
            render: (_, r) => formatMinutes(t, r.avgResolutionMinutes),
          },
          {
            key: "rating",
            title: t("reports.satisfaction.rating"),
            align: "right",
            width: 90,
            render: (_, r) => r.avgRating ?? "—",
          },
        ];
        const none = (key: string | null) => key ?? t("reports.none");
        const table = (
          rows: Timing[],
          keyTitle: string,
          dimension: string,
          show: (key: string | null) => string,
        ) => (
          <Table
            rowKey={(r) => `${r.key}`}
            size="small"
            pagination={false}
            dataSource={rows}
            columns={columns(keyTitle, dimension, show)}
            scroll={{ x: 560 }}
          />
        );
        return (
          <>
            <div className="report-kpis">
              <Card variant="borderless">
                <Statistic
                  title={t("reports.satisfaction.average")}
                  value={data.overall.avgRating ?? "—"}
                  suffix="/ 5"
                />
              </Card>
              <Card variant="borderless">
                <Statistic title={t("reports.satisfaction.ratings")} value={data.overall.ratings} />
              </Card>
              <Card variant="borderless">
                <Statistic
                  title={t("reports.satisfaction.total")}
                  value={data.rows.reduce((n, r) => n + r.feedback, 0)}
                />
              </Card>
            </div>
            <ReportSection title={t("reports.satisfaction.trend")}>
              {data.trend.length ? (
                <ReportChart
                  label={t("reports.satisfaction.trend")}
                  height={260}
                  option={{
                    tooltip: { trigger: "axis" },
                    legend: { top: 0 },
                    grid: { left: 48, right: 48, top: 32, bottom: 32 },
                    xAxis: { type: "category", data: data.trend.map((m) => m.month) },
                    yAxis: [
                      { type: "value", min: 0, max: 5, name: t("reports.satisfaction.rating") },
                      { type: "value", minInterval: 1, name: t("reports.satisfaction.visits") },
                    ],
                    series: [
                      {
                        name: t("reports.satisfaction.visits"),
                        type: "bar",
                        yAxisIndex: 1,
                        data: data.trend.map((m) => m.visits),
                        itemStyle: { color: "#d6e4ff" },
                      },
                      {
                        name: t("reports.satisfaction.rating"),
                        type: "line",
                        data: data.trend.map((m) => chartNumber(m.avgRating)),
                        itemStyle: { color: "#fa541c" },
                      },
                    ],
                  }}
                  onSelect={({ name }) =>
                    drill("month", name, t("reports.satisfaction.ratedIn", { month: name }))
                  }
                />
              ) : (
                t("reports.satisfaction.noRatings")
              )}
            </ReportSection>
            <ReportSection title={t("reports.satisfaction.byType")}>
              {table(data.rows, t("reports.satisfaction.type"), "type", (k) =>
                k ? dictionaries.label("feedback_type", k) : t("reports.none"),
              )}
            </ReportSection>
            <ReportSection title={t("reports.satisfaction.byProduct")}>
              {table(data.byProduct, t("reports.columns.product"), "product", none)}
            </ReportSection>
            <ReportSection title={t("reports.satisfaction.byHandler")}>
              {table(data.byHandler, t("reports.satisfaction.handler"), "handler", none)}
            </ReportSection>
          </>
        );
      }}
    </ReportFrame>
  );
}
