import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { useLocation, useNavigate } from "react-router";
import { FeedbackListTab } from "./feedback-list-tab";
import { ReturnVisitsTab } from "./return-visits-tab";
import "./feedback.css";

/**
 * /feedback and /feedback/visits — 服务反馈: the feedback list with its filters, and the return
 * visits (回访) waiting to be done. A feedback opens at /feedback/:id, as notifications link.
 */
export function FeedbackPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const active = pathname.startsWith("/feedback/visits") ? "visits" : "list";
  return (
    <Card variant="borderless">
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(key === "visits" ? "/feedback/visits" : "/feedback")}
        items={[
          {
            key: "list",
            label: t("feedback.tabs.list"),
            children: active === "list" ? <FeedbackListTab /> : null,
          },
          {
            key: "visits",
            label: t("feedback.tabs.visits"),
            children: active === "visits" ? <ReturnVisitsTab /> : null,
          },
        ]}
      />
    </Card>
  );
}
