import { MOVEMENT_KINDS, type StockMovement } from "@crm/contracts";
import { DatePicker, Drawer, Flex, Select, Table, type TableColumnsType, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { CsvButton, LoadMore } from "./list-parts";
import type { MovementFilters } from "./products-api";
import { formatQuantity } from "./products-format";
import { useMovements } from "./use-products-queries";

const KIND_COLORS: Record<string, string> = {
  production_receipt: "green",
  purchase_receipt: "cyan",
  sale_issue: "orange",
  return: "blue",
  adjustment: "purple",
};

/** 出入库记录: the stock ledger of one product (or all), newest first, with the balance after each. */
export function MovementHistoryDrawer({
  product,
  onClose,
}: {
  product: { id: string; code: string; name: string } | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<MovementFilters>({});
  const list = useMovements({ ...filters, productId: product?.id });
  const columns: TableColumnsType<StockMovement> = [
    {
      key: "at",
      title: t("products.movement.createdAt"),
      width: 140,
      render: (_, m) => dayjs(m.createdAt).format("YYYY-MM-DD HH:mm"),
    },
    ...(product
      ? []
      : [
          {
            key: "product",
            title: t("products.movement.product"),
            render: (_: unknown, m: StockMovement) => `${m.productCode} ${m.productName}`,
          },
        ]),
    {
      key: "kind",
      title: t("products.movement.kind"),
      width: 100,
      render: (_, m) => <Tag color={KIND_COLORS[m.kind]}>{t(`products.kinds.${m.kind}`)}</Tag>,
    },
    {
      key: "quantity",
      title: t("products.movement.quantity"),
      width: 90,
      align: "right",
      render: (_, m) => (
        <Typography.Text type={m.quantity.startsWith("-") ? "danger" : "success"}>
          {m.quantity.startsWith("-") ? "" : "+"}
          {formatQuantity(m.quantity)}
        </Typography.Text>
      ),
    },
    {
      key: "balance",
      title: t("products.movement.balanceAfter"),
      width: 80,
      align: "right",
      render: (_, m) => formatQuantity(m.balanceAfter),
    },
    {
      key: "reference",
      title: t("products.movement.reference"),
      width: 120,
      render: (_, m) => m.reference ?? "",
    },
    {
      key: "productionDate",
      title: t("products.movement.productionDate"),
      width: 110,
      render: (_, m) => m.productionDate ?? "",
    },
    { key: "reason", title: t("products.movement.reason"), render: (_, m) => m.reason ?? "" },
    {
      key: "by",
      title: t("products.movement.createdBy"),
      width: 90,
      render: (_, m) => m.createdByName ?? "",
    },
  ];
  return (
    <Drawer
      open
      size={960}
      title={
        product
          ? t("products.inventory.historyTitle", { code: product.code, name: product.name })
          : t("products.inventory.allHistory")
      }
      onClose={onClose}
      destroyOnHidden
    >
      <Flex vertical gap={12}>
        <Flex gap={12} wrap align="center">
          <Select
            aria-label={t("products.movement.kind")}
            value={filters.kind ?? ""}
            onChange={(kind: string) => setFilters({ ...filters, kind: kind || undefined })}
            options={[
              { value: "", label: t("products.common.all") },
              ...MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`products.kinds.${k}`) })),
            ]}
            style={{ width: 140 }}
          />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            onChange={(range) =>
              setFilters({
                ...filters,
                from: range?.[0]?.format("YYYY-MM-DD"),
                to: range?.[1]?.format("YYYY-MM-DD"),
              })
            }
          />
          <span style={{ marginLeft: "auto" }}>
            <CsvButton
              fileName={`${t("products.inventory.history")}${product ? `-${product.code}` : ""}`}
              header={[
                t("products.movement.createdAt"),
                t("products.movement.product"),
                t("products.movement.kind"),
                t("products.movement.quantity"),
                t("products.movement.balanceAfter"),
                t("products.movement.reference"),
                t("products.movement.productionDate"),
                t("products.movement.reason"),
                t("products.movement.createdBy"),
              ]}
              rows={() =>
                list.items.map((m) => [
                  dayjs(m.createdAt).format("YYYY-MM-DD HH:mm"),
                  `${m.productCode} ${m.productName}`,
                  t(`products.kinds.${m.kind}`),
                  formatQuantity(m.quantity),
                  formatQuantity(m.balanceAfter),
                  m.reference,
                  m.productionDate,
                  m.reason,
                  m.createdByName,
                ])
              }
            />
          </span>
        </Flex>
        <Table<StockMovement>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={list.items}
          loading={list.isFetching && !list.isFetchingNextPage}
          pagination={false}
          scroll={{ x: 800 }}
          locale={{ emptyText: t("products.inventory.historyEmpty") }}
        />
        <LoadMore
          count={list.items.length}
          hasNextPage={list.hasNextPage}
          loading={list.isFetchingNextPage}
          onLoad={() => void list.fetchNextPage()}
        />
      </Flex>
    </Drawer>
  );
}
