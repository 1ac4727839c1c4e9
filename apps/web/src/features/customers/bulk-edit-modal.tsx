import type { BulkCustomerUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Divider, Form, Modal, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError, usePermissions } from "../../shared/api";
import { CustomFieldControl, customFieldRules } from "../../shared/custom-fields/custom-field-inputs";
import {
  type CustomFormValues,
  customCreateValues,
  fieldLabel,
} from "../../shared/custom-fields/custom-field-values";
import { activeFields, useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import { bulkUpdateCustomers, type CustomerFilters } from "./customers-api";
import { OwnerSelect } from "./owner-select";
import { useDictionaries, useInvalidateCustomers } from "./use-customer-queries";

interface BulkEditValues {
  scope: "selected" | "filter";
  ownerId?: string | undefined;
  status?: string | undefined;
  class?: string | undefined;
  industry?: string | undefined;
  /** The custom fields to set (unique ones cannot take one value on many customers). */
  customKeys?: string[] | undefined;
  customFields?: CustomFormValues | undefined;
}

interface BulkEditModalProps {
  selectedIds: readonly string[];
  filters: CustomerFilters;
  /** How many customers match the filters, as shown above the list ("10,000+"). */
  matchingLabel: string;
  onClose: () => void;
  onDone: () => void;
}

/**
 * Set owner, status, class, industry or custom fields on the selected customers, or on all that
 * match the filters.
 */
export function BulkEditModal({ selectedIds, filters, matchingLabel, onClose, onDone }: BulkEditModalProps) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const dict = useDictionaries();
  const invalidate = useInvalidateCustomers();
  const [form] = Form.useForm<BulkEditValues>();
  const scope = Form.useWatch("scope", form);
  const customKeys = Form.useWatch("customKeys", form) ?? [];
  const settable = activeFields(useCustomFields("customer").data).filter((d) => !d.unique);
  const chosenFields = settable.filter((d) => customKeys.includes(d.key));
  const hasFilter = Object.values(filters).some(Boolean);

  const save = useMutation({
    mutationFn: (values: BulkEditValues) => {
      const set: BulkCustomerUpdate["set"] = {};
      if (values.ownerId) set.ownerId = values.ownerId;
      if (values.status) set.status = values.status;
      if (values.class) set.class = values.class;
      if (values.industry) set.industry = values.industry;
      const custom = customCreateValues(chosenFields, values.customFields);
      if (custom) set.customFields = custom;
      const body: BulkCustomerUpdate =
        values.scope === "selected" ? { ids: [...selectedIds], set } : { filter: { ...filters }, set };
      return bulkUpdateCustomers(body);
    },
    onSuccess: ({ updated }) => {
      void message.success(t("customers.bulk.done", { count: updated }));
      void invalidate();
      onDone();
    },
    onError: (error) => {
      // `set.customFields.<key>`: the message goes under that field's input.
      if (!isApiError(error)) return;
      form.setFields(
        error.fieldErrors
          .filter((e) => e.field.startsWith("set.customFields."))
          .map((e) => ({
            name: ["customFields", e.field.slice("set.customFields.".length)],
            errors: [e.message],
          })),
      );
    },
  });

  const onFinish = (values: BulkEditValues) => {
    const custom = customCreateValues(chosenFields, values.customFields);
    if (!values.ownerId && !values.status && !values.class && !values.industry && !custom) {
      form.setFields([{ name: "ownerId", errors: [t("customers.bulk.nothing")] }]);
      return;
    }
    save.mutate(values);
  };

  const dictField = (
    name: "status" | "class" | "industry",
    type: "customer_status" | "customer_class" | "industry",
  ) => (
    <Form.Item name={name} label={t(`customers.fields.${name}`)}>
      <Select allowClear options={dict.options(type)} placeholder={t("customers.bulk.keep")} />
    </Form.Item>
  );

  return (
    <Modal
      open
      title={t("customers.bulk.title")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("customers.bulk.confirm")}
      cancelText={t("customers.common.cancel")}
      confirmLoading={save.isPending}
      destroyOnHidden
      width={520}
    >
      {save.isError && (
        <Alert
          type="error"
          showIcon
          title={errorMessage(save.error)}
          description={
            isApiError(save.error) && save.error.fieldErrors.length
              ? save.error.fieldErrors.map((e) => <div key={e.field}>{e.message}</div>)
              : undefined
          }
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<BulkEditValues>
        form={form}
        layout="vertical"
        name="bulk-edit"
        initialValues={{ scope: selectedIds.length ? "selected" : "filter" }}
        onFinish={onFinish}
        disabled={save.isPending}
      >
        <Form.Item name="scope" label={t("customers.bulk.scope")}>
          <Radio.Group
            orientation="vertical"
            options={[
              {
                value: "selected",
                label: t("customers.bulk.scopeSelected", { count: selectedIds.length }),
                disabled: !selectedIds.length,
              },
              { value: "filter", label: t("customers.bulk.scopeFilter", { total: matchingLabel }) },
            ]}
          />
        </Form.Item>
        {scope === "filter" && !hasFilter && (
          <Alert
            type="warning"
            showIcon
            title={t("customers.bulk.scopeFilterNone", { total: matchingLabel })}
            style={{ marginBottom: 16 }}
          />
        )}
        <Typography.Paragraph type="secondary">{t("customers.bulk.setHint")}</Typography.Paragraph>
        {can("user:read") && (
          <Form.Item name="ownerId" label={t("customers.fields.ownerId")}>
            <OwnerSelect placeholder={t("customers.bulk.keep")} />
          </Form.Item>
        )}
        {dictField("status", "customer_status")}
        {dictField("class", "customer_class")}
        {dictField("industry", "industry")}
        {settable.length > 0 && (
          <>
            <Divider plain titlePlacement="start">
              {t("customFields.section")}
            </Divider>
            <Form.Item name="customKeys" label={t("customers.bulk.customFields")}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t("customers.bulk.customFieldsPlaceholder")}
                options={settable.map((d) => ({ value: d.key, label: fieldLabel(d, i18n.language) }))}
              />
            </Form.Item>
            {chosenFields.map((def) => {
              const label = fieldLabel(def, i18n.language);
              return (
                <Form.Item
                  key={def.key}
                  name={["customFields", def.key]}
                  label={label}
                  required
                  rules={[
                    { required: true, message: t("customers.bulk.customValueRequired", { field: label }) },
                    ...customFieldRules(def, label, false),
                  ]}
                  extra={def.helpText ?? undefined}
                >
                  <CustomFieldControl definition={def} variant="pick" />
                </Form.Item>
              );
            })}
          </>
        )}
      </Form>
    </Modal>
  );
}
