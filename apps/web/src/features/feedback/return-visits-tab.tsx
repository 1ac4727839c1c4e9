import { PhoneOutlined } from "@ant-design/icons";
import { Button, Flex, Modal, Segmented, Table, type TableColumnsType, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage, usePermissions } from "../../shared/api";
import { formatDateTime } from "../relationship/relationship-format";
import type { ReturnVisitItem as ReturnVisit } from "./feedback-api";
import { RatingView, ReturnVisitForm } from "./return-visit-form";
import { useReturnVisits } from "./use-feedback-queries";

/** 回访: the visits waiting (by due date, late ones in red) or done, each completed with a rating. */
export function ReturnVisitsTab() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const [status, setStatus] = useState<"pending" | "done">("pending");
  const visits = useReturnVisits({ status });
  const [completing, setCompleting] = useState<ReturnVisit | null>(null);
  const today = dayjs().format("YYYY-MM-DD");
  const none = t("feedback.common.none");

  const columns: TableColumnsType<ReturnVisit> = [
    {
      key: "dueOn",
      title: t("feedback.visits.dueOn"),
      width: 130,
      render: (_, v) => (
        <Flex gap={4} align="center" wrap>
          <span>{v.dueOn}</span>
          {v.status === "pending" && v.dueOn < today && (
            <Tag color="error">{t("feedback.visits.overdue")}</Tag>
          )}
        </Flex>
      ),
    },
    {
      key: "feedback",
      title: t("feedback.visits.feedback"),
      render: (_, v) => <Link to={`/feedback/${v.feedbackId}`}>{v.feedbackSubject}</Link>,
    },
    {
      key: "customer",
      title: t("feedback.visits.customer"),
      render: (_, v) =>
        can("customer:read") ? (
          <Link to={`/customers/${v.customerId}`}>{v.customerName}</Link>
        ) : (
          v.customerName
        ),
    },
    {
      key: "assignedTo",
      title: t("feedback.visits.assignedTo"),
      width: 110,
      render: (_, v) => v.assignedToName ?? none,
    },
    ...(status === "done"
      ? ([
          {
            key: "rating",
            title: t("feedback.visits.rating"),
            width: 230,
            render: (_, v) => <RatingView rating={v.rating} />,
          },
          {
            key: "comment",
            title: t("feedback.visits.comment"),
            render: (_, v) => (
              <Typography.Text ellipsis={{ tooltip: v.comment }} style={{ maxWidth: 220 }}>
                {v.comment ?? none}
              </Typography.Text>
            ),
          },
          {
            key: "doneAt",
            title: t("feedback.visits.doneAt"),
            width: 150,
            render: (_, v) => formatDateTime(v.doneAt),
          },
        ] satisfies TableColumnsType<ReturnVisit>)
      : can("feedback:update")
        ? ([
            {
              key: "actions",
              title: "",
              width: 120,
              render: (_, v) => (
                <Button
                  size="small"
                  type="primary"
                  icon={<PhoneOutlined aria-hidden />}
                  aria-label={`${t("feedback.visits.complete")}：${v.feedbackSubject}`}
                  onClick={() => setCompleting(v)}
                >
                  {t("feedback.visits.complete")}
                </Button>
              ),
            },
          ] satisfies TableColumnsType<ReturnVisit>)
        : []),
  ];

  return (
    <Flex vertical gap={12}>
      <Segmented<"pending" | "done">
        value={status}
        onChange={setStatus}
        options={[
          { value: "pending", label: t("feedback.visits.pending") },
          { value: "done", label: t("feedback.visits.done") },
        ]}
        style={{ alignSelf: "flex-start" }}
      />
      {visits.isError && <Typography.Text type="danger">{errorMessage(visits.error)}</Typography.Text>}
      <Table<ReturnVisit>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={visits.data ?? []}
        loading={visits.isFetching}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{
          emptyText: status === "pending" ? t("feedback.visits.empty") : t("feedback.visits.emptyDone"),
        }}
        rowClassName={(v) => (v.status === "pending" && v.dueOn < today ? "feedback-row--overdue" : "")}
      />
      {completing && (
        <Modal
          open
          title={t("feedback.visits.completeTitle", { subject: completing.feedbackSubject })}
          footer={null}
          onCancel={() => setCompleting(null)}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">
            {completing.customerName} · {t("feedback.visits.dueOn")}：{completing.dueOn}
          </Typography.Paragraph>
          <ReturnVisitForm visit={completing} onDone={() => setCompleting(null)} />
        </Modal>
      )}
    </Flex>
  );
}
