import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { cmp, dec, type PurchaseOrder, str, sub } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Row, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError } from "../../shared/api";
import { applyFieldErrors } from "../../shared/forms/zod-rule";
import { ProductSelect } from "./product-select";
import { createPurchaseOrder, receivePurchaseOrder } from "./products-api";
import {
  blankToNull,
  formatMoney,
  formatQuantity,
  isConflict,
  isQuantity,
  lineFieldErrors,
  liveAmount,
  liveTotal,
  moneyRule,
  quantityRule,
} from "./products-format";
import { useInvalidateProducts } from "./use-products-queries";

type Line = { productId: string | null; unitPrice: string; quantity: string };
type Values = {
  supplier: string;
  supplierContact: string;
  orderDate: Dayjs;
  expectedDate: Dayjs | null;
  notes: string;
  lines: Line[];
};

/** 新建采购订单: supplier, dates and product lines with live amounts and total (exact decimals). */
export function PurchaseCreateModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateProducts();
  const [form] = Form.useForm<Values>();
  const lines = Form.useWatch("lines", form) ?? [];
  const amounts = lines.map((l) => liveAmount(l?.unitPrice, l?.quantity));
  const save = useMutation({
    mutationFn: (v: Values) =>
      createPurchaseOrder({
        supplier: v.supplier.trim(),
        supplierContact: blankToNull(v.supplierContact),
        orderDate: v.orderDate.format("YYYY-MM-DD"),
        expectedDate: v.expectedDate?.format("YYYY-MM-DD") ?? null,
        notes: blankToNull(v.notes),
        lines: v.lines.map((l) => ({
          productId: l.productId ?? "",
          unitPrice: l.unitPrice.trim(),
          quantity: l.quantity.trim(),
        })),
      }),
    onSuccess: (po) => {
      void message.success(t("products.purchases.created", { number: po.number }));
      void invalidate();
      onClose();
    },
    onError: (error) => {
      if (isApiError(error)) {
        applyFieldErrors(form, error.fieldErrors, [
          "supplier",
          "supplierContact",
          "orderDate",
          "expectedDate",
          "notes",
        ]);
        form.setFields(lineFieldErrors(error));
      }
    },
  });
  const bannerError =
    save.error && !(isApiError(save.error) && save.error.fieldErrors.length > 0) ? save.error : null;
  const p = (k: string) => t(`products.purchases.${k}` as "products.purchases.supplier");
  return (
    <Modal
      open
      title={t("products.purchases.addTitle")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("products.common.save")}
      cancelText={t("products.common.cancel")}
      confirmLoading={save.isPending}
      width={860}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="purchase-form"
        initialValues={{
          supplier: "",
          supplierContact: "",
          orderDate: dayjs(),
          expectedDate: null,
          notes: "",
          lines: [{ productId: null, unitPrice: "", quantity: "" }],
        }}
        onFinish={(v) => save.mutate(v)}
      >
        {bannerError && (
          <Alert type="error" showIcon title={errorMessage(bannerError)} style={{ marginBottom: 16 }} />
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="supplier"
              label={p("supplier")}
              required
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t("products.common.required", { field: p("supplier") }),
                },
                { max: 50 },
              ]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="supplierContact" label={p("supplierContact")} rules={[{ max: 50 }]}>
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item
              name="orderDate"
              label={p("orderDate")}
              required
              rules={[
                { required: true, message: t("products.common.requiredChoice", { field: p("orderDate") }) },
              ]}
            >
              <DatePicker style={{ width: "100%" }} allowClear={false} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={6}>
            <Form.Item name="expectedDate" label={p("expectedDate")}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="notes" label={p("notes")} rules={[{ max: 500 }]}>
              <Input maxLength={500} />
            </Form.Item>
          </Col>
        </Row>
        <Typography.Title level={5}>{p("lines")}</Typography.Title>
        <Row gutter={8} className="line-head">
          <Col xs={24} sm={10}>
            {p("product")}
          </Col>
          <Col xs={8} sm={4}>
            {p("unitPrice")}
          </Col>
          <Col xs={8} sm={4}>
            {p("quantity")}
          </Col>
          <Col xs={6} sm={5} style={{ textAlign: "right" }}>
            {p("amount")}
          </Col>
        </Row>
        <Form.List
          name="lines"
          rules={[
            {
              validator: async (_r, value: Line[] | undefined) => {
                if (!value?.length) throw new Error(t("products.purchases.linesRequired"));
              },
            },
          ]}
        >
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Row gutter={8} key={field.key} align="top" className="line-row">
                  <Col xs={24} sm={10}>
                    <Form.Item
                      name={[field.name, "productId"]}
                      rules={[
                        {
                          required: true,
                          message: t("products.common.requiredChoice", { field: p("product") }),
                        },
                      ]}
                    >
                      <ProductSelect
                        aria-label={`${p("product")} ${index + 1}`}
                        onPick={(product) => {
                          if (product && !form.getFieldValue(["lines", field.name, "unitPrice"]))
                            form.setFieldValue(
                              ["lines", field.name, "unitPrice"],
                              product.standardCost ?? product.listPrice,
                            );
                        }}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={8} sm={4}>
                    <Form.Item name={[field.name, "unitPrice"]} rules={[moneyRule(p("unitPrice"))]}>
                      <Input
                        prefix="¥"
                        placeholder={p("unitPrice")}
                        aria-label={`${p("unitPrice")} ${index + 1}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col xs={8} sm={4}>
                    <Form.Item name={[field.name, "quantity"]} rules={[quantityRule(p("quantity"))]}>
                      <Input placeholder={p("quantity")} aria-label={`${p("quantity")} ${index + 1}`} />
                    </Form.Item>
                  </Col>
                  <Col xs={6} sm={5} className="line-amount">
                    {amounts[index] !== null && amounts[index] !== undefined
                      ? `¥${formatMoney(amounts[index])}`
                      : "—"}
                  </Col>
                  <Col xs={2} sm={1}>
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t("products.purchases.removeLine")}
                      onClick={() => remove(field.name)}
                    />
                  </Col>
                </Row>
              ))}
              <Form.ErrorList errors={errors} />
              <Row justify="space-between" align="middle">
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ productId: null, unitPrice: "", quantity: "" })}
                >
                  {t("products.purchases.addLine")}
                </Button>
                <Typography.Text strong className="live-total">
                  {p("total")}：¥{formatMoney(liveTotal(amounts))}
                </Typography.Text>
              </Row>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

/** 收货: how much of each line arrives now; the goods enter stock through the ledger. */
export function PurchaseReceiveModal({ order, onClose }: { order: PurchaseOrder; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateProducts();
  const [form] = Form.useForm<Record<string, string>>();
  const remaining = (l: PurchaseOrder["lines"][number]) => str(sub(dec(l.quantity), dec(l.receivedQuantity)));
  const open = order.lines.filter((l) => cmp(dec(remaining(l)), dec(0)) > 0);
  const save = useMutation({
    mutationFn: (v: Record<string, string>) => {
      const lines = open
        .filter((l) => isQuantity(v[l.id]))
        .map((l) => ({ lineId: l.id, quantity: (v[l.id] ?? "").trim() }));
      if (!lines.length) throw new Error(t("products.purchases.nothingToReceive"));
      return receivePurchaseOrder(order.id, order.version, { lines });
    },
    onSuccess: () => {
      void message.success(t("products.purchases.receivedMsg"));
      void invalidate();
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) void invalidate();
    },
  });
  return (
    <Modal
      open
      title={t("products.purchases.receiveTitle", { number: order.number })}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("products.purchases.receive")}
      cancelText={t("products.common.cancel")}
      confirmLoading={save.isPending}
      width={720}
      destroyOnHidden
    >
      {save.error && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={
            isApiError(save.error) || !(save.error instanceof Error)
              ? errorMessage(save.error)
              : save.error.message
          }
        />
      )}
      <Form
        form={form}
        name="receive-form"
        initialValues={Object.fromEntries(open.map((l) => [l.id, formatQuantity(remaining(l))]))}
        onFinish={(v) => save.mutate(v)}
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={open}
          columns={[
            {
              key: "product",
              title: t("products.purchases.product"),
              render: (_, l) => `${l.productCode} ${l.productName}`,
            },
            {
              key: "quantity",
              title: t("products.purchases.quantity"),
              width: 80,
              align: "right",
              render: (_, l) => formatQuantity(l.quantity),
            },
            {
              key: "received",
              title: t("products.purchases.received"),
              width: 80,
              align: "right",
              render: (_, l) => formatQuantity(l.receivedQuantity),
            },
            {
              key: "now",
              title: t("products.purchases.receiveNow"),
              width: 150,
              render: (_, l) => (
                <Form.Item
                  name={l.id}
                  style={{ margin: 0 }}
                  rules={[
                    quantityRule(t("products.purchases.receiveNow"), true),
                    {
                      validator: async (_r, v: string) => {
                        if (isQuantity(v) && cmp(dec(v.trim()), dec(remaining(l))) > 0)
                          throw new Error(
                            t("products.purchases.exceeds", { remaining: formatQuantity(remaining(l)) }),
                          );
                      },
                    },
                  ]}
                >
                  <Input aria-label={`${t("products.purchases.receiveNow")} ${l.productCode}`} />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </Modal>
  );
}
