import { NOTIFICATION_KINDS, type NotificationKind } from "@crm/contracts";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Card, List, Skeleton, Switch, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import { fetchNotificationPreferences, personalKeys, saveNotificationPreferences } from "./personal-api";

/**
 * 通知设置: a switch per kind of notification, saved as soon as it is flipped (so there is no
 * unsaved state to lose); a failed save puts the switch back and says why.
 */
export function NotificationSettingsTab() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const saved = useQuery({ queryKey: personalKeys.preferences, queryFn: fetchNotificationPreferences });

  const save = useMutation({
    mutationFn: ({ kind, on }: { kind: NotificationKind; on: boolean }) =>
      saveNotificationPreferences({ inApp: { ...saved.data?.inApp, [kind]: on } }),
    onSuccess: (fresh, { kind, on }) => {
      client.setQueryData(personalKeys.preferences, fresh);
      void message.success(
        t(on ? "personal.notifications.turnedOn" : "personal.notifications.turnedOff", {
          kind: t(`personal.notifications.kinds.${kind}.label`),
        }),
      );
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  if (saved.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (saved.isError)
    return (
      <Alert
        type="error"
        showIcon
        title={t("personal.notifications.loadFailed")}
        description={errorMessage(saved.error)}
      />
    );
  const flags = saved.data.inApp;

  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary">{t("personal.notifications.intro")}</Typography.Paragraph>
      <List
        className="personal-kinds"
        dataSource={[...NOTIFICATION_KINDS]}
        renderItem={(kind) => {
          const label = t(`personal.notifications.kinds.${kind}.label`);
          const saving = save.isPending && save.variables?.kind === kind;
          return (
            <List.Item
              actions={[
                <Switch
                  key="in-app"
                  checked={saving ? save.variables.on : flags[kind]}
                  loading={saving}
                  disabled={save.isPending}
                  onChange={(on) => save.mutate({ kind, on })}
                  checkedChildren={t("personal.notifications.on")}
                  unCheckedChildren={t("personal.notifications.off")}
                  aria-label={label}
                />,
              ]}
            >
              <List.Item.Meta
                title={label}
                description={t(`personal.notifications.kinds.${kind}.description`)}
              />
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
