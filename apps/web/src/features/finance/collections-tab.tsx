import { Alert, Button, DatePicker, Flex, Table, type TableColumnsType, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CollectionDrawer } from "./collection-drawer";
import type { CollectionRowT } from "./finance-api";
import { AGING_KEYS, byMoney, formatMoney, isZero } from "./finance-format";
import { Money } from "./finance-parts";
import { useCollections } from "./use-finance-queries";

const nullsLast = (a: string | null, b: string | null) => (a ?? "9999").localeCompare(b ?? "9999");

/**
 * 欠款催收: the customers who have not paid in full, with open and overdue amounts and the five aging
 * buckets as of a day (today by default); a row opens the customer's receivables and actions.
 */
export function CollectionsTab() {
  const { t } = useTranslation();
  const [on, setOn] = useState<string | undefined>(undefined);
  const board = useCollections(on);
  const [selected, setSelected] = useState<CollectionRowT | null>(null);
  const items = board.data?.items ?? [];
  const totals = board.data?.totals;

  const columns: TableColumnsType<CollectionRowT> = [
    {
      key: "customer",
      title: t("finance.collections.customer"),
      fixed: "left",
      width: 200,
      sorter: (a, b) => a.customerName.localeCompare(b.customerName, "zh-CN"),
      render: (_, r) => (
        <Flex vertical>
          <Typography.Link>{r.customerName}</Typography.Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.customerCode}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: "open",
      title: t("finance.collections.open"),
      align: "right",
      width: 130,
      sorter: (a, b) => byMoney(a.open, b.open),
      render: (_, r) => <Money value={r.open} strong />,
    },
    {
      key: "overdue",
      title: t("finance.collections.overdue"),
      align: "right",
      width: 130,
      defaultSortOrder: "descend",
      sorter: (a, b) => byMoney(a.overdue, b.overdue),
      render: (_, r) => <Money value={r.overdue} strong danger={!isZero(r.overdue)} />,
    },
    ...AGING_KEYS.map((k) => ({
      key: k,
      title: t(`finance.aging.${k}`),
      align: "right" as const,
      width: 120,
      sorter: (a: CollectionRowT, b: CollectionRowT) => byMoney(a.aging[k], b.aging[k]),
      render: (_: unknown, r: CollectionRowT) =>
        isZero(r.aging[k]) ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Money value={r.aging[k]} danger={k !== "notDue"} />
        ),
    })),
    {
      key: "oldest",
      title: t("finance.collections.oldestDue"),
      width: 120,
      sorter: (a, b) => nullsLast(a.oldestDueDate, b.oldestDueDate),
      render: (_, r) => r.oldestDueDate ?? "—",
    },
    {
      key: "owner",
      title: t("finance.collections.owner"),
      width: 100,
      sorter: (a, b) => (a.ownerName ?? "").localeCompare(b.ownerName ?? "", "zh-CN"),
      render: (_, r) => r.ownerName ?? "—",
    },
    {
      key: "last",
      title: t("finance.collections.lastAction"),
      width: 140,
      sorter: (a, b) => nullsLast(a.lastActionAt, b.lastActionAt),
      render: (_, r) => (r.lastActionAt ? dayjs(r.lastActionAt).format("YYYY-MM-DD HH:mm") : "—"),
    },
    {
      key: "next",
      title: t("finance.collections.nextAction"),
      width: 120,
      sorter: (a, b) => nullsLast(a.nextActionDate, b.nextActionDate),
      render: (_, r) => {
        const due = r.nextActionDate && r.nextActionDate <= (board.data?.on ?? "");
        return r.nextActionDate ? (
          <Typography.Text type={due ? "warning" : undefined} strong={!!due}>
            {r.nextActionDate}
          </Typography.Text>
        ) : (
          "—"
        );
      },
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <span>{t("finance.collections.on")}</span>
        <DatePicker
          aria-label={t("finance.collections.on")}
          value={on ? dayjs(on) : board.data ? dayjs(board.data.on) : null}
          onChange={(d) => setOn(d ? d.format("YYYY-MM-DD") : undefined)}
        />
        {on && (
          <Button type="link" onClick={() => setOn(undefined)}>
            {t("finance.collections.today")}
          </Button>
        )}
        {totals && (
          <Typography.Text type="secondary" style={{ marginLeft: "auto" }}>
            {t("finance.collections.summary", {
              count: totals.customers,
              open: formatMoney(totals.open),
              overdue: formatMoney(totals.overdue),
            })}
          </Typography.Text>
        )}
      </Flex>
      {totals && totals.customers > items.length && (
        <Alert type="info" showIcon title={t("finance.collections.truncated", { shown: items.length })} />
      )}
      <Table<CollectionRowT>
        rowKey="customerId"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={board.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1620 }}
        locale={{ emptyText: t("finance.collections.empty") }}
        rowClassName={(r) => (isZero(r.overdue) ? "finance-row" : "finance-row finance-row--overdue")}
        onRow={(r) => ({ onClick: () => setSelected(r) })}
      />
      <CollectionDrawer
        customerId={selected?.customerId ?? null}
        customerName={selected?.customerName ?? ""}
        onClose={() => setSelected(null)}
      />
    </Flex>
  );
}
