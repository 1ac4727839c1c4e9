import { CheckOutlined, GiftOutlined, PlusOutlined } from "@ant-design/icons";
import type { Task } from "@crm/contracts";
import { useQuery } from "@tanstack/react-query";
import { Button, Card, Col, Empty, Flex, List, Row, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { useCurrentUser, usePermissions } from "../../shared/api";
import { NotificationItem, useOpenNotification } from "../relationship/notification-bell";
import { fetchMonthStats } from "../relationship/relationship-api";
import { DATE, formatTime, todayString } from "../relationship/relationship-format";
import { PRIORITY_COLORS, TaskTitle, useCompleteTask } from "../relationship/task-parts";
import {
  useCareSuggestions,
  useEvents,
  useFollowUps,
  useNotifications,
  useTasks,
} from "../relationship/use-relationship-queries";
import "../relationship/relationship.css";

// The drawers open on a click: fetched then, not with the workbench.
const CareRecordDrawer = lazy(async () => ({
  default: (await import("../relationship/care-record-drawer")).CareRecordDrawer,
}));
const ContactRecordDrawer = lazy(async () => ({
  default: (await import("../relationship/contact-record-drawer")).ContactRecordDrawer,
}));

/** Overdue first, then by due date (none last). */
export const byUrgency = (a: Task, b: Task) =>
  Number(b.overdue) - Number(a.overdue) || (a.dueOn ?? "9999").localeCompare(b.dueOn ?? "9999");

function TodayEvents() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const today = todayString();
  const events = useEvents({ from: today, to: today, limit: 50 });
  const mine = useCurrentUser();
  const items = events.items.filter((e) => e.ownerId === mine.id || e.readOnly);
  return (
    <Card
      title={t("relationship.workbench.todayEvents")}
      variant="borderless"
      extra={<Link to="/relationship/calendar">{t("relationship.workbench.viewAll")}</Link>}
    >
      <List
        size="small"
        loading={events.isPending}
        dataSource={items}
        locale={{ emptyText: t("relationship.workbench.noEventsToday") }}
        renderItem={(e) => (
          <List.Item
            className="calendar-list-item"
            onClick={() => void navigate(`/relationship/calendar?event=${e.id}`)}
          >
            <Flex gap={12} align="baseline" style={{ minWidth: 0 }}>
              <Typography.Text type="secondary" style={{ flex: "none", width: 92 }}>
                {e.allDay
                  ? t("relationship.calendar.allDay")
                  : `${formatTime(e.startsAt)}–${formatTime(e.endsAt)}`}
              </Typography.Text>
              <Typography.Text ellipsis>
                {e.title}
                {e.location ? ` · ${e.location}` : ""}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function OpenTasks() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { can } = usePermissions();
  const me = useCurrentUser();
  const tasks = useTasks({ status: "open", ownerId: me.id, limit: 100 });
  const complete = useCompleteTask();
  const items = [...tasks.items].sort(byUrgency);
  return (
    <Card
      title={t("relationship.workbench.openTasks")}
      variant="borderless"
      extra={<Link to="/relationship/tasks">{t("relationship.workbench.viewAll")}</Link>}
    >
      <List
        size="small"
        loading={tasks.isPending}
        dataSource={items}
        locale={{ emptyText: t("relationship.workbench.noOpenTasks") }}
        renderItem={(task) => (
          <List.Item
            className={`calendar-list-item${task.overdue ? " workbench-task--overdue" : ""}`}
            onClick={() => void navigate(`/relationship/tasks/${task.id}`)}
            actions={
              can("activity:update") && !task.readOnly
                ? [
                    <Button
                      key="done"
                      size="small"
                      icon={<CheckOutlined aria-hidden />}
                      aria-label={`${t("relationship.tasks.complete")}：${task.title}`}
                      loading={complete.isPending && complete.variables?.id === task.id}
                      onClick={(e) => {
                        e.stopPropagation();
                        complete.mutate(task);
                      }}
                    >
                      {t("relationship.tasks.complete")}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <TaskTitle task={task} />
              <Flex gap={8} align="center">
                <Tag color={PRIORITY_COLORS[task.priority]}>
                  {t(`relationship.priorities.${task.priority}`)}
                </Tag>
                {task.dueOn && (
                  <Typography.Text type={task.overdue ? "danger" : "secondary"} style={{ fontSize: 12 }}>
                    {t("relationship.tasks.fields.dueOn")} {task.dueOn}
                  </Typography.Text>
                )}
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
    </Card>
  );
}

function FollowUps() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const followUps = useFollowUps();
  const [logFor, setLogFor] = useState<{ id: string; name: string } | null>(null);
  return (
    <Card title={t("relationship.workbench.followUps")} variant="borderless">
      <List
        size="small"
        loading={followUps.isPending}
        dataSource={followUps.data?.items ?? []}
        locale={{ emptyText: t("relationship.workbench.noFollowUps") }}
        renderItem={(f) => (
          <List.Item
            actions={
              can("activity:create")
                ? [
                    <Button
                      key="log"
                      size="small"
                      icon={<PlusOutlined aria-hidden />}
                      aria-label={`${t("relationship.workbench.logContact")}：${f.customerName}`}
                      onClick={() => setLogFor({ id: f.customerId, name: f.customerName })}
                    >
                      {t("relationship.workbench.logContact")}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex vertical gap={2} style={{ minWidth: 0 }}>
              <Link to={`/customers/${f.customerId}`}>{f.customerName}</Link>
              <Flex gap={8} align="center" wrap>
                {f.reason === "follow_up_due" ? (
                  <Tag color="orange">{t("relationship.workbench.followUpDue", { date: f.dueOn ?? "" })}</Tag>
                ) : (
                  <Tag color="red">
                    {t("relationship.workbench.noContact", { days: followUps.data?.days ?? "" })}
                  </Tag>
                )}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {f.lastContactAt
                    ? t("relationship.workbench.lastContact", { date: dayjs(f.lastContactAt).format(DATE) })
                    : t("relationship.workbench.neverContacted")}
                </Typography.Text>
              </Flex>
            </Flex>
          </List.Item>
        )}
      />
      {logFor && (
        <Suspense>
          <ContactRecordDrawer record={null} customer={logFor} onClose={() => setLogFor(null)} />
        </Suspense>
      )}
    </Card>
  );
}

function CareSuggestions() {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const care = useCareSuggestions();
  const [careFor, setCareFor] = useState<{
    customerId: string;
    customerName: string;
    contactId: string | null;
  } | null>(null);
  return (
    <Card title={t("relationship.workbench.care")} variant="borderless">
      <List
        size="small"
        loading={care.isPending}
        dataSource={care.data ?? []}
        locale={{ emptyText: t("relationship.workbench.noCare") }}
        renderItem={(c) => (
          <List.Item
            actions={
              can("activity:create")
                ? [
                    <Button
                      key="care"
                      size="small"
                      icon={<GiftOutlined aria-hidden />}
                      onClick={() =>
                        setCareFor({
                          customerId: c.customerId,
                          customerName: c.customerName,
                          contactId: c.contactId,
                        })
                      }
                    >
                      {t("relationship.care.new")}
                    </Button>,
                  ]
                : []
            }
          >
            <Flex vertical gap={2}>
              <span>
                {c.contactName} · <Link to={`/customers/${c.customerId}`}>{c.customerName}</Link>
              </span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t("relationship.workbench.birthday", { date: c.on })}
              </Typography.Text>
            </Flex>
          </List.Item>
        )}
      />
      {careFor && (
        <Suspense>
          <CareRecordDrawer
            record={null}
            defaults={{ ...careFor, kind: "birthday" }}
            onClose={() => setCareFor(null)}
          />
        </Suspense>
      )}
    </Card>
  );
}

/** 本月业绩: the user's month so far, each figure beside the same days of last month. */
function MonthFiguresCard() {
  const { t } = useTranslation();
  const stats = useQuery({ queryKey: ["workbench", "stats"], queryFn: fetchMonthStats, staleTime: 60_000 });
  if (!stats.data) return null;
  const { thisMonth, lastMonth } = stats.data;
  const rows = [
    ["newCustomers", thisMonth.newCustomers, lastMonth.newCustomers],
    ["contactsMade", thisMonth.contactsMade, lastMonth.contactsMade],
    ["ordersSigned", thisMonth.ordersSigned, lastMonth.ordersSigned],
    ["orderAmount", `¥${thisMonth.orderAmount}`, `¥${lastMonth.orderAmount}`],
    ["receivablesDue", `¥${thisMonth.receivablesDue}`, `¥${lastMonth.receivablesDue}`],
  ] as const;
  return (
    <Card title={t("relationship.workbench.month.title")} variant="borderless">
      <Row gutter={[16, 12]}>
        {rows.map(([key, now, before]) => (
          <Col xs={12} md={8} xl={4} key={key}>
            <Typography.Text type="secondary">{t(`relationship.workbench.month.${key}`)}</Typography.Text>
            <div className="workbench-figure">{now}</div>
            <Typography.Text type="secondary" className="workbench-figure__before">
              {t("relationship.workbench.month.lastMonth", { value: before })}
            </Typography.Text>
          </Col>
        ))}
      </Row>
    </Card>
  );
}

function UnreadNotifications() {
  const { t } = useTranslation();
  const list = useNotifications(true);
  const open = useOpenNotification();
  const items = list.data?.items.slice(0, 8) ?? [];
  return (
    <Card title={t("relationship.workbench.unread")} variant="borderless">
      {list.isPending ? null : items.length ? (
        <Flex vertical gap={2}>
          {items.map((n) => (
            <NotificationItem key={n.id} item={n} onOpen={open} />
          ))}
        </Flex>
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("relationship.workbench.noUnread")} />
      )}
    </Card>
  );
}

/** The salesperson's day: schedule, tasks (overdue first), customers to follow up, birthdays, messages. */
export function MyWork() {
  const { can } = usePermissions();
  if (!can("activity:read")) {
    return (
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <UnreadNotifications />
        </Col>
      </Row>
    );
  }
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24}>
        <MonthFiguresCard />
      </Col>
      <Col xs={24} xl={12}>
        <Flex vertical gap={16}>
          <TodayEvents />
          <OpenTasks />
          <UnreadNotifications />
        </Flex>
      </Col>
      <Col xs={24} xl={12}>
        <Flex vertical gap={16}>
          <FollowUps />
          <CareSuggestions />
        </Flex>
      </Col>
    </Row>
  );
}
