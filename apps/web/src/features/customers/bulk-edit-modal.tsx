import type { BulkCustomerUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Form, Modal, Radio, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { bulkUpdateCustomers, type CustomerFilters } from "./customers-api";
import { OwnerSelect } from "./owner-select";
import { useDictionaries, useInvalidateCustomers } from "./use-customer-queries";

interface BulkEditValues {
  scope: "selected" | "filter";
  ownerId?: string | undefined;
  status?: string | undefined;
  class?: string | undefined;
  industry?: string | undefined;
}

interface BulkEditModalProps {
  selectedIds: readonly string[];
  filters: CustomerFilters;
  /** How many customers match the filters, as shown above the list ("10,000+"). */
  matchingLabel: string;
  onClose: () => void;
  onDone: () => void;
}

/** Set owner, status, class or industry on the selected customers, or on all that match the filters. */
export function BulkEditModal({ selectedIds, filters, matchingLabel, onClose, onDone }: BulkEditModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const dict = useDictionaries();
  const invalidate = useInvalidateCustomers();
  const [form] = Form.useForm<BulkEditValues>();
  const scope = Form.useWatch("scope", form);
  const hasFilter = Object.values(filters).some(Boolean);

  const save = useMutation({
    mutationFn: (values: BulkEditValues) => {
      const set: BulkCustomerUpdate["set"] = {};
      if (values.ownerId) set.ownerId = values.ownerId;
      if (values.status) set.status = values.status;
      if (values.class) set.class = values.class;
      if (values.industry) set.industry = values.industry;
      const body: BulkCustomerUpdate =
        values.scope === "selected" ? { ids: [...selectedIds], set } : { filter: { ...filters }, set };
      return bulkUpdateCustomers(body);
    },
    onSuccess: ({ updated }) => {
      void message.success(t("customers.bulk.done", { count: updated }));
      void invalidate();
      onDone();
    },
  });

  const onFinish = (values: BulkEditValues) => {
    if (!values.ownerId && !values.status && !values.class && !values.industry) {
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
        <Alert type="error" showIcon title={errorMessage(save.error)} style={{ marginBottom: 16 }} />
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
      </Form>
    </Modal>
  );
}
