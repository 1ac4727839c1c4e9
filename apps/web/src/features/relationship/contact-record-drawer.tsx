import {
  CONTACT_CHANNELS,
  type ContactRecord,
  ContactRecordCreate,
  type ContactRecordUpdate,
} from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Col, DatePicker, Form, Input, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../shared/api";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import { useDictionaries } from "../customers/use-customer-queries";
import { ActivityDrawer } from "./activity-drawer";
import { ContactSelect, CustomerSelect, ShareSelect } from "./activity-pickers";
import { contactRecordsApi } from "./relationship-api";
import { blankToNull, DATE, isConflict, sameIds, sharedIds, toDay, toOffsetIso } from "./relationship-format";
import { useInvalidateRelationship } from "./use-relationship-queries";

type Values = {
  customerId: string | null;
  contactId: string | null;
  occurredAt: Dayjs | null;
  channel: ContactRecord["channel"];
  content: string;
  result: string;
  nextFollowUpOn: Dayjs | null;
  customerStatus: string | undefined;
  sharedWith: string[];
};
const FIELDS = [
  "customerId",
  "contactId",
  "occurredAt",
  "channel",
  "content",
  "result",
  "nextFollowUpOn",
  "customerStatus",
  "sharedWith",
];
const shape = ContactRecordCreate.shape;

export interface ContactRecordDrawerProps {
  /** null: a new record. */
  record: (ContactRecord & { deleted?: boolean }) | null;
  /** A new record for this customer (the customer page's quick action): the customer is fixed. */
  customer?: { id: string; name: string } | undefined;
  onClose: () => void;
}

/** 联系记录: log a call, visit or message with a customer, or read / change one. */
export function ContactRecordDrawer({ record, customer, onClose }: ContactRecordDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const dict = useDictionaries();
  const invalidate = useInvalidateRelationship();
  const [form] = Form.useForm<Values>();
  const customerId = Form.useWatch("customerId", form);
  const label = (key: keyof typeof shape | "customerStatusPlaceholder") =>
    key === "customerId"
      ? t("relationship.common.customer")
      : key === "contactId"
        ? t("relationship.common.contact")
        : key === "sharedWith"
          ? t("relationship.common.sharedWith")
          : t(`relationship.records.fields.${key}`);

  const initial: Values = {
    customerId: record?.customerId ?? customer?.id ?? null,
    contactId: record?.contactId ?? null,
    occurredAt: record ? dayjs(record.occurredAt) : dayjs().second(0).millisecond(0),
    channel: record?.channel ?? "phone",
    content: record?.content ?? "",
    result: record?.result ?? "",
    nextFollowUpOn: record?.nextFollowUpOn ? dayjs(record.nextFollowUpOn, DATE) : null,
    customerStatus: undefined,
    sharedWith: sharedIds(record?.sharedWith),
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!record) {
        const body: ContactRecordCreate = {
          customerId: v.customerId ?? "",
          contactId: v.contactId,
          occurredAt: toOffsetIso(v.occurredAt ?? dayjs()),
          channel: v.channel,
          content: v.content.trim(),
          result: blankToNull(v.result),
          nextFollowUpOn: toDay(v.nextFollowUpOn),
        };
        if (v.customerStatus) body.customerStatus = v.customerStatus;
        if (v.sharedWith.length) body.sharedWith = v.sharedWith;
        return contactRecordsApi.create(body);
      }
      const patch: ContactRecordUpdate = {
        contactId: v.contactId,
        occurredAt: toOffsetIso(v.occurredAt ?? dayjs()),
        channel: v.channel,
        content: v.content.trim(),
        result: blankToNull(v.result),
        nextFollowUpOn: toDay(v.nextFollowUpOn),
      };
      if (!sameIds(v.sharedWith, initial.sharedWith)) patch.sharedWith = v.sharedWith;
      return contactRecordsApi.update(record.id, record.version, patch);
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
      if (isConflict(error)) void invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: () => contactRecordsApi.remove(record?.id ?? "", record?.version ?? 0),
    onSuccess: () => {
      void message.success(t("relationship.records.deleted"));
      void invalidate();
      onClose();
    },
    onError: () => void invalidate(),
  });

  const error = save.error ?? remove.error;
  const fieldError = isApiError(error) && error.fieldErrors.some((e) => isFormField(e.field, FIELDS));
  const readOnly = !!record && (record.readOnly || !!record.deleted);

  return (
    <ActivityDrawer
      title={
        record
          ? readOnly
            ? t("relationship.records.viewTitle")
            : t("relationship.records.editTitle")
          : t("relationship.records.addTitle")
      }
      record={record}
      error={fieldError ? null : error}
      saving={save.isPending}
      deleting={remove.isPending}
      onSave={() => form.submit()}
      onDelete={() => remove.mutate()}
      onClose={onClose}
    >
      {({ markDirty, clean }) => (
        <Form<Values>
          form={form}
          layout="vertical"
          name="contact-record-form"
          initialValues={initial}
          disabled={readOnly || save.isPending}
          onValuesChange={(changed: Partial<Values>) => {
            markDirty();
            if ("customerId" in changed) form.setFieldValue("contactId", null);
          }}
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: () => {
                clean();
                void message.success(
                  record ? t("relationship.records.updated") : t("relationship.records.created"),
                );
                void invalidate();
                onClose();
              },
            })
          }
        >
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item
                name="customerId"
                label={label("customerId")}
                required
                rules={[
                  {
                    required: true,
                    message: t("customFields.requiredChoice", { field: label("customerId") }),
                  },
                ]}
              >
                <CustomerSelect
                  initialLabel={record?.customerName ?? customer?.name}
                  disabled={!!record || !!customer}
                  allowClear={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="occurredAt"
                label={label("occurredAt")}
                required
                rules={[
                  {
                    required: true,
                    message: t("customFields.requiredChoice", { field: label("occurredAt") }),
                  },
                ]}
              >
                <DatePicker
                  showTime={{ format: "HH:mm" }}
                  format="YYYY-MM-DD HH:mm"
                  style={{ width: "100%" }}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="channel" label={label("channel")} required>
                <Select
                  options={CONTACT_CHANNELS.map((c) => ({
                    value: c,
                    label: t(`relationship.channels.${c}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="contactId" label={label("contactId")}>
                <ContactSelect customerId={customerId} initialLabel={record?.contactName} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="content"
                label={label("content")}
                required
                rules={[zodRule(shape.content, label("content"))]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="result"
                label={label("result")}
                rules={[zodRule(shape.result, label("result"), { optional: true })]}
              >
                <Input.TextArea rows={2} maxLength={500} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="nextFollowUpOn" label={label("nextFollowUpOn")}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            {!record && (
              <Col xs={24} sm={12}>
                <Form.Item name="customerStatus" label={label("customerStatus")}>
                  <Select
                    allowClear
                    placeholder={t("relationship.records.fields.customerStatusPlaceholder")}
                    options={dict.options("customer_status")}
                  />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="sharedWith" label={label("sharedWith")}>
                <ShareSelect initial={record?.sharedWith} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </ActivityDrawer>
  );
}
