import { Button, Table } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ReportChart } from "./report-chart";
import { DrillLink, ReportFrame, ReportSection } from "./report-frame";

/** 拜访与服务 (output design 3): visits per salesperson and customer; complaints and technical records. */
export function VisitsPage() {
  const { t } = useTranslation();
  const tx = (key: string) => t(key as never) as string;
  const when = (at: string) => dayjs(at).format("YYYY-MM-DD HH:mm");
  return (
    <ReportFrame name="visits" isEmpty={(d) => d.rows.length === 0 && d.complaints.length === 0}>
      {({ data, drill }) => (
        <>
          <ReportSection title={t("reports.visits.bySalesperson")}>
            <ReportChart
              label={t("reports.visits.bySalesperson")}
              height={260}
              option={{
                tooltip: { trigger: "axis" },
                legend: { top: 0 },
                grid: { left: 48, right: 24, top: 32, bottom: 32 },
                xAxis: { type: "category", data: data.rows.map((r) => r.salesperson ?? "—") },
                yAxis: { type: "value", minInterval: 1 },
                series: [
                  {
                    name: t("reports.visits.inPerson"),
                    type: "bar",
                    stack: "v",
                    data: data.rows.map((r) => r.inPerson),
                    itemStyle: { color: "#1677ff" },
                  },
                  {
                    name: t("reports.visits.remote"),
                    type: "bar",
                    stack: "v",
                    data: data.rows.map((r) => r.visits - r.inPerson),
                    itemStyle: { color: "#91caff" },
                  },
                ],
              }}
              onSelect={({ dataIndex }) => {
                const r = data.rows[dataIndex];
                if (r)
                  drill(
                    "salesperson",
                    r.ownerId,
                    `${t("reports.columns.salesperson")}: ${r.salesperson ?? ""}`,
                  );
              }}
            />
            <Table
              rowKey="ownerId"
              size="small"
              pagination={false}
              dataSource={data.rows}
              columns={[
                { key: "who", title: t("reports.columns.salesperson"), dataIndex: "salesperson" },
                {
                  key: "visits",
                  title: t("reports.visits.count"),
                  align: "right",
                  render: (_, r) => (
                    <DrillLink
                      label={t("reports.openRecords", { figure: r.salesperson ?? "" })}
                      onClick={() =>
                        drill(
                          "salesperson",
                          r.ownerId,
                          `${t("reports.columns.salesperson")}: ${r.salesperson ?? ""}`,
                        )
                      }
                    >
                      {r.visits}
                    </DrillLink>
                  ),
                },
                {
                  key: "inPerson",
                  title: t("reports.visits.inPerson"),
                  align: "right",
                  dataIndex: "inPerson",
                },
                {
                  key: "customers",
                  title: t("reports.visits.customers"),
                  align: "right",
                  dataIndex: "customers",
                },
                { key: "last", title: t("reports.visits.lastAt"), render: (_, r) => when(r.lastAt) },
              ]}
            />
          </ReportSection>
          <ReportSection title={t("reports.visits.byCustomer")}>
            <Table
              rowKey="customerId"
              size="small"
              dataSource={data.byCustomer}
              pagination={{ pageSize: 15, hideOnSinglePage: true, size: "small" }}
              columns={[
                {
                  key: "customer",
                  title: t("reports.columns.customer"),
                  render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
                },
                {
                  key: "visits",
                  title: t("reports.visits.count"),
                  align: "right",
                  width: 80,
                  render: (_, r) => (
                    <DrillLink
                      label={t("reports.openRecords", { figure: r.customerName })}
                      onClick={() =>
                        drill("customer", r.customerId, `${t("reports.columns.customer")}: ${r.customerName}`)
                      }
                    >
                      {r.visits}
                    </DrillLink>
                  ),
                },
                {
                  key: "last",
                  title: t("reports.visits.lastAt"),
                  width: 140,
                  render: (_, r) => when(r.lastAt),
                },
                { key: "result", title: t("reports.visits.lastResult"), dataIndex: "lastResult" },
              ]}
            />
          </ReportSection>
          <ReportSection
            title={t("reports.visits.complaints")}
            extra={
              <Button size="small" onClick={() => drill("complaintType", "", t("reports.visits.complaints"))}>
                {t("reports.visits.allComplaints", { count: data.complaints.length })}
              </Button>
            }
          >
            <Table
              rowKey="id"
              size="small"
              dataSource={data.complaints}
              pagination={{ pageSize: 10, hideOnSinglePage: true, size: "small" }}
              locale={{ emptyText: t("reports.visits.noComplaints") }}
              columns={[
                {
                  key: "number",
                  title: t("reports.records.number"),
                  width: 110,
                  render: (_, c) => <Link to={`/feedback/${c.id}`}>{c.number}</Link>,
                },
                { key: "subject", title: t("reports.records.subject"), dataIndex: "subject" },
                { key: "customer", title: t("reports.columns.customer"), dataIndex: "customerName" },
                { key: "date", title: t("reports.records.date"), dataIndex: "occurredOn", width: 100 },
                {
                  key: "status",
                  title: t("reports.columns.status"),
                  width: 80,
                  render: (_, c) => tx(`feedback.statuses.${c.status}`),
                },
                {
                  key: "notes",
                  title: t("reports.visits.technical"),
                  render: (_, c) => c.technicalNotes ?? c.resolution ?? "—",
                },
              ]}
            />
          </ReportSection>
        </>
      )}
    </ReportFrame>
  );
}
