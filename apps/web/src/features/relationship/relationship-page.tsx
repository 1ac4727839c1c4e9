import { Card, Tabs } from "antd";
import { useTranslation } from "react-i18next";
import { Navigate, useNavigate, useParams } from "react-router";
import { CalendarTab } from "./calendar-tab";
import { CareRecordsTab, ContactRecordsTab } from "./records-tabs";
import { TasksTab } from "./tasks-tab";
import "./relationship.css";

const TABS = ["records", "care", "tasks", "calendar"] as const;
type Tab = (typeof TABS)[number];

/**
 * /relationship/:tab[/:id] — 客户关系维护: contact records, care records, tasks and the schedule.
 * The links in notifications open a record here: /relationship/tasks/<id>, /relationship/calendar?event=<id>.
 */
export function RelationshipPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { tab, id } = useParams();
  const active = TABS.find((k) => k === tab);
  if (!active) return <Navigate to="/relationship/records" replace />;
  const content: Record<Tab, React.ReactNode> = {
    records: <ContactRecordsTab id={id} />,
    care: <CareRecordsTab id={id} />,
    tasks: <TasksTab id={id} />,
    calendar: <CalendarTab />,
  };
  return (
    <Card variant="borderless">
      <Tabs
        activeKey={active}
        onChange={(key) => void navigate(`/relationship/${key}`)}
        items={TABS.map((key) => ({
          key,
          label: t(`relationship.tabs.${key}`),
          children: key === active ? content[key] : null,
        }))}
      />
    </Card>
  );
}
