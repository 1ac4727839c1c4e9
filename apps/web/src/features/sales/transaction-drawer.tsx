import type { Transaction, TransactionUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Col, DatePicker, Form, Input, Row, Typography } from "antd";
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
  isInsufficientStock,
  liveAmount,
  moneyRule,
  quantityRule,
} from "../products/products-format";
import { CustomerSelect } from "../relationship/activity-pickers";
import { createTransaction, updateTransaction } from "./sales-api";
import { useInvalidateSales } from "./use-sales-queries";

type Values = {
  customerId: string | null;
  productId: string | null;
  orderNumber: string;
  date: Dayjs | null;
  unitPrice: string;
  quantity: string;
};
const FIELDS = ["customerId", "productId", "orderNumber", "date", "unitPrice", "quantity"];

/**
 * 交易记录 (input screen 3): the customer is chosen from the customer list; customer, unit price and
 * quantity are required; the amount is the server's (shown live here).
 */
export function TransactionDrawer({
  transaction,
  onClose,
}: {
  transaction: Transaction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateSales();
  const [form] = Form.useForm<Values>();
  const unitPrice = Form.useWatch("unitPrice", form);
  const quantity = Form.useWatch("quantity", form);
  const amount = liveAmount(unitPrice, quantity);
  const x = (k: "date" | "orderNumber" | "unitPrice" | "quantity" | "amount") => t(`sales.transactions.${k}`);
  const fromOrder = !!transaction?.orderId;

  const initial: Values = {
    customerId: transaction?.customerId ?? null,
    productId: transaction?.productId ?? null,
    orderNumber: transaction?.orderNumber ?? "",
    date: transaction ? dayjs(transaction.date) : dayjs(),
    unitPrice: transaction?.unitPrice ?? "",
    quantity: formatQuantity(transaction?.quantity),
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const date = (v.date ?? dayjs()).format("YYYY-MM-DD");
      if (!transaction)
        return createTransaction({
          customerId: v.customerId ?? "",
          productId: v.productId ?? "",
          orderNumber: blankToNull(v.orderNumber),
          date,
          unitPrice: v.unitPrice.trim(),
          quantity: v.quantity.trim(),
        });
      const patch: TransactionUpdate = { date };
      if (!fromOrder) {
        patch.orderNumber = blankToNull(v.orderNumber);
        if (v.unitPrice.trim() !== transaction.unitPrice) patch.unitPrice = v.unitPrice.trim();
        if (v.quantity.trim() !== formatQuantity(transaction.quantity)) patch.quantity = v.quantity.trim();
      }
      return updateTransaction(transaction.id, transaction.version, patch);
    },
    onError: (error) => {
      if (isApiError(error) && !isInsufficientStock(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
      if (isConflict(error)) void invalidate();
    },
  });
  const error = save.error;
  const fieldError =
    isApiError(error) &&
    !isInsufficientStock(error) &&
    error.fieldErrors.some((e) => isFormField(e.field, FIELDS));

  return (
    <FormDrawer
      title={transaction ? t("sales.transactions.editTitle") : t("sales.transactions.addTitle")}
      error={fieldError ? null : error}
      saving={save.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {({ markDirty, clean }) => (
        <Form<Values>
          form={form}
          layout="vertical"
          name="transaction-form"
          initialValues={initial}
          disabled={save.isPending}
          onValuesChange={() => {
            markDirty();
            if (save.isError) save.reset();
          }}
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: () => {
                clean();
                void message.success(
                  transaction ? t("sales.transactions.updated") : t("sales.transactions.created"),
                );
                void invalidate();
                onClose();
              },
            })
          }
        >
          {fromOrder && (
            <Alert
              type="info"
              showIcon
              title={t("sales.transactions.fromOrder")}
              style={{ marginBottom: 16 }}
            />
          )}
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item
                name="customerId"
                label={t("sales.transactions.customer")}
                required
                rules={[
                  {
                    required: true,
                    message: t("products.common.requiredChoice", { field: t("sales.transactions.customer") }),
                  },
                ]}
              >
                <CustomerSelect
                  aria-label={t("sales.transactions.customer")}
                  initialLabel={transaction?.customerName}
                  disabled={!!transaction}
                  allowClear={false}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="productId"
                label={t("sales.transactions.product")}
                required
                rules={[
                  {
                    required: true,
                    message: t("products.common.requiredChoice", { field: t("sales.transactions.product") }),
                  },
                ]}
              >
                <ProductSelect
                  aria-label={t("sales.transactions.product")}
                  disabled={!!transaction}
                  initialLabel={
                    transaction &&
                    productLabel({ code: transaction.productCode, name: transaction.productName })
                  }
                  onPick={(p) => {
                    if (p && !form.getFieldValue("unitPrice")) form.setFieldValue("unitPrice", p.listPrice);
                  }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="date"
                label={x("date")}
                required
                rules={[
                  { required: true, message: t("products.common.requiredChoice", { field: x("date") }) },
                ]}
              >
                <DatePicker style={{ width: "100%" }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="orderNumber" label={x("orderNumber")} rules={[{ max: 30 }]}>
                <Input maxLength={30} disabled={fromOrder} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="unitPrice" label={x("unitPrice")} required rules={[moneyRule(x("unitPrice"))]}>
                <Input prefix="¥" inputMode="decimal" disabled={fromOrder} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="quantity" label={x("quantity")} required rules={[quantityRule(x("quantity"))]}>
                <Input inputMode="decimal" disabled={fromOrder} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={8}>
              <Form.Item label={x("amount")} tooltip={t("sales.transactions.amountHint")}>
                <Typography.Text strong className="live-total" data-testid="transaction-amount">
                  {amount ? `¥${formatMoney(amount)}` : t("products.common.none")}
                </Typography.Text>
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </FormDrawer>
  );
}
