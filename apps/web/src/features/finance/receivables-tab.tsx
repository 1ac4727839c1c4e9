import { FileTextOutlined } from "@ant-design/icons";
import { RECEIVABLE_STATUSES, type Receivable, sumAmounts } from "@crm/contracts";
import { Alert, Checkbox, Flex, Select, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { usePermissions } from "../../shared/api";
import { CustomerSelect } from "../relationship/activity-pickers";
import type { ReceivableStatus } from "./finance-api";
import { formatMoney } from "./finance-format";
import { LoadMore, Money, StatusTag } from "./finance-parts";
import { useReceivables } from "./use-finance-queries";

/** 应收款: by due date; filter by customer, status, overdue only. Overdue rows are red with their days. */
export function ReceivablesTab() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [status, setStatus] = useState<ReceivableStatus | "">("open");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const list = useReceivables({
    customerId: customerId ?? undefined,
    status: status || undefined,
    overdue: overdueOnly ? "true" : undefined,
  });

  const columns: TableColumnsType<Receivable> = [
    {
      key: "customer",
      title: t("finance.receivables.customer"),
      width: 240,
      render: (_, r) => <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>,
    },
    {
      key: "order",
      title: t("finance.receivables.orderNumber"),
      width: 170,
      render: (_, r) => (
        <span>
          {r.orderNumber}{" "}
          <Typography.Text type="secondary">
            {t("finance.receivables.instalmentNo", { no: r.instalmentNo })}
          </Typography.Text>
        </span>
      ),
    },
    {
      key: "amount",
      title: t("finance.receivables.amount"),
      align: "right",
      width: 130,
      render: (_, r) => <Money value={r.amount} />,
    },
    {
      key: "paid",
      title: t("finance.receivables.paid"),
      align: "right",
      width: 130,
      render: (_, r) => <Money value={r.paid} />,
    },
    {
      key: "balance",
      title: t("finance.receivables.balance"),
      align: "right",
      width: 130,
      render: (_, r) => <Money value={r.balance} strong danger={r.overdueDays > 0} />,
    },
    {
      key: "dueDate",
      title: t("finance.receivables.dueDate"),
      width: 190,
      render: (_, r) => (
        <Flex gap={6} align="center" wrap>
          <span>{r.dueDate}</span>
          {r.overdueDays > 0 && (
            <Tag color="error">{t("finance.receivables.overdueTag", { days: r.overdueDays })}</Tag>
          )}
        </Flex>
      ),
    },
    {
      key: "status",
      title: t("finance.receivables.status"),
      width: 90,
      render: (_, r) => <StatusTag status={r.status} />,
    },
    {
      key: "owner",
      title: t("finance.receivables.owner"),
      width: 100,
      render: (_, r) => r.ownerName ?? t("finance.common.none"),
    },
    {
      key: "bill",
      title: t("finance.common.actions"),
      width: 110,
      render: (_, r) => (
        <Link to={`/finance/bills/customer/${r.customerId}`}>
          <FileTextOutlined aria-hidden /> {t("finance.receivables.bill")}
        </Link>
      ),
    },
  ];

  const openTotal = sumAmounts(list.items.filter((r) => r.status === "open").map((r) => r.balance));

  return (
    <Flex vertical gap={12}>
      {!can("finance:read") && <Alert type="info" showIcon title={t("finance.common.readOnly")} />}
      <Flex gap={12} wrap align="center">
        <div style={{ width: 280 }}>
          <CustomerSelect
            aria-label={t("finance.receivables.customer")}
            value={customerId}
            onChange={(v) => setCustomerId(v ?? null)}
          />
        </div>
        <Select<ReceivableStatus | "">
          aria-label={t("finance.receivables.status")}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: "", label: t("finance.common.all") },
            ...RECEIVABLE_STATUSES.map((s) => ({ value: s, label: t(`finance.statuses.${s}`) })),
          ]}
        />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          {t("finance.receivables.overdueOnly")}
        </Checkbox>
        <Typography.Text type="secondary" style={{ marginLeft: "auto" }}>
          {t("finance.receivables.openTotal")}：¥{formatMoney(openTotal)}
        </Typography.Text>
      </Flex>
      <Table<Receivable>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 1280 }}
        locale={{ emptyText: t("finance.receivables.empty") }}
        rowClassName={(r) => (r.overdueDays > 0 && r.status === "open" ? "finance-row--overdue" : "")}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </Flex>
  );
}
