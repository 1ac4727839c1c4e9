import { PlusOutlined, RollbackOutlined } from "@ant-design/icons";
import type { Payment } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { CustomerSelect } from "../relationship/activity-pickers";
import { financeApi } from "./finance-api";
import { formatMoney, lessThan } from "./finance-format";
import { LoadMore, Money } from "./finance-parts";
import { PaymentFormDrawer } from "./payment-form-drawer";
import { useInvalidateFinance, usePayments } from "./use-finance-queries";

/** 冲销: asks for a reason and confirms; the server adds a negative entry, the original stays. */
function ReverseModal({ payment, onClose }: { payment: Payment | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const invalidate = useInvalidateFinance();
  const reverse = useMutation({
    mutationFn: (reason: string) => financeApi.reversePayment(payment?.id ?? "", reason),
    onSuccess: () => {
      void message.success(t("finance.payments.reversedDone"));
      void invalidate();
      onClose();
    },
  });
  return (
    <Modal
      open={!!payment}
      title={t("finance.payments.reverseTitle")}
      okText={t("finance.payments.reverseOk")}
      okButtonProps={{ danger: true }}
      cancelText={t("finance.common.cancel")}
      confirmLoading={reverse.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        reverse.reset();
      }}
      destroyOnHidden
    >
      {payment && (
        <Flex vertical gap={12}>
          <Typography.Paragraph style={{ margin: 0 }}>
            {payment.customerName} · {payment.receivedOn} · ¥{formatMoney(payment.amount)}
          </Typography.Paragraph>
          <Alert
            type="warning"
            showIcon
            title={t("finance.payments.reverseBody", { amount: formatMoney(payment.amount) })}
          />
          {reverse.error && <Alert type="error" showIcon title={errorMessage(reverse.error)} />}
          <Form form={form} layout="vertical" onFinish={(v) => reverse.mutate(v.reason.trim())}>
            <Form.Item
              name="reason"
              label={t("finance.payments.reason")}
              rules={[{ required: true, whitespace: true, message: t("finance.payments.reasonRequired") }]}
            >
              <Input.TextArea rows={3} maxLength={200} showCount />
            </Form.Item>
          </Form>
        </Flex>
      )}
    </Modal>
  );
}

/** 收款记录: newest first; reversals are negative entries beside what they reverse. */
export function PaymentsTab() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const list = usePayments(customerId ?? undefined);
  const [creating, setCreating] = useState(false);
  const [reversing, setReversing] = useState<Payment | null>(null);

  const columns: TableColumnsType<Payment> = [
    { key: "receivedOn", title: t("finance.payments.receivedOn"), dataIndex: "receivedOn", width: 110 },
    { key: "customer", title: t("finance.payments.customer"), dataIndex: "customerName" },
    {
      key: "amount",
      title: t("finance.payments.amount"),
      align: "right",
      width: 140,
      render: (_, p) => <Money value={p.amount} strong danger={lessThan(p.amount, "0")} />,
    },
    {
      key: "method",
      title: t("finance.payments.method"),
      width: 110,
      render: (_, p) => t(`finance.methods.${p.method}`),
    },
    {
      key: "reference",
      title: t("finance.payments.reference"),
      width: 140,
      render: (_, p) => p.reference ?? t("finance.common.none"),
    },
    {
      key: "notes",
      title: t("finance.payments.notes"),
      ellipsis: true,
      render: (_, p) => p.notes ?? "",
    },
    {
      key: "state",
      title: "",
      width: 90,
      render: (_, p) =>
        p.reversesId ? (
          <Tag color="warning">{t("finance.payments.reversal")}</Tag>
        ) : p.reversedById ? (
          <Tag>{t("finance.payments.reversed")}</Tag>
        ) : null,
    },
    {
      key: "by",
      title: t("finance.payments.createdBy"),
      width: 150,
      render: (_, p) => (
        <Flex vertical>
          <span>{p.createdByName ?? t("finance.common.none")}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(p.createdAt).format("YYYY-MM-DD HH:mm")}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(can("finance:update")
      ? [
          {
            key: "actions",
            title: t("finance.common.actions"),
            width: 90,
            render: (_: unknown, p: Payment) =>
              !p.reversesId &&
              !p.reversedById && (
                <Button
                  size="small"
                  danger
                  icon={<RollbackOutlined aria-hidden />}
                  aria-label={`${t("finance.payments.reverse")} ${p.customerName} ${p.amount}`}
                  onClick={() => setReversing(p)}
                >
                  {t("finance.payments.reverse")}
                </Button>
              ),
          },
        ]
      : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <div style={{ width: 280 }}>
          <CustomerSelect
            aria-label={t("finance.payments.customerFilter")}
            value={customerId}
            onChange={(v) => setCustomerId(v ?? null)}
          />
        </div>
        {can("finance:create") && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => setCreating(true)}
            style={{ marginLeft: "auto" }}
          >
            {t("finance.payments.new")}
          </Button>
        )}
      </Flex>
      <Table<Payment>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 1100 }}
        locale={{ emptyText: t("finance.payments.empty") }}
        rowClassName={(p) => (p.reversedById ? "finance-row--reversed" : "")}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {can("finance:create") && <PaymentFormDrawer open={creating} onClose={() => setCreating(false)} />}
      <ReverseModal payment={reversing} onClose={() => setReversing(null)} />
    </Flex>
  );
}
