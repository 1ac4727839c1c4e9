import { PlusOutlined } from "@ant-design/icons";
import type { Transaction } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Button, DatePicker, Flex, Popconfirm, Table, type TableColumnsType } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage, usePermissions } from "../../shared/api";
import { CsvButton, LoadMore } from "../products/list-parts";
import { ProductSelect } from "../products/product-select";
import { formatMoney, formatQuantity } from "../products/products-format";
import { CustomerSelect } from "../relationship/activity-pickers";
import { deleteTransaction, type TransactionFilters } from "./sales-api";
import { TransactionDrawer } from "./transaction-drawer";
import { useInvalidateSales, useTransactions } from "./use-sales-queries";

/** The columns of a transaction list (here and on an order's page). */
export function useTransactionColumns(options: { withCustomer: boolean }): TableColumnsType<Transaction> {
  const { t } = useTranslation();
  const x = (k: string) => t(`sales.transactions.${k}` as "sales.transactions.date");
  return [
    { key: "date", title: x("date"), width: 110, render: (_, r) => r.date },
    ...(options.withCustomer
      ? [
          {
            key: "customer",
            title: x("customer"),
            render: (_: unknown, r: Transaction) => (
              <Link to={`/customers/${r.customerId}`}>{r.customerName}</Link>
            ),
          },
        ]
      : []),
    { key: "product", title: x("product"), render: (_, r) => `${r.productCode} ${r.productName}` },
    {
      key: "orderNumber",
      title: x("orderNumber"),
      width: 130,
      render: (_, r) =>
        r.orderId ? <Link to={`/sales/orders/${r.orderId}`}>{r.orderNumber}</Link> : (r.orderNumber ?? ""),
    },
    {
      key: "unitPrice",
      title: x("unitPrice"),
      width: 110,
      align: "right",
      render: (_, r) => `¥${formatMoney(r.unitPrice)}`,
    },
    {
      key: "quantity",
      title: x("quantity"),
      width: 80,
      align: "right",
      render: (_, r) => formatQuantity(r.quantity),
    },
    {
      key: "amount",
      title: x("amount"),
      width: 130,
      align: "right",
      render: (_, r) => `¥${formatMoney(r.amount)}`,
    },
    { key: "owner", title: x("owner"), width: 90, render: (_, r) => r.ownerName ?? "" },
  ];
}

/** 交易记录: filter by customer, product and date; add (input screen 3), edit and delete. */
export function TransactionsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const invalidate = useInvalidateSales();
  const [filters, setFilters] = useState<TransactionFilters>({});
  const list = useTransactions(filters);
  const [editing, setEditing] = useState<Transaction | "new" | null>(null);
  const x = (k: string) => t(`sales.transactions.${k}` as "sales.transactions.date");

  const remove = useMutation({
    mutationFn: (r: Transaction) => deleteTransaction(r.id, r.version),
    onSuccess: () => {
      void message.success(t("sales.transactions.deleted"));
      void invalidate();
    },
    onError: (error) => {
      void message.error(errorMessage(error));
      void invalidate();
    },
  });

  const columns: TableColumnsType<Transaction> = [
    ...useTransactionColumns({ withCustomer: true }),
    {
      key: "actions",
      title: t("products.common.actions"),
      width: 120,
      render: (_, r) => (
        <Flex gap={4}>
          {can("order:update") && (
            <Button size="small" type="link" onClick={() => setEditing(r)}>
              {t("products.common.edit")}
            </Button>
          )}
          {can("order:delete") && !r.orderId && (
            <Popconfirm
              title={t("sales.transactions.deleteConfirm")}
              okButtonProps={{ danger: true }}
              onConfirm={() => remove.mutate(r)}
            >
              <Button size="small" type="link" danger>
                {t("products.common.delete")}
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
        <div style={{ width: 240 }}>
          <CustomerSelect
            aria-label={x("customer")}
            value={filters.customerId}
            onChange={(customerId) => setFilters({ ...filters, customerId: customerId ?? undefined })}
          />
        </div>
        <div style={{ width: 240 }}>
          <ProductSelect
            aria-label={x("product")}
            allowClear
            value={filters.productId ?? null}
            onChange={(productId) => setFilters({ ...filters, productId: productId ?? undefined })}
          />
        </div>
        <DatePicker.RangePicker
          aria-label={x("date")}
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
            fileName={x("fileName")}
            header={[
              x("date"),
              x("customer"),
              x("product"),
              x("orderNumber"),
              x("unitPrice"),
              x("quantity"),
              x("amount"),
              x("owner"),
            ]}
            rows={() =>
              list.items.map((r) => [
                r.date,
                r.customerName,
                `${r.productCode} ${r.productName}`,
                r.orderNumber,
                r.unitPrice,
                formatQuantity(r.quantity),
                r.amount,
                r.ownerName,
              ])
            }
          />
          {can("order:create") && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing("new")}>
              {x("new")}
            </Button>
          )}
        </Flex>
      </Flex>
      <Table<Transaction>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: x("empty") }}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {editing && (
        <TransactionDrawer
          transaction={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </Flex>
  );
}
