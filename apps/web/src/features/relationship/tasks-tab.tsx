import { CheckOutlined, PlusOutlined } from "@ant-design/icons";
import type { Task } from "@crm/contracts";
import { Button, Checkbox, Flex, Segmented, Table, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { usePermissions } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import {
  ActivityFilterBar,
  ActivityNotFound,
  type ListFilters,
  LoadMore,
  OwnerCell,
} from "./activity-list-parts";
import { TaskDrawer } from "./task-drawer";
import { PRIORITY_COLORS, TaskTitle, useCompleteTask } from "./task-parts";
import { useTask, useTasks } from "./use-relationship-queries";

type StatusTab = "todo" | "doing" | "done" | "all";

/** 工作计划: tasks by status, overdue ones in red; /relationship/tasks/:id opens one. */
export function TasksTab({ id }: { id: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const [status, setStatus] = useState<StatusTab>("todo");
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [filters, setFilters] = useState<ListFilters>({});
  const q = useDebouncedValue(filters.q?.trim() || undefined, 300);
  const list = useTasks({
    ...filters,
    q,
    status: status === "all" ? undefined : status,
    overdue: overdueOnly ? "true" : undefined,
  });
  const one = useTask(id);
  const complete = useCompleteTask();
  const [creating, setCreating] = useState(false);
  const close = () => void navigate("/relationship/tasks");

  if (id && one.isError) return <ActivityNotFound error={one.error} back="/relationship/tasks" />;

  const columns: TableColumnsType<Task> = [
    { key: "title", title: t("relationship.tasks.fields.title"), render: (_, r) => <TaskTitle task={r} /> },
    {
      key: "priority",
      title: t("relationship.tasks.fields.priority"),
      width: 90,
      render: (_, r) => (
        <Tag color={PRIORITY_COLORS[r.priority]}>{t(`relationship.priorities.${r.priority}`)}</Tag>
      ),
    },
    {
      key: "dueOn",
      title: t("relationship.tasks.fields.dueOn"),
      width: 120,
      render: (_, r) => (
        <Typography.Text type={r.overdue ? "danger" : undefined}>
          {r.dueOn ?? t("relationship.common.none")}
        </Typography.Text>
      ),
    },
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
      key: "owner",
      title: t("relationship.tasks.fields.assigneeId"),
      width: 150,
      render: (_, r) => <OwnerCell name={r.ownerName} readOnly={r.readOnly} />,
    },
    {
      key: "actions",
      title: t("relationship.common.actions"),
      width: 100,
      render: (_, r) =>
        r.status !== "done" &&
        !r.readOnly &&
        can("activity:update") && (
          <Button
            size="small"
            icon={<CheckOutlined aria-hidden />}
            loading={complete.isPending && complete.variables?.id === r.id}
            aria-label={`${t("relationship.tasks.complete")}：${r.title}`}
            onClick={(e) => {
              e.stopPropagation();
              complete.mutate(r);
            }}
          >
            {t("relationship.tasks.complete")}
          </Button>
        ),
    },
  ];

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Segmented<StatusTab>
          value={status}
          onChange={setStatus}
          options={[
            { value: "todo", label: t("relationship.statuses.todo") },
            { value: "doing", label: t("relationship.statuses.doing") },
            { value: "done", label: t("relationship.statuses.done") },
            { value: "all", label: t("relationship.common.all") },
          ]}
        />
        <Checkbox checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)}>
          {t("relationship.tasks.onlyOverdue")}
        </Checkbox>
      </Flex>
      <ActivityFilterBar
        value={filters}
        onChange={setFilters}
        extra={
          can("activity:create") && (
            <Button
              type="primary"
              icon={<PlusOutlined aria-hidden />}
              onClick={() => setCreating(true)}
              style={{ marginLeft: "auto" }}
            >
              {t("relationship.tasks.new")}
            </Button>
          )
        }
      />
      <Table<Task>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={list.items}
        loading={list.isFetching && !list.isFetchingNextPage}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: t("relationship.tasks.empty") }}
        rowClassName={(r) => (r.overdue ? "activity-row activity-row--overdue" : "activity-row")}
        onRow={(r) => ({ onClick: () => void navigate(`/relationship/tasks/${r.id}`) })}
      />
      <LoadMore
        count={list.items.length}
        hasNextPage={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
      {creating && <TaskDrawer task={null} onClose={() => setCreating(false)} />}
      {id && one.data && <TaskDrawer key={id} task={one.data} onClose={close} />}
    </Flex>
  );
}
