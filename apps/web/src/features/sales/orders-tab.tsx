import { PlusOutlined } from "@ant-design/icons";
import { ORDER_STATUSES, type OrderStatus } from "@crm/contracts";
import { Button, DatePicker, Flex, Input, Select, Table, type TableColumnsType, Tag } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { usePermissions } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { CsvButton, LoadMore } from "../products/list-parts";
import { formatMoney } from "../products/products-format";
import { OrderFormDrawer } from "./order-form-drawer";
import type { OrderFilters, OrderRow } from "./sales-api";
import { useOrders } from "./use-sales-queries";

export const ORDER_STATUS_COLORS: Record<OrderStatus, string> = {
  draft: "default",
  signed: "blue",
  partially_delivered: "gold",
  delivered: "cyan",
  completed: "green",
  cancelled: "red",
};

/** 合同订单: search by contract number or customer, filter by status and signing date. */
export function OrdersTab() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [filters, setFilters] = useState<OrderFilters>({});
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 300) || undefined;
  const list = useOrders({ ...filters, q });
  const [creating, setCreating] = useState(false);
  const o = (k: string) => t(`sales.orders.${k}` as "sales.orders.customer");

  const columns: TableColumnsType<OrderRow> = [
    {
      key: "number",
      title: o("number"),
      width: 130,
      render: (_, r) => (
        <Link to={`/sales/orders/${r.id}`} onClick={(e) => e.stopPropagation()}>
          {r.number}
        </Link>
      ),
    },
    {
      key: "customer",
      title: o("customer"),
      render: (_, r) => (
        <Link to={`/customers/${r.customerId}`} onClick={(e) => e.stopPropagation()}>
          {r.customerName}
        </Link>
      ),
    },
    {
      key: "status",
      title: o("status"),
      width: 100,
      render: (_, r) => <Tag color={ORDER_STATUS_COLORS[r.status]}>{t(`sales.statuses.${r.status}`)}</Tag>,
    },
    {
      key: "total",
      title: o("total"),
      width: 140,
      align: "right",
      render: (_, r) => `¥${formatMoney(r.total)}`,
    },
    { key: "signingDate", title: o("signingDate"), width: 110, render: (_, r) => r.signingDate ?? "" },
    { key: "deliveryDate", title: o("deliveryDate"), width: 110, render: (_, r) => r.deliveryDate ?? "" },
    { key: "owner", title: o("owner"), width: 90, render: (_, r) => r.ownerName ?? "" },
    {
      key: "createdAt",
      title: o("createdAt"),
      width: 140,
      render: (_, r) => dayjs(r.createdAt).format("YYYY-MM-DD HH:mm"),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          aria-label={o("search")}
          placeholder={o("search")}
          allowClear
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          style={{ width: 260 }}
        />
        <Select
          aria-label={o("status")}
          value={filters.status ?? ""}
          onChange={(status: string) => setFilters({ ...filters, status: status || undefined })}
          options={[
            { value: "", label: o("allStatuses") },
            ...ORDER_STATUSES.map((s) => ({ value: s, label: t(`sales.statuses.${s}`) })),
          ]}
          style={{ width: 130 }}
        />
        <DatePicker.RangePicker
          aria-label={o("signedRange")}
          placeholder={[o("signingDate"), o("signingDate")]}
          allowEmpty={[true, true]}
          onChange={(range) =>
            setFilters({
              ...filters,
              from: range?.[0]?.format("YYYY-MM-DD"),
              to: range?.[1]?.format("YYYY-MM-DD"),
            })
          }
        />
        <Flex gap={8} style={{ marginLeft: "auto" }}>
          <CsvButton
            fileName={o("fileName")}
            header={[
              o("number"),
              o("customer"),
              o("status"),
              o("total"),
              o("signingDate"),
              o("deliveryDate"),
              o("owner"),
            ]}
            rows={() =>
              list.items.map((r) => [
                r.number,
                r.customerName,
                t(`sales.statuses.${r.status}`),
                r.total,
                r.signingDate,
                r.deliveryDate,
                r.ownerName,
              ])
            }
          />
          {can("order:create") && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
              {o("new")}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<OrderRow>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 960 }}
        locale={{ emptyText: o("empty") }}
        onRow={(r) => ({
          onClick: () => void navigate(`/sales/orders/${r.id}`),
          style: { cursor: "pointer" },
        })}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {creating && (
        <OrderFormDrawer
          order={null}
          onClose={() => setCreating(false)}
          onSaved={(order) => void navigate(`/sales/orders/${order.id}`)}
        />
      )}
    </Flex>
  );
}
