import { Table } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatMoney } from "../customers/customer-format";
import { ReportChart } from "./report-chart";
import { DrillLink, ReportFrame, ReportSection } from "./report-frame";

/** 首次交易 (output design 1): each customer's first sale; new customers per month. */
export function FirstTransactionsPage() {
  const { t } = useTranslation();
  return (
    <ReportFrame name="first-transactions" isEmpty={(d) => d.rows.length === 0}>
      {({ data, drill }) => (
        <>
          <ReportSection title={t("reports.first.newPerMonth")}>
            <ReportChart
              label={t("reports.first.newPerMonth")}
              height={260}
              option={{
                tooltip: { trigger: "axis" },
                grid: { left: 48, right: 24, top: 24, bottom: 32 },
                xAxis: { type: "category", data: data.newCustomersByMonth.map((m) => m.month) },
                yAxis: { type: "value", minInterval: 1 },
                series: [
                  {
                    name: t("reports.first.newCustomers"),
                    type: "bar",
                    data: data.newCustomersByMonth.map((m) => m.count),
                    itemStyle: { color: "#52c41a" },
                  },
                ],
              }}
              onSelect={({ name }) => drill("month", name, t("reports.first.drillMonth", { month: name }))}
            />
          </ReportSection>
          <ReportSection title={t("reports.first.table")}>
            <Table
              rowKey="customerId"
              size="small"
              dataSource={data.rows}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 760 }}
              columns={[
                {
                  key: "code",
                  title: t("reports.columns.customerCode"),
                  dataIndex: "customerCode",
                  width: 110,
                },
                {
                  key: "customer",
                  title: t("reports.columns.customer"),
                  render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
                },
                {
                  key: "date",
                  title: t("reports.first.date"),
                  dataIndex: "date",
                  width: 110,
                  sorter: (a, b) => a.date.localeCompare(b.date),
                },
                { key: "product", title: t("reports.columns.product"), dataIndex: "productName" },
                {
                  key: "amount",
                  title: t("reports.columns.amount"),
                  align: "right",
                  width: 140,
                  render: (_, r) => (
                    <DrillLink
                      label={t("reports.first.drillCustomer", { customer: r.customerName })}
                      onClick={() =>
                        drill(
                          "customer",
                          r.customerId,
                          t("reports.first.drillCustomer", { customer: r.customerName }),
                        )
                      }
                    >
                      {formatMoney(r.amount)}
                    </DrillLink>
                  ),
                },
                {
                  key: "salesperson",
                  title: t("reports.columns.salesperson"),
                  dataIndex: "salesperson",
                  width: 100,
                },
              ]}
            />
          </ReportSection>
        </>
      )}
    </ReportFrame>
  );
}
