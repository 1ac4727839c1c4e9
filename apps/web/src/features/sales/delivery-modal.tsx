import { cmp, dec, type Order, str, sub } from "@crm/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, DatePicker, Form, Input, Modal, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../shared/api";
import { fetchProduct } from "../products/products-api";
import {
  formatQuantity,
  isConflict,
  isQuantity,
  quantityRule,
  stockErrorMessage,
} from "../products/products-format";
import { productKeys } from "../products/use-products-queries";
import { deliverOrder } from "./sales-api";
import { useInvalidateSales } from "./use-sales-queries";

type Line = Order["lines"][number];
const remainingOf = (l: Line) => str(sub(dec(l.quantity), dec(l.deliveredQuantity)));

function StockCell({ productId, unit }: { productId: string; unit: string }) {
  const product = useQuery({
    queryKey: [...productKeys.all, "one", productId],
    queryFn: () => fetchProduct(productId),
  });
  if (!product.data) return null;
  return (
    <Typography.Text type={product.data.lowStock ? "danger" : undefined}>
      {formatQuantity(product.data.stock)} {unit}
    </Typography.Text>
  );
}

/** 交货: how much of each line leaves now; stock is issued and transactions recorded, or nothing. */
export function DeliveryModal({ order, onClose }: { order: Order; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateSales();
  const [form] = Form.useForm<{ date: Dayjs; lines: Record<string, string> }>();
  const open = order.lines.filter((l) => cmp(dec(remainingOf(l)), dec(0)) > 0);
  const save = useMutation({
    mutationFn: (v: { date: Dayjs; lines: Record<string, string> }) => {
      const lines = open
        .filter((l) => isQuantity(v.lines[l.id]))
        .map((l) => ({ lineId: l.id, quantity: (v.lines[l.id] ?? "").trim() }));
      if (!lines.length) throw new Error(t("sales.delivery.nothing"));
      return deliverOrder(order.id, order.version, { date: v.date.format("YYYY-MM-DD"), lines });
    },
    onSuccess: () => {
      void message.success(t("sales.delivery.done"));
      void invalidate();
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) void invalidate();
    },
  });
  const error = save.error;
  const errorText = !error
    ? null
    : isApiError(error)
      ? [
          stockErrorMessage(error),
          ...error.fieldErrors.filter((e) => e.field.startsWith("lines.")).map((e) => e.message),
        ]
          .filter((m, i, all) => all.indexOf(m) === i)
          .join("；")
      : error.message;

  return (
    <Modal
      open
      title={t("sales.delivery.title", { number: order.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("sales.detail.deliver")}
      cancelText={t("products.common.cancel")}
      confirmLoading={save.isPending}
      width={820}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t("sales.delivery.hint")}</Typography.Paragraph>
      {errorText && (
        <Alert type="error" showIcon role="alert" title={errorText} style={{ marginBottom: 12 }} />
      )}
      <Form
        form={form}
        name="delivery-form"
        layout="vertical"
        initialValues={{
          date: dayjs(),
          lines: Object.fromEntries(open.map((l) => [l.id, formatQuantity(remainingOf(l))])),
        }}
        onValuesChange={() => save.reset()}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="date" label={t("sales.delivery.date")} style={{ maxWidth: 220 }}>
          <DatePicker allowClear={false} style={{ width: "100%" }} />
        </Form.Item>
        <Table<Line>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={open}
          columns={[
            {
              key: "product",
              title: t("sales.lines.product"),
              render: (_, l) => `${l.productCode} ${l.productName}`,
            },
            {
              key: "quantity",
              title: t("sales.lines.quantity"),
              width: 80,
              align: "right",
              render: (_, l) => formatQuantity(l.quantity),
            },
            {
              key: "delivered",
              title: t("sales.lines.delivered"),
              width: 80,
              align: "right",
              render: (_, l) => formatQuantity(l.deliveredQuantity),
            },
            {
              key: "remaining",
              title: t("sales.lines.remaining"),
              width: 80,
              align: "right",
              render: (_, l) => formatQuantity(remainingOf(l)),
            },
            {
              key: "stock",
              title: t("sales.delivery.stock"),
              width: 100,
              align: "right",
              render: (_, l) => <StockCell productId={l.productId} unit={l.unit} />,
            },
            {
              key: "now",
              title: t("sales.delivery.quantity"),
              width: 150,
              render: (_, l) => (
                <Form.Item
                  name={["lines", l.id]}
                  style={{ margin: 0 }}
                  rules={[
                    quantityRule(t("sales.delivery.quantity"), true),
                    {
                      validator: async (_r, v: string) => {
                        if (isQuantity(v) && cmp(dec(v.trim()), dec(remainingOf(l))) > 0)
                          throw new Error(
                            t("sales.delivery.exceeds", { remaining: formatQuantity(remainingOf(l)) }),
                          );
                      },
                    },
                  ]}
                >
                  <Input aria-label={`${t("sales.delivery.quantity")} ${l.productCode}`} suffix={l.unit} />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
