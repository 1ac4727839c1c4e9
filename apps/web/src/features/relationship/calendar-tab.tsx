import { LeftOutlined, PlusOutlined, RightOutlined } from "@ant-design/icons";
import type { CalendarEvent } from "@crm/contracts";
import { Button, Calendar, Card, Empty, Flex, List, Segmented, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useCurrentUser, usePermissions } from "../../shared/api";
import { ActivityNotFound } from "./activity-list-parts";
import { PersonSelect } from "./activity-pickers";
import { EventDrawer } from "./event-drawer";
import { DATE, dayjsLocale, formatTime } from "./relationship-format";
import { useEvent, useEvents, useScopeUsers } from "./use-relationship-queries";

type View = "month" | "week" | "day";

/** The days a view shows (the month view's grid reaches into the weeks around it). */
function rangeOf(view: View, current: Dayjs): [Dayjs, Dayjs] {
  if (view === "day") return [current.startOf("day"), current.startOf("day")];
  if (view === "week") return [current.startOf("week"), current.endOf("week")];
  return [current.startOf("month").startOf("week"), current.startOf("month").startOf("week").add(41, "day")];
}

function EventChip({ event, onOpen }: { event: CalendarEvent; onOpen: (e: CalendarEvent) => void }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`calendar-event${event.readOnly ? " calendar-event--shared" : ""}`}
      onClick={(e) => {
        e.stopPropagation();
        onOpen(event);
      }}
      title={event.title}
    >
      <span className="calendar-event__time">
        {event.allDay ? t("relationship.calendar.allDay") : formatTime(event.startsAt)}
      </span>
      <span className="calendar-event__title">{event.title}</span>
    </button>
  );
}

/** 工作日程: month, week and day views; a click on a day adds an event; ?event=<id> opens one. */
export function CalendarTab() {
  const { t, i18n } = useTranslation();
  const { can } = usePermissions();
  const me = useCurrentUser();
  const users = useScopeUsers();
  const [search, setSearch] = useSearchParams();
  const eventId = search.get("event") ?? undefined;
  const [view, setView] = useState<View>("month");
  const locale = dayjsLocale(i18n.language);
  const [current, setCurrent] = useState(() => dayjs().locale(locale));
  const [ownerId, setOwnerId] = useState<string | undefined>();
  const [newOn, setNewOn] = useState<Dayjs | null>(null);
  const day = current.locale(locale);
  const [from, to] = rangeOf(view, day);
  const events = useEvents({ from: from.format(DATE), to: to.format(DATE), ownerId, limit: 200 });
  const one = useEvent(eventId);
  const mine = !ownerId || ownerId === me.id;
  const mayAdd = can("activity:create") && mine;

  const byDay = new Map<string, CalendarEvent[]>();
  for (const e of events.items) {
    // An event shows on each day it spans (within the range loaded).
    let d = dayjs(e.startsAt).startOf("day");
    const last = dayjs(e.endsAt).startOf("day");
    for (let i = 0; i < 31 && !d.isAfter(last); i++, d = d.add(1, "day")) {
      const key = d.format(DATE);
      byDay.set(key, [...(byDay.get(key) ?? []), e]);
    }
  }
  const eventsOn = (d: Dayjs) => byDay.get(d.format(DATE)) ?? [];
  const open = (e: CalendarEvent) => setSearch({ event: e.id });
  const close = () => setSearch({}, { replace: true });
  const add = (d: Dayjs) => mayAdd && setNewOn(d);

  if (eventId && one.isError) return <ActivityNotFound error={one.error} back="/relationship/calendar" />;

  const title =
    view === "month"
      ? day.format(locale === "en" ? "MMMM YYYY" : "YYYY年M月")
      : view === "week"
        ? `${from.format(DATE)} ~ ${to.format(DATE)}`
        : day.format(locale === "en" ? "dddd, YYYY-MM-DD" : "YYYY年M月D日 dddd");
  const step = (n: number) => setCurrent(day.add(n, view));

  const dayList = (d: Dayjs) => (
    <List
      size="small"
      dataSource={eventsOn(d)}
      locale={{ emptyText: t("relationship.calendar.noEvents") }}
      renderItem={(e) => (
        <List.Item className="calendar-list-item" onClick={() => open(e)}>
          <Flex vertical gap={2} style={{ minWidth: 0 }}>
            <Typography.Text type="secondary">
              {e.allDay
                ? t("relationship.calendar.allDay")
                : `${formatTime(e.startsAt)} – ${formatTime(e.endsAt)}`}
            </Typography.Text>
            <Typography.Text strong ellipsis>
              {e.title}
            </Typography.Text>
            {(e.location || e.customerName) && (
              <Typography.Text type="secondary" ellipsis>
                {[e.location, e.customerName].filter(Boolean).join(" · ")}
              </Typography.Text>
            )}
            {e.readOnly && <Tag color="purple">{t("relationship.common.readOnly")}</Tag>}
          </Flex>
        </List.Item>
      )}
    />
  );

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center" justify="space-between">
        <Flex gap={8} align="center" wrap>
          <Button
            icon={<LeftOutlined aria-hidden />}
            aria-label={t("relationship.calendar.previous")}
            onClick={() => step(-1)}
          />
          <Button onClick={() => setCurrent(dayjs())}>{t("relationship.calendar.today")}</Button>
          <Button
            icon={<RightOutlined aria-hidden />}
            aria-label={t("relationship.calendar.next")}
            onClick={() => step(1)}
          />
          <Typography.Title level={3} style={{ margin: "0 8px" }} aria-live="polite">
            {title}
          </Typography.Title>
        </Flex>
        <Flex gap={8} align="center" wrap>
          {users.allowed && (
            <PersonSelect
              aria-label={t("relationship.calendar.whose")}
              allLabel={t("relationship.calendar.mine")}
              excludeSelf
              value={ownerId}
              onChange={setOwnerId}
            />
          )}
          <Segmented<View>
            value={view}
            onChange={setView}
            options={[
              { value: "month", label: t("relationship.calendar.month") },
              { value: "week", label: t("relationship.calendar.week") },
              { value: "day", label: t("relationship.calendar.day") },
            ]}
          />
          {mayAdd && (
            <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setNewOn(day)}>
              {t("relationship.calendar.new")}
            </Button>
          )}
        </Flex>
      </Flex>

      {view === "month" && (
        <Calendar
          className="relationship-calendar"
          value={day}
          headerRender={() => null}
          onSelect={(d, info) => {
            setCurrent(d);
            if (info.source === "date") add(d);
          }}
          cellRender={(d, info) => {
            if (info.type !== "date") return info.originNode;
            const list = eventsOn(d);
            return (
              <div
                className="calendar-cell"
                title={mayAdd ? t("relationship.calendar.addOn", { date: d.format(DATE) }) : undefined}
              >
                {list.slice(0, 3).map((e) => (
                  <EventChip key={e.id} event={e} onOpen={open} />
                ))}
                {list.length > 3 && (
                  <Typography.Text type="secondary" className="calendar-more">
                    {t("relationship.calendar.more", { count: list.length - 3 })}
                  </Typography.Text>
                )}
              </div>
            );
          }}
        />
      )}

      {view === "week" && (
        <div className="calendar-week">
          {Array.from({ length: 7 }, (_, i) => from.add(i, "day")).map((d) => (
            <Card
              key={d.format(DATE)}
              size="small"
              className={
                d.isSame(dayjs(), "day")
                  ? "calendar-week__day calendar-week__day--today"
                  : "calendar-week__day"
              }
              title={d.format(locale === "en" ? "ddd MM-DD" : "MM-DD ddd")}
              extra={
                mayAdd && (
                  <Button
                    size="small"
                    type="text"
                    icon={<PlusOutlined aria-hidden />}
                    title={mayAdd ? t("relationship.calendar.addOn", { date: d.format(DATE) }) : undefined}
                    onClick={() => add(d)}
                  />
                )
              }
            >
              {dayList(d)}
            </Card>
          ))}
        </div>
      )}

      {view === "day" && (
        <Card size="small">
          {eventsOn(day).length ? dayList(day) : <Empty description={t("relationship.calendar.noEvents")} />}
        </Card>
      )}

      {newOn && <EventDrawer event={null} day={newOn} onClose={() => setNewOn(null)} />}
      {eventId && one.data && <EventDrawer key={eventId} event={one.data} onClose={close} />}
    </Flex>
  );
}
