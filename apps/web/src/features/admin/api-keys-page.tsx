import { PlusOutlined, SearchOutlined } from "@ant-design/icons";
import {
  type ApiKey,
  type ApiKeyStatus,
  apiKeyStatus,
  type PERMISSION_CATALOGUE,
  type PermissionModule,
} from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import { formatDateTime } from "./admin-format";
import { ApiKeyDrawer } from "./api-key-drawer";
import { revokeApiKey, useApiKeys, useInvalidateIntegrations } from "./integrations-api";
import { type OneTimePassword, OneTimePasswordModal } from "./one-time-password-modal";
import "./admin.css";
import "./integrations.css";

type PermissionAction = (typeof PERMISSION_CATALOGUE)[PermissionModule][number];

const STATUS_COLOURS: Record<ApiKeyStatus, string> = {
  active: "green",
  expired: "orange",
  revoked: "default",
};

/** API 密钥: the integrations' keys — who they act as, how far they reach, when they end. */
export function ApiKeysPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateIntegrations();
  const keys = useApiKeys();
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim().toLowerCase());
  const [status, setStatus] = useState<ApiKeyStatus | "all">("all");
  const [creating, setCreating] = useState(false);
  const [secret, setSecret] = useState<OneTimePassword | null>(null);
  const all = keys.data ?? [];
  const rows = all.filter(
    (k) =>
      (status === "all" || apiKeyStatus(k) === status) &&
      (!q || [k.name, k.prefix, k.userName ?? ""].some((v) => v.toLowerCase().includes(q))),
  );
  const when = (iso: string | null) => formatDateTime(iso, i18n.language);

  const revoke = useMutation({
    mutationFn: (key: ApiKey) => revokeApiKey(key),
    onSuccess: (key) => {
      void message.success(t("integrations.apiKeys.revoked", { name: key.name }));
      void invalidate("api-keys");
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const permissionLabel = (p: string) => {
    const [module, action] = p.split(":") as [PermissionModule, PermissionAction];
    return `${t(`admin.modules.${module}`)}·${t(`admin.permissionActions.${action}`)}`;
  };

  const columns: TableColumnsType<ApiKey> = [
    {
      key: "name",
      title: t("integrations.apiKeys.name"),
      render: (_, k) => (
        <Typography.Text
          strong={apiKeyStatus(k) === "active"}
          type={apiKeyStatus(k) === "active" ? undefined : "secondary"}
        >
          {k.name}
        </Typography.Text>
      ),
    },
    {
      key: "prefix",
      title: t("integrations.apiKeys.prefix"),
      render: (_, k) => <span className="admin-mono">{k.prefix}…</span>,
    },
    { key: "user", title: t("integrations.apiKeys.serviceUser"), render: (_, k) => k.userName ?? "—" },
    {
      key: "permissions",
      title: t("integrations.apiKeys.permissions"),
      render: (_, k) =>
        k.permissions ? (
          <Tooltip title={k.permissions.map(permissionLabel).join(t("admin.audit.listSeparator"))}>
            <Tag color="blue">{t("integrations.apiKeys.narrowed", { count: k.permissions.length })}</Tag>
          </Tooltip>
        ) : (
          <Typography.Text type="secondary">{t("integrations.apiKeys.allPermissions")}</Typography.Text>
        ),
    },
    {
      key: "created",
      title: t("integrations.apiKeys.createdAt"),
      render: (_, k) => <span className="admin-nowrap">{when(k.createdAt)}</span>,
    },
    {
      key: "expires",
      title: t("integrations.apiKeys.expiresAt"),
      render: (_, k) =>
        k.expiresAt ? (
          <span className="admin-nowrap">{when(k.expiresAt)}</span>
        ) : (
          <span className="admin-dim">{t("integrations.apiKeys.noExpiry")}</span>
        ),
    },
    {
      key: "lastUsed",
      title: t("integrations.apiKeys.lastUsed"),
      render: (_, k) =>
        k.lastUsedAt ? (
          <span className="admin-nowrap">{when(k.lastUsedAt)}</span>
        ) : (
          <span className="admin-dim">{t("integrations.never")}</span>
        ),
    },
    {
      key: "status",
      title: t("integrations.apiKeys.status"),
      render: (_, k) => {
        const s = apiKeyStatus(k);
        return (
          <Tooltip title={s === "revoked" ? when(k.revokedAt) : undefined}>
            <Tag color={STATUS_COLOURS[s]}>{t(`integrations.apiKeys.statuses.${s}`)}</Tag>
          </Tooltip>
        );
      },
    },
    {
      key: "actions",
      title: t("admin.common.actions"),
      render: (_, k) =>
        k.revokedAt ? null : (
          <Popconfirm
            title={t("integrations.apiKeys.revokeConfirm", { name: k.name })}
            description={
              <div className="admin-confirm-hint">{t("integrations.apiKeys.revokeConfirmHint")}</div>
            }
            okText={t("integrations.apiKeys.revoke")}
            okButtonProps={{ danger: true }}
            onConfirm={() => revoke.mutate(k)}
          >
            <Button
              type="link"
              size="small"
              danger
              aria-label={`${t("integrations.apiKeys.revoke")} ${k.name}`}
            >
              {t("integrations.apiKeys.revoke")}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  const empty =
    all.length === 0 ? (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Flex vertical gap={4}>
            <Typography.Text strong>{t("integrations.apiKeys.empty")}</Typography.Text>
            <Typography.Text type="secondary">{t("integrations.apiKeys.emptyHint")}</Typography.Text>
          </Flex>
        }
      >
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t("integrations.apiKeys.create")}
        </Button>
      </Empty>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("integrations.apiKeys.noMatch")} />
    );

  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary" className="admin-intro">
        {t("integrations.apiKeys.intro")}
      </Typography.Paragraph>
      <Flex gap={12} wrap justify="space-between" className="admin-toolbar">
        <Space wrap>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder={t("integrations.apiKeys.search")}
            aria-label={t("integrations.apiKeys.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 280 }}
          />
          <Select<ApiKeyStatus | "all">
            value={status}
            onChange={setStatus}
            aria-label={t("integrations.apiKeys.status")}
            style={{ width: 140 }}
            options={[
              { value: "all", label: t("integrations.apiKeys.allStatuses") },
              ...(["active", "expired", "revoked"] as const).map((s) => ({
                value: s,
                label: t(`integrations.apiKeys.statuses.${s}`),
              })),
            ]}
          />
        </Space>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setCreating(true)}>
          {t("integrations.apiKeys.create")}
        </Button>
      </Flex>
      <Table<ApiKey>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={keys.isFetching}
        pagination={rows.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
        scroll={{ x: "max-content" }}
        rowClassName={(k) => (apiKeyStatus(k) === "active" ? "" : "admin-row--muted")}
        locale={{ emptyText: keys.isPending ? " " : empty }}
      />
      {keys.isError && <Typography.Text type="danger">{errorMessage(keys.error)}</Typography.Text>}
      {creating && (
        <ApiKeyDrawer
          onClose={() => setCreating(false)}
          onCreated={(key) => {
            setCreating(false);
            void message.success(t("integrations.apiKeys.created"));
            setSecret({
              title: t("integrations.apiKeys.secretTitle"),
              body: t("integrations.apiKeys.secretBody", { name: key.name }),
              warning: t("integrations.apiKeys.secretWarning"),
              password: key.secret,
            });
          }}
        />
      )}
      <OneTimePasswordModal value={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
