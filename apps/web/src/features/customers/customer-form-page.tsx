import { ArrowLeftOutlined } from "@ant-design/icons";
import type { Customer, CustomFieldDefinition } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, Result, Skeleton, Typography } from "antd";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage, isApiError } from "../../shared/api";
import { activeFields, useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import { useStaleFieldRecovery } from "../../shared/custom-fields/use-stale-field-recovery";
import { mergeReloaded } from "../../shared/forms/merge-reload";
import { applyFieldErrors, isFormField } from "../../shared/forms/zod-rule";
import { ConflictCompare } from "./conflict-compare";
import { CustomerFormFields } from "./customer-form-fields";
import {
  type CustomerFormValues,
  FORM_FIELDS,
  toCreateBody,
  toFormValues,
  toUpdateBody,
} from "./customer-form-values";
import { isConflict, isDuplicate } from "./customer-format";
import { createCustomer, fetchCustomer, updateCustomer } from "./customers-api";
import { DuplicatePanel } from "./duplicate-panel";
import { useCustomer, useInvalidateCustomers } from "./use-customer-queries";
import { useUnsavedChanges } from "./use-unsaved-changes";
import "./customers.css";

/** /customers/new */
export function CustomerCreatePage() {
  const fields = useCustomFields("customer");
  if (fields.isPending) return <FormSkeleton />;
  return <CustomerForm customer={null} definitions={activeFields(fields.data)} />;
}

function FormSkeleton() {
  return (
    <Card variant="borderless">
      <Skeleton active paragraph={{ rows: 10 }} />
    </Card>
  );
}

/** /customers/:id/edit */
export function CustomerEditPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const customer = useCustomer(id);
  const fields = useCustomFields("customer");
  if (customer.isPending || fields.isPending) return <FormSkeleton />;
  if (customer.isError) {
    return <Result status="warning" title={errorMessage(customer.error)} extra={<BackLink />} />;
  }
  if (customer.data.deleted || customer.data.mergedIntoId) {
    return <Result status="info" title={t("customers.form.notEditable")} extra={<BackLink id={id} />} />;
  }
  return (
    <CustomerForm key={customer.data.id} customer={customer.data} definitions={activeFields(fields.data)} />
  );
}

function BackLink({ id }: { id?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={id ? `/customers/${id}` : "/customers"}>
      <ArrowLeftOutlined aria-hidden /> {t("customers.common.back")}
    </Link>
  );
}

interface CustomerFormProps {
  customer: Customer | null;
  /** The active custom fields of customers, in form order (empty when they could not be loaded). */
  definitions: CustomFieldDefinition[];
}

/** Input screen 1: create or edit; an edit sends only the changed fields, with If-Match. */
function CustomerForm({ customer, definitions }: CustomerFormProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const invalidate = useInvalidateCustomers();
  const [form] = Form.useForm<CustomerFormValues>();
  /** The version edits are based on; a reload after a conflict replaces it but keeps the typed values. */
  const [baseline, setBaseline] = useState<Customer | null>(customer);
  /** After a 412: the record as the other person saved it, shown beside the form's values. */
  const [theirs, setTheirs] = useState<Customer | null>(null);
  const typed = Form.useWatch([], { form, preserve: true }) as CustomerFormValues | undefined;
  const setDirty = useUnsavedChanges();
  const customKeys = definitions.map((d) => d.key);
  const recover = useStaleFieldRecovery(form, definitions);
  const topRef = useRef<HTMLDivElement>(null);
  const initial = toFormValues(customer);

  const save = useMutation({
    mutationFn: async ({
      values,
      allowDuplicate,
    }: {
      values: CustomerFormValues;
      allowDuplicate: boolean;
    }) => {
      if (!baseline) return createCustomer(toCreateBody(values, definitions), allowDuplicate);
      const patch = toUpdateBody(toFormValues(baseline), values, definitions);
      if (Object.keys(patch).length === 0) return null;
      return updateCustomer(baseline.id, baseline.version, patch, allowDuplicate);
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t("customers.form.noChanges"));
        return;
      }
      setDirty(false);
      void invalidate();
      void message.success(
        baseline
          ? t("customers.form.updated")
          : t("customers.form.created", { name: saved.name, code: saved.code }),
      );
      void navigate(`/customers/${saved.id}`);
    },
    onError: (error) => {
      if (isConflict(error) && baseline) {
        fetchCustomer(baseline.id).then(setTheirs, () => setTheirs(null));
      }
      if (isApiError(error)) {
        applyFieldErrors(form, error.fieldErrors, FORM_FIELDS, customKeys);
        if (recover(error.fieldErrors)) {
          // The form scrolls to the new field once it is there.
          void message.warning(t("customers.form.fieldsChanged"));
          return;
        }
      }
      topRef.current?.scrollIntoView({ behavior: "smooth", block: "start" });
    },
  });

  const reload = useMutation({
    mutationFn: () => fetchCustomer(baseline?.id ?? ""),
    onSuccess: (fresh) => {
      // What the user changed stays; what they left alone takes the other person's newer value.
      form.setFieldsValue(
        mergeReloaded(form.getFieldsValue(true), toFormValues(baseline), toFormValues(fresh)),
      );
      setBaseline(fresh);
      setTheirs(null);
      save.reset();
    },
  });

  const submit = (allowDuplicate: boolean) =>
    form
      .validateFields()
      .then((values) => save.mutate({ values, allowDuplicate }))
      .catch(() => void message.error(t("customers.form.fixErrors")));

  const error = save.error;
  const conflict = isConflict(error);
  const duplicate = isDuplicate(error) && isApiError(error) ? error : null;
  const onFields =
    isApiError(error) &&
    error.fieldErrors.some(
      (e) => isFormField(e.field, FORM_FIELDS, customKeys) || e.field.startsWith("customFields."),
    );
  const title = customer
    ? t("customers.form.editTitle", { name: customer.name })
    : t("customers.form.createTitle");

  return (
    <Card
      variant="borderless"
      className="customer-form-card"
      title={
        <Flex align="center" gap={12}>
          <Link
            to={customer ? `/customers/${customer.id}` : "/customers"}
            aria-label={t("customers.common.back")}
          >
            <ArrowLeftOutlined aria-hidden />
          </Link>
          <Typography.Title level={2} className="customer-card-title">
            {title}
          </Typography.Title>
          {customer && <span className="customer-code">{customer.code}</span>}
        </Flex>
      }
    >
      <div ref={topRef} className="customer-form__top" />
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t("customers.common.conflictTitle")}
          description={
            <>
              <Typography.Paragraph>{t("customers.common.conflictBody")}</Typography.Paragraph>
              {theirs && baseline && (
                <ConflictCompare
                  opened={baseline}
                  theirs={theirs}
                  mine={{ ...form.getFieldsValue(true), ...typed }}
                  definitions={definitions}
                />
              )}
            </>
          }
          action={
            <Button size="small" loading={reload.isPending} onClick={() => reload.mutate()}>
              {t("customers.common.reload")}
            </Button>
          }
          className="customer-form__alert"
        />
      )}
      {duplicate && (
        <div className="customer-form__alert">
          <DuplicatePanel
            duplicates={duplicate.duplicates}
            editing={!!baseline}
            saving={save.isPending}
            onProceed={() => void submit(true)}
          />
        </div>
      )}
      {error && !conflict && !duplicate && !onFields && (
        <Alert type="error" showIcon title={errorMessage(error)} className="customer-form__alert" />
      )}
      <Form<CustomerFormValues>
        form={form}
        layout="vertical"
        name="customer-form"
        initialValues={initial}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => save.mutate({ values, allowDuplicate: false })}
        onFinishFailed={() => void message.error(t("customers.form.fixErrors"))}
        disabled={save.isPending}
        scrollToFirstError={{ behavior: "smooth", block: "center" }}
        className="customer-form"
      >
        <CustomerFormFields
          form={form}
          current={initial}
          ownerName={customer?.ownerName}
          definitions={definitions}
          initialCustom={customer ? customer.customFields : null}
        />
        <Flex justify="flex-end" gap={8} className="customer-form__footer">
          <Button
            onClick={() => void navigate(customer ? `/customers/${customer.id}` : "/customers")}
            disabled={false}
          >
            {t("customers.common.cancel")}
          </Button>
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {customer ? t("customers.form.save") : t("customers.form.create")}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
