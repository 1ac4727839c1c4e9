import { EllipsisOutlined, PlusOutlined, SearchOutlined } from "@ant-design/icons";
import { WEBHOOK_EVENTS, type WebhookEvent, type WebhookSubscription } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  App,
  Button,
  Card,
  Dropdown,
  Empty,
  Flex,
  Input,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from "antd";
import { useDeferredValue, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import { formatDateTime, isConflict } from "./admin-format";
import {
  deleteWebhook,
  restoreWebhook,
  rotateWebhookSecret,
  sendTestEvent,
  updateWebhook,
  useInvalidateIntegrations,
  useWebhooks,
} from "./integrations-api";
import { type OneTimePassword, OneTimePasswordModal } from "./one-time-password-modal";
import { StatusCodeTag, WebhookDeliveriesDrawer } from "./webhook-deliveries-drawer";
import { WebhookDrawer } from "./webhook-drawer";
import "./admin.css";
import "./integrations.css";

type Status = "active" | "paused" | "deleted";
const statusOf = (s: WebhookSubscription): Status => (s.deleted ? "deleted" : s.active ? "active" : "paused");
const STATUS_COLOURS: Record<Status, string> = { active: "green", paused: "orange", deleted: "default" };
const isEvent = (e: string): e is WebhookEvent => (WEBHOOK_EVENTS as readonly string[]).includes(e);

/** Webhooks: subscriptions to the company's events, with their newest delivery; the log per row. */
export function WebhooksPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateIntegrations();
  const [showDeleted, setShowDeleted] = useState(false);
  const [search, setSearch] = useState("");
  const q = useDeferredValue(search.trim().toLowerCase());
  const [status, setStatus] = useState<Status | "all">("all");
  /** undefined: closed; null: a new subscription. */
  const [editing, setEditing] = useState<WebhookSubscription | null | undefined>();
  const [logOf, setLogOf] = useState<WebhookSubscription | null>(null);
  const [secret, setSecret] = useState<OneTimePassword | null>(null);
  const webhooks = useWebhooks(showDeleted);
  const all = webhooks.data ?? [];
  const rows = all.filter(
    (s) =>
      (status === "all" || statusOf(s) === status) &&
      (!q || [s.url, s.description ?? ""].some((v) => v.toLowerCase().includes(q))),
  );
  const when = (iso: string | null) => formatDateTime(iso, i18n.language);
  const showSecret = (title: string, value: string) =>
    setSecret({
      title,
      body: t("integrations.webhooks.secretBody"),
      warning: t("integrations.webhooks.secretWarning"),
      password: value,
    });

  const onError = (error: unknown) => {
    if (isConflict(error)) void message.warning(t("admin.common.conflictList"));
    else void message.error(errorMessage(error));
    void invalidate("webhooks");
  };
  const pause = useMutation({
    mutationFn: (s: WebhookSubscription) => updateWebhook(s.id, s.version, { active: !s.active }),
    onSuccess: (s) => {
      void message.success(t(s.active ? "integrations.webhooks.resumed" : "integrations.webhooks.paused"));
      void invalidate("webhooks");
    },
    onError,
  });
  const remove = useMutation({
    mutationFn: (s: WebhookSubscription) =>
      s.deleted ? restoreWebhook(s.id, s.version) : deleteWebhook(s.id, s.version),
    onSuccess: (s) => {
      void message.success(t(s.deleted ? "integrations.webhooks.deleted" : "integrations.webhooks.restored"));
      void invalidate("webhooks");
    },
    onError,
  });
  const rotate = useMutation({
    mutationFn: (s: WebhookSubscription) => rotateWebhookSecret(s.id),
    onSuccess: (s) => {
      showSecret(t("integrations.webhooks.rotatedTitle"), s.secret);
      void invalidate("webhooks");
    },
    onError,
  });
  const test = useMutation({
    mutationFn: (s: WebhookSubscription) => sendTestEvent(s.id),
    onSuccess: () => {
      void message.success(t("integrations.webhooks.testSent"));
      void invalidate("webhooks");
    },
    onError,
  });

  const confirmRotate = (s: WebhookSubscription) =>
    modal.confirm({
      title: t("integrations.webhooks.rotateConfirm", { url: s.url }),
      content: t("integrations.webhooks.rotateConfirmHint"),
      okText: t("integrations.webhooks.rotate"),
      okButtonProps: { danger: true },
      cancelText: t("admin.common.cancel"),
      onOk: () => rotate.mutateAsync(s),
    });

  const confirmDelete = (s: WebhookSubscription) =>
    modal.confirm({
      title: t("integrations.webhooks.deleteConfirm", { url: s.url }),
      content: t("integrations.webhooks.deleteConfirmHint"),
      okText: t("integrations.webhooks.delete"),
      okButtonProps: { danger: true },
      cancelText: t("admin.common.cancel"),
      onOk: () => remove.mutateAsync(s),
    });

  const columns: TableColumnsType<WebhookSubscription> = [
    {
      key: "url",
      title: t("integrations.webhooks.url"),
      render: (_, s) => (
        <Flex vertical gap={2} className="webhook-url">
          <Typography.Text className="admin-mono" delete={s.deleted} ellipsis={{ tooltip: s.url }}>
            {s.url}
          </Typography.Text>
          {s.description && <Typography.Text type="secondary">{s.description}</Typography.Text>}
        </Flex>
      ),
    },
    {
      key: "events",
      title: t("integrations.webhooks.events"),
      render: (_, s) => (
        <Space size={[4, 4]} wrap className="webhook-event-tags">
          {s.events.slice(0, 2).map((e) => (
            <Tag key={e}>{isEvent(e) ? t(`integrations.events.${e}`) : e}</Tag>
          ))}
          {s.events.length > 2 && (
            <Tooltip
              title={s.events
                .map((e) => (isEvent(e) ? t(`integrations.events.${e}`) : e))
                .join(t("admin.audit.listSeparator"))}
            >
              <Tag>+{s.events.length - 2}</Tag>
            </Tooltip>
          )}
        </Space>
      ),
    },
    {
      key: "status",
      title: t("integrations.webhooks.status"),
      render: (_, s) => (
        <Tag color={STATUS_COLOURS[statusOf(s)]}>{t(`integrations.webhooks.statuses.${statusOf(s)}`)}</Tag>
      ),
    },
    {
      key: "last",
      title: t("integrations.webhooks.lastDelivery"),
      render: (_, s) =>
        s.lastDelivery ? (
          <Flex gap={6} align="center" wrap={false}>
            <Tag color={{ succeeded: "green", pending: "orange", failed: "red" }[s.lastDelivery.status]}>
              {t(`integrations.deliveries.statuses.${s.lastDelivery.status}`)}
            </Tag>
            <StatusCodeTag code={s.lastDelivery.statusCode} />
            <Typography.Text type="secondary" className="admin-nowrap">
              {when(s.lastDelivery.at)}
            </Typography.Text>
          </Flex>
        ) : (
          <span className="admin-dim">{t("integrations.webhooks.noDelivery")}</span>
        ),
    },
    {
      key: "actions",
      title: t("admin.common.actions"),
      render: (_, s) => (
        <Space size={0} wrap={false}>
          <Button type="link" size="small" onClick={() => setLogOf(s)}>
            {t("integrations.webhooks.deliveries")}
          </Button>
          {s.deleted ? (
            <Button type="link" size="small" onClick={() => remove.mutate(s)}>
              {t("integrations.webhooks.restore")}
            </Button>
          ) : (
            <>
              <Button type="link" size="small" onClick={() => setEditing(s)}>
                {t("admin.common.edit")}
              </Button>
              <Dropdown
                trigger={["click"]}
                menu={{
                  items: [
                    { key: "test", label: t("integrations.webhooks.test") },
                    {
                      key: "pause",
                      label: s.active ? t("integrations.webhooks.pause") : t("integrations.webhooks.resume"),
                    },
                    { key: "rotate", label: t("integrations.webhooks.rotate") },
                    { type: "divider" },
                    { key: "delete", label: t("integrations.webhooks.delete"), danger: true },
                  ],
                  onClick: ({ key }) => {
                    if (key === "test") test.mutate(s);
                    else if (key === "pause") pause.mutate(s);
                    else if (key === "rotate") confirmRotate(s);
                    else confirmDelete(s);
                  },
                }}
              >
                <Button
                  type="text"
                  size="small"
                  icon={<EllipsisOutlined aria-hidden />}
                  aria-label={`${t("admin.common.more")} ${s.url}`}
                />
              </Dropdown>
            </>
          )}
        </Space>
      ),
    },
  ];

  const empty =
    all.length === 0 ? (
      <Empty
        image={Empty.PRESENTED_IMAGE_SIMPLE}
        description={
          <Flex vertical gap={4}>
            <Typography.Text strong>{t("integrations.webhooks.empty")}</Typography.Text>
            <Typography.Text type="secondary">{t("integrations.webhooks.emptyHint")}</Typography.Text>
          </Flex>
        }
      >
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
          {t("integrations.webhooks.create")}
        </Button>
      </Empty>
    ) : (
      <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("integrations.webhooks.noMatch")} />
    );

  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary" className="admin-intro">
        {t("integrations.webhooks.intro")}
      </Typography.Paragraph>
      <Flex gap={12} wrap justify="space-between" className="admin-toolbar">
        <Space wrap size={12}>
          <Input
            allowClear
            prefix={<SearchOutlined aria-hidden />}
            placeholder={t("integrations.webhooks.search")}
            aria-label={t("integrations.webhooks.search")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            style={{ width: 280 }}
          />
          <Select<Status | "all">
            value={status}
            onChange={setStatus}
            aria-label={t("integrations.webhooks.status")}
            style={{ width: 140 }}
            options={[
              { value: "all", label: t("integrations.webhooks.allStatuses") },
              ...(["active", "paused", ...(showDeleted ? ["deleted" as const] : [])] as const).map((s) => ({
                value: s,
                label: t(`integrations.webhooks.statuses.${s}`),
              })),
            ]}
          />
          <Space>
            <Switch
              checked={showDeleted}
              onChange={(on) => {
                setShowDeleted(on);
                if (!on && status === "deleted") setStatus("all");
              }}
              id="webhooks-show-deleted"
            />
            <label htmlFor="webhooks-show-deleted">{t("integrations.webhooks.showDeleted")}</label>
          </Space>
        </Space>
        <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setEditing(null)}>
          {t("integrations.webhooks.create")}
        </Button>
      </Flex>
      <Table<WebhookSubscription>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={rows}
        loading={webhooks.isFetching}
        pagination={false}
        scroll={{ x: "max-content" }}
        rowClassName={(s) => (s.deleted ? "admin-row--muted" : "")}
        locale={{ emptyText: webhooks.isPending ? " " : empty }}
      />
      {webhooks.isError && <Typography.Text type="danger">{errorMessage(webhooks.error)}</Typography.Text>}
      {editing !== undefined && (
        <WebhookDrawer
          key={editing?.id ?? "new"}
          subscription={editing}
          onClose={() => setEditing(undefined)}
          onCreated={(created) => {
            setEditing(undefined);
            showSecret(t("integrations.webhooks.secretTitle"), created.secret);
          }}
        />
      )}
      {logOf && (
        <WebhookDeliveriesDrawer
          subscription={all.find((s) => s.id === logOf.id) ?? logOf}
          onClose={() => {
            setLogOf(null);
            // What the log saw (a retry's outcome, a redelivery) shows in the list's last delivery.
            void invalidate("webhooks");
          }}
        />
      )}
      <OneTimePasswordModal value={secret} onClose={() => setSecret(null)} />
    </Card>
  );
}
