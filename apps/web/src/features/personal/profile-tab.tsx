import { KeyOutlined } from "@ant-design/icons";
import { Avatar, Button, Card, Descriptions, Flex, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { useCurrentUser } from "../../shared/api";

/** 个人资料: who the user is in the organisation, and the way to change the password. */
export function ProfileTab() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const navigate = useNavigate();
  return (
    <Flex vertical gap={16}>
      <Card variant="borderless">
        <Flex gap={20} align="center" wrap>
          <Avatar size={64} className="personal-avatar">
            {user.displayName.slice(0, 1)}
          </Avatar>
          <Descriptions
            style={{ flex: 1, minWidth: 280 }}
            column={{ xs: 1, md: 2 }}
            items={[
              { key: "displayName", label: t("personal.profile.displayName"), children: user.displayName },
              { key: "username", label: t("personal.profile.username"), children: user.username },
              {
                key: "department",
                label: t("personal.profile.department"),
                children: user.departmentName ?? t("user.noDepartment"),
              },
              {
                key: "permissions",
                label: t("personal.profile.permissions"),
                children: t("personal.profile.permissionCount", { count: user.permissions.length }),
              },
            ]}
          />
        </Flex>
      </Card>
      <Card variant="borderless" title={t("personal.profile.security")}>
        <Flex justify="space-between" align="center" gap={16} wrap>
          <Typography.Text type="secondary">{t("personal.profile.securityHint")}</Typography.Text>
          <Button icon={<KeyOutlined aria-hidden />} onClick={() => void navigate("/change-password")}>
            {t("personal.profile.changePassword")}
          </Button>
        </Flex>
      </Card>
    </Flex>
  );
}
