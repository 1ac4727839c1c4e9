import { Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { MyStatsTab } from "./my-stats-tab";
import { NotificationSettingsTab } from "./notification-settings-tab";
import { ProfileTab } from "./profile-tab";
import "./personal.css";

const TABS = ["profile", "stats", "notifications"] as const;
type Tab = (typeof TABS)[number];
const isTab = (value: string | undefined): value is Tab =>
  (TABS as readonly (string | undefined)[]).includes(value);

/** 个人中心: the user's profile, their own statistics and which notifications they receive; a URL per tab. */
export function PersonalCentrePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab } = useParams();
  if (tab !== undefined && !isTab(tab)) return <Navigate to="/personal" replace />;
  const active: Tab = tab ?? "profile";
  return (
    <Tabs
      className="personal-tabs"
      activeKey={active}
      onChange={(key) => void navigate(key === "profile" ? "/personal" : `/personal/${key}`)}
      destroyOnHidden
      items={[
        { key: "profile", label: t("personal.tabs.profile"), children: <ProfileTab /> },
        { key: "stats", label: t("personal.tabs.stats"), children: <MyStatsTab /> },
        {
          key: "notifications",
          label: t("personal.tabs.notifications"),
          children: <NotificationSettingsTab />,
        },
      ]}
    />
  );
}
