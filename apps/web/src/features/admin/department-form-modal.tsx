import { type Department, DepartmentCreate, type DepartmentUpdate } from "@crm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, TreeSelect } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError } from "../../shared/api";
import { applyFieldErrors, zodRule } from "../../shared/forms/zod-rule";
import { createDepartment, fetchDepartments, updateDepartment } from "./admin-api";
import { isConflict } from "./admin-format";
import { departmentOptions } from "./department-tree";
import { adminKeys, useInvalidateAdmin } from "./use-admin-queries";
import { UserSelect } from "./user-select";

interface DepartmentFormValues {
  name: string;
  parentId: string | null;
  headUserId: string | null;
}

const FIELDS = Object.keys(DepartmentCreate.shape);

export type DepartmentFormTarget =
  | { mode: "create"; parent: Department | null }
  | { mode: "edit"; department: Department };

interface DepartmentFormModalProps {
  target: DepartmentFormTarget;
  departments: readonly Department[];
  onClose: () => void;
  onSaved?: (department: Department) => void;
}

/** Create a (sub-)department, or rename one and set its head; edits send If-Match. */
export function DepartmentFormModal({ target, departments, onClose, onSaved }: DepartmentFormModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const invalidate = useInvalidateAdmin();
  const [form] = Form.useForm<DepartmentFormValues>();
  const [baseline, setBaseline] = useState(target.mode === "edit" ? target.department : null);
  const treeData = useMemo(() => departmentOptions(departments), [departments]);

  const save = useMutation({
    mutationFn: async (values: DepartmentFormValues) => {
      if (!baseline) {
        return createDepartment({
          name: values.name.trim(),
          parentId: values.parentId ?? null,
          headUserId: values.headUserId ?? null,
        });
      }
      const patch: DepartmentUpdate = {};
      if (values.name.trim() !== baseline.name) patch.name = values.name.trim();
      if ((values.headUserId ?? null) !== baseline.headUserId) patch.headUserId = values.headUserId ?? null;
      if (Object.keys(patch).length === 0) return null;
      return updateDepartment(baseline.id, baseline.version, patch);
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t("admin.common.noChanges"));
        return;
      }
      void message.success(baseline ? t("admin.org.updated") : t("admin.org.created"));
      void invalidate("departments", "users");
      onSaved?.(saved);
      onClose();
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
    },
  });
  const reload = useMutation({
    mutationFn: () =>
      client.fetchQuery({ queryKey: adminKeys.departments, queryFn: fetchDepartments, staleTime: 0 }),
    onSuccess: (list) => {
      const fresh = list.find((d) => d.id === baseline?.id);
      if (fresh) setBaseline(fresh);
      save.reset();
    },
  });

  const error = save.error;
  const conflict = isConflict(error);
  const onFields =
    isApiError(error) && error.fieldErrors.some((e) => FIELDS.includes(e.field.split(".")[0] ?? ""));
  const title =
    target.mode === "edit"
      ? t("admin.org.editTitle", { name: target.department.name })
      : target.parent
        ? t("admin.org.createChildTitle", { parent: target.parent.name })
        : t("admin.org.createTitle");
  const initialValues: DepartmentFormValues =
    target.mode === "edit"
      ? {
          name: target.department.name,
          parentId: target.department.parentId,
          headUserId: target.department.headUserId,
        }
      : { name: "", parentId: target.parent?.id ?? null, headUserId: null };

  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("admin.common.save")}
      cancelText={t("admin.common.cancel")}
      confirmLoading={save.isPending}
      destroyOnHidden
    >
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t("admin.common.conflictTitle")}
          description={t("admin.common.conflictBody")}
          action={
            <Button size="small" loading={reload.isPending} onClick={() => reload.mutate()}>
              {t("admin.common.reload")}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {error && !conflict && !onFields && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<DepartmentFormValues>
        form={form}
        layout="vertical"
        name="department-form"
        initialValues={initialValues}
        onFinish={(values) => save.mutate(values)}
        disabled={save.isPending}
      >
        <Form.Item
          name="name"
          label={t("admin.org.name")}
          required
          rules={[zodRule(DepartmentCreate.shape.name, t("admin.org.name"))]}
        >
          <Input autoFocus />
        </Form.Item>
        {target.mode === "create" && (
          <Form.Item name="parentId" label={t("admin.org.parent")}>
            <TreeSelect
              allowClear
              treeDefaultExpandAll
              treeData={treeData}
              placeholder={t("admin.org.noParent")}
              showSearch={{ treeNodeFilterProp: "title" }}
            />
          </Form.Item>
        )}
        <Form.Item name="headUserId" label={t("admin.org.head")}>
          <UserSelect initialLabel={target.mode === "edit" ? target.department.headName : null} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
