import type { Task } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Flex, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { errorMessage } from "../../shared/api";
import { tasksApi } from "./relationship-api";
import { isConflict } from "./relationship-format";
import { useInvalidateRelationship } from "./use-relationship-queries";

// What the workbench shows of tasks, apart from the tasks tab (and its drawer) so that the
// workbench does not download them.

export const PRIORITY_COLORS = { low: "default", normal: "blue", high: "orange", urgent: "red" } as const;

/** The quick "完成" action: marks a task done with If-Match. */
export function useCompleteTask() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateRelationship();
  return useMutation({
    mutationFn: (task: Task) => tasksApi.update(task.id, task.version, { status: "done" }),
    onSuccess: (task) => {
      void message.success(t("relationship.tasks.completed", { title: task.title }));
      void invalidate();
    },
    onError: (error) => {
      void message.error(isConflict(error) ? t("relationship.common.conflict") : errorMessage(error));
      void invalidate();
    },
  });
}

/** Title with its overdue tag, and the customer it is about. */
export function TaskTitle({ task }: { task: Task }) {
  const { t } = useTranslation();
  return (
    <Flex gap={6} wrap align="center">
      <Typography.Text delete={task.status === "done"} strong={task.overdue}>
        {task.title}
      </Typography.Text>
      {task.overdue && <Tag color="error">{t("relationship.tasks.overdue")}</Tag>}
      {task.customerName && task.customerId && (
        <Link to={`/customers/${task.customerId}`} onClick={(e) => e.stopPropagation()}>
          <Typography.Text type="secondary">{task.customerName}</Typography.Text>
        </Link>
      )}
    </Flex>
  );
}
