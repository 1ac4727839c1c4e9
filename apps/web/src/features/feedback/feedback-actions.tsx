import { CheckCircleOutlined, PlayCircleOutlined, RedoOutlined } from "@ant-design/icons";
import { type Feedback, FeedbackUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, Popconfirm, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError, usePermissions } from "../../shared/api";
import { applyFieldErrors, zodRule } from "../../shared/forms/zod-rule";
import { isConflict } from "../relationship/relationship-format";
import { updateFeedback } from "./feedback-api";
import { useInvalidateFeedback } from "./use-feedback-queries";

/** A status change with If-Match; a stale version reloads the feedback and says so. */
function useStatusChange(feedback: Feedback) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateFeedback();
  return useMutation({
    mutationFn: (body: FeedbackUpdate) => updateFeedback(feedback.id, feedback.version, body),
    onSuccess: (_saved, body) => {
      void invalidate();
      if (body.status === "in_progress") void message.success(t("feedback.detail.started"));
      if (body.status === "open") void message.success(t("feedback.detail.reopened"));
    },
    onError: (error) => {
      if (isConflict(error)) void message.warning(t("feedback.common.conflict"));
      void invalidate();
    },
  });
}

/** 开始处理 / 结束 / 重新打开: the steps a feedback goes through, as the caller may move it. */
export function FeedbackStatusActions({ feedback }: { feedback: Feedback }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const change = useStatusChange(feedback);
  const [closing, setClosing] = useState(false);
  if (!can("feedback:update") || feedback.deleted) return null;
  const run = (body: FeedbackUpdate) =>
    change.mutate(body, {
      onError: (error) => {
        if (!isConflict(error)) void message.error(errorMessage(error));
      },
    });
  return (
    <>
      {feedback.status === "open" && (
        <Button
          icon={<PlayCircleOutlined aria-hidden />}
          loading={change.isPending && change.variables?.status === "in_progress"}
          onClick={() => run({ status: "in_progress" })}
        >
          {t("feedback.detail.start")}
        </Button>
      )}
      {feedback.status !== "closed" && (
        <Button type="primary" icon={<CheckCircleOutlined aria-hidden />} onClick={() => setClosing(true)}>
          {t("feedback.detail.close")}
        </Button>
      )}
      {feedback.status === "closed" && (
        <Popconfirm title={t("feedback.detail.reopenConfirm")} onConfirm={() => run({ status: "open" })}>
          <Button
            icon={<RedoOutlined aria-hidden />}
            loading={change.isPending && change.variables?.status === "open"}
          >
            {t("feedback.detail.reopen")}
          </Button>
        </Popconfirm>
      )}
      {closing && <CloseFeedbackModal feedback={feedback} onClose={() => setClosing(false)} />}
    </>
  );
}

type CloseValues = { resolution: string; technicalNotes: string };

/** 结束: asks for the resolution (required to close) and lets the technical notes be completed. */
function CloseFeedbackModal({ feedback, onClose }: { feedback: Feedback; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CloseValues>();
  const change = useStatusChange(feedback);
  const resolutionLabel = t("feedback.fields.resolution");
  const submit = (v: CloseValues) => {
    const body: FeedbackUpdate = { status: "closed", resolution: v.resolution.trim() };
    const notes = v.technicalNotes.trim() || null;
    if (notes !== feedback.technicalNotes) body.technicalNotes = notes;
    change.mutate(body, {
      onSuccess: () => {
        void message.success(t("feedback.detail.closed"));
        onClose();
      },
      onError: (error) => {
        if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, ["resolution", "technicalNotes"]);
      },
    });
  };
  const fieldError =
    isApiError(change.error) &&
    change.error.fieldErrors.some((e) => e.field === "resolution" || e.field === "technicalNotes");
  return (
    <Modal
      open
      title={t("feedback.detail.closeTitle")}
      okText={t("feedback.detail.close")}
      cancelText={t("feedback.common.cancel")}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={change.isPending}
      destroyOnHidden
      width={560}
    >
      <Typography.Paragraph type="secondary">
        {feedback.number} · {feedback.subject}
      </Typography.Paragraph>
      {change.error && !fieldError && (
        <Alert
          type={isConflict(change.error) ? "warning" : "error"}
          showIcon
          title={isConflict(change.error) ? t("feedback.common.conflict") : errorMessage(change.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      <Form<CloseValues>
        form={form}
        layout="vertical"
        name="close-feedback"
        initialValues={{
          resolution: feedback.resolution ?? "",
          technicalNotes: feedback.technicalNotes ?? "",
        }}
        onFinish={submit}
        disabled={change.isPending}
      >
        <Form.Item
          name="resolution"
          label={resolutionLabel}
          required
          rules={[zodRule(FeedbackUpdate.shape.resolution.unwrap().unwrap().min(1), resolutionLabel)]}
          extra={t("feedback.detail.closeHint")}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount autoFocus />
        </Form.Item>
        <Form.Item name="technicalNotes" label={t("feedback.fields.technicalNotes")}>
          <Input.TextArea
            rows={3}
            maxLength={2000}
            showCount
            placeholder={t("feedback.form.technicalPlaceholder")}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
