import { PlusOutlined } from "@ant-design/icons";
import type { Role } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Flex,
  Popconfirm,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { deleteRole, restoreRole } from "./admin-api";
import { isConflict } from "./admin-format";
import { RoleEditorDrawer } from "./role-editor-drawer";
import { useDepartments, useInvalidateAdmin, useRoles } from "./use-admin-queries";
import "./admin.css";

/** 角色权限: the roles with their user counts; the editor holds the permission matrix. */
export function RolesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const manage = can("role:manage");
  const invalidate = useInvalidateAdmin();
  const [showDeleted, setShowDeleted] = useState(false);
  /** undefined: closed; null: new role. */
  const [editing, setEditing] = useState<Role | null | undefined>();
  const roles = useRoles(showDeleted);
  const departments = useDepartments(can("department:read"));

  const onError = (error: unknown) => {
    if (isConflict(error)) {
      void message.warning(t("admin.common.conflictList"));
      void invalidate("roles");
    } else {
      void message.error(errorMessage(error));
    }
  };
  const remove = useMutation({
    mutationFn: (role: Role) => deleteRole(role.id, role.version),
    onSuccess: () => {
      void message.success(t("admin.roles.deletedDone"));
      void invalidate("roles", "users");
    },
    onError,
  });
  const restore = useMutation({
    mutationFn: (role: Role) => restoreRole(role.id, role.version),
    onSuccess: () => {
      void message.success(t("admin.roles.restored"));
      void invalidate("roles", "users");
    },
    onError,
  });

  const columns: TableColumnsType<Role> = [
    {
      key: "name",
      title: t("admin.roles.name"),
      width: 200,
      render: (_, r) => (
        <Space size={6} wrap>
          <Typography.Text delete={r.deleted} type={r.deleted ? "secondary" : undefined} strong={!r.deleted}>
            {r.name}
          </Typography.Text>
          {r.builtin && <Tag color="blue">{t("admin.roles.builtin")}</Tag>}
          {r.deleted && <Tag>{t("admin.roles.deleted")}</Tag>}
        </Space>
      ),
    },
    { key: "description", title: t("admin.roles.description"), dataIndex: "description" },
    {
      key: "permissions",
      title: t("admin.roles.permissionCount"),
      width: 100,
      align: "right",
      render: (_, r) => r.permissions.length,
    },
    {
      key: "scope",
      title: t("admin.roles.dataScope"),
      width: 150,
      render: (_, r) => t(`admin.scopes.${r.dataScope}`),
    },
    { key: "users", title: t("admin.roles.userCount"), dataIndex: "userCount", width: 90, align: "right" },
    {
      key: "actions",
      title: t("admin.common.actions"),
      width: 160,
      render: (_, r) => (
        <Space size={0}>
          {r.deleted ? (
            manage && (
              <Button type="link" size="small" onClick={() => restore.mutate(r)}>
                {t("admin.roles.restore")}
              </Button>
            )
          ) : (
            <>
              <Button type="link" size="small" onClick={() => setEditing(r)}>
                {manage ? t("admin.common.edit") : t("admin.common.view")}
              </Button>
              {manage && (
                <Popconfirm
                  title={t("admin.roles.deleteConfirm", { name: r.name })}
                  okButtonProps={{ danger: true }}
                  onConfirm={() => remove.mutate(r)}
                >
                  <Button type="link" size="small" danger>
                    {t("admin.roles.delete")}
                  </Button>
                </Popconfirm>
              )}
            </>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card variant="borderless">
      <Flex gap={12} wrap justify="space-between" align="center" className="admin-toolbar">
        <Space>
          <Switch checked={showDeleted} onChange={setShowDeleted} id="roles-show-deleted" />
          <label htmlFor="roles-show-deleted">{t("admin.roles.showDeleted")}</label>
        </Space>
        {manage && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
            {t("admin.roles.create")}
          </Button>
        )}
      </Flex>
      <Table<Role>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={roles.data ?? []}
        loading={roles.isFetching}
        pagination={false}
        rowClassName={(r) => (r.deleted ? "admin-row--muted" : "")}
      />
      {roles.isError && <Typography.Text type="danger">{errorMessage(roles.error)}</Typography.Text>}
      {editing !== undefined && (
        <RoleEditorDrawer
          key={editing?.id ?? "new"}
          role={editing}
          readOnly={!manage}
          departments={departments.data ?? []}
          onClose={() => setEditing(undefined)}
        />
      )}
    </Card>
  );
}
