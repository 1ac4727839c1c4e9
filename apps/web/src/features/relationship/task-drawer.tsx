import { CheckOutlined } from "@ant-design/icons";
import { TASK_PRIORITIES, TASK_STATUSES, type Task, TaskCreate, type TaskUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Button, Col, DatePicker, Form, Input, Row, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { isApiError, useCurrentUser } from "../../shared/api";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import type { Translation } from "../../shared/i18n/zh-cn";
import { ActivityDrawer } from "./activity-drawer";
import { AssigneeSelect, CustomerSelect, ShareSelect } from "./activity-pickers";
import { tasksApi } from "./relationship-api";
import { blankToNull, DATE, isConflict, sameIds, sharedIds, toDay } from "./relationship-format";
import { useInvalidateRelationship, useScopeUsers } from "./use-relationship-queries";

type Values = {
  title: string;
  description: string;
  dueOn: Dayjs | null;
  priority: Task["priority"];
  status: Task["status"];
  assigneeId: string;
  customerId: string | null;
  sharedWith: string[];
};
const FIELDS = [
  "title",
  "description",
  "dueOn",
  "priority",
  "status",
  "assigneeId",
  "customerId",
  "sharedWith",
];
type FieldKey = keyof Translation["relationship"]["tasks"]["fields"];

export interface TaskDrawerProps {
  task: (Task & { deleted?: boolean }) | null;
  defaults?: { dueOn?: string; customerId?: string; customerName?: string };
  onClose: () => void;
}

/** 工作计划: a task for oneself, or (managers) for someone in their scope, who is notified. */
export function TaskDrawer({ task, defaults, onClose }: TaskDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const users = useScopeUsers();
  const invalidate = useInvalidateRelationship();
  const [form] = Form.useForm<Values>();
  const label = (key: FieldKey) => t(`relationship.tasks.fields.${key}`);

  const initial: Values = {
    title: task?.title ?? "",
    description: task?.description ?? "",
    dueOn: task?.dueOn ? dayjs(task.dueOn, DATE) : defaults?.dueOn ? dayjs(defaults.dueOn, DATE) : null,
    priority: task?.priority ?? "normal",
    status: task?.status ?? "todo",
    assigneeId: task?.ownerId ?? me.id,
    customerId: task?.customerId ?? defaults?.customerId ?? null,
    sharedWith: sharedIds(task?.sharedWith),
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      if (!task) {
        const body: TaskCreate = {
          title: v.title.trim(),
          description: blankToNull(v.description),
          dueOn: toDay(v.dueOn),
          priority: v.priority,
          customerId: v.customerId,
        };
        if (v.assigneeId !== me.id) body.assigneeId = v.assigneeId;
        if (v.sharedWith.length) body.sharedWith = v.sharedWith;
        return tasksApi.create(body);
      }
      const patch: TaskUpdate = {
        title: v.title.trim(),
        description: blankToNull(v.description),
        dueOn: toDay(v.dueOn),
        priority: v.priority,
        status: v.status,
        customerId: v.customerId,
      };
      if (v.assigneeId !== task.ownerId) patch.assigneeId = v.assigneeId;
      if (!sameIds(v.sharedWith, initial.sharedWith)) patch.sharedWith = v.sharedWith;
      return tasksApi.update(task.id, task.version, patch);
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
      if (isConflict(error)) void invalidate();
    },
  });
  const complete = useMutation({
    mutationFn: (current: Task) => tasksApi.update(current.id, current.version, { status: "done" }),
    onError: (error) => {
      if (isConflict(error)) void invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: () => tasksApi.remove(task?.id ?? "", task?.version ?? 0),
    onSuccess: () => {
      void message.success(t("relationship.tasks.deleted"));
      void invalidate();
      onClose();
    },
    onError: () => void invalidate(),
  });

  const error = save.error ?? complete.error ?? remove.error;
  const fieldError = isApiError(error) && error.fieldErrors.some((e) => isFormField(e.field, FIELDS));
  const readOnly = !!task && (task.readOnly || !!task.deleted);

  return (
    <ActivityDrawer
      title={
        task
          ? readOnly
            ? t("relationship.tasks.viewTitle")
            : t("relationship.tasks.editTitle")
          : t("relationship.tasks.addTitle")
      }
      record={task}
      error={fieldError ? null : error}
      saving={save.isPending}
      deleting={remove.isPending}
      onSave={() => form.submit()}
      onDelete={() => remove.mutate()}
      onClose={onClose}
      extraActions={
        task &&
        task.status !== "done" && (
          <Button
            icon={<CheckOutlined aria-hidden />}
            loading={complete.isPending}
            onClick={() =>
              complete.mutate(task, {
                onSuccess: () => {
                  void message.success(t("relationship.tasks.completed", { title: task.title }));
                  void invalidate();
                  onClose();
                },
              })
            }
          >
            {t("relationship.tasks.complete")}
          </Button>
        )
      }
    >
      {({ markDirty, clean }) => (
        <Form<Values>
          form={form}
          layout="vertical"
          name="task-form"
          initialValues={initial}
          disabled={readOnly || save.isPending}
          onValuesChange={markDirty}
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: () => {
                clean();
                void message.success(
                  task ? t("relationship.tasks.updated") : t("relationship.tasks.created"),
                );
                void invalidate();
                onClose();
              },
            })
          }
        >
          {task?.createdByName && task.createdById !== task.ownerId && (
            <Typography.Paragraph type="secondary">
              {t("relationship.tasks.assignedBy", { name: task.createdByName })}
            </Typography.Paragraph>
          )}
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item
                name="title"
                label={label("title")}
                required
                rules={[zodRule(TaskCreate.shape.title, label("title"))]}
              >
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="dueOn" label={label("dueOn")}>
                <DatePicker style={{ width: "100%" }} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="priority" label={label("priority")} required>
                <Select
                  options={TASK_PRIORITIES.map((p) => ({
                    value: p,
                    label: t(`relationship.priorities.${p}`),
                  }))}
                />
              </Form.Item>
            </Col>
            {task && (
              <Col xs={24} sm={12}>
                <Form.Item name="status" label={label("status")} required>
                  <Select
                    options={TASK_STATUSES.map((s) => ({ value: s, label: t(`relationship.statuses.${s}`) }))}
                  />
                </Form.Item>
              </Col>
            )}
            {(users.allowed || (task && task.ownerId !== me.id)) && (
              <Col xs={24} sm={12}>
                <Form.Item name="assigneeId" label={label("assigneeId")}>
                  <AssigneeSelect initialLabel={task?.ownerName} disabled={!users.allowed} />
                </Form.Item>
              </Col>
            )}
            <Col span={24}>
              <Form.Item name="customerId" label={label("customerId")}>
                <CustomerSelect initialLabel={task?.customerName ?? defaults?.customerName} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item
                name="description"
                label={label("description")}
                rules={[zodRule(TaskCreate.shape.description, label("description"), { optional: true })]}
              >
                <Input.TextArea rows={4} maxLength={2000} showCount />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="sharedWith" label={t("relationship.common.sharedWith")}>
                <ShareSelect initial={task?.sharedWith} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </ActivityDrawer>
  );
}
