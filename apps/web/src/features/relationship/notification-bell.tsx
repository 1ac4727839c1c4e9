import { BellOutlined, SettingOutlined } from "@ant-design/icons";
import type { Notification } from "@crm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { App, Badge, Button, Empty, Flex, Popover, Spin, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage } from "../../shared/api";
import { markAllNotificationsRead, markNotificationRead } from "./relationship-api";
import { notificationKeys, useNotifications, useUnreadCount } from "./use-relationship-queries";
import "./relationship.css";

const KIND_COLORS = {
  task_assigned: "blue",
  shared: "purple",
  follow_up_due: "orange",
  feedback_assigned: "cyan",
  receivable_overdue: "red",
  event_reminder: "cyan",
} as const;

/** Mark read (one, or all) and keep the badge and the lists in step. */
export function useMarkRead() {
  const client = useQueryClient();
  const { message } = App.useApp();
  const done = (result: { unread: number }) => {
    client.setQueryData(notificationKeys.unread, result.unread);
    void client.invalidateQueries({ queryKey: ["notifications", "list"] });
  };
  const one = useMutation({ mutationFn: markNotificationRead, onSuccess: done });
  const all = useMutation({
    mutationFn: markAllNotificationsRead,
    onSuccess: done,
    onError: (error) => void message.error(errorMessage(error)),
  });
  return { one, all };
}

/** One notification: what, when; a click marks it read and opens its link. */
export function NotificationItem({
  item,
  onOpen,
}: {
  item: Notification;
  onOpen: (n: Notification) => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`notification-item${item.read ? "" : " notification-item--unread"}`}
      onClick={() => onOpen(item)}
    >
      <span className="notification-item__dot" aria-hidden />
      <Flex vertical gap={2} style={{ minWidth: 0, flex: 1 }}>
        <Typography.Text strong={!item.read} ellipsis={{ tooltip: item.title }}>
          {item.title}
        </Typography.Text>
        <Flex gap={6} align="center">
          <Tag color={KIND_COLORS[item.kind]} style={{ marginInlineEnd: 0 }}>
            {t(`relationship.notifications.kinds.${item.kind}`)}
          </Tag>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {dayjs(item.createdAt).format("YYYY-MM-DD HH:mm")}
          </Typography.Text>
        </Flex>
      </Flex>
    </button>
  );
}

/** Opens a notification: marks it read, then goes to its link (a path inside the app). */
export function useOpenNotification(after?: () => void) {
  const navigate = useNavigate();
  const { one } = useMarkRead();
  return (n: Notification) => {
    if (!n.read) one.mutate(n.id);
    after?.();
    if (n.link?.startsWith("/")) void navigate(n.link);
  };
}

/** The header's bell: the unread count (polled, and on focus) and a panel of recent notifications. */
export function NotificationBell() {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const navigate = useNavigate();
  const unread = useUnreadCount();
  const list = useNotifications(false, open);
  const { all } = useMarkRead();
  const openItem = useOpenNotification(() => setOpen(false));
  const count = unread.data ?? 0;

  const panel = (
    <Flex vertical gap={8} className="notification-panel">
      <Flex justify="space-between" align="center">
        <Typography.Text strong>
          {t("relationship.notifications.title")}
          {count > 0 && (
            <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontWeight: 400 }}>
              {t("relationship.notifications.unreadCount", { count })}
            </Typography.Text>
          )}
        </Typography.Text>
        <Flex>
          <Button
            size="small"
            type="link"
            disabled={count === 0}
            loading={all.isPending}
            onClick={() => all.mutate()}
          >
            {t("relationship.notifications.markAll")}
          </Button>
          <Button
            size="small"
            type="link"
            icon={<SettingOutlined aria-hidden />}
            onClick={() => {
              setOpen(false);
              void navigate("/personal/notifications");
            }}
          >
            {t("relationship.notifications.settings")}
          </Button>
        </Flex>
      </Flex>
      <div className="notification-panel__list">
        {list.isPending ? (
          <Flex justify="center" style={{ padding: 24 }}>
            <Spin />
          </Flex>
        ) : list.data?.items.length ? (
          <ul className="notification-panel__items" aria-label={t("relationship.notifications.title")}>
            {list.data.items.map((n) => (
              <li key={n.id}>
                <NotificationItem item={n} onOpen={openItem} />
              </li>
            ))}
          </ul>
        ) : (
          <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("relationship.notifications.empty")} />
        )}
      </div>
    </Flex>
  );

  return (
    <Popover
      content={panel}
      trigger="click"
      placement="bottomRight"
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) void unread.refetch();
      }}
    >
      <Button
        type="text"
        aria-label={
          count > 0
            ? `${t("relationship.notifications.bell")}（${t("relationship.notifications.unreadCount", { count })}）`
            : t("relationship.notifications.bell")
        }
        icon={
          <Badge count={count} size="small" overflowCount={99}>
            <BellOutlined style={{ fontSize: 18 }} aria-hidden />
          </Badge>
        }
      />
    </Popover>
  );
}
