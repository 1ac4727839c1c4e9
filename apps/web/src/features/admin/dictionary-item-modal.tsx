import { type DictionaryItem, DictionaryItemCreate, type DictionaryType } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, InputNumber, Modal, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError } from "../../shared/api";
import { mergeReloaded } from "../../shared/forms/merge-reload";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import { createDictionaryItem, fetchDictionaryItems, updateDictionaryItem } from "./admin-api";
import { isConflict } from "./admin-format";

interface ItemFormValues {
  code: string;
  label: string;
  labelEn: string;
  sortOrder: number | null;
}

const FIELDS = ["code", "label", "labelEn", "sortOrder"];
const CODE = /^[A-Za-z0-9_-]+$/;
const shape = DictionaryItemCreate.shape;
const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

interface DictionaryItemModalProps {
  type: DictionaryType;
  /** null: a new item. */
  item: DictionaryItem | null;
  /** Where a new item goes by default: after the last one. */
  nextSortOrder: number;
  onClose: () => void;
  onSaved: (item: DictionaryItem, created: boolean) => void;
}

/** Add an item to a list, or relabel and reorder one (its code never changes). */
export function DictionaryItemModal({
  type,
  item,
  nextSortOrder,
  onClose,
  onSaved,
}: DictionaryItemModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<ItemFormValues>();
  const [baseline, setBaseline] = useState<DictionaryItem | null>(item);
  const typeName = t(`admin.dictionaries.types.${type}`);

  const save = useMutation({
    mutationFn: async (v: ItemFormValues) => {
      const sortOrder = v.sortOrder ?? undefined;
      if (!baseline) {
        return createDictionaryItem({
          type,
          code: v.code.trim(),
          label: v.label.trim(),
          labelEn: blankToNull(v.labelEn),
          ...(sortOrder === undefined ? {} : { sortOrder }),
        });
      }
      const patch: { label?: string; labelEn?: string | null; sortOrder?: number } = {};
      if (v.label.trim() !== baseline.label) patch.label = v.label.trim();
      if (blankToNull(v.labelEn) !== baseline.labelEn) patch.labelEn = blankToNull(v.labelEn);
      if (sortOrder !== undefined && sortOrder !== baseline.sortOrder) patch.sortOrder = sortOrder;
      if (Object.keys(patch).length === 0) return null;
      return updateDictionaryItem(baseline.id, baseline.version, patch);
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t("admin.common.noChanges"));
        return;
      }
      onSaved(saved, !baseline);
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
    },
  });
  const reload = useMutation({
    mutationFn: async () => (await fetchDictionaryItems(type)).find((i) => i.id === baseline?.id),
    onSuccess: (fresh) => {
      if (fresh) {
        const values = (item: DictionaryItem | null) => ({
          label: item?.label ?? "",
          labelEn: item?.labelEn ?? "",
          sortOrder: item?.sortOrder ?? null,
        });
        form.setFieldsValue(mergeReloaded(form.getFieldsValue(true), values(baseline), values(fresh)));
        setBaseline(fresh);
      }
      save.reset();
    },
  });

  const error = save.error;
  const conflict = isConflict(error);
  const onFields = isApiError(error) && error.fieldErrors.some((e) => isFormField(e.field, FIELDS));

  return (
    <Modal
      open
      title={
        item
          ? t("admin.dictionaries.editTitle", { type: typeName, name: item.label })
          : t("admin.dictionaries.createTitle", { type: typeName })
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("admin.common.save")}
      cancelText={t("admin.common.cancel")}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={520}
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t("admin.common.conflictTitle")}
          description={t("admin.common.conflictBody")}
          action={
            <Button size="small" loading={reload.isPending} onClick={() => reload.mutate()}>
              {t("admin.common.reload")}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {error && !conflict && !onFields && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<ItemFormValues>
        form={form}
        layout="vertical"
        name="dictionary-item-form"
        initialValues={{
          code: item?.code ?? "",
          label: item?.label ?? "",
          labelEn: item?.labelEn ?? "",
          sortOrder: item?.sortOrder ?? nextSortOrder,
        }}
        onFinish={(values) => save.mutate(values)}
        disabled={save.isPending}
      >
        {item ? (
          <Form.Item label={t("admin.dictionaries.code")} tooltip={t("admin.dictionaries.codeFixed")}>
            <Typography.Text className="admin-mono">{item.code}</Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="code"
            label={t("admin.dictionaries.code")}
            required
            extra={t("admin.dictionaries.codeHint")}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  const text = value?.trim() ?? "";
                  if (!text)
                    throw new Error(t("validation.required", { field: t("admin.dictionaries.code") }));
                  if (text.length > 20)
                    throw new Error(
                      t("validation.tooLong", { field: t("admin.dictionaries.code"), max: 20 }),
                    );
                  if (!CODE.test(text)) throw new Error(t("admin.dictionaries.codeFormat"));
                },
              },
            ]}
          >
            <Input
              maxLength={20}
              placeholder={t("admin.dictionaries.codePlaceholder")}
              className="admin-mono-input"
              autoComplete="off"
              spellCheck={false}
            />
          </Form.Item>
        )}
        <Form.Item
          name="label"
          label={t("admin.dictionaries.label")}
          required
          rules={[zodRule(shape.label, t("admin.dictionaries.label"))]}
        >
          <Input
            maxLength={30}
            showCount
            placeholder={t("admin.dictionaries.labelPlaceholder")}
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item
          name="labelEn"
          label={t("admin.dictionaries.labelEn")}
          rules={[zodRule(shape.labelEn, t("admin.dictionaries.labelEn"), { optional: true })]}
        >
          <Input maxLength={50} placeholder={t("admin.dictionaries.labelEnPlaceholder")} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="sortOrder"
          label={t("admin.dictionaries.sortOrder")}
          extra={t("admin.dictionaries.sortOrderHint")}
        >
          <InputNumber min={0} max={10_000} precision={0} style={{ width: 160 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
