import { sumAmounts } from "@crm/contracts";
import { Alert, Flex, Table, type TableColumnsType, Tooltip, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import type { Margin } from "./finance-api";
import { byMoney, lessThan } from "./finance-format";
import { Money } from "./finance-parts";
import { useMargins } from "./use-finance-queries";

/** 毛利分析: revenue of signed orders against the products' standard cost, per product. */
export function MarginsTab() {
  const { t } = useTranslation();
  const margins = useMargins();
  const items = margins.data?.items ?? [];
  const columns: TableColumnsType<Margin> = [
    { key: "code", title: t("finance.margins.productCode"), dataIndex: "productCode", width: 110 },
    { key: "name", title: t("finance.margins.productName"), dataIndex: "productName" },
    {
      key: "quantity",
      title: t("finance.margins.quantity"),
      align: "right",
      width: 110,
      render: (_, m) => m.quantity.replace(/\.?0+$/, "") || "0",
    },
    {
      key: "revenue",
      title: t("finance.margins.revenue"),
      align: "right",
      width: 140,
      sorter: (a, b) => byMoney(a.revenue, b.revenue),
      render: (_, m) => <Money value={m.revenue} />,
    },
    {
      key: "cost",
      title: t("finance.margins.cost"),
      align: "right",
      width: 140,
      render: (_, m) =>
        m.costKnown ? (
          <Money value={m.cost} />
        ) : (
          <Tooltip title={t("finance.margins.costUnknown")}>
            <Typography.Text type="warning">
              <Money value={m.cost} /> *
            </Typography.Text>
          </Tooltip>
        ),
    },
    {
      key: "margin",
      title: t("finance.margins.margin"),
      align: "right",
      width: 140,
      defaultSortOrder: "descend",
      sorter: (a, b) => byMoney(a.margin, b.margin),
      render: (_, m) => <Money value={m.margin} strong danger={lessThan(m.margin, "0")} />,
    },
    {
      key: "percent",
      title: t("finance.margins.marginPercent"),
      align: "right",
      width: 110,
      sorter: (a, b) => byMoney(a.marginPercent ?? "0", b.marginPercent ?? "0"),
      render: (_, m) => (m.marginPercent === null ? "—" : `${m.marginPercent}%`),
    },
  ];
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">{t("finance.margins.note")}</Typography.Text>
      {margins.isError && <Alert type="error" showIcon title={errorMessage(margins.error)} />}
      <Table<Margin>
        rowKey="productId"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={margins.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("finance.margins.empty") }}
        summary={() =>
          items.length > 0 && (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={3}>
                <Typography.Text strong>{t("finance.common.total")}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={3} align="right">
                <Money value={sumAmounts(items.map((m) => m.revenue))} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={4} align="right">
                <Money value={sumAmounts(items.map((m) => m.cost))} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={5} align="right">
                <Money value={sumAmounts(items.map((m) => m.margin))} strong />
              </Table.Summary.Cell>
              <Table.Summary.Cell index={6} />
            </Table.Summary.Row>
          )
        }
      />
    </Flex>
  );
}
