import { PlusOutlined } from "@ant-design/icons";
import { PURCHASE_STATUSES, type PurchaseOrder } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Flex, Input, Popconfirm, Select, Table, type TableColumnsType, Tag } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { CsvButton, LoadMore } from "./list-parts";
import { cancelPurchaseOrder } from "./products-api";
import { formatMoney, formatQuantity } from "./products-format";
import { PurchaseCreateModal, PurchaseReceiveModal } from "./purchase-modals";
import { useInvalidateProducts, usePurchaseOrders } from "./use-products-queries";

const STATUS_COLORS = {
  ordered: "blue",
  partially_received: "gold",
  received: "green",
  cancelled: "default",
} as const;

/** 采购订单: goods ordered from suppliers, received line by line into stock. */
export function PurchasesTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const invalidate = useInvalidateProducts();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300) || undefined;
  const [status, setStatus] = useState<string | undefined>();
  const list = usePurchaseOrders({ q, status });
  const [creating, setCreating] = useState(false);
  const [receiving, setReceiving] = useState<PurchaseOrder | null>(null);
  const p = (k: string) => t(`products.purchases.${k}` as "products.purchases.supplier");

  const cancel = useMutation({
    mutationFn: (po: PurchaseOrder) => cancelPurchaseOrder(po.id, po.version),
    onSuccess: (po) => {
      void message.success(t("products.purchases.cancelled", { number: po.number }));
      void invalidate();
    },
    onError: (error) => {
      void message.error(errorMessage(error));
      void invalidate();
    },
  });

  const columns: TableColumnsType<PurchaseOrder> = [
    { key: "number", title: p("number"), width: 130, render: (_, o) => o.number },
    {
      key: "supplier",
      title: p("supplier"),
      render: (_, o) => `${o.supplier}${o.supplierContact ? `（${o.supplierContact}）` : ""}`,
    },
    { key: "orderDate", title: p("orderDate"), width: 110, render: (_, o) => o.orderDate },
    { key: "expectedDate", title: p("expectedDate"), width: 110, render: (_, o) => o.expectedDate ?? "" },
    {
      key: "total",
      title: p("total"),
      width: 130,
      align: "right",
      render: (_, o) => `¥${formatMoney(o.total)}`,
    },
    {
      key: "status",
      title: p("status"),
      width: 100,
      render: (_, o) => (
        <Tag color={STATUS_COLORS[o.status]}>{t(`products.purchases.statuses.${o.status}`)}</Tag>
      ),
    },
    { key: "createdBy", title: p("createdBy"), width: 90, render: (_, o) => o.createdByName ?? "" },
    {
      key: "actions",
      title: t("products.common.actions"),
      width: 170,
      render: (_, o) =>
        can("inventory:adjust") && (
          <Flex gap={4}>
            {(o.status === "ordered" || o.status === "partially_received") && (
              <Button size="small" type="link" onClick={() => setReceiving(o)}>
                {p("receive")}
              </Button>
            )}
            {o.status === "ordered" && (
              <Popconfirm
                title={p("cancelConfirm")}
                okButtonProps={{ danger: true }}
                onConfirm={() => cancel.mutate(o)}
              >
                <Button size="small" type="link" danger>
                  {p("cancel")}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          aria-label={p("search")}
          placeholder={p("search")}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 240 }}
        />
        <Select
          aria-label={p("status")}
          value={status ?? ""}
          onChange={(v: string) => setStatus(v || undefined)}
          options={[
            { value: "", label: p("allStatuses") },
            ...PURCHASE_STATUSES.map((s) => ({ value: s, label: t(`products.purchases.statuses.${s}`) })),
          ]}
          style={{ width: 130 }}
        />
        <Flex gap={8} style={{ marginLeft: "auto" }}>
          <CsvButton
            fileName={p("fileName")}
            header={[
              p("number"),
              p("supplier"),
              p("orderDate"),
              p("product"),
              p("unitPrice"),
              p("quantity"),
              p("amount"),
              p("received"),
              p("status"),
            ]}
            rows={() =>
              list.items.flatMap((o) =>
                o.lines.map((l) => [
                  o.number,
                  o.supplier,
                  o.orderDate,
                  `${l.productCode} ${l.productName}`,
                  l.unitPrice,
                  formatQuantity(l.quantity),
                  l.amount,
                  formatQuantity(l.receivedQuantity),
                  t(`products.purchases.statuses.${o.status}`),
                ]),
              )
            }
          />
          {can("inventory:adjust") && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {p("new")}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<PurchaseOrder>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: p("empty") }}
        expandable={{
          expandedRowRender: (o) => (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={o.lines}
              columns={[
                {
                  key: "product",
                  title: p("product"),
                  render: (_, l) => `${l.productCode} ${l.productName}`,
                },
                {
                  key: "unitPrice",
                  title: p("unitPrice"),
                  align: "right",
                  render: (_, l) => `¥${formatMoney(l.unitPrice)}`,
                },
                {
                  key: "quantity",
                  title: p("quantity"),
                  align: "right",
                  render: (_, l) => formatQuantity(l.quantity),
                },
                {
                  key: "amount",
                  title: p("amount"),
                  align: "right",
                  render: (_, l) => `¥${formatMoney(l.amount)}`,
                },
                {
                  key: "received",
                  title: p("received"),
                  align: "right",
                  render: (_, l) => formatQuantity(l.receivedQuantity),
                },
              ]}
            />
          ),
        }}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {creating && <PurchaseCreateModal onClose={() => setCreating(false)} />}
      {receiving && <PurchaseReceiveModal order={receiving} onClose={() => setReceiving(null)} />}
    </Flex>
  );
}
