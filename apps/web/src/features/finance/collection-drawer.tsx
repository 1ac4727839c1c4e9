import { FileTextOutlined } from "@ant-design/icons";
import { COLLECTION_ACTIONS, type CollectionActionCreate, type Receivable } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Col,
  DatePicker,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Row,
  Select,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage, isApiError, usePermissions } from "../../shared/api";
import { applyFieldErrors } from "../../shared/forms/zod-rule";
import { type CollectionActionT, financeApi } from "./finance-api";
import { AGING_KEYS, fen, formatMoney, isZero } from "./finance-format";
import { Money } from "./finance-parts";
import { useDunningBill, useInvalidateFinance } from "./use-finance-queries";

type Values = {
  kind: CollectionActionCreate["kind"];
  content: string;
  promisedDate: Dayjs | null;
  promisedAmount: string;
  nextActionDate: Dayjs | null;
};
const FIELDS = ["kind", "content", "promisedDate", "promisedAmount", "nextActionDate"];
const MONEY = /^\d{1,14}(\.\d{1,2})?$/;
const day = (d: Dayjs | null) => (d ? d.format("YYYY-MM-DD") : null);

export const ACTION_COLORS = { call: "blue", letter: "purple", visit: "cyan", promise: "gold" } as const;

/** One collection action as a line of history. */
export function ActionLine({ action }: { action: CollectionActionT }) {
  const { t } = useTranslation();
  return (
    <div>
      <Tag color={ACTION_COLORS[action.kind]}>{t(`finance.actionKinds.${action.kind}`)}</Tag>
      <Typography.Text type="secondary">
        {dayjs(action.createdAt).format("YYYY-MM-DD HH:mm")} · {action.createdByName ?? ""}
      </Typography.Text>
      <div style={{ whiteSpace: "pre-wrap", marginTop: 4 }}>{action.content}</div>
      {(action.promisedDate || action.nextActionDate) && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {action.promisedDate && t("finance.collections.promise", { date: action.promisedDate })}
          {action.promisedAmount &&
            ` ${t("finance.collections.promiseAmount", { amount: formatMoney(action.promisedAmount) })}`}
          {action.promisedDate && action.nextActionDate && "；"}
          {action.nextActionDate && t("finance.collections.next", { date: action.nextActionDate })}
        </Typography.Text>
      )}
    </div>
  );
}

/** A customer on the collection board: open receivables, what was done so far, and a form to log more. */
export function CollectionDrawer({
  customerId,
  customerName,
  onClose,
}: {
  customerId: string | null;
  customerName: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const bill = useDunningBill(customerId ?? undefined);
  const invalidate = useInvalidateFinance();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch("kind", form);
  const log = useMutation({
    mutationFn: (v: Values) =>
      financeApi.logAction(customerId ?? "", {
        kind: v.kind,
        content: v.content.trim(),
        promisedDate: day(v.promisedDate),
        promisedAmount: v.promisedAmount?.trim() ? fen(v.promisedAmount.trim()) : null,
        nextActionDate: day(v.nextActionDate),
      }),
    onSuccess: () => {
      void message.success(t("finance.collections.logged"));
      form.resetFields();
      void invalidate();
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
    },
  });

  const columns: TableColumnsType<Receivable> = [
    {
      key: "order",
      title: t("finance.receivables.orderNumber"),
      render: (_, r) => `${r.orderNumber} ${t("finance.receivables.instalmentNo", { no: r.instalmentNo })}`,
    },
    {
      key: "due",
      title: t("finance.receivables.dueDate"),
      width: 170,
      render: (_, r) => (
        <span>
          {r.dueDate}{" "}
          {r.overdueDays > 0 && (
            <Tag color="error">{t("finance.receivables.overdueTag", { days: r.overdueDays })}</Tag>
          )}
        </span>
      ),
    },
    {
      key: "balance",
      title: t("finance.receivables.balance"),
      align: "right",
      width: 120,
      render: (_, r) => <Money value={r.balance} strong danger={r.overdueDays > 0} />,
    },
  ];

  const data = bill.data;
  return (
    <Drawer
      open={!!customerId}
      title={t("finance.collections.drawerTitle", { customer: data?.customer.name ?? customerName })}
      size={720}
      onClose={onClose}
      destroyOnHidden
      extra={
        customerId && (
          <Link to={`/finance/bills/customer/${customerId}`}>
            <Button icon={<FileTextOutlined aria-hidden />}>{t("finance.collections.openBill")}</Button>
          </Link>
        )
      }
    >
      {bill.isError && <Alert type="error" showIcon title={errorMessage(bill.error)} />}
      {!data ? (
        bill.isLoading && <Spin />
      ) : (
        <>
          <Descriptions size="small" column={2} bordered style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t("finance.collections.open")}>
              <Money value={data.open} strong />
            </Descriptions.Item>
            <Descriptions.Item label={t("finance.collections.overdue")}>
              <Money value={data.overdue} strong danger={!isZero(data.overdue)} />
            </Descriptions.Item>
          </Descriptions>
          <Descriptions size="small" column={5} layout="vertical" bordered style={{ marginBottom: 16 }}>
            {AGING_KEYS.map((k) => (
              <Descriptions.Item key={k} label={t(`finance.aging.${k}`)}>
                <Money value={data.aging[k]} danger={k !== "notDue" && !isZero(data.aging[k])} />
              </Descriptions.Item>
            ))}
          </Descriptions>
          <Typography.Title level={5}>{t("finance.collections.receivables")}</Typography.Title>
          <Table<Receivable>
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={data.receivables}
            pagination={false}
            style={{ marginBottom: 16 }}
          />
          {can("finance:create") && (
            <>
              <Typography.Title level={5}>{t("finance.collections.logTitle")}</Typography.Title>
              {log.error && !(isApiError(log.error) && log.error.fieldErrors.length) && (
                <Alert type="error" showIcon title={errorMessage(log.error)} style={{ marginBottom: 12 }} />
              )}
              <Form<Values>
                form={form}
                layout="vertical"
                onFinish={(v) => log.mutate(v)}
                initialValues={{
                  kind: "call",
                  content: "",
                  promisedDate: null,
                  promisedAmount: "",
                  nextActionDate: null,
                }}
              >
                <Row gutter={12}>
                  <Col span={8}>
                    <Form.Item name="kind" label={t("finance.collections.kind")}>
                      <Select
                        options={COLLECTION_ACTIONS.map((k) => ({
                          value: k,
                          label: t(`finance.actionKinds.${k}`),
                        }))}
                      />
                    </Form.Item>
                  </Col>
                  <Col span={8}>
                    <Form.Item name="nextActionDate" label={t("finance.collections.nextActionDate")}>
                      <DatePicker style={{ width: "100%" }} />
                    </Form.Item>
                  </Col>
                </Row>
                {kind === "promise" && (
                  <Row gutter={12}>
                    <Col span={8}>
                      <Form.Item
                        name="promisedDate"
                        label={t("finance.collections.promisedDate")}
                        rules={[{ required: true, message: t("finance.collections.promisedDateRequired") }]}
                      >
                        <DatePicker style={{ width: "100%" }} />
                      </Form.Item>
                    </Col>
                    <Col span={8}>
                      <Form.Item
                        name="promisedAmount"
                        label={t("finance.collections.promisedAmount")}
                        rules={[
                          {
                            validator: async (_r, v: unknown) => {
                              if (typeof v === "string" && v.trim() && !MONEY.test(v.trim()))
                                throw new Error(t("finance.payments.invalidAmount"));
                            },
                          },
                        ]}
                      >
                        <Input prefix="¥" inputMode="decimal" />
                      </Form.Item>
                    </Col>
                  </Row>
                )}
                <Form.Item
                  name="content"
                  label={t("finance.collections.content")}
                  rules={[
                    { required: true, whitespace: true, message: t("finance.collections.contentRequired") },
                  ]}
                >
                  <Input.TextArea rows={3} maxLength={1000} showCount />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={log.isPending}>
                  {t("finance.collections.save")}
                </Button>
              </Form>
            </>
          )}
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t("finance.collections.history")}
          </Typography.Title>
          {data.actions.length ? (
            <Timeline
              items={data.actions.map((a) => ({
                key: a.id,
                color: ACTION_COLORS[a.kind],
                content: <ActionLine action={a} />,
              }))}
            />
          ) : (
            <Empty description={t("finance.collections.noActions")} image={Empty.PRESENTED_IMAGE_SIMPLE} />
          )}
        </>
      )}
    </Drawer>
  );
}
