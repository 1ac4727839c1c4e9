import {
  CUSTOM_FIELD_TYPES,
  CustomFieldCreate,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomFieldType,
  type CustomFieldUpdate,
  isChoiceType,
  UNIQUE_CAPABLE,
} from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Col, Drawer, Form, Input, Radio, Row, Switch, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../shared/api";
import {
  createCustomField,
  fetchCustomField,
  updateCustomField,
} from "../../shared/custom-fields/custom-fields-api";
import { useInvalidateCustomFields } from "../../shared/custom-fields/use-custom-fields";
import { mergeReloaded } from "../../shared/forms/merge-reload";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import { isConflict } from "./admin-format";
import { CustomFieldOptionsEditor, type OptionRow, optionValue } from "./custom-field-options-editor";
import { SaveAlerts, SaveCancelFooter } from "./form-drawer-parts";
import { useInvalidateAdmin } from "./use-admin-queries";

interface FieldFormValues {
  label: string;
  labelEn: string;
  key: string;
  type: CustomFieldType;
  options: OptionRow[];
  required: boolean;
  unique: boolean;
  helpText: string;
}

const FIELDS = ["label", "labelEn", "key", "type", "options", "required", "unique", "helpText"];
const KEY = /^[a-z][a-z0-9_]{1,39}$/;
const shape = CustomFieldCreate.shape;

function toValues(field: CustomFieldDefinition | null): FieldFormValues {
  return {
    label: field?.label ?? "",
    labelEn: field?.labelEn ?? "",
    key: field?.key ?? "",
    type: field?.type ?? "text",
    options: field?.options.map((o) => ({ ...o, saved: true })) ?? [],
    required: field?.required ?? false,
    unique: field?.unique ?? false,
    helpText: field?.helpText ?? "",
  };
}

const blankToNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);
const optionsOf = (rows: readonly OptionRow[] | undefined) =>
  (rows ?? []).map((row) => ({ value: optionValue(row), label: row.label.trim() }));

/** The create request: the key only when typed, options only for choices, unique only where allowed. */
export function toCreateBody(entity: CustomFieldEntity, v: FieldFormValues): CustomFieldCreate {
  const body: CustomFieldCreate = {
    entity,
    label: v.label.trim(),
    type: v.type,
    required: v.required,
    unique: UNIQUE_CAPABLE.includes(v.type) && v.unique,
  };
  if (v.key.trim()) body.key = v.key.trim();
  if (blankToNull(v.labelEn)) body.labelEn = blankToNull(v.labelEn);
  if (blankToNull(v.helpText)) body.helpText = blankToNull(v.helpText);
  if (isChoiceType(v.type)) body.options = optionsOf(v.options);
  return body;
}

/** Only what differs from the field as loaded (its key and type never change). */
export function toUpdateBody(before: CustomFieldDefinition, v: FieldFormValues): CustomFieldUpdate {
  const patch: CustomFieldUpdate = {};
  if (v.label.trim() !== before.label) patch.label = v.label.trim();
  if (blankToNull(v.labelEn) !== before.labelEn) patch.labelEn = blankToNull(v.labelEn);
  if (blankToNull(v.helpText) !== before.helpText) patch.helpText = blankToNull(v.helpText);
  if (v.required !== before.required) patch.required = v.required;
  const unique = UNIQUE_CAPABLE.includes(before.type) && v.unique;
  if (unique !== before.unique) patch.unique = unique;
  if (isChoiceType(before.type)) {
    const options = optionsOf(v.options);
    if (JSON.stringify(options) !== JSON.stringify(before.options)) patch.options = options;
  }
  return patch;
}

interface CustomFieldDrawerProps {
  entity: CustomFieldEntity;
  /** null: a new field. */
  field: CustomFieldDefinition | null;
  onClose: () => void;
}

/** Create or edit a custom field; an edit sends only the changed properties, with If-Match. */
export function CustomFieldDrawer({ entity, field, onClose }: CustomFieldDrawerProps) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateCustomFields();
  const invalidateAdmin = useInvalidateAdmin();
  const [form] = Form.useForm<FieldFormValues>();
  /** The version edits are based on; a reload after a conflict replaces it but keeps the typed values. */
  const [baseline, setBaseline] = useState<CustomFieldDefinition | null>(field);
  const [dirty, setDirty] = useState(false);
  const type = (Form.useWatch("type", form) ?? field?.type ?? "text") as CustomFieldType;
  const choice = isChoiceType(type);
  const uniqueCapable = UNIQUE_CAPABLE.includes(type);

  const save = useMutation({
    mutationFn: async (values: FieldFormValues) => {
      if (!baseline) return createCustomField(toCreateBody(entity, values));
      const patch = toUpdateBody(baseline, values);
      if (Object.keys(patch).length === 0) return null;
      return updateCustomField(baseline.id, baseline.version, patch);
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t("admin.common.noChanges"));
        return;
      }
      void message.success(
        baseline ? t("admin.customFields.updated") : t("admin.customFields.created", { name: saved.label }),
      );
      void invalidate();
      void invalidateAdmin();
      onClose();
    },
    onError: (error, values) => {
      if (!isApiError(error)) return;
      applyFieldErrors(form, error.fieldErrors, FIELDS);
      // Say which of the removed options records still use (the server names one; any may be).
      if (baseline && error.fieldErrors.some((e) => e.code === "custom_option_in_use")) {
        const kept = new Set(optionsOf(values.options).map((o) => o.value));
        const removed = baseline.options.filter((o) => !kept.has(o.value)).map((o) => o.label);
        const labels = removed.join(t("admin.audit.listSeparator"));
        form.setFields([
          {
            name: "options",
            errors: [
              removed.length > 1
                ? t("admin.customFields.optionsInUse", { labels })
                : t("admin.customFields.optionInUse", { labels }),
            ],
          },
        ]);
      }
    },
  });
  const reload = useMutation({
    mutationFn: () => fetchCustomField(baseline?.id ?? ""),
    onSuccess: (fresh) => {
      // What the user changed stays; the rest (and the options, unless edited) comes from the fresh field.
      const merged = mergeReloaded<FieldFormValues>(
        form.getFieldsValue(true) as FieldFormValues,
        toValues(baseline),
        toValues(fresh),
      );
      merged.options = (merged.options ?? []).map((r) => ({
        ...r,
        saved: fresh.options.some((o) => o.value === optionValue(r)),
      }));
      form.setFieldsValue(merged);
      setBaseline(fresh);
      save.reset();
    },
  });

  const close = () => {
    if (!dirty || save.isPending) {
      onClose();
      return;
    }
    modal.confirm({
      title: t("admin.customFields.discardTitle"),
      content: t("admin.customFields.discardBody"),
      okText: t("admin.customFields.discard"),
      okButtonProps: { danger: true },
      cancelText: t("admin.customFields.keepEditing"),
      onOk: onClose,
    });
  };

  const onTypeChange = (next: CustomFieldType) => {
    if (isChoiceType(next) && !(form.getFieldValue("options") as OptionRow[] | undefined)?.length) {
      form.setFieldValue("options", [
        { value: "", label: "" },
        { value: "", label: "" },
      ]);
    }
    if (!UNIQUE_CAPABLE.includes(next)) form.setFieldValue("unique", false);
  };

  const error = save.error;
  const conflict = isConflict(error);
  const onFields = isApiError(error) && error.fieldErrors.some((e) => isFormField(e.field, FIELDS));
  const entityName = t(`admin.customFields.entities.${entity}`);

  return (
    <Drawer
      open
      onClose={close}
      destroyOnHidden
      size={640}
      title={
        field
          ? t("admin.customFields.editTitle", { name: field.label })
          : t("admin.customFields.createTitle", { entity: entityName })
      }
      footer={<SaveCancelFooter onCancel={close} onSave={() => form.submit()} saving={save.isPending} />}
    >
      <SaveAlerts
        conflict={Boolean(conflict)}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
        error={error}
        onFields={onFields}
      />
      <Form<FieldFormValues>
        form={form}
        layout="vertical"
        name="custom-field-form"
        initialValues={toValues(field)}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => save.mutate(values)}
        disabled={save.isPending}
        scrollToFirstError={{ behavior: "smooth", block: "center" }}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="label"
              label={t("admin.customFields.label")}
              required
              rules={[zodRule(shape.label, t("admin.customFields.label"))]}
            >
              <Input
                maxLength={30}
                showCount
                placeholder={t("admin.customFields.labelPlaceholder")}
                autoComplete="off"
              />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="labelEn"
              label={t("admin.customFields.labelEn")}
              rules={[zodRule(shape.labelEn, t("admin.customFields.labelEn"), { optional: true })]}
            >
              <Input
                maxLength={50}
                placeholder={t("admin.customFields.labelEnPlaceholder")}
                autoComplete="off"
              />
            </Form.Item>
          </Col>
        </Row>
        {field ? (
          <Form.Item label={t("admin.customFields.key")} tooltip={t("admin.customFields.keyFixed")}>
            <Typography.Text className="admin-mono" copyable>
              {field.key}
            </Typography.Text>
          </Form.Item>
        ) : (
          <Form.Item
            name="key"
            label={t("admin.customFields.key")}
            extra={t("admin.customFields.keyHint")}
            rules={[
              {
                validator: async (_rule, value: string | undefined) => {
                  if (value?.trim() && !KEY.test(value.trim()))
                    throw new Error(t("admin.customFields.keyFormat"));
                },
              },
            ]}
          >
            <Input
              maxLength={40}
              placeholder={t("admin.customFields.keyPlaceholder")}
              className="admin-mono-input"
              autoComplete="off"
              spellCheck={false}
            />
          </Form.Item>
        )}
        <Form.Item
          name="type"
          label={t("admin.customFields.type")}
          required
          extra={field ? t("admin.customFields.typeFixed") : t(`admin.customFields.typeHints.${type}`)}
        >
          <Radio.Group
            optionType="button"
            disabled={!!field}
            onChange={(e) => onTypeChange(e.target.value as CustomFieldType)}
            options={CUSTOM_FIELD_TYPES.map((value) => ({ value, label: t(`customFields.types.${value}`) }))}
          />
        </Form.Item>
        {choice && (
          <Form.Item label={t("admin.customFields.options")} required>
            <CustomFieldOptionsEditor />
          </Form.Item>
        )}
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="required"
              label={t("admin.customFields.required")}
              valuePropName="checked"
              extra={t("admin.customFields.requiredHint")}
            >
              <Switch />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item
              name="unique"
              label={t("admin.customFields.unique")}
              valuePropName="checked"
              extra={
                uniqueCapable ? t("admin.customFields.uniqueHint") : t("admin.customFields.uniqueNotAllowed")
              }
            >
              <Switch disabled={!uniqueCapable} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="helpText"
          label={t("admin.customFields.helpText")}
          rules={[zodRule(shape.helpText, t("admin.customFields.helpText"), { optional: true })]}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={t("admin.customFields.helpTextPlaceholder")}
          />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
