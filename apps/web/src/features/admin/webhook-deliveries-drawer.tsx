import { ReloadOutlined, SendOutlined } from "@ant-design/icons";
import {
  WEBHOOK_DELIVERY_STATUSES,
  WEBHOOK_EVENTS,
  WEBHOOK_TEST_EVENT,
  type WebhookDelivery,
  type WebhookDeliveryStatus,
  type WebhookSubscription,
} from "@crm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Drawer,
  Flex,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import { formatDateTime } from "./admin-format";
import { redeliver, sendTestEvent, useDeliveries } from "./integrations-api";

const STATUS_COLOURS: Record<WebhookDeliveryStatus, string> = {
  succeeded: "green",
  pending: "orange",
  failed: "red",
};

const KNOWN_EVENTS: readonly string[] = [...WEBHOOK_EVENTS, WEBHOOK_TEST_EVENT];
const isKnownEvent = (type: string): type is (typeof WEBHOOK_EVENTS)[number] | typeof WEBHOOK_TEST_EVENT =>
  KNOWN_EVENTS.includes(type);

/** What the event is about, when its data says so: a customer's code and name, an order's number. */
export function summaryOf(d: Pick<WebhookDelivery, "payload">): string {
  const data = d.payload.data;
  if (typeof data !== "object" || data === null) return "";
  const fields = data as Record<string, unknown>;
  return ["code", "number", "name", "amount"]
    .map((k) => fields[k])
    .filter((v): v is string => typeof v === "string" && v !== "")
    .join(" ");
}

/** An HTTP status as a tag: 2xx green, anything else red, none (no answer) grey. */
export function StatusCodeTag({ code }: { code: number | null }) {
  if (code === null) return <span className="admin-dim">—</span>;
  return (
    <Tag color={code >= 200 && code < 300 ? "green" : "red"} className="admin-mono">
      {code}
    </Tag>
  );
}

/** 投递记录: one subscription's deliveries, newest first, each opening to the body sent; redeliver. */
export function WebhookDeliveriesDrawer({
  subscription,
  onClose,
}: {
  subscription: WebhookSubscription;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [status, setStatus] = useState<WebhookDeliveryStatus | "all">("all");
  const deliveries = useDeliveries(subscription.id, status === "all" ? undefined : status);
  const when = (iso: string | null) => formatDateTime(iso, i18n.language);
  const refresh = () => client.invalidateQueries({ queryKey: ["admin", "webhooks"] });

  const again = useMutation({
    mutationFn: (d: WebhookDelivery) => redeliver(subscription.id, d.id),
    onSuccess: () => {
      void message.success(t("integrations.deliveries.redelivered"));
      void refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  const test = useMutation({
    mutationFn: () => sendTestEvent(subscription.id),
    onSuccess: () => {
      void message.success(t("integrations.webhooks.testSent"));
      void refresh();
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  const eventLabel = (type: string) => (isKnownEvent(type) ? t(`integrations.events.${type}`) : type);

  const columns: TableColumnsType<WebhookDelivery> = [
    {
      key: "at",
      title: t("integrations.deliveries.at"),
      render: (_, d) => <span className="admin-nowrap">{when(d.createdAt)}</span>,
    },
    {
      key: "event",
      title: t("integrations.deliveries.event"),
      render: (_, d) => (
        <Flex vertical gap={0}>
          <span>
            {eventLabel(d.type)}
            {summaryOf(d) && <Typography.Text type="secondary">{` · ${summaryOf(d)}`}</Typography.Text>}
          </span>
          <Typography.Text type="secondary" className="admin-mono">
            {d.type}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      key: "status",
      title: t("admin.common.status"),
      render: (_, d) => (
        <Tag color={STATUS_COLOURS[d.status]}>{t(`integrations.deliveries.statuses.${d.status}`)}</Tag>
      ),
    },
    {
      key: "code",
      title: t("integrations.deliveries.statusCode"),
      render: (_, d) => <StatusCodeTag code={d.lastStatusCode} />,
    },
    { key: "attempts", title: t("integrations.deliveries.attempts"), dataIndex: "attempts", align: "right" },
    {
      key: "next",
      title: t("integrations.deliveries.nextRetry"),
      render: (_, d) =>
        d.nextAttemptAt ? (
          <span className="admin-nowrap">{when(d.nextAttemptAt)}</span>
        ) : (
          <span className="admin-dim">—</span>
        ),
    },
    {
      key: "actions",
      title: t("admin.common.actions"),
      fixed: "right",
      render: (_, d) => (
        <Button
          type="link"
          size="small"
          disabled={subscription.deleted}
          loading={again.isPending && again.variables?.id === d.id}
          onClick={() => again.mutate(d)}
        >
          {t("integrations.deliveries.redeliver")}
        </Button>
      ),
    },
  ];

  return (
    <Drawer
      open
      onClose={onClose}
      destroyOnHidden
      size={960}
      title={t("integrations.deliveries.title", { url: subscription.url })}
      extra={
        <Space>
          <Button icon={<ReloadOutlined aria-hidden />} onClick={() => void deliveries.refetch()}>
            {t("integrations.deliveries.refresh")}
          </Button>
          <Button
            icon={<SendOutlined aria-hidden />}
            disabled={subscription.deleted}
            loading={test.isPending}
            onClick={() => test.mutate()}
          >
            {t("integrations.webhooks.test")}
          </Button>
        </Space>
      }
    >
      {subscription.deleted && (
        <Alert
          type="info"
          showIcon
          title={t("integrations.deliveries.deletedHint")}
          style={{ marginBottom: 16 }}
        />
      )}
      <Segmented<WebhookDeliveryStatus | "all">
        value={status}
        onChange={setStatus}
        className="admin-toolbar"
        aria-label={t("admin.common.status")}
        options={[
          { value: "all", label: t("integrations.deliveries.allStatuses") },
          ...WEBHOOK_DELIVERY_STATUSES.map((s) => ({
            value: s,
            label: t(`integrations.deliveries.statuses.${s}`),
          })),
        ]}
      />
      <Table<WebhookDelivery>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={deliveries.items}
        loading={
          deliveries.isPending ||
          (deliveries.isFetching && !deliveries.isFetchingNextPage && !deliveries.isRefetching)
        }
        pagination={false}
        scroll={{ x: "max-content" }}
        expandable={{
          expandedRowRender: (d) => (
            <Flex vertical gap={8} className="webhook-delivery-detail">
              {d.deliveredAt && (
                <Typography.Text>
                  {t("integrations.deliveries.deliveredLine", { at: when(d.deliveredAt) })}
                </Typography.Text>
              )}
              {d.lastError && (
                <Typography.Text type="danger">
                  {t("integrations.deliveries.errorLine", { error: d.lastError })}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">{t("integrations.deliveries.payload")}</Typography.Text>
              <pre className="webhook-payload">{JSON.stringify(d.payload, null, 2)}</pre>
            </Flex>
          ),
        }}
        locale={{
          emptyText: deliveries.isPending ? (
            " "
          ) : (
            <Flex vertical gap={4} className="webhook-deliveries-empty">
              <Typography.Text strong>{t("integrations.deliveries.empty")}</Typography.Text>
              <Typography.Text type="secondary">{t("integrations.deliveries.emptyHint")}</Typography.Text>
            </Flex>
          ),
        }}
      />
      {deliveries.isError && (
        <Typography.Text type="danger">{errorMessage(deliveries.error)}</Typography.Text>
      )}
      {deliveries.hasNextPage && (
        <Flex justify="center" className="admin-load-more">
          <Button loading={deliveries.isFetchingNextPage} onClick={() => void deliveries.fetchNextPage()}>
            {t("admin.common.loadMore")}
          </Button>
        </Flex>
      )}
    </Drawer>
  );
}
