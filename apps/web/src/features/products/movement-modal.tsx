import { MOVEMENT_KINDS, type MovementKind, type StockMovementCreate } from "@crm/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Col, DatePicker, Form, Input, Modal, Row, Select, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../shared/api";
import { applyFieldErrors } from "../../shared/forms/zod-rule";
import { ProductSelect } from "./product-select";
import { createMovement, fetchProduct } from "./products-api";
import {
  blankToNull,
  formatQuantity,
  isInsufficientStock,
  quantityRule,
  signedQuantityRule,
  stockErrorMessage,
} from "./products-format";
import { productKeys, useInvalidateProducts } from "./use-products-queries";

type Values = {
  productId: string | null;
  kind: MovementKind;
  quantity: string;
  reference: string;
  productionDate: Dayjs | null;
  reason: string;
};
const FIELDS = ["productId", "kind", "quantity", "reference", "productionDate", "reason"];

/** 入库 / 出库 / 调整: one movement on the stock ledger (production receipts carry the 产品单). */
export function MovementModal({
  product,
  kind = "production_receipt",
  onClose,
}: {
  product?: { id: string; label: string } | undefined;
  kind?: MovementKind;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateProducts();
  const [form] = Form.useForm<Values>();
  const productId = Form.useWatch("productId", form) ?? product?.id ?? null;
  const chosenKind = Form.useWatch("kind", form) ?? kind;
  const current = useQuery({
    queryKey: [...productKeys.all, "one", productId],
    queryFn: () => fetchProduct(productId ?? ""),
    enabled: !!productId,
  });

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body: StockMovementCreate = {
        productId: v.productId ?? "",
        kind: v.kind,
        quantity: v.quantity.trim(),
        reference: blankToNull(v.reference),
        reason: blankToNull(v.reason),
      };
      if (v.kind === "production_receipt")
        body.productionDate = v.productionDate?.format("YYYY-MM-DD") ?? null;
      return createMovement(body);
    },
    onSuccess: (m) => {
      void message.success(
        t("products.movement.saved", { code: m.productCode, balance: formatQuantity(m.balanceAfter) }),
      );
      void invalidate();
      onClose();
    },
    onError: (error) => {
      if (isApiError(error) && !isInsufficientStock(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
    },
  });
  const error = save.error;
  const showBanner =
    !!error && (isInsufficientStock(error) || !(isApiError(error) && error.fieldErrors.length > 0));
  const adjustment = chosenKind === "adjustment";
  const production = chosenKind === "production_receipt";
  const quantityLabel = adjustment ? t("products.movement.adjustQuantity") : t("products.movement.quantity");

  return (
    <Modal
      open
      title={t("products.movement.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("products.common.save")}
      cancelText={t("products.common.cancel")}
      confirmLoading={save.isPending}
      width={600}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="movement-form"
        initialValues={{
          productId: product?.id ?? null,
          kind,
          quantity: "",
          reference: "",
          productionDate: null,
          reason: "",
        }}
        onValuesChange={() => save.reset()}
        onFinish={(v) => save.mutate(v)}
      >
        {showBanner && (
          <Alert
            type="error"
            showIcon
            role="alert"
            title={stockErrorMessage(error)}
            style={{ marginBottom: 16 }}
          />
        )}
        <Row gutter={16}>
          <Col span={24}>
            <Form.Item
              name="productId"
              label={t("products.movement.product")}
              required
              rules={[
                {
                  required: true,
                  message: t("products.common.requiredChoice", { field: t("products.movement.product") }),
                },
              ]}
              extra={
                current.data && (
                  <Typography.Text type={current.data.lowStock ? "danger" : "secondary"}>
                    {t("products.movement.current", {
                      stock: formatQuantity(current.data.stock),
                      unit: current.data.unit,
                    })}
                  </Typography.Text>
                )
              }
            >
              <ProductSelect initialLabel={product?.label} disabled={!!product} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="kind" label={t("products.movement.kind")} required>
              <Select options={MOVEMENT_KINDS.map((k) => ({ value: k, label: t(`products.kinds.${k}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="quantity"
              label={quantityLabel}
              required
              extra={adjustment ? t("products.movement.adjustHint") : undefined}
              rules={[adjustment ? signedQuantityRule(quantityLabel) : quantityRule(quantityLabel)]}
            >
              <Input inputMode="decimal" suffix={current.data?.unit} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="reference"
              label={production ? t("products.movement.productSlip") : t("products.movement.reference")}
              rules={[{ max: 50 }]}
            >
              <Input maxLength={50} />
            </Form.Item>
          </Col>
          {production && (
            <Col xs={24} sm={12}>
              <Form.Item name="productionDate" label={t("products.movement.productionDate")}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          )}
          {adjustment && (
            <Col span={24}>
              <Form.Item
                name="reason"
                label={t("products.movement.reason")}
                required
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t("products.common.required", { field: t("products.movement.reason") }),
                  },
                  { max: 200 },
                ]}
              >
                <Input.TextArea rows={2} maxLength={200} />
              </Form.Item>
            </Col>
          )}
        </Row>
      </Form>
    </Modal>
  );
}
