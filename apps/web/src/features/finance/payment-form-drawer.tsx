import { ThunderboltOutlined } from "@ant-design/icons";
import { PAYMENT_METHODS, type PaymentCreate, type Receivable } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError } from "../../shared/api";
import { applyFieldErrors, isFormField } from "../../shared/forms/zod-rule";
import { useUnsavedChanges } from "../customers/use-unsaved-changes";
import { CustomerSelect } from "../relationship/activity-pickers";
import { financeApi } from "./finance-api";
import {
  autoAllocate,
  checkAllocations,
  fen,
  formatMoney,
  isPositiveMoney,
  isZero,
  lessThan,
} from "./finance-format";
import { Money } from "./finance-parts";
import { useInvalidateFinance, useOpenReceivables } from "./use-finance-queries";

type Values = {
  customerId: string | null;
  receivedOn: Dayjs | null;
  amount: string;
  method: PaymentCreate["method"];
  reference: string;
  notes: string;
  allocations: Record<string, string | undefined>;
};
const FIELDS = ["customerId", "receivedOn", "amount", "method", "reference", "notes"];

const blankToNull = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/**
 * 登记收款: pick a customer, its open receivables appear with their balances, allocate the amount
 * (by hand or oldest first); the allocations must add up to the amount, each within its balance.
 */
export function PaymentFormDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const setDirty = useUnsavedChanges();
  const invalidate = useInvalidateFinance();
  const customerId = Form.useWatch("customerId", form);
  const amount = Form.useWatch("amount", form);
  const allocations = Form.useWatch("allocations", form) ?? {};
  const receivables = useOpenReceivables(customerId);
  const openItems = (receivables.data ?? []).filter((r) => r.status === "open" && !isZero(r.balance));
  const check = checkAllocations(amount, allocations, openItems);

  const close = () => {
    setDirty(false);
    form.resetFields();
    save.reset();
    onClose();
  };

  const save = useMutation({
    mutationFn: (body: PaymentCreate) => financeApi.recordPayment(body),
    onSuccess: (payment) => {
      void message.success(t("finance.payments.saved", { amount: formatMoney(payment.amount) }));
      void invalidate();
      close();
    },
    onError: (error, body) => {
      if (!isApiError(error)) return;
      applyFieldErrors(form, error.fieldErrors, FIELDS);
      // allocations.<i>.amount names the i-th allocation sent: put it on that receivable's input.
      form.setFields(
        error.fieldErrors.flatMap((e) => {
          const m = /^allocations\.(\d+)/.exec(e.field);
          const id = m ? body.allocations[Number(m[1])]?.receivableId : undefined;
          return id ? [{ name: ["allocations", id], errors: [e.message] }] : [];
        }),
      );
      void invalidate();
    },
  });

  const submit = (v: Values) => {
    if (!check.balanced) return;
    save.mutate({
      customerId: v.customerId ?? "",
      receivedOn: (v.receivedOn ?? dayjs()).format("YYYY-MM-DD"),
      amount: fen(v.amount.trim()),
      method: v.method,
      reference: blankToNull(v.reference),
      notes: blankToNull(v.notes),
      allocations: openItems
        .filter((r) => {
          const a = v.allocations?.[r.id]?.trim();
          return a && !isZero(a);
        })
        .map((r) => ({ receivableId: r.id, amount: fen(v.allocations[r.id]?.trim() ?? "0") })),
    });
  };

  const allocate = () => {
    if (!isPositiveMoney(amount)) {
      void form.validateFields(["amount"]);
      return;
    }
    const auto = autoAllocate(amount.trim(), openItems);
    form.setFieldsValue({ allocations: Object.fromEntries(openItems.map((r) => [r.id, auto[r.id] ?? ""])) });
    setDirty(true);
  };

  const columns: TableColumnsType<Receivable> = [
    {
      key: "order",
      title: t("finance.receivables.orderNumber"),
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
      key: "dueDate",
      title: t("finance.receivables.dueDate"),
      width: 180,
      render: (_, r) => (
        <Flex gap={4} wrap>
          {r.dueDate}
          {r.overdueDays > 0 && (
            <Tag color="error">{t("finance.receivables.overdueTag", { days: r.overdueDays })}</Tag>
          )}
        </Flex>
      ),
    },
    {
      key: "balance",
      title: t("finance.receivables.balance"),
      align: "right",
      width: 120,
      render: (_, r) => <Money value={r.balance} strong />,
    },
    {
      key: "allocate",
      title: t("finance.payments.allocate"),
      width: 170,
      render: (_, r) => (
        <Form.Item
          name={["allocations", r.id]}
          noStyle={false}
          style={{ margin: 0 }}
          validateStatus={check.invalid.has(r.id) || check.exceedsBalance.has(r.id) ? "error" : undefined}
          help={
            check.invalid.has(r.id)
              ? t("finance.payments.invalidAmount")
              : check.exceedsBalance.has(r.id)
                ? t("finance.payments.exceedsBalance")
                : undefined
          }
        >
          <Input
            prefix="¥"
            inputMode="decimal"
            aria-label={`${t("finance.payments.allocate")} ${r.orderNumber} ${t("finance.receivables.instalmentNo", { no: r.instalmentNo })}`}
            placeholder="0.00"
          />
        </Form.Item>
      ),
    },
  ];

  const status = !check.remaining ? null : isZero(check.remaining) ? (
    check.balanced ? (
      <Alert type="success" showIcon title={t("finance.payments.balanced")} />
    ) : null
  ) : lessThan(check.remaining, "0") ? (
    <Alert
      type="error"
      showIcon
      title={`${t("finance.payments.allocated", { allocated: formatMoney(check.allocated) })}，${t("finance.payments.over", { over: formatMoney(check.remaining.replace("-", "")) })}`}
    />
  ) : (
    <Alert
      type="warning"
      showIcon
      title={`${t("finance.payments.allocated", { allocated: formatMoney(check.allocated) })}，${t("finance.payments.remaining", { remaining: formatMoney(check.remaining) })}`}
    />
  );

  const error = save.error;
  const fieldError =
    isApiError(error) &&
    error.fieldErrors.some((e) => isFormField(e.field, FIELDS) || e.field.startsWith("allocations."));

  return (
    <Drawer
      open={open}
      title={t("finance.payments.formTitle")}
      size={860}
      onClose={close}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={close}>{t("finance.common.cancel")}</Button>
          <Button
            type="primary"
            loading={save.isPending}
            disabled={!check.balanced}
            onClick={() => form.submit()}
          >
            {t("finance.payments.submit")}
          </Button>
        </Space>
      }
    >
      {error && !fieldError && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed: Partial<Values>) => {
          setDirty(true);
          if ("customerId" in changed) form.setFieldsValue({ allocations: {} });
        }}
        initialValues={{
          customerId: null,
          receivedOn: dayjs(),
          amount: "",
          method: "bank_transfer",
          reference: "",
          notes: "",
          allocations: {},
        }}
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item
              name="customerId"
              label={t("finance.payments.customer")}
              rules={[
                {
                  required: true,
                  message: t("validation.required", { field: t("finance.payments.customer") }),
                },
              ]}
            >
              <CustomerSelect allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="receivedOn"
              label={t("finance.payments.receivedOn")}
              rules={[{ required: true }]}
            >
              <DatePicker style={{ width: "100%" }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="method" label={t("finance.payments.method")}>
              <Select
                options={PAYMENT_METHODS.map((m) => ({ value: m, label: t(`finance.methods.${m}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item
              name="amount"
              label={t("finance.payments.amount")}
              rules={[
                {
                  validator: async (_r, v: unknown) => {
                    if (!isPositiveMoney(v)) throw new Error(t("finance.payments.amountRequired"));
                  },
                },
              ]}
            >
              <Input prefix="¥" inputMode="decimal" placeholder="0.00" />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="reference" label={t("finance.payments.reference")}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="notes" label={t("finance.payments.notes")}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Flex justify="space-between" align="center" style={{ marginBottom: 8 }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t("finance.payments.allocations")}
          </Typography.Title>
          <Button icon={<ThunderboltOutlined aria-hidden />} onClick={allocate} disabled={!openItems.length}>
            {t("finance.payments.autoAllocate")}
          </Button>
        </Flex>
        {customerId ? (
          <Table<Receivable>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={openItems}
            loading={receivables.isFetching}
            pagination={false}
            locale={{ emptyText: <Empty description={t("finance.payments.noOpen")} /> }}
          />
        ) : (
          <Empty description={t("finance.payments.pickCustomerFirst")} />
        )}
        <div style={{ marginTop: 12 }} aria-live="polite">
          {status}
        </div>
      </Form>
    </Drawer>
  );
}
