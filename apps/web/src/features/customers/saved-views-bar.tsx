import { DeleteOutlined, SaveOutlined } from "@ant-design/icons";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Button, Flex, Form, Input, Modal, Popconfirm, Select, Tooltip, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import { createSavedView, deleteSavedView } from "./customers-io-api";
import { customerIoKeys, useSavedViews } from "./use-customer-io";

export type ViewQuery = Record<string, string>;

interface SavedViewsBarProps {
  /** The list's state as a view stores it: the filters and a sort other than the default. */
  query: ViewQuery;
  columns: readonly string[];
  onApply: (query: ViewQuery, columns: string[] | null) => void;
}

const flat = (query: Record<string, string | string[]>): ViewQuery =>
  Object.fromEntries(
    Object.entries(query).flatMap(([k, v]) => {
      const value = Array.isArray(v) ? v[0] : v;
      return value ? [[k, value]] : [];
    }),
  );

const sameQuery = (a: ViewQuery, b: ViewQuery) => {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

/** 我的视图: pick a saved view (filters and columns), save the current one, delete one. */
export function SavedViewsBar({ query, columns, onApply }: SavedViewsBarProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const views = useSavedViews();
  const [saving, setSaving] = useState(false);
  // The view last saved or picked: several views may hold the same filters, and the one the user
  // chose is the one to show (and to delete), not merely the first that matches.
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [form] = Form.useForm<{ name: string }>();
  const items = views.data ?? [];
  const matching = items.filter((v) => sameQuery(flat(v.query), query));
  const current = matching.find((v) => v.id === chosenId) ?? matching[0];

  const refresh = () => client.invalidateQueries({ queryKey: customerIoKeys.views });
  const save = useMutation({
    mutationFn: (name: string) => createSavedView({ name, query, columns: [...columns] }),
    onSuccess: (view) => {
      void message.success(t("customers.views.saved", { name: view.name }));
      setChosenId(view.id);
      setSaving(false);
      void refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const remove = useMutation({
    mutationFn: (view: { id: string; version: number }) => deleteSavedView(view),
    onSuccess: () => {
      void message.success(t("customers.views.deleted"));
      void refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  return (
    <Flex gap={4} align="center" className="saved-views">
      <Select<string>
        value={current?.id ?? null}
        placeholder={t("customers.views.placeholder")}
        aria-label={t("customers.views.label")}
        loading={views.isLoading}
        className="saved-views__select"
        popupMatchSelectWidth={false}
        notFoundContent={<Typography.Text type="secondary">{t("customers.views.empty")}</Typography.Text>}
        options={items.map((v) => ({ value: v.id, label: v.name }))}
        onChange={(id) => {
          const view = items.find((v) => v.id === id);
          if (!view) return;
          setChosenId(view.id);
          onApply(flat(view.query), view.columns);
        }}
      />
      {current && (
        <Popconfirm
          title={t("customers.views.deleteConfirm", { name: current.name })}
          okButtonProps={{ danger: true }}
          onConfirm={() => remove.mutate(current)}
        >
          <Tooltip title={t("customers.views.delete")}>
            <Button
              type="text"
              icon={<DeleteOutlined aria-hidden />}
              aria-label={t("customers.views.delete")}
              loading={remove.isPending}
            />
          </Tooltip>
        </Popconfirm>
      )}
      <Tooltip title={t("customers.views.save")}>
        <Button
          icon={<SaveOutlined aria-hidden />}
          aria-label={t("customers.views.save")}
          onClick={() => {
            form.resetFields();
            setSaving(true);
          }}
        />
      </Tooltip>
      <Modal
        open={saving}
        title={t("customers.views.saveTitle")}
        onCancel={() => setSaving(false)}
        onOk={() => form.submit()}
        okText={t("customers.common.save")}
        cancelText={t("customers.common.cancel")}
        confirmLoading={save.isPending}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{t("customers.views.saveHint")}</Typography.Paragraph>
        <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v.name.trim())} preserve={false}>
          <Form.Item
            name="name"
            label={t("customers.views.name")}
            rules={[
              { required: true, whitespace: true, message: t("customers.views.nameRequired") },
              { max: 30, message: t("customers.views.nameTooLong") },
            ]}
          >
            <Input placeholder={t("customers.views.namePlaceholder")} maxLength={30} showCount autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </Flex>
  );
}
