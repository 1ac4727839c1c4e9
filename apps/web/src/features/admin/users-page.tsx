import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import type { User } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  TreeSelect,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, usePermissions } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { resetPassword, setUserDisabled } from "./admin-api";
import { formatDateTime, isConflict } from "./admin-format";
import { departmentOptions } from "./department-tree";
import { type OneTimePassword, OneTimePasswordModal } from "./one-time-password-modal";
import { useDepartments, useInvalidateAdmin, useUserPages } from "./use-admin-queries";
import { UserFormDrawer } from "./user-form-drawer";
import "./admin.css";

type Status = "all" | "active" | "disabled";

/** 用户管理: search, filter, page through and maintain the people of the company. */
export function UsersPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { can } = usePermissions();
  const invalidate = useInvalidateAdmin();
  const [search, setSearch] = useState("");
  const [departmentId, setDepartmentId] = useState<string | undefined>();
  const [status, setStatus] = useState<Status>("all");
  /** undefined: drawer closed; null: new user. */
  const [editing, setEditing] = useState<User | null | undefined>();
  const [secret, setSecret] = useState<OneTimePassword | null>(null);
  const q = useDebouncedValue(search.trim(), 300);
  const filters = {
    q: q || undefined,
    departmentId,
    disabled: status === "all" ? undefined : status === "disabled" ? ("true" as const) : ("false" as const),
    limit: 50,
  };
  const users = useUserPages(filters);
  const departments = useDepartments(can("department:read"));
  const treeData = useMemo(
    () => departmentOptions(departments.data ?? [], { includeDisabled: true }),
    [departments.data],
  );

  const onActionError = (error: unknown) => {
    if (isConflict(error)) {
      void message.warning(t("admin.common.conflictList"));
      void invalidate("users");
    } else {
      void message.error(errorMessage(error));
    }
  };
  const toggle = useMutation({
    mutationFn: (user: User) => setUserDisabled(user.id, user.version, !user.disabled),
    onSuccess: (user) => {
      void message.success(user.disabled ? t("admin.users.disabledDone") : t("admin.users.enabledDone"));
      void invalidate("users", "departments", "roles");
    },
    onError: onActionError,
  });
  const reset = useMutation({
    mutationFn: async (user: User) => ({ user, result: await resetPassword(user.id) }),
    onSuccess: ({ user, result }) => {
      setSecret({
        title: t("admin.users.tempPasswordTitle"),
        body: t("admin.users.tempPasswordBody", { name: user.displayName }),
        password: result.temporaryPassword,
      });
      void invalidate("users");
    },
    onError: onActionError,
  });

  const onCreated = (user: User, initialPassword: string | null) => {
    if (!initialPassword) {
      void message.success(t("admin.users.passwordChosen"));
      return;
    }
    void message.success(t("admin.users.created"));
    setSecret({
      title: t("admin.users.initialPasswordTitle"),
      body: t("admin.users.initialPasswordBody", { name: user.displayName }),
      password: initialPassword,
    });
  };

  const columns: TableColumnsType<User> = [
    { key: "username", title: t("admin.users.username"), dataIndex: "username", width: 120 },
    {
      key: "displayName",
      title: t("admin.users.displayName"),
      render: (_, u) => (
        <Space size={4} wrap>
          {u.displayName}
          {u.mustChangePassword && <Tag color="gold">{t("admin.users.mustChange")}</Tag>}
        </Space>
      ),
    },
    { key: "department", title: t("admin.users.department"), dataIndex: "departmentName" },
    { key: "manager", title: t("admin.users.manager"), dataIndex: "managerName" },
    {
      key: "roles",
      title: t("admin.users.roles"),
      render: (_, u) => (
        <Space size={[0, 4]} wrap>
          {u.roleNames.map((name) => (
            <Tag key={name}>{name}</Tag>
          ))}
        </Space>
      ),
    },
    { key: "code", title: t("admin.users.salespersonCode"), dataIndex: "salespersonCode", width: 110 },
    {
      key: "status",
      title: t("admin.common.status"),
      width: 90,
      render: (_, u) =>
        u.disabled ? (
          <Tag>{t("admin.common.disabled")}</Tag>
        ) : (
          <Tag color="green">{t("admin.common.active")}</Tag>
        ),
    },
    {
      key: "lastLogin",
      title: t("admin.users.lastLogin"),
      width: 170,
      render: (_, u) =>
        u.lastLoginAt ? (
          <span className="admin-nowrap">{formatDateTime(u.lastLoginAt, i18n.language)}</span>
        ) : (
          <Typography.Text type="secondary">{t("admin.users.never")}</Typography.Text>
        ),
    },
    {
      key: "actions",
      title: t("admin.common.actions"),
      width: 210,
      render: (_, u) => (
        <Space size={0} wrap>
          {can("user:update") && (
            <Button type="link" size="small" onClick={() => setEditing(u)}>
              {t("admin.common.edit")}
            </Button>
          )}
          {can("user:update") && (
            <Popconfirm
              title={
                u.disabled
                  ? t("admin.users.enableConfirm", { name: u.displayName })
                  : t("admin.users.disableConfirm", { name: u.displayName })
              }
              onConfirm={() => toggle.mutate(u)}
            >
              <Button type="link" size="small" danger={!u.disabled}>
                {u.disabled ? t("admin.common.enable") : t("admin.common.disable")}
              </Button>
            </Popconfirm>
          )}
          {can("user:reset_password") && (
            <Popconfirm
              title={t("admin.users.resetConfirm", { name: u.displayName })}
              onConfirm={() => reset.mutate(u)}
            >
              <Button type="link" size="small">
                {t("admin.users.resetPassword")}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  return (
    <Card variant="borderless">
      <Flex gap={12} wrap justify="space-between" className="admin-toolbar">
        <Flex gap={12} wrap>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder={t("admin.users.search")}
            aria-label={t("admin.users.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 260 }}
          />
          {treeData.length > 0 && (
            <TreeSelect
              allowClear
              treeDefaultExpandAll
              treeData={treeData}
              value={departmentId}
              onChange={(value: string | undefined) => setDepartmentId(value)}
              placeholder={t("admin.users.allDepartments")}
              aria-label={t("admin.users.department")}
              showSearch={{ treeNodeFilterProp: "title" }}
              style={{ width: 200 }}
            />
          )}
          <Select<Status>
            value={status}
            onChange={setStatus}
            aria-label={t("admin.common.status")}
            style={{ width: 140 }}
            options={[
              { value: "all", label: t("admin.users.allStatuses") },
              { value: "active", label: t("admin.common.active") },
              { value: "disabled", label: t("admin.common.disabled") },
            ]}
          />
        </Flex>
        {can("user:create") && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
            {t("admin.users.create")}
          </Button>
        )}
      </Flex>
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.items}
        loading={users.isFetching && !users.isFetchingNextPage}
        pagination={false}
        scroll={{ x: "max-content" }}
        rowClassName={(u) => (u.disabled ? "admin-row--muted" : "")}
      />
      {users.isError && <Typography.Text type="danger">{errorMessage(users.error)}</Typography.Text>}
      <Flex justify="center" className="admin-load-more">
        {users.hasNextPage ? (
          <Button onClick={() => void users.fetchNextPage()} loading={users.isFetchingNextPage}>
            {t("admin.common.loadMore")}
          </Button>
        ) : (
          users.items.length > 0 && (
            <Typography.Text type="secondary">
              {t("admin.common.allLoaded", { count: users.items.length })}
            </Typography.Text>
          )
        )}
      </Flex>
      {editing !== undefined && (
        <UserFormDrawer
          key={editing?.id ?? "new"}
          open
          user={editing}
          departments={departments.data ?? []}
          onClose={() => setEditing(undefined)}
          onCreated={onCreated}
        />
      )}
      <OneTimePasswordModal value={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
