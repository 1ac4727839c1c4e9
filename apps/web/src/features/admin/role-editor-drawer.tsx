import {
  DATA_SCOPES,
  type DataScope,
  type Department,
  isPermission,
  type Role,
  RoleCreate,
  type RoleUpdate,
} from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { Alert, App, Button, Drawer, Flex, Form, Input, Radio, TreeSelect } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError } from "../../shared/api";
import { applyFieldErrors, zodRule } from "../../shared/forms/zod-rule";
import { createRole, fetchRole, updateRole } from "./admin-api";
import { isConflict } from "./admin-format";
import { departmentOptions } from "./department-tree";
import { PermissionMatrix } from "./permission-matrix";
import { useInvalidateAdmin } from "./use-admin-queries";

interface RoleFormValues {
  name: string;
  description: string;
  permissions: string[];
  dataScope: DataScope;
  scopeDepartmentIds: string[];
}

const FIELDS = Object.keys(RoleCreate.shape);

function toValues(role: Role | null): RoleFormValues {
  return {
    name: role?.name ?? "",
    description: role?.description ?? "",
    permissions: role?.permissions ?? [],
    dataScope: role?.dataScope ?? "own",
    scopeDepartmentIds: role?.scopeDepartmentIds ?? [],
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => [...a].sort().join() === [...b].sort().join();

function toBody(values: RoleFormValues): RoleCreate {
  return {
    name: values.name.trim(),
    description: values.description.trim() || null,
    permissions: values.permissions.filter(isPermission),
    dataScope: values.dataScope,
    scopeDepartmentIds: values.dataScope === "custom" ? values.scopeDepartmentIds : [],
  };
}

function changedFields(before: Role, values: RoleFormValues): RoleUpdate {
  const body = toBody(values);
  const patch: RoleUpdate = {};
  if (body.name !== before.name) patch.name = body.name;
  if ((body.description ?? null) !== before.description) patch.description = body.description ?? null;
  if (!sameSet(body.permissions, before.permissions)) patch.permissions = body.permissions;
  if (body.dataScope !== before.dataScope) patch.dataScope = body.dataScope;
  if (!sameSet(body.scopeDepartmentIds, before.scopeDepartmentIds))
    patch.scopeDepartmentIds = body.scopeDepartmentIds;
  return patch;
}

interface RoleEditorDrawerProps {
  /** null: a new role. */
  role: Role | null;
  departments: readonly Department[];
  readOnly: boolean;
  onClose: () => void;
}

/** The role editor: name, the permission matrix and the data scope; edits send only what changed. */
export function RoleEditorDrawer({ role, departments, readOnly, onClose }: RoleEditorDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateAdmin();
  const [form] = Form.useForm<RoleFormValues>();
  const [baseline, setBaseline] = useState<Role | null>(role);
  const scope = Form.useWatch("dataScope", form);
  const permissions = Form.useWatch("permissions", form) ?? role?.permissions ?? [];
  const treeData = useMemo(() => departmentOptions(departments, { includeDisabled: true }), [departments]);

  const save = useMutation({
    mutationFn: async (values: RoleFormValues) => {
      if (!baseline) return createRole(toBody(values));
      const patch = changedFields(baseline, values);
      if (Object.keys(patch).length === 0) return null;
      return updateRole(baseline.id, baseline.version, patch);
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t("admin.common.noChanges"));
        return;
      }
      void message.success(baseline ? t("admin.roles.updated") : t("admin.roles.created"));
      void invalidate("roles", "users");
      onClose();
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
    },
  });
  const reload = useMutation({
    mutationFn: () => fetchRole(baseline?.id ?? ""),
    onSuccess: (fresh) => {
      setBaseline(fresh);
      save.reset();
    },
  });

  const error = save.error;
  const conflict = isConflict(error);
  const onFields =
    isApiError(error) && error.fieldErrors.some((e) => FIELDS.includes(e.field.split(".")[0] ?? ""));
  const title = !role
    ? t("admin.roles.createTitle")
    : readOnly
      ? role.name
      : t("admin.roles.editTitle", { name: role.name });

  return (
    <Drawer
      open
      onClose={onClose}
      destroyOnHidden
      size={980}
      title={title}
      footer={
        <Flex justify="space-between" align="center">
          <span className="role-editor__count">
            {t("admin.roles.selected", { count: permissions.length })}
          </span>
          <Flex gap={8}>
            <Button onClick={onClose}>{readOnly ? t("admin.common.close") : t("admin.common.cancel")}</Button>
            {!readOnly && (
              <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
                {t("admin.common.save")}
              </Button>
            )}
          </Flex>
        </Flex>
      }
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
      {role?.builtin && !readOnly && (
        <Alert type="info" showIcon title={t("admin.roles.builtinHint")} style={{ marginBottom: 16 }} />
      )}
      <Form<RoleFormValues>
        form={form}
        layout="vertical"
        name="role-form"
        initialValues={toValues(role)}
        onFinish={(values) => save.mutate(values)}
        disabled={readOnly || save.isPending}
      >
        <Flex gap={16}>
          <Form.Item
            name="name"
            label={t("admin.roles.name")}
            required
            rules={[zodRule(RoleCreate.shape.name, t("admin.roles.name"))]}
            style={{ flex: "0 0 280px" }}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="description"
            label={t("admin.roles.description")}
            rules={[zodRule(RoleCreate.shape.description, t("admin.roles.description"), { optional: true })]}
            style={{ flex: 1 }}
          >
            <Input />
          </Form.Item>
        </Flex>
        <Form.Item name="permissions" label={t("admin.roles.permissions")}>
          <PermissionMatrix />
        </Form.Item>
        <Form.Item name="dataScope" label={t("admin.roles.dataScope")} required>
          <Radio.Group
            options={DATA_SCOPES.map((s) => ({ value: s, label: t(`admin.scopes.${s}`) }))}
            optionType="button"
            buttonStyle="solid"
          />
        </Form.Item>
        {scope === "custom" && (
          <Form.Item
            name="scopeDepartmentIds"
            label={t("admin.roles.scopeDepartments")}
            required
            rules={[{ type: "array", min: 1, message: t("admin.roles.scopeDepartmentsRequired") }]}
          >
            <TreeSelect
              multiple
              treeDefaultExpandAll
              treeData={treeData}
              showSearch={{ treeNodeFilterProp: "title" }}
            />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
