import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import type { Order, OrderCreate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Col, DatePicker, Form, Input, Row, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../shared/api";
import { applyFieldErrors, isFormField } from "../../shared/forms/zod-rule";
import { FormDrawer } from "../products/form-drawer";
import { ProductSelect, productLabel } from "../products/product-select";
import {
  blankToNull,
  formatMoney,
  formatQuantity,
  isConflict,
  isDiscount,
  lineFieldErrors,
  liveAmount,
  liveTotal,
  moneyRule,
  quantityRule,
} from "../products/products-format";
import { CustomerSelect } from "../relationship/activity-pickers";
import { createOrder, updateOrder } from "./sales-api";
import { useInvalidateSales } from "./use-sales-queries";

type Line = {
  productId: string | null;
  productLabel?: string;
  unitPrice: string;
  quantity: string;
  discount: string;
};
type Values = {
  customerId: string | null;
  signingDate: Dayjs | null;
  deliveryDate: Dayjs | null;
  paymentTerms: string;
  notes: string;
  lines: Line[];
};
const FIELDS = ["customerId", "signingDate", "deliveryDate", "paymentTerms", "notes", "lines"];
const emptyLine: Line = { productId: null, unitPrice: "", quantity: "", discount: "0" };
const day = (v: Dayjs | null) => v?.format("YYYY-MM-DD") ?? null;

/** 合同订单 form: a new draft, or a draft changed; amounts shown live, the server's are final. */
export function OrderFormDrawer({
  order,
  onClose,
  onSaved,
}: {
  order: Order | null;
  onClose: () => void;
  onSaved?: (order: Order) => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateSales();
  const [form] = Form.useForm<Values>();
  const lines = Form.useWatch("lines", form) ?? [];
  const amounts = lines.map((l) => liveAmount(l?.unitPrice, l?.quantity, l?.discount));
  const o = (k: string) => t(`sales.orders.${k}` as "sales.orders.customer");
  const l = (k: string) => t(`sales.lines.${k}` as "sales.lines.product");

  const initial: Values = {
    customerId: order?.customerId ?? null,
    signingDate: order?.signingDate ? dayjs(order.signingDate) : null,
    deliveryDate: order?.deliveryDate ? dayjs(order.deliveryDate) : null,
    paymentTerms: order?.paymentTerms ?? "",
    notes: order?.notes ?? "",
    lines: order
      ? order.lines.map((x) => ({
          productId: x.productId,
          productLabel: productLabel({ code: x.productCode, name: x.productName }),
          unitPrice: x.unitPrice,
          quantity: formatQuantity(x.quantity),
          discount: formatQuantity(x.discount) || "0",
        }))
      : [emptyLine],
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        signingDate: day(v.signingDate),
        deliveryDate: day(v.deliveryDate),
        paymentTerms: blankToNull(v.paymentTerms),
        notes: blankToNull(v.notes),
        lines: v.lines.map((x) => ({
          productId: x.productId ?? "",
          unitPrice: x.unitPrice.trim(),
          quantity: x.quantity.trim(),
          discount: x.discount?.trim() || "0",
        })),
      };
      if (!order) return createOrder({ ...body, customerId: v.customerId ?? "" } satisfies OrderCreate);
      return updateOrder(order.id, order.version, body);
    },
    onError: (error) => {
      if (isApiError(error)) {
        applyFieldErrors(form, error.fieldErrors, FIELDS);
        form.setFields(lineFieldErrors(error));
      }
      if (isConflict(error)) void invalidate();
    },
  });
  const error = save.error;
  const fieldError =
    isApiError(error) &&
    error.fieldErrors.some((e) => isFormField(e.field, FIELDS) || e.field.startsWith("lines."));

  return (
    <FormDrawer
      title={order ? t("sales.orders.editTitle", { number: order.number }) : t("sales.orders.addTitle")}
      error={fieldError ? null : error}
      saving={save.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
      size={920}
    >
      {({ markDirty, clean }) => (
        <Form<Values>
          form={form}
          layout="vertical"
          name="order-form"
          initialValues={initial}
          disabled={save.isPending}
          onValuesChange={markDirty}
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: (saved) => {
                clean();
                void message.success(
                  t(order ? "sales.orders.updated" : "sales.orders.created", { number: saved.number }),
                );
                void invalidate();
                onClose();
                onSaved?.(saved);
              },
            })
          }
        >
          <Typography.Paragraph type="secondary">{t("sales.orders.draftHint")}</Typography.Paragraph>
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="customerId"
                label={o("customer")}
                required
                rules={[
                  { required: true, message: t("products.common.requiredChoice", { field: o("customer") }) },
                ]}
              >
                <CustomerSelect
                  initialLabel={order ? `${order.customerName}（${order.customerCode}）` : undefined}
                  disabled={!!order}
                  allowClear={false}
                />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="signingDate" label={o("signingDate")}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={6}>
              <Form.Item name="deliveryDate" label={o("deliveryDate")}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="paymentTerms" label={o("paymentTerms")} rules={[{ max: 200 }]}>
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="notes" label={o("notes")} rules={[{ max: 1000 }]}>
                <Input maxLength={1000} />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Title level={5}>{l("title")}</Typography.Title>
          <Row gutter={8} className="line-head">
            <Col span={9}>{l("product")}</Col>
            <Col span={4}>{l("unitPrice")}</Col>
            <Col span={3}>{l("quantity")}</Col>
            <Col span={3}>{l("discount")}</Col>
            <Col span={4} style={{ textAlign: "right" }}>
              {l("amount")}
            </Col>
          </Row>
          <Form.List
            name="lines"
            rules={[
              {
                validator: async (_r, value: Line[] | undefined) => {
                  if (!value?.length) throw new Error(l("required"));
                },
              },
            ]}
          >
            {(fields, { add, remove }, { errors }) => (
              <>
                {fields.map((field, index) => (
                  <Row gutter={8} key={field.key} align="top" className="line-row">
                    <Col span={9}>
                      <Form.Item
                        name={[field.name, "productId"]}
                        rules={[
                          {
                            required: true,
                            message: t("products.common.requiredChoice", { field: l("product") }),
                          },
                        ]}
                      >
                        <ProductSelect
                          aria-label={`${l("product")} ${index + 1}`}
                          initialLabel={lines[index]?.productLabel ?? initial.lines[index]?.productLabel}
                          onPick={(product) => {
                            if (product)
                              form.setFieldValue(["lines", field.name, "unitPrice"], product.listPrice);
                          }}
                        />
                      </Form.Item>
                    </Col>
                    <Col span={4}>
                      <Form.Item name={[field.name, "unitPrice"]} rules={[moneyRule(l("unitPrice"))]}>
                        <Input prefix="¥" aria-label={`${l("unitPrice")} ${index + 1}`} inputMode="decimal" />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item name={[field.name, "quantity"]} rules={[quantityRule(l("quantity"))]}>
                        <Input aria-label={`${l("quantity")} ${index + 1}`} inputMode="decimal" />
                      </Form.Item>
                    </Col>
                    <Col span={3}>
                      <Form.Item
                        name={[field.name, "discount"]}
                        rules={[
                          {
                            validator: async (_r, v: string) => {
                              if (v && !isDiscount(v)) throw new Error(l("discountFormat"));
                            },
                          },
                        ]}
                      >
                        <Input suffix="%" aria-label={`${l("discount")} ${index + 1}`} inputMode="decimal" />
                      </Form.Item>
                    </Col>
                    <Col span={4} className="line-amount" data-testid={`line-amount-${index}`}>
                      {amounts[index] ? `¥${formatMoney(amounts[index])}` : "—"}
                    </Col>
                    <Col span={1}>
                      <Button
                        type="text"
                        danger
                        icon={<DeleteOutlined aria-hidden />}
                        aria-label={l("remove")}
                        onClick={() => remove(field.name)}
                      />
                    </Col>
                  </Row>
                ))}
                <Form.ErrorList errors={errors} />
                <Row justify="space-between" align="middle">
                  <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ ...emptyLine })}>
                    {l("add")}
                  </Button>
                  <Typography.Text strong className="live-total" data-testid="order-total">
                    {l("total")}：¥{formatMoney(liveTotal(amounts))}
                  </Typography.Text>
                </Row>
              </>
            )}
          </Form.List>
        </Form>
      )}
    </FormDrawer>
  );
}
