import { FileTextOutlined, PayCircleOutlined } from "@ant-design/icons";
import {
  PAYMENT_METHODS,
  type Payable,
  RECEIVABLE_STATUSES,
  type SupplierPaymentCreate,
  sumAmounts,
} from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Table,
  type TableColumnsType,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage, isApiError, usePermissions } from "../../shared/api";
import { applyFieldErrors } from "../../shared/forms/zod-rule";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { financeApi, type ReceivableStatus } from "./finance-api";
import { fen, formatMoney, isPositiveMoney, lessThan } from "./finance-format";
import { Money, StatusTag } from "./finance-parts";
import { useInvalidateFinance, usePayables } from "./use-finance-queries";

type PayValues = {
  paidOn: Dayjs;
  amount: string;
  method: SupplierPaymentCreate["method"];
  reference: string;
};

/** 付款: pays a supplier against one payable, never more than its balance. */
function PayModal({ payable, onClose }: { payable: Payable | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<PayValues>();
  const invalidate = useInvalidateFinance();
  const pay = useMutation({
    mutationFn: (v: PayValues) =>
      financeApi.paySupplier(payable?.id ?? "", {
        paidOn: v.paidOn.format("YYYY-MM-DD"),
        amount: fen(v.amount.trim()),
        method: v.method,
        reference: v.reference?.trim() || null,
      }),
    onSuccess: (_p, v) => {
      void message.success(
        t("finance.payables.paidDone", {
          supplier: payable?.supplier,
          amount: formatMoney(fen(v.amount.trim())),
        }),
      );
      void invalidate();
      onClose();
    },
    onError: (error) => {
      if (isApiError(error))
        applyFieldErrors(form, error.fieldErrors, ["paidOn", "amount", "method", "reference"]);
    },
  });
  return (
    <Modal
      open={!!payable}
      title={t("finance.payables.payTitle", { supplier: payable?.supplier ?? "" })}
      okText={t("finance.payables.pay")}
      cancelText={t("finance.common.cancel")}
      confirmLoading={pay.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      afterClose={() => {
        form.resetFields();
        pay.reset();
      }}
      destroyOnHidden
    >
      {payable && (
        <Flex vertical gap={12}>
          <Typography.Text type="secondary">
            {t("finance.payables.payFor", {
              number: payable.purchaseOrderNumber,
              balance: formatMoney(payable.balance),
            })}
          </Typography.Text>
          {pay.error && !isApiError(pay.error) && (
            <Alert type="error" showIcon title={errorMessage(pay.error)} />
          )}
          {isApiError(pay.error) && !pay.error.fieldErrors.length && (
            <Alert type="error" showIcon title={errorMessage(pay.error)} />
          )}
          <Form<PayValues>
            form={form}
            layout="vertical"
            onFinish={(v) => pay.mutate(v)}
            initialValues={{
              paidOn: dayjs(),
              amount: payable.balance,
              method: "bank_transfer",
              reference: "",
            }}
          >
            <Form.Item name="paidOn" label={t("finance.payables.paidOn")} rules={[{ required: true }]}>
              <DatePicker style={{ width: "100%" }} allowClear={false} />
            </Form.Item>
            <Form.Item
              name="amount"
              label={t("finance.payables.payAmount")}
              rules={[
                {
                  validator: async (_r, v: unknown) => {
                    if (!isPositiveMoney(v)) throw new Error(t("finance.payments.amountRequired"));
                    if (lessThan(payable.balance, v.trim()))
                      throw new Error(
                        t("finance.payables.exceeds", { balance: formatMoney(payable.balance) }),
                      );
                  },
                },
              ]}
            >
              <Input prefix="¥" inputMode="decimal" />
            </Form.Item>
            <Form.Item name="method" label={t("finance.payables.method")}>
              <Select
                options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`finance.methods.${m}`) }))}
              />
            </Form.Item>
            <Form.Item name="reference" label={t("finance.payables.reference")}>
              <Input maxLength={50} />
            </Form.Item>
          </Form>
        </Flex>
      )}
    </Modal>
  );
}

/** 应付款: from purchase orders, by supplier; a supplier's name opens its payable bill. */
export function PayablesTab() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [supplier, setSupplier] = useState("");
  const [status, setStatus] = useState<ReceivableStatus | "">("open");
  const q = useDebouncedValue(supplier.trim(), 300);
  // The API matches a supplier exactly (for its bill); the list narrows by part of the name here.
  const list = usePayables(undefined, status || undefined);
  const [paying, setPaying] = useState<Payable | null>(null);
  const items = (list.data?.items ?? [])
    .filter((p) => !q || p.supplier.includes(q))
    .sort((a, b) => a.supplier.localeCompare(b.supplier, "zh-CN") || a.dueDate.localeCompare(b.dueDate));
  const today = dayjs().format("YYYY-MM-DD");

  const columns: TableColumnsType<Payable> = [
    {
      key: "supplier",
      title: t("finance.payables.supplier"),
      render: (_, p) => (
        <Link to={`/finance/bills/supplier/${encodeURIComponent(p.supplier)}`}>
          <FileTextOutlined aria-hidden /> {p.supplier}
        </Link>
      ),
    },
    { key: "po", title: t("finance.payables.purchaseOrder"), dataIndex: "purchaseOrderNumber", width: 150 },
    {
      key: "amount",
      title: t("finance.payables.amount"),
      align: "right",
      width: 130,
      render: (_, p) => <Money value={p.amount} />,
    },
    {
      key: "paid",
      title: t("finance.payables.paid"),
      align: "right",
      width: 130,
      render: (_, p) => <Money value={p.paid} />,
    },
    {
      key: "balance",
      title: t("finance.payables.balance"),
      align: "right",
      width: 130,
      render: (_, p) => <Money value={p.balance} strong />,
    },
    {
      key: "dueDate",
      title: t("finance.payables.dueDate"),
      width: 120,
      render: (_, p) => (
        <Typography.Text type={p.status === "open" && p.dueDate < today ? "danger" : undefined}>
          {p.dueDate}
        </Typography.Text>
      ),
    },
    {
      key: "status",
      title: t("finance.payables.status"),
      width: 90,
      render: (_, p) => <StatusTag status={p.status} />,
    },
    ...(can("finance:create")
      ? [
          {
            key: "actions",
            title: t("finance.common.actions"),
            width: 90,
            render: (_: unknown, p: Payable) =>
              p.status === "open" && (
                <Button
                  size="small"
                  icon={<PayCircleOutlined aria-hidden />}
                  aria-label={`${t("finance.payables.pay")} ${p.purchaseOrderNumber}`}
                  onClick={() => setPaying(p)}
                >
                  {t("finance.payables.pay")}
                </Button>
              ),
          },
        ]
      : []),
  ];

  const openTotal = sumAmounts(items.filter((p) => p.status === "open").map((p) => p.balance));

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          aria-label={t("finance.payables.supplierSearch")}
          placeholder={t("finance.payables.supplierSearch")}
          allowClear
          value={supplier}
          onChange={(e) => setSupplier(e.target.value)}
          style={{ width: 260 }}
        />
        <Select<ReceivableStatus | "">
          aria-label={t("finance.payables.status")}
          value={status}
          onChange={setStatus}
          style={{ width: 140 }}
          options={[
            { value: "", label: t("finance.common.all") },
            ...RECEIVABLE_STATUSES.map((s) => ({ value: s, label: t(`finance.statuses.${s}`) })),
          ]}
        />
        <Typography.Text type="secondary" style={{ marginLeft: "auto" }}>
          {t("finance.payables.openTotal")}：¥{formatMoney(openTotal)}
        </Typography.Text>
      </Flex>
      <Table<Payable>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={items}
        loading={list.isFetching}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 1000 }}
        locale={{ emptyText: t("finance.payables.empty") }}
      />
      <PayModal payable={paying} onClose={() => setPaying(null)} />
    </Flex>
  );
}
