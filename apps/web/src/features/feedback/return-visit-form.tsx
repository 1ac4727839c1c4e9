import { ReturnVisitComplete } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Flex, Form, Input, Rate, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError, usePermissions } from "../../shared/api";
import { applyFieldErrors, zodRule } from "../../shared/forms/zod-rule";
import { completeReturnVisit, type ReturnVisitItem as ReturnVisit } from "./feedback-api";
import { useInvalidateFeedback } from "./use-feedback-queries";

type Values = { rating: number | null; comment: string };
const RATINGS = ["1", "2", "3", "4", "5"] as const;

/** The customer's satisfaction with a rating word beside the stars (非常满意 … 非常不满意). */
export function RatingView({ rating }: { rating: number | null }) {
  const { t } = useTranslation();
  if (!rating) return <>{t("feedback.common.none")}</>;
  return (
    <Flex gap={8} align="center">
      <Rate disabled value={rating} style={{ fontSize: 16 }} />
      <Typography.Text>
        {t(`feedback.visits.ratings.${String(rating) as (typeof RATINGS)[number]}`)}
      </Typography.Text>
    </Flex>
  );
}

/**
 * 回访: records how satisfied the customer is (1–5) and what they said; once. `onDone` after the save
 * (a dialog closes itself).
 */
export function ReturnVisitForm({ visit, onDone }: { visit: ReturnVisit; onDone?: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const invalidate = useInvalidateFeedback();
  const [form] = Form.useForm<Values>();
  const rating = Form.useWatch("rating", form);
  const complete = useMutation({
    mutationFn: (v: Values) =>
      completeReturnVisit(visit.id, { rating: v.rating ?? 0, comment: v.comment.trim() || null }),
    onSuccess: () => {
      void message.success(t("feedback.visits.completed"));
      void invalidate();
      onDone?.();
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, ["rating", "comment"]);
      void invalidate();
    },
  });
  const fieldError =
    isApiError(complete.error) && complete.error.fieldErrors.some((e) => e.field === "rating");
  return (
    <Form<Values>
      form={form}
      name={`return-visit-${visit.id}`}
      layout="vertical"
      initialValues={{ rating: null, comment: "" }}
      disabled={!can("feedback:update") || complete.isPending}
      onFinish={(v) => complete.mutate(v)}
    >
      {complete.error && !fieldError && (
        <Alert type="error" showIcon title={errorMessage(complete.error)} style={{ marginBottom: 12 }} />
      )}
      <Form.Item
        name="rating"
        label={t("feedback.visits.rating")}
        required
        rules={[{ required: true, message: t("feedback.visits.ratingRequired") }]}
        extra={
          rating ? t(`feedback.visits.ratings.${String(rating) as (typeof RATINGS)[number]}`) : undefined
        }
      >
        <Rate
          aria-label={t("feedback.visits.rating")}
          tooltips={RATINGS.map((r) => t(`feedback.visits.ratings.${r}`))}
        />
      </Form.Item>
      <Form.Item
        name="comment"
        label={t("feedback.visits.comment")}
        rules={[zodRule(ReturnVisitComplete.shape.comment, t("feedback.visits.comment"), { optional: true })]}
      >
        <Input.TextArea
          rows={3}
          maxLength={1000}
          showCount
          placeholder={t("feedback.visits.commentPlaceholder")}
        />
      </Form.Item>
      {can("feedback:update") && (
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={complete.isPending}>
            {t("feedback.visits.complete")}
          </Button>
        </Flex>
      )}
    </Form>
  );
}
