import { type Contact, ContactCreate, type ContactUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Checkbox, Col, Form, Input, Modal, Row, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError } from "../../shared/api";
import { CustomFieldItems } from "../../shared/custom-fields/custom-field-inputs";
import {
  type CustomFormValues,
  customCreateValues,
  customPatchValues,
  toCustomFormValues,
} from "../../shared/custom-fields/custom-field-values";
import { activeFields, useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import { useStaleFieldRecovery } from "../../shared/custom-fields/use-stale-field-recovery";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import type { Translation } from "../../shared/i18n/zh-cn";
import { blankToNull, isConflict } from "./customer-format";
import { createContact, updateContact } from "./customers-api";
import { useInvalidateCustomers } from "./use-customer-queries";

const TEXT = ["title", "department", "mobile", "phone", "email", "wechat", "birthday", "notes"] as const;
type ContactFormValues = { name: string; isPrimary: boolean; customFields: CustomFormValues } & Record<
  (typeof TEXT)[number],
  string
>;
const FIELDS = ["name", ...TEXT, "isPrimary", "customFields"];
const shape = ContactCreate.shape;

function toValues(c: Contact | null, first: boolean): ContactFormValues {
  const values = {
    name: c?.name ?? "",
    isPrimary: c ? c.isPrimary : first,
    customFields: toCustomFormValues(c?.customFields),
  } as ContactFormValues;
  for (const key of TEXT) values[key] = c?.[key] ?? "";
  return values;
}

interface ContactFormModalProps {
  customerId: string;
  /** null: a new contact. */
  contact: Contact | null;
  /** The customer has no contact yet: the new one is primary by default. */
  first: boolean;
  onClose: () => void;
}

/** Add or edit a contact of a customer; an edit sends only the changed fields, with If-Match. */
export function ContactFormModal({ customerId, contact, first, onClose }: ContactFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateCustomers();
  const [form] = Form.useForm<ContactFormValues>();
  const initial = toValues(contact, first);
  const fields = useCustomFields("contact");
  const definitions = activeFields(fields.data);
  const customKeys = definitions.map((d) => d.key);
  const recover = useStaleFieldRecovery(form, definitions);

  const save = useMutation({
    mutationFn: (v: ContactFormValues) => {
      if (!contact) {
        const body: ContactCreate = { customerId, name: v.name.trim(), isPrimary: v.isPrimary };
        for (const key of TEXT) body[key] = blankToNull(v[key]);
        const custom = customCreateValues(definitions, v.customFields);
        if (custom) body.customFields = custom;
        return createContact(body);
      }
      const patch: ContactUpdate = {};
      if (v.name.trim() !== initial.name) patch.name = v.name.trim();
      if (v.isPrimary !== initial.isPrimary) patch.isPrimary = v.isPrimary;
      for (const key of TEXT)
        if (blankToNull(v[key]) !== blankToNull(initial[key])) patch[key] = blankToNull(v[key]);
      const custom = customPatchValues(definitions, initial.customFields, v.customFields);
      if (custom) patch.customFields = custom;
      return updateContact(contact.id, contact.version, patch);
    },
    onSuccess: () => {
      void message.success(contact ? t("customers.contacts.updated") : t("customers.contacts.created"));
      void invalidate();
      onClose();
    },
    onError: (error) => {
      if (isApiError(error)) {
        applyFieldErrors(form, error.fieldErrors, FIELDS, customKeys);
        if (recover(error.fieldErrors)) void message.warning(t("customers.form.fieldsChanged"));
      }
      if (isConflict(error)) void invalidate();
    },
  });

  const label = (key: keyof Translation["customers"]["contacts"]) => t(`customers.contacts.${key}`);
  const text = (key: (typeof TEXT)[number], input = <Input autoComplete="off" />) => (
    <Form.Item name={key} label={label(key)} rules={[zodRule(shape[key], label(key), { optional: true })]}>
      {input}
    </Form.Item>
  );
  const error = save.error;
  const fieldError =
    isApiError(error) &&
    error.fieldErrors.some(
      (e) => isFormField(e.field, FIELDS, customKeys) || e.field.startsWith("customFields."),
    );

  return (
    <Modal
      open
      title={
        contact ? t("customers.contacts.editTitle", { name: contact.name }) : t("customers.contacts.addTitle")
      }
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("customers.common.save")}
      cancelText={t("customers.common.cancel")}
      confirmLoading={save.isPending}
      okButtonProps={{ disabled: fields.isPending }}
      destroyOnHidden
      width={640}
    >
      {error && !fieldError && (
        <Alert
          type={isConflict(error) ? "warning" : "error"}
          showIcon
          title={isConflict(error) ? t("customers.common.conflictTitle") : errorMessage(error)}
          description={isConflict(error) ? t("customers.common.conflictBody") : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Form<ContactFormValues>
        form={form}
        layout="vertical"
        name="contact-form"
        initialValues={initial}
        onFinish={(values) => save.mutate(values)}
        disabled={save.isPending}
      >
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item
              name="name"
              label={label("name")}
              required
              rules={[zodRule(shape.name, label("name"))]}
            >
              <Input autoComplete="off" maxLength={30} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            {text("title")}
          </Col>
          <Col xs={24} sm={12}>
            {text("department")}
          </Col>
          <Col xs={24} sm={12}>
            {text("mobile", <Input inputMode="tel" autoComplete="off" />)}
          </Col>
          <Col xs={24} sm={12}>
            {text("phone", <Input inputMode="tel" autoComplete="off" />)}
          </Col>
          <Col xs={24} sm={12}>
            {text("email", <Input inputMode="email" autoComplete="off" />)}
          </Col>
          <Col xs={24} sm={12}>
            {text("wechat")}
          </Col>
          <Col xs={24} sm={12}>
            {text("birthday", <Input type="date" />)}
          </Col>
          <Col xs={24}>{text("notes", <Input.TextArea rows={3} maxLength={500} showCount />)}</Col>
          <Col xs={24}>
            <Form.Item name="isPrimary" valuePropName="checked">
              <Checkbox>{label("isPrimary")}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        {definitions.length > 0 && (
          <>
            <Typography.Title level={5} className="contact-form__section">
              {t("customFields.section")}
            </Typography.Title>
            <CustomFieldItems
              definitions={definitions}
              initial={contact ? contact.customFields : null}
              col={{ xs: 24, sm: 12 }}
              gutter={16}
            />
          </>
        )}
      </Form>
    </Modal>
  );
}
