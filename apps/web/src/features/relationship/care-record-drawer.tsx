import { CARE_KINDS, type CareRecord, CareRecordCreate, type CareRecordUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Col, DatePicker, Form, Input, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../shared/api";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import { ActivityDrawer } from "./activity-drawer";
import { ContactSelect, CustomerSelect, ShareSelect } from "./activity-pickers";
import { careRecordsApi } from "./relationship-api";
import { DATE, isConflict, sameIds, sharedIds, toDay } from "./relationship-format";
import { useInvalidateRelationship } from "./use-relationship-queries";

type Values = {
  customerId: string | null;
  contactId: string | null;
  careDate: Dayjs | null;
  kind: CareRecord["kind"];
  content: string;
  sharedWith: string[];
};
const FIELDS = ["customerId", "contactId", "careDate", "kind", "content", "sharedWith"];

export interface CareRecordDrawerProps {
  record: (CareRecord & { deleted?: boolean }) | null;
  /** Prefill for a new record (a care suggestion: the contact's birthday). */
  defaults?: {
    customerId: string;
    customerName: string;
    contactId?: string | null;
    kind?: CareRecord["kind"];
  };
  onClose: () => void;
}

/** 关怀记录: a greeting, gift or visit that keeps the relationship warm. */
export function CareRecordDrawer({ record, defaults, onClose }: CareRecordDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateRelationship();
  const [form] = Form.useForm<Values>();
  const customerId = Form.useWatch("customerId", form);
  const field = (key: "careDate" | "kind" | "content") => t(`relationship.care.fields.${key}`);

  const initial: Values = {
    customerId: record?.customerId ?? defaults?.customerId ?? null,
    contactId: record?.contactId ?? defaults?.contactId ?? null,
    careDate: record ? dayjs(record.careDate, DATE) : dayjs(),
    kind: record?.kind ?? defaults?.kind ?? "holiday",
    content: record?.content ?? "",
    sharedWith: sharedIds(record?.sharedWith),
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!record) {
        const body: CareRecordCreate = {
          customerId: v.customerId ?? "",
          contactId: v.contactId,
          careDate: toDay(v.careDate) ?? "",
          kind: v.kind,
          content: v.content.trim(),
        };
        if (v.sharedWith.length) body.sharedWith = v.sharedWith;
        return careRecordsApi.create(body);
      }
      const patch: CareRecordUpdate = {
        contactId: v.contactId,
        careDate: toDay(v.careDate) ?? "",
        kind: v.kind,
        content: v.content.trim(),
      };
      if (!sameIds(v.sharedWith, initial.sharedWith)) patch.sharedWith = v.sharedWith;
      return careRecordsApi.update(record.id, record.version, patch);
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
      if (isConflict(error)) void invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: () => careRecordsApi.remove(record?.id ?? "", record?.version ?? 0),
    onSuccess: () => {
      void message.success(t("relationship.care.deleted"));
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
            ? t("relationship.care.viewTitle")
            : t("relationship.care.editTitle")
          : t("relationship.care.addTitle")
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
          name="care-record-form"
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
                  record ? t("relationship.care.updated") : t("relationship.care.created"),
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
                label={t("relationship.common.customer")}
                required
                rules={[
                  {
                    required: true,
                    message: t("customFields.requiredChoice", { field: t("relationship.common.customer") }),
                  },
                ]}
              >
                <CustomerSelect
                  initialLabel={record?.customerName ?? defaults?.customerName}
                  disabled={!!record}
                  allowClear={false}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item
                name="careDate"
                label={field("careDate")}
                required
                rules={[
                  { required: true, message: t("customFields.requiredChoice", { field: field("careDate") }) },
                ]}
              >
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="kind" label={field("kind")} required>
                <Select
                  options={CARE_KINDS.map((k) => ({ value: k, label: t(`relationship.careKinds.${k}`) }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="contactId" label={t("relationship.common.contact")}>
                <ContactSelect customerId={customerId} initialLabel={record?.contactName} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="content"
                label={field("content")}
                required
                rules={[zodRule(CareRecordCreate.shape.content, field("content"))]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="sharedWith" label={t("relationship.common.sharedWith")}>
                <ShareSelect initial={record?.sharedWith} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </ActivityDrawer>
  );
}
