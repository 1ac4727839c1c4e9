import {
  ArrowLeftOutlined,
  ClockCircleOutlined,
  DeleteOutlined,
  EditOutlined,
  UndoOutlined,
} from "@ant-design/icons";
import { FEEDBACK_OVERDUE_HOURS, type Feedback } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Popconfirm,
  Result,
  Row,
  Skeleton,
  Statistic,
  Steps,
  Tag,
  Typography,
} from "antd";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router";
import { errorMessage, usePermissions } from "../../shared/api";
import { useDictionaries } from "../customers/use-customer-queries";
import { formatDateTime, isConflict } from "../relationship/relationship-format";
import { FeedbackStatusActions } from "./feedback-actions";
import { deleteFeedback, restoreFeedback } from "./feedback-api";
import { formatMinutes, PRIORITY_COLORS, STATUS_COLORS, TYPE_COLORS } from "./feedback-format";
import { RatingView, ReturnVisitForm } from "./return-visit-form";
import { useFeedback, useInvalidateFeedback, useReturnVisits } from "./use-feedback-queries";
import "./feedback.css";

/** /feedback/:id — one feedback: its fields, timing, progress with the next step, and its return visits. */
export function FeedbackDetailPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = "" } = useParams();
  const feedback = useFeedback(id);

  if (feedback.isPending) {
    return (
      <Card variant="borderless">
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  if (feedback.isError) {
    return (
      <Card variant="borderless">
        <Result
          status="404"
          title={t("feedback.common.notFound")}
          subTitle={errorMessage(feedback.error) || t("feedback.common.notFoundBody")}
          extra={<Button onClick={() => void navigate("/feedback")}>{t("feedback.common.back")}</Button>}
        />
      </Card>
    );
  }
  return <FeedbackDetail feedback={feedback.data} />;
}

function FeedbackDetail({ feedback: f }: { feedback: Feedback }) {
  const { t } = useTranslation();
  const dictionaries = useDictionaries();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const navigate = useNavigate();
  const invalidate = useInvalidateFeedback();
  const none = t("feedback.common.none");
  const toggleDeleted = useMutation({
    mutationFn: () => (f.deleted ? restoreFeedback(f.id, f.version) : deleteFeedback(f.id, f.version)),
    onSuccess: (saved) => {
      void message.success(saved.deleted ? t("feedback.detail.deleted") : t("feedback.detail.restored"));
      void invalidate();
    },
    onError: (error) => {
      void message.error(isConflict(error) ? t("feedback.common.conflict") : errorMessage(error));
      void invalidate();
    },
  });

  const step = f.status === "closed" ? 2 : f.status === "in_progress" ? 1 : 0;
  const customer = can("customer:read") ? (
    <Link to={`/customers/${f.customerId}`}>{f.customerName}</Link>
  ) : (
    f.customerName
  );

  return (
    <Flex vertical gap={16}>
      {f.deleted && (
        <Alert
          type="warning"
          showIcon
          title={t("feedback.detail.deletedBanner")}
          action={
            can("feedback:delete") && (
              <Button
                size="small"
                icon={<UndoOutlined aria-hidden />}
                loading={toggleDeleted.isPending}
                onClick={() => toggleDeleted.mutate()}
              >
                {t("feedback.common.restore")}
              </Button>
            )
          }
        />
      )}
      {f.overdue && !f.deleted && (
        <Alert
          type="error"
          showIcon
          icon={<ClockCircleOutlined aria-hidden />}
          title={t("feedback.detail.overdueBanner", { hours: FEEDBACK_OVERDUE_HOURS[f.type] })}
        />
      )}
      <Card variant="borderless">
        <Flex justify="space-between" align="flex-start" gap={16} wrap>
          <Flex vertical gap={8} style={{ minWidth: 0 }}>
            <Flex align="center" gap={12} wrap>
              <Link to="/feedback" aria-label={t("feedback.common.back")}>
                <ArrowLeftOutlined aria-hidden />
              </Link>
              <Typography.Title level={2} className="feedback-detail-head__title">
                {f.subject}
              </Typography.Title>
              <span className="feedback-number">{f.number}</span>
            </Flex>
            <Flex gap={8} wrap align="center">
              <Tag color={STATUS_COLORS[f.status]}>{t(`feedback.statuses.${f.status}`)}</Tag>
              <Tag color={TYPE_COLORS[f.type]}>{dictionaries.label("feedback_type", f.type)}</Tag>
              <Tag color={PRIORITY_COLORS[f.priority]}>
                {t("feedback.fields.priority")}：{t(`feedback.priorities.${f.priority}`)}
              </Tag>
              {f.overdue && <Tag color="error">{t("feedback.list.overdue")}</Tag>}
              <Typography.Text type="secondary">
                {customer} · {f.occurredOn}
              </Typography.Text>
            </Flex>
          </Flex>
          <Flex gap={8} wrap>
            <FeedbackStatusActions feedback={f} />
            {!f.deleted && can("feedback:update") && (
              <Button
                icon={<EditOutlined aria-hidden />}
                onClick={() => void navigate(`/feedback/${f.id}/edit`)}
              >
                {t("feedback.common.edit")}
              </Button>
            )}
            {!f.deleted && can("feedback:delete") && (
              <Popconfirm
                title={t("feedback.detail.deleteConfirm")}
                okButtonProps={{ danger: true }}
                onConfirm={() => toggleDeleted.mutate()}
              >
                <Button danger icon={<DeleteOutlined aria-hidden />} loading={toggleDeleted.isPending}>
                  {t("feedback.common.delete")}
                </Button>
              </Popconfirm>
            )}
          </Flex>
        </Flex>
      </Card>

      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={t("feedback.detail.progress")}>
              <Steps
                current={step}
                status={f.status === "closed" ? "finish" : f.overdue ? "error" : "process"}
                items={[
                  {
                    title: t("feedback.detail.stepCreated"),
                    content: `${formatDateTime(f.createdAt)}${f.createdByName ? ` · ${f.createdByName}` : ""}`,
                  },
                  {
                    title: t("feedback.detail.stepResponded"),
                    content: f.firstResponseAt
                      ? formatDateTime(f.firstResponseAt)
                      : t("feedback.detail.waiting"),
                  },
                  {
                    title: t("feedback.detail.stepClosed"),
                    content: f.closedAt ? formatDateTime(f.closedAt) : t("feedback.detail.notYet"),
                  },
                ]}
              />
            </Card>
            <Card variant="borderless">
              <Descriptions
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: "customer", label: t("feedback.fields.customer"), children: customer },
                  { key: "contact", label: t("feedback.fields.contact"), children: f.contactName ?? none },
                  { key: "product", label: t("feedback.fields.product"), children: f.productName ?? none },
                  { key: "handler", label: t("feedback.fields.handler"), children: f.handlerName ?? none },
                  { key: "occurredOn", label: t("feedback.fields.occurredOn"), children: f.occurredOn },
                  { key: "endDate", label: t("feedback.fields.endDate"), children: f.endDate ?? none },
                  {
                    key: "createdBy",
                    label: t("feedback.fields.createdBy"),
                    children: f.createdByName ?? none,
                  },
                  {
                    key: "createdAt",
                    label: t("feedback.fields.createdAt"),
                    children: formatDateTime(f.createdAt),
                  },
                  {
                    key: "description",
                    label: t("feedback.fields.description"),
                    span: "filled",
                    children: <span className="feedback-text">{f.description ?? none}</span>,
                  },
                  {
                    key: "resolution",
                    label: t("feedback.fields.resolution"),
                    span: "filled",
                    children: <span className="feedback-text">{f.resolution ?? none}</span>,
                  },
                  {
                    key: "technicalNotes",
                    label: t("feedback.fields.technicalNotes"),
                    span: "filled",
                    children: <span className="feedback-text">{f.technicalNotes ?? none}</span>,
                  },
                ]}
              />
            </Card>
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card variant="borderless" title={t("feedback.detail.timing")}>
              <Row gutter={[16, 16]}>
                <Col span={12}>
                  <Statistic
                    title={t("feedback.fields.responseTime")}
                    value={formatMinutes(t, f.responseMinutes)}
                  />
                </Col>
                <Col span={12}>
                  <Statistic
                    title={t("feedback.fields.resolutionTime")}
                    value={formatMinutes(t, f.resolutionMinutes)}
                  />
                </Col>
                <Col span={12}>
                  <Statistic title={t("feedback.fields.reopenCount")} value={f.reopenCount} />
                </Col>
              </Row>
            </Card>
            <ReturnVisitsCard feedbackId={f.id} />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}

/** The return visits of one feedback: done ones with their rating, pending ones with the rating form. */
function ReturnVisitsCard({ feedbackId }: { feedbackId: string }) {
  const { t } = useTranslation();
  const visits = useReturnVisits({ feedbackId });
  const none = t("feedback.common.none");
  return (
    <Card variant="borderless" title={t("feedback.detail.returnVisits")} loading={visits.isPending}>
      {visits.isError ? (
        <Typography.Text type="danger">{errorMessage(visits.error)}</Typography.Text>
      ) : !visits.data?.length ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("feedback.detail.noVisits")} />
      ) : (
        <Flex vertical gap={16}>
          {visits.data.map((v) => (
            <Flex key={v.id} vertical gap={8} className="feedback-visit">
              <Flex gap={8} wrap align="center">
                <Tag color={v.status === "done" ? "success" : "gold"}>{t(`feedback.visits.${v.status}`)}</Tag>
                <Typography.Text type="secondary">
                  {t("feedback.visits.dueOn")}：{v.dueOn} · {t("feedback.visits.assignedTo")}：
                  {v.assignedToName ?? none}
                </Typography.Text>
              </Flex>
              {v.status === "done" ? (
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    {
                      key: "rating",
                      label: t("feedback.visits.rating"),
                      children: <RatingView rating={v.rating} />,
                    },
                    { key: "comment", label: t("feedback.visits.comment"), children: v.comment ?? none },
                    { key: "doneAt", label: t("feedback.visits.doneAt"), children: formatDateTime(v.doneAt) },
                  ]}
                />
              ) : (
                <ReturnVisitForm visit={v} />
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
