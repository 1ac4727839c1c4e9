import type { ContactRecord, Task } from "@crm/contracts";
import { Card, Col, Flex, Row, Table, type TableColumnsType, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser } from "../../shared/api";
import { PersonSelect } from "../relationship/activity-pickers";
import { DATE, formatDateTime } from "../relationship/relationship-format";
import { TaskTitle } from "../relationship/task-parts";
import { useContactRecords, useTasks } from "../relationship/use-relationship-queries";
import { byUrgency } from "./workbench-sections";

// The 团队 tab, for managers only and not the first one shown: a chunk of its own (tables, pickers).

/** A manager's team: the subordinates' tasks and this month's contact records. */
export function TeamWork() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useCurrentUser();
  const [ownerId, setOwnerId] = useState<string | undefined>();
  const monthStart = dayjs().startOf("month").format(DATE);
  const tasks = useTasks({ ownerId, limit: 100 });
  const records = useContactRecords({ ownerId, from: monthStart, limit: 100 });
  const others = <T extends { ownerId: string }>(items: T[]) => items.filter((i) => i.ownerId !== me.id);

  const taskColumns: TableColumnsType<Task> = [
    {
      key: "owner",
      title: t("relationship.tasks.fields.assigneeId"),
      width: 100,
      render: (_, r) => r.ownerName,
    },
    { key: "title", title: t("relationship.tasks.fields.title"), render: (_, r) => <TaskTitle task={r} /> },
    {
      key: "status",
      title: t("relationship.tasks.fields.status"),
      width: 90,
      render: (_, r) => (
        <Tag color={r.status === "done" ? "success" : r.status === "doing" ? "processing" : "default"}>
          {t(`relationship.statuses.${r.status}`)}
        </Tag>
      ),
    },
    {
      key: "dueOn",
      title: t("relationship.tasks.fields.dueOn"),
      width: 110,
      render: (_, r) => r.dueOn ?? t("relationship.common.none"),
    },
  ];
  const recordColumns: TableColumnsType<ContactRecord> = [
    { key: "owner", title: t("relationship.common.owner"), width: 100, render: (_, r) => r.ownerName },
    {
      key: "occurredAt",
      title: t("relationship.records.fields.occurredAt"),
      width: 140,
      render: (_, r) => formatDateTime(r.occurredAt),
    },
    { key: "customer", title: t("relationship.common.customer"), render: (_, r) => r.customerName },
    {
      key: "channel",
      title: t("relationship.records.fields.channel"),
      width: 80,
      render: (_, r) => t(`relationship.channels.${r.channel}`),
    },
    {
      key: "content",
      title: t("relationship.records.fields.content"),
      render: (_, r) => (
        <Typography.Text ellipsis={{ tooltip: r.content }} style={{ maxWidth: 240 }}>
          {r.content}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Flex gap={8} align="center">
        <Typography.Text>{t("relationship.workbench.teamMember")}</Typography.Text>
        <PersonSelect
          aria-label={t("relationship.workbench.teamMember")}
          allLabel={t("relationship.workbench.allMembers")}
          excludeSelf
          value={ownerId}
          onChange={setOwnerId}
        />
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card title={t("relationship.workbench.teamTasks")} variant="borderless">
            <Table<Task>
              rowKey="id"
              size="small"
              columns={taskColumns}
              dataSource={others(tasks.items).sort(byUrgency)}
              scroll={{ x: 560 }}
              loading={tasks.isFetching}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t("relationship.workbench.noTeamTasks") }}
              rowClassName={(r) => (r.overdue ? "activity-row activity-row--overdue" : "activity-row")}
              onRow={(r) => ({ onClick: () => void navigate(`/relationship/tasks/${r.id}`) })}
            />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card title={t("relationship.workbench.teamRecords")} variant="borderless">
            <Table<ContactRecord>
              rowKey="id"
              size="small"
              columns={recordColumns}
              dataSource={others(records.items)}
              scroll={{ x: 720 }}
              loading={records.isFetching}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              locale={{ emptyText: t("relationship.workbench.noTeamRecords") }}
              rowClassName="activity-row"
              onRow={(r) => ({ onClick: () => void navigate(`/relationship/records/${r.id}`) })}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
