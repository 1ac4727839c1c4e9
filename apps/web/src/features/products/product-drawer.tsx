import { type Product, ProductCreate, type ProductUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Col, Form, Input, Row, Select, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../shared/api";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import { FormDrawer } from "./form-drawer";
import { createProduct, updateProduct } from "./products-api";
import { blankToNull, formatQuantity, isConflict, moneyRule, quantityRule } from "./products-format";
import { useCategories, useInvalidateProducts } from "./use-products-queries";

type Values = {
  categoryId: string | undefined;
  name: string;
  specification: string;
  unit: string;
  listPrice: string;
  standardCost: string;
  lowStockThreshold: string;
  active: boolean;
  description: string;
};
const FIELDS = [
  "categoryId",
  "name",
  "specification",
  "unit",
  "listPrice",
  "standardCost",
  "lowStockThreshold",
  "active",
  "description",
];
const shape = ProductCreate.shape;

/** 产品: add one (the code comes from its category) or change one. */
export function ProductDrawer({ product, onClose }: { product: Product | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const categories = useCategories();
  const invalidate = useInvalidateProducts();
  const [form] = Form.useForm<Values>();
  const label = (key: keyof typeof shape): string =>
    key === "categoryId" ? t("products.fields.category") : t(`products.fields.${key}`);

  const initial: Values = {
    categoryId: product?.categoryId,
    name: product?.name ?? "",
    specification: product?.specification ?? "",
    unit: product?.unit ?? "件",
    listPrice: product?.listPrice ?? "",
    standardCost: product?.standardCost ?? "",
    lowStockThreshold: formatQuantity(product?.lowStockThreshold),
    active: product?.active ?? true,
    description: product?.description ?? "",
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name.trim(),
        specification: blankToNull(v.specification),
        unit: v.unit.trim(),
        listPrice: v.listPrice.trim(),
        standardCost: blankToNull(v.standardCost),
        lowStockThreshold: blankToNull(v.lowStockThreshold),
        active: v.active,
        description: blankToNull(v.description),
      };
      if (!product) return createProduct({ ...body, categoryId: v.categoryId ?? "" });
      const patch: ProductUpdate = body;
      return updateProduct(product.id, product.version, patch);
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
      if (isConflict(error)) void invalidate();
    },
  });
  const error = save.error;
  const fieldError = isApiError(error) && error.fieldErrors.some((e) => isFormField(e.field, FIELDS));

  return (
    <FormDrawer
      title={
        product ? t("products.catalog.editTitle", { code: product.code }) : t("products.catalog.addTitle")
      }
      error={fieldError ? null : error}
      saving={save.isPending}
      onSave={() => form.submit()}
      onClose={onClose}
    >
      {({ markDirty, clean }) => (
        <Form<Values>
          form={form}
          layout="vertical"
          name="product-form"
          initialValues={initial}
          disabled={save.isPending}
          onValuesChange={markDirty}
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: (saved) => {
                clean();
                void message.success(
                  t(product ? "products.catalog.updated" : "products.catalog.created", { code: saved.code }),
                );
                void invalidate();
                onClose();
              },
            })
          }
        >
          <Row gutter={16}>
            <Col xs={24} sm={12}>
              <Form.Item
                name="categoryId"
                label={label("categoryId")}
                required
                rules={[
                  {
                    required: true,
                    message: t("products.common.requiredChoice", { field: label("categoryId") }),
                  },
                ]}
                extra={product ? undefined : t("products.catalog.codeHint")}
              >
                <Select
                  disabled={!!product}
                  loading={categories.isPending}
                  options={(categories.data ?? [])
                    .filter((c) => c.active || c.id === product?.categoryId)
                    .map((c) => ({ value: c.id, label: `${c.letter} · ${c.name}` }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              {product && (
                <Form.Item label={t("products.fields.code")}>
                  <Typography.Text strong>{product.code}</Typography.Text>
                </Form.Item>
              )}
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="name"
                label={label("name")}
                required
                rules={[zodRule(shape.name, label("name"))]}
              >
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="specification"
                label={label("specification")}
                rules={[zodRule(shape.specification, label("specification"), { optional: true })]}
              >
                <Input maxLength={100} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item
                name="unit"
                label={label("unit")}
                required
                rules={[zodRule(shape.unit, label("unit"))]}
              >
                <Input maxLength={10} />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item
                name="listPrice"
                label={label("listPrice")}
                required
                rules={[moneyRule(label("listPrice"))]}
              >
                <Input prefix="¥" inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item
                name="standardCost"
                label={label("standardCost")}
                rules={[moneyRule(label("standardCost"), true)]}
              >
                <Input prefix="¥" inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item
                name="lowStockThreshold"
                label={label("lowStockThreshold")}
                rules={[quantityRule(label("lowStockThreshold"), true)]}
              >
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col xs={12} sm={8}>
              <Form.Item name="active" label={label("active")} valuePropName="checked">
                <Switch
                  checkedChildren={t("products.catalog.activeYes")}
                  unCheckedChildren={t("products.catalog.activeNo")}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="description"
                label={label("description")}
                rules={[zodRule(shape.description, label("description"), { optional: true })]}
              >
                <Input.TextArea rows={3} maxLength={500} showCount />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </FormDrawer>
  );
}
