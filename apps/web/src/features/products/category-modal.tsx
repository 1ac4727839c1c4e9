import { PlusOutlined } from "@ant-design/icons";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Form, Input, Modal, Table, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError, usePermissions } from "../../shared/api";
import { applyFieldErrors } from "../../shared/forms/zod-rule";
import { type Category, createCategory, updateCategory } from "./products-api";
import { useCategories, useInvalidateProducts } from "./use-products-queries";

/** 分类管理: the A–Z categories that prefix product codes; add, rename, retire. */
export function CategoryModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const categories = useCategories();
  const invalidate = useInvalidateProducts();
  const [form] = Form.useForm<{ letter: string; name: string }>();

  const add = useMutation({
    mutationFn: (v: { letter: string; name: string }) =>
      createCategory({ letter: v.letter.trim().toUpperCase(), name: v.name.trim() }),
    onSuccess: (c) => {
      void message.success(t("products.categories.created", { letter: c.letter, name: c.name }));
      form.resetFields();
      void invalidate();
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, ["letter", "name"]);
    },
  });
  const change = useMutation({
    mutationFn: (v: { category: Category; name?: string; active?: boolean }) =>
      updateCategory(v.category.id, v.category.version, { name: v.name, active: v.active }),
    onSuccess: () => {
      void message.success(t("products.categories.updated"));
      void invalidate();
    },
    onError: (error) => {
      void message.error(errorMessage(error));
      void invalidate();
    },
  });

  return (
    <Modal
      open
      title={t("products.categories.title")}
      onCancel={onClose}
      footer={null}
      width={620}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        {can("product:create") && (
          <Form
            form={form}
            layout="inline"
            name="category-form"
            onFinish={(v) => add.mutate(v)}
            style={{ rowGap: 8 }}
          >
            <Form.Item
              name="letter"
              label={t("products.categories.letter")}
              required
              tooltip={t("products.categories.letterHint")}
              normalize={(v: string) => v?.toUpperCase()}
              rules={[
                {
                  validator: async (_r, v: string | undefined) => {
                    if (!v || !/^[A-Z]$/.test(v)) throw new Error(t("products.categories.letterFormat"));
                  },
                },
              ]}
            >
              <Input maxLength={1} style={{ width: 56 }} />
            </Form.Item>
            <Form.Item
              name="name"
              label={t("products.categories.name")}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t("products.common.required", { field: t("products.categories.name") }),
                },
              ]}
            >
              <Input maxLength={30} style={{ width: 180 }} />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              icon={<PlusOutlined aria-hidden />}
              loading={add.isPending}
            >
              {t("products.categories.add")}
            </Button>
          </Form>
        )}
        {add.error && !(isApiError(add.error) && add.error.fieldErrors.length) ? (
          <Alert type="error" showIcon title={errorMessage(add.error)} />
        ) : null}
        <Table<Category>
          rowKey="id"
          size="small"
          loading={categories.isPending}
          dataSource={categories.data ?? []}
          pagination={false}
          columns={[
            {
              key: "letter",
              title: t("products.categories.letter"),
              width: 70,
              render: (_, c) => <Tag>{c.letter}</Tag>,
            },
            {
              key: "name",
              title: t("products.categories.name"),
              render: (_, c) => (
                <Typography.Text
                  editable={
                    can("product:update")
                      ? {
                          onChange: (name) => {
                            if (name.trim() && name.trim() !== c.name)
                              change.mutate({ category: c, name: name.trim() });
                          },
                          tooltip: t("products.categories.rename"),
                        }
                      : false
                  }
                >
                  {c.name}
                </Typography.Text>
              ),
            },
            {
              key: "active",
              title: t("products.categories.active"),
              width: 90,
              render: (_, c) => (
                <Tag color={c.active ? "green" : "default"}>
                  {c.active ? t("products.categories.activeYes") : t("products.categories.activeNo")}
                </Tag>
              ),
            },
            {
              key: "actions",
              title: t("products.common.actions"),
              width: 90,
              render: (_, c) =>
                can("product:update") && (
                  <Button
                    size="small"
                    type="link"
                    onClick={() => change.mutate({ category: c, active: !c.active })}
                  >
                    {c.active ? t("products.categories.retire") : t("products.categories.reactivate")}
                  </Button>
                ),
            },
          ]}
        />
      </Flex>
    </Modal>
  );
}
