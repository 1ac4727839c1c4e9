import { type Department, Money, type User, UserCreate, type UserUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Drawer, Flex, Form, Input, Select, TreeSelect } from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError, usePermissions } from "../../shared/api";
import { applyFieldErrors, zodRule } from "../../shared/forms/zod-rule";
import { createUser, fetchUser, updateUser } from "./admin-api";
import { isConflict } from "./admin-format";
import { departmentOptions } from "./department-tree";
import { SaveAlerts, SaveCancelFooter } from "./form-drawer-parts";
import { useInvalidateAdmin, useRoles } from "./use-admin-queries";
import { UserSelect } from "./user-select";

interface UserFormValues {
  username: string;
  displayName: string;
  email: string;
  phone: string;
  departmentId: string | undefined;
  managerId: string | null;
  roleIds: string[];
  gender: User["gender"];
  salesLevel: User["salesLevel"];
  salary: string;
  password: string;
}

const FIELDS = Object.keys(UserCreate.shape);

function toValues(user: User | null): UserFormValues {
  return {
    username: user?.username ?? "",
    displayName: user?.displayName ?? "",
    email: user?.email ?? "",
    phone: user?.phone ?? "",
    departmentId: user?.departmentId ?? undefined,
    managerId: user?.managerId ?? null,
    roleIds: user?.roleIds ?? [],
    gender: user?.gender ?? null,
    salesLevel: user?.salesLevel ?? null,
    salary: user?.salary ?? "",
    password: "",
  };
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);

/** Only what differs from `before`, in the API's shape (empty text becomes null). */
function changedFields(before: UserFormValues, after: UserFormValues, withSalary: boolean): UserUpdate {
  const patch: UserUpdate = {};
  if (after.displayName.trim() !== before.displayName) patch.displayName = after.displayName.trim();
  if (blankToNull(after.email) !== blankToNull(before.email)) patch.email = blankToNull(after.email);
  if (blankToNull(after.phone) !== blankToNull(before.phone)) patch.phone = blankToNull(after.phone);
  if (after.departmentId && after.departmentId !== before.departmentId)
    patch.departmentId = after.departmentId;
  if ((after.managerId ?? null) !== before.managerId) patch.managerId = after.managerId ?? null;
  if ([...after.roleIds].sort().join() !== [...before.roleIds].sort().join()) patch.roleIds = after.roleIds;
  if ((after.gender ?? null) !== before.gender) patch.gender = after.gender ?? null;
  if ((after.salesLevel ?? null) !== before.salesLevel) patch.salesLevel = after.salesLevel ?? null;
  if (withSalary && blankToNull(after.salary) !== blankToNull(before.salary))
    patch.salary = blankToNull(after.salary);
  return patch;
}

interface UserFormDrawerProps {
  open: boolean;
  /** null: a new user. */
  user: User | null;
  departments: readonly Department[];
  onClose: () => void;
  onCreated: (user: User, initialPassword: string | null) => void;
}

/** Create or edit a person; an edit sends only the changed fields, with If-Match. */
export function UserFormDrawer({ open, user, departments, onClose, onCreated }: UserFormDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const invalidate = useInvalidateAdmin();
  const [form] = Form.useForm<UserFormValues>();
  /** The version edits are based on; a reload after a conflict replaces it but keeps the typed values. */
  const [baseline, setBaseline] = useState<User | null>(user);
  const roles = useRoles(false, can("role:read"));
  const withSalary = can("user:salary_read");
  const canAssignRoles = can("role:manage");
  const treeData = useMemo(() => departmentOptions(departments), [departments]);

  const save = useMutation({
    mutationFn: async (values: UserFormValues) => {
      if (!baseline) {
        const body: UserCreate = {
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          email: blankToNull(values.email),
          phone: blankToNull(values.phone),
          departmentId: values.departmentId ?? "",
          managerId: values.managerId ?? null,
          roleIds: values.roleIds,
          gender: values.gender ?? null,
          salesLevel: values.salesLevel ?? null,
          ...(withSalary && blankToNull(values.salary) ? { salary: values.salary.trim() } : {}),
          ...(values.password ? { password: values.password } : {}),
        };
        const created = await createUser(body);
        return { user: created.user, initialPassword: created.initialPassword, created: true };
      }
      const patch = changedFields(toValues(baseline), values, withSalary);
      if (Object.keys(patch).length === 0) return null;
      return {
        user: await updateUser(baseline.id, baseline.version, patch),
        initialPassword: null,
        created: false,
      };
    },
    onSuccess: (result) => {
      if (!result) {
        void message.info(t("admin.common.noChanges"));
        return;
      }
      void invalidate("users", "departments", "roles");
      if (result.created) {
        onCreated(result.user, result.initialPassword);
      } else {
        void message.success(t("admin.users.updated"));
      }
      onClose();
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
    },
  });

  const reload = useMutation({
    mutationFn: () => fetchUser(baseline?.id ?? ""),
    onSuccess: (fresh) => {
      setBaseline(fresh);
      save.reset();
    },
  });

  const error = save.error;
  const conflict = isConflict(error);
  const onFields =
    isApiError(error) && error.fieldErrors.some((e) => FIELDS.includes(e.field.split(".")[0] ?? ""));
  const label = (key: "username" | "displayName" | "email" | "phone" | "department" | "password") =>
    t(`admin.users.${key}`);

  return (
    <Drawer
      open={open}
      onClose={onClose}
      destroyOnHidden
      size={560}
      title={user ? t("admin.users.editTitle", { name: user.displayName }) : t("admin.users.createTitle")}
      footer={<SaveCancelFooter onCancel={onClose} onSave={() => form.submit()} saving={save.isPending} />}
    >
      <SaveAlerts
        conflict={Boolean(conflict)}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
        error={error}
        onFields={onFields}
      />
      <Form<UserFormValues>
        form={form}
        layout="vertical"
        name="user-form"
        initialValues={toValues(user)}
        onFinish={(values) => save.mutate(values)}
        disabled={save.isPending}
      >
        {!user && (
          <Form.Item
            name="username"
            label={label("username")}
            required
            rules={[zodRule(UserCreate.shape.username, label("username"))]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item
          name="displayName"
          label={label("displayName")}
          required
          rules={[zodRule(UserCreate.shape.displayName, label("displayName"))]}
        >
          <Input />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item
            name="email"
            label={label("email")}
            style={{ flex: 1 }}
            rules={[zodRule(UserCreate.shape.email, label("email"), { optional: true })]}
          >
            <Input type="email" autoComplete="off" />
          </Form.Item>
          <Form.Item
            name="phone"
            label={label("phone")}
            style={{ flex: 1 }}
            rules={[zodRule(UserCreate.shape.phone, label("phone"), { optional: true })]}
          >
            <Input autoComplete="off" />
          </Form.Item>
        </Flex>
        <Form.Item
          name="departmentId"
          label={label("department")}
          required
          rules={[zodRule(UserCreate.shape.departmentId, label("department"), { choice: true })]}
        >
          <TreeSelect treeData={treeData} treeDefaultExpandAll showSearch={{ treeNodeFilterProp: "title" }} />
        </Form.Item>
        <Form.Item name="managerId" label={t("admin.users.manager")}>
          <UserSelect initialLabel={user?.managerName} excludeId={user?.id} />
        </Form.Item>
        {can("role:read") && (
          <Form.Item
            name="roleIds"
            label={t("admin.users.roles")}
            extra={canAssignRoles ? undefined : t("admin.users.rolesNeedManage")}
          >
            <Select
              mode="multiple"
              disabled={!canAssignRoles}
              options={(roles.data ?? []).map((r) => ({ value: r.id, label: r.name }))}
              showSearch={{ optionFilterProp: "label" }}
            />
          </Form.Item>
        )}
        <Flex gap={16}>
          <Form.Item name="gender" label={t("admin.users.gender")} style={{ flex: 1 }}>
            <Select
              allowClear
              options={(["male", "female", "other"] as const).map((g) => ({
                value: g,
                label: t(`admin.gender.${g}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="salesLevel"
            label={t("admin.users.salesLevel")}
            style={{ flex: 1 }}
            tooltip={t("admin.users.levelHint")}
          >
            <Select
              allowClear
              options={(["A", "B", "C"] as const).map((l) => ({ value: l, label: t(`admin.levels.${l}`) }))}
            />
          </Form.Item>
        </Flex>
        {withSalary && (
          <Form.Item
            name="salary"
            label={t("admin.users.salary")}
            rules={[
              {
                validator: async (_rule, value: unknown) => {
                  if (value && !Money.safeParse(String(value).trim()).success) {
                    throw new Error(t("admin.users.salaryFormat"));
                  }
                },
              },
            ]}
          >
            <Input inputMode="decimal" placeholder={t("admin.users.salaryPlaceholder")} />
          </Form.Item>
        )}
        {!user && (
          <Form.Item
            name="password"
            label={label("password")}
            extra={t("admin.users.passwordHint")}
            rules={[zodRule(UserCreate.shape.password, label("password"), { optional: true })]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
      </Form>
    </Drawer>
  );
}
