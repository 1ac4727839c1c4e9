import { ArrowLeftOutlined } from "@ant-design/icons";
import { FEEDBACK_PRIORITIES, type Feedback, FeedbackCreate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Flex,
  Form,
  Input,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { errorMessage, isApiError, usePermissions } from "../../shared/api";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import { useDictionaries } from "../customers/use-customer-queries";
import { useUnsavedChanges } from "../customers/use-unsaved-changes";
import { ContactSelect, CustomerSelect } from "../relationship/activity-pickers";
import { isConflict } from "../relationship/relationship-format";
import { createFeedback, fetchFeedback, updateFeedback } from "./feedback-api";
import {
  type FeedbackFormValues,
  FORM_FIELDS,
  fromWire,
  mergeReloaded,
  toCreateBody,
  toFormValues,
  toUpdateBody,
  toWire,
} from "./feedback-form-values";
import { HandlerSelect, ProductSelect } from "./feedback-pickers";
import { useFeedback, useInvalidateFeedback } from "./use-feedback-queries";
import "./feedback.css";

type FieldKey = (typeof FORM_FIELDS)[number];
type LabelKey = Exclude<FieldKey, "customerId" | "contactId" | "productId" | "handlerId">;
const LABEL_KEYS: Record<FieldKey, LabelKey | "customer" | "contact" | "product" | "handler"> = {
  subject: "subject",
  occurredOn: "occurredOn",
  customerId: "customer",
  contactId: "contact",
  productId: "product",
  type: "type",
  priority: "priority",
  description: "description",
  handlerId: "handler",
  endDate: "endDate",
  technicalNotes: "technicalNotes",
};

/** /feedback/new (?customerId= to start from a customer) */
export function FeedbackCreatePage() {
  const [search] = useSearchParams();
  return <FeedbackForm feedback={null} customerId={search.get("customerId") ?? undefined} />;
}

/** /feedback/:id/edit */
export function FeedbackEditPage() {
  const { t } = useTranslation();
  const { id = "" } = useParams();
  const feedback = useFeedback(id);
  if (feedback.isPending)
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  if (feedback.isError || feedback.data.deleted)
    return (
      <Card variant="borderless">
        <Result
          status="warning"
          title={feedback.isError ? errorMessage(feedback.error) : t("feedback.detail.deletedBanner")}
          extra={<Link to={`/feedback/${id}`}>{t("feedback.common.back")}</Link>}
        />
      </Card>
    );
  return <FeedbackForm key={feedback.data.id} feedback={feedback.data} />;
}

/**
 * Input screen 2 (反馈信息): customer, contact and product are chosen from their lists and cannot be
 * anything else; the contact list holds only the chosen customer's contacts. An edit sends only the
 * changed fields, with If-Match.
 */
function FeedbackForm({ feedback, customerId }: { feedback: Feedback | null; customerId?: string }) {
  const { t } = useTranslation();
  const dictionaries = useDictionaries();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const invalidate = useInvalidateFeedback();
  const setDirty = useUnsavedChanges();
  const [form] = Form.useForm<FeedbackFormValues>();
  const [baseline, setBaseline] = useState<Feedback | null>(feedback);
  const chosenCustomer = Form.useWatch("customerId", form);
  const initial = toFormValues(feedback, { customerId });
  const label = (key: FieldKey) => t(`feedback.fields.${LABEL_KEYS[key]}`);
  const choose = (field: string) => t("customFields.requiredChoice", { field });
  const back = feedback ? `/feedback/${feedback.id}` : "/feedback";
  const mayChangeCustomer = can("customer:read");

  const save = useMutation({
    mutationFn: async (values: FeedbackFormValues) => {
      if (!baseline) return createFeedback(toCreateBody(values));
      const patch = toUpdateBody(toFormValues(baseline), values);
      if (Object.keys(patch).length === 0) return null;
      return updateFeedback(baseline.id, baseline.version, patch);
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t("feedback.form.noChanges"));
        return;
      }
      setDirty(false);
      void invalidate();
      void message.success(
        baseline ? t("feedback.form.updated") : t("feedback.form.created", { number: saved.number }),
      );
      void navigate(`/feedback/${saved.id}`);
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FORM_FIELDS);
    },
  });

  const reload = useMutation({
    mutationFn: () => fetchFeedback(baseline?.id ?? ""),
    onSuccess: (fresh) => {
      // What the user changed stays; what they left alone takes the other person's newer value.
      const merged = mergeReloaded(
        toWire(form.getFieldsValue(true) as FeedbackFormValues),
        toWire(toFormValues(baseline)),
        toWire(toFormValues(fresh)),
      );
      form.setFieldsValue(fromWire(merged));
      setBaseline(fresh);
      save.reset();
    },
  });

  const error = save.error;
  const conflict = isConflict(error);
  const onFields = isApiError(error) && error.fieldErrors.some((e) => isFormField(e.field, FORM_FIELDS));

  return (
    <Card
      variant="borderless"
      className="feedback-form"
      title={
        <Flex align="center" gap={12}>
          <Link to={back} aria-label={t("feedback.common.back")}>
            <ArrowLeftOutlined aria-hidden />
          </Link>
          <Typography.Title level={2} className="feedback-detail-head__title">
            {feedback
              ? t("feedback.form.editTitle", { number: feedback.number })
              : t("feedback.form.newTitle")}
          </Typography.Title>
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {conflict && (
          <Alert
            type="warning"
            showIcon
            title={t("feedback.common.conflictTitle")}
            description={t("feedback.common.conflictBody")}
            action={
              <Button size="small" loading={reload.isPending} onClick={() => reload.mutate()}>
                {t("feedback.common.reload")}
              </Button>
            }
          />
        )}
        {error && !conflict && !onFields && <Alert type="error" showIcon title={errorMessage(error)} />}
        <Form<FeedbackFormValues>
          form={form}
          layout="vertical"
          name="feedback-form"
          initialValues={initial}
          disabled={save.isPending}
          onValuesChange={(changed: Partial<FeedbackFormValues>) => {
            setDirty(true);
            if ("customerId" in changed) form.setFieldValue("contactId", null);
          }}
          onFinish={(values) => save.mutate(values)}
          onFinishFailed={() => void message.error(t("feedback.form.fixErrors"))}
          scrollToFirstError={{ behavior: "smooth", block: "center" }}
          style={{ maxWidth: 960 }}
        >
          <Row gutter={16}>
            <Col xs={24} md={16}>
              <Form.Item
                name="subject"
                label={label("subject")}
                required
                rules={[zodRule(FeedbackCreate.shape.subject, label("subject"))]}
              >
                <Input maxLength={50} showCount placeholder={t("feedback.form.subjectPlaceholder")} />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="occurredOn"
                label={label("occurredOn")}
                required
                rules={[{ required: true, message: choose(label("occurredOn")) }]}
              >
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="customerId"
                label={label("customerId")}
                required
                rules={[{ required: true, message: choose(label("customerId")) }]}
                extra={!mayChangeCustomer && feedback ? t("feedback.form.customerFixed") : undefined}
              >
                {mayChangeCustomer ? (
                  <CustomerSelect initialLabel={feedback?.customerName} allowClear={false} />
                ) : (
                  <Select
                    disabled
                    options={feedback ? [{ value: feedback.customerId, label: feedback.customerName }] : []}
                  />
                )}
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="contactId"
                label={label("contactId")}
                extra={
                  chosenCustomer ? t("feedback.form.contactHint") : t("feedback.form.chooseCustomerFirst")
                }
              >
                {can("contact:read") ? (
                  <ContactSelect customerId={chosenCustomer} initialLabel={feedback?.contactName} />
                ) : (
                  <Select
                    disabled
                    allowClear
                    options={
                      feedback?.contactId
                        ? [{ value: feedback.contactId, label: feedback.contactName ?? "" }]
                        : []
                    }
                  />
                )}
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="productId" label={label("productId")}>
                <ProductSelect initialLabel={feedback?.productName} aria-label={label("productId")} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="handlerId" label={label("handlerId")}>
                <HandlerSelect initialLabel={feedback?.handlerName} />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="type"
                label={label("type")}
                required
                rules={[{ required: true, message: choose(label("type")) }]}
              >
                <Select
                  showSearch={{ optionFilterProp: "label" }}
                  placeholder={t("feedback.form.typePlaceholder")}
                  options={dictionaries.options("feedback_type", form.getFieldValue("type"))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item name="priority" label={label("priority")} required>
                <Radio.Group
                  optionType="button"
                  options={FEEDBACK_PRIORITIES.map((k) => ({
                    value: k,
                    label: t(`feedback.priorities.${k}`),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="description"
                label={label("description")}
                rules={[zodRule(FeedbackCreate.shape.description, label("description"), { optional: true })]}
              >
                <Input.TextArea
                  rows={4}
                  maxLength={2000}
                  showCount
                  placeholder={t("feedback.form.descriptionPlaceholder")}
                />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="technicalNotes"
                label={label("technicalNotes")}
                rules={[
                  zodRule(FeedbackCreate.shape.technicalNotes, label("technicalNotes"), { optional: true }),
                ]}
              >
                <Input.TextArea
                  rows={3}
                  maxLength={2000}
                  showCount
                  placeholder={t("feedback.form.technicalPlaceholder")}
                />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="endDate"
                label={label("endDate")}
                dependencies={["occurredOn"]}
                rules={[
                  ({ getFieldValue }) => ({
                    validator: async (_, value: FeedbackFormValues["endDate"]) => {
                      const from = getFieldValue("occurredOn") as FeedbackFormValues["occurredOn"];
                      if (value && from && value.isBefore(from, "day"))
                        throw new Error(t("feedback.form.endBeforeOccurred"));
                    },
                  }),
                ]}
              >
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
          </Row>
          <Flex justify="flex-end" gap={8}>
            <Button onClick={() => void navigate(back)} disabled={false}>
              {t("feedback.common.cancel")}
            </Button>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {feedback ? t("feedback.common.save") : t("feedback.form.create")}
            </Button>
          </Flex>
        </Form>
      </Flex>
    </Card>
  );
}
