import { ArrowLeftOutlined, CarOutlined, CheckOutlined, EditOutlined, StopOutlined } from "@ant-design/icons";
import { dec, type Order, type OrderStatus, str, sub } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Popconfirm,
  Result,
  Skeleton,
  Steps,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage, usePermissions } from "../../shared/api";
import { formatMoney, formatQuantity } from "../products/products-format";
import { DeliveryModal } from "./delivery-modal";
import { OrderFormDrawer } from "./order-form-drawer";
import { ORDER_STATUS_COLORS } from "./orders-tab";
import { deleteOrder, restoreOrder, transitionOrder } from "./sales-api";
import { useTransactionColumns } from "./transactions-tab";
import { useInvalidateSales, useOrder, useTransactions } from "./use-sales-queries";
import "../products/products.css";

/** The step in hand: a signed order waits for delivery, a delivered one for completion. */
const STEP_OF: Record<OrderStatus, number> = {
  draft: 0,
  signed: 2,
  partially_delivered: 2,
  delivered: 3,
  completed: 3,
  cancelled: 0,
};

/** /sales/orders/:id — one contract order: its steps, lines, deliveries and transactions. */
export function OrderDetailPage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const order = useOrder(id);
  const transactions = useTransactions({ orderId: id }, !!id);
  const txColumns = useTransactionColumns({ withCustomer: false });
  const invalidate = useInvalidateSales();
  const [editing, setEditing] = useState(false);
  const [delivering, setDelivering] = useState(false);

  const act = useMutation({
    mutationFn: ({
      o,
      action,
    }: {
      o: Order;
      action: "sign" | "complete" | "cancel" | "delete" | "restore";
    }) =>
      action === "delete"
        ? deleteOrder(o.id, o.version)
        : action === "restore"
          ? restoreOrder(o.id, o.version)
          : transitionOrder(o.id, o.version, action),
    onSuccess: (o, { action }) => {
      const key = {
        sign: "signed",
        complete: "completed",
        cancel: "cancelled",
        delete: "deleted",
        restore: "restored",
      } as const;
      void message.success(t(`sales.detail.${key[action]}`, { number: o.number }));
      void invalidate();
    },
    onError: (error) => {
      void message.error(errorMessage(error));
      void invalidate();
    },
  });

  if (order.isPending)
    return (
      <Card variant="borderless">
        <Skeleton active />
      </Card>
    );
  if (order.isError)
    return (
      <Card variant="borderless">
        <Result
          status="404"
          title={t("sales.detail.notFound")}
          extra={<Button onClick={() => void navigate("/sales/orders")}>{t("sales.detail.back")}</Button>}
        />
      </Card>
    );

  const o = order.data;
  const status = o.status;
  const editable = can("order:update") && !o.deleted;
  const step = STEP_OF[status];
  const o_ = (k: string) => t(`sales.orders.${k}` as "sales.orders.customer");
  const l = (k: string) => t(`sales.lines.${k}` as "sales.lines.product");

  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex align="center" gap={12} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined aria-hidden />}
              onClick={() => void navigate("/sales/orders")}
              aria-label={t("sales.detail.back")}
            />
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t("sales.detail.title", { number: o.number })}
            </Typography.Title>
            <Tag color={ORDER_STATUS_COLORS[status]} data-testid="order-status">
              {t(`sales.statuses.${status}`)}
            </Tag>
          </Flex>
          <Flex gap={8} wrap>
            {editable && status === "draft" && (
              <Button icon={<EditOutlined aria-hidden />} onClick={() => setEditing(true)}>
                {t("sales.detail.edit")}
              </Button>
            )}
            {editable && status === "draft" && (
              <Popconfirm
                title={t("sales.detail.signConfirm")}
                onConfirm={() => act.mutate({ o, action: "sign" })}
              >
                <Button type="primary" icon={<CheckOutlined aria-hidden />} loading={act.isPending}>
                  {t("sales.detail.sign")}
                </Button>
              </Popconfirm>
            )}
            {editable && (status === "signed" || status === "partially_delivered") && (
              <Button type="primary" icon={<CarOutlined aria-hidden />} onClick={() => setDelivering(true)}>
                {t("sales.detail.deliver")}
              </Button>
            )}
            {editable && status === "delivered" && (
              <Popconfirm
                title={t("sales.detail.completeConfirm")}
                onConfirm={() => act.mutate({ o, action: "complete" })}
              >
                <Button type="primary" icon={<CheckOutlined aria-hidden />}>
                  {t("sales.detail.complete")}
                </Button>
              </Popconfirm>
            )}
            {editable && (status === "draft" || status === "signed") && (
              <Popconfirm
                title={t("sales.detail.cancelConfirm")}
                okButtonProps={{ danger: true }}
                onConfirm={() => act.mutate({ o, action: "cancel" })}
              >
                <Button danger icon={<StopOutlined aria-hidden />}>
                  {t("sales.detail.cancel")}
                </Button>
              </Popconfirm>
            )}
            {can("order:delete") && !o.deleted && (status === "draft" || status === "cancelled") && (
              <Popconfirm
                title={t("sales.detail.deleteConfirm")}
                okButtonProps={{ danger: true }}
                onConfirm={() => act.mutate({ o, action: "delete" })}
              >
                <Button danger>{t("sales.detail.delete")}</Button>
              </Popconfirm>
            )}
            {can("order:delete") && o.deleted && (
              <Button onClick={() => act.mutate({ o, action: "restore" })}>
                {t("sales.detail.restore")}
              </Button>
            )}
          </Flex>
        </Flex>
        {o.deleted && (
          <Alert type="warning" showIcon title={t("sales.detail.deletedBanner")} style={{ marginTop: 12 }} />
        )}
        {status === "cancelled" && (
          <Alert type="error" showIcon title={t("sales.detail.cancelledBanner")} style={{ marginTop: 12 }} />
        )}
        <Steps
          className="order-steps"
          style={{ marginTop: 20 }}
          current={step}
          status={
            status === "cancelled"
              ? "error"
              : status === "completed"
                ? "finish"
                : status === "partially_delivered"
                  ? "process"
                  : undefined
          }
          items={(["draft", "signed", "delivered", "completed"] as const).map((s) => ({
            title:
              s === "delivered" && status === "partially_delivered"
                ? t("sales.statuses.partially_delivered")
                : t(`sales.detail.steps.${s}`),
          }))}
        />
        <Descriptions
          style={{ marginTop: 20 }}
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            {
              key: "customer",
              label: o_("customer"),
              children: (
                <Link to={`/customers/${o.customerId}`}>{`${o.customerName}（${o.customerCode}）`}</Link>
              ),
            },
            { key: "owner", label: o_("owner"), children: o.ownerName ?? "" },
            {
              key: "total",
              label: o_("total"),
              children: <Typography.Text strong>¥{formatMoney(o.total)}</Typography.Text>,
            },
            {
              key: "signingDate",
              label: o_("signingDate"),
              children: o.signingDate ?? t("products.common.none"),
            },
            {
              key: "deliveryDate",
              label: o_("deliveryDate"),
              children: o.deliveryDate ?? t("products.common.none"),
            },
            {
              key: "paymentTerms",
              label: o_("paymentTerms"),
              children: o.paymentTerms ?? t("products.common.none"),
            },
            { key: "notes", label: o_("notes"), children: o.notes ?? t("products.common.none") },
          ]}
        />
      </Card>
      <Card variant="borderless" title={l("title")}>
        <Table
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={o.lines}
          scroll={{ x: 800 }}
          columns={[
            { key: "no", title: "#", width: 50, render: (_, x) => x.lineNo },
            { key: "product", title: l("product"), render: (_, x) => `${x.productCode} ${x.productName}` },
            {
              key: "unitPrice",
              title: l("unitPrice"),
              width: 110,
              align: "right",
              render: (_, x) => `¥${formatMoney(x.unitPrice)}`,
            },
            {
              key: "quantity",
              title: l("quantity"),
              width: 90,
              align: "right",
              render: (_, x) => `${formatQuantity(x.quantity)} ${x.unit}`,
            },
            {
              key: "discount",
              title: l("discount"),
              width: 80,
              align: "right",
              render: (_, x) => formatQuantity(x.discount),
            },
            {
              key: "amount",
              title: l("amount"),
              width: 130,
              align: "right",
              render: (_, x) => `¥${formatMoney(x.amount)}`,
            },
            {
              key: "delivered",
              title: l("delivered"),
              width: 90,
              align: "right",
              render: (_, x) => formatQuantity(x.deliveredQuantity),
            },
            {
              key: "remaining",
              title: l("remaining"),
              width: 90,
              align: "right",
              render: (_, x) => formatQuantity(str(sub(dec(x.quantity), dec(x.deliveredQuantity)))),
            },
          ]}
          summary={() => (
            <Table.Summary.Row>
              <Table.Summary.Cell index={0} colSpan={5} align="right">
                <Typography.Text strong>{l("total")}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={1} align="right">
                <Typography.Text strong>¥{formatMoney(o.total)}</Typography.Text>
              </Table.Summary.Cell>
              <Table.Summary.Cell index={2} colSpan={2} />
            </Table.Summary.Row>
          )}
        />
      </Card>
      <Card variant="borderless" title={t("sales.detail.transactions")}>
        <Table
          rowKey="id"
          size="middle"
          pagination={false}
          dataSource={transactions.items}
          loading={transactions.isFetching}
          columns={txColumns}
          scroll={{ x: 800 }}
          locale={{ emptyText: t("sales.detail.noTransactions") }}
        />
      </Card>
      {editing && <OrderFormDrawer order={o} onClose={() => setEditing(false)} />}
      {delivering && <DeliveryModal order={o} onClose={() => setDelivering(false)} />}
    </Flex>
  );
}
