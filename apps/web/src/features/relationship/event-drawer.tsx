import { type CalendarEvent, EventCreate, type EventUpdate } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Checkbox, Col, DatePicker, Form, Input, Row, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../shared/api";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import type { Translation } from "../../shared/i18n/zh-cn";
import { ActivityDrawer } from "./activity-drawer";
import { ContactSelect, CustomerSelect, ShareSelect } from "./activity-pickers";
import { eventsApi } from "./relationship-api";
import { blankToNull, isConflict, sameIds, sharedIds, toOffsetIso } from "./relationship-format";
import { useInvalidateRelationship } from "./use-relationship-queries";

type Values = {
  title: string;
  range: [Dayjs | null, Dayjs | null] | null;
  allDay: boolean;
  location: string;
  notes: string;
  customerId: string | null;
  contactId: string | null;
  remindMinutesBefore: number | null;
  sharedWith: string[];
};
const FIELDS = [
  "title",
  "startsAt",
  "endsAt",
  "allDay",
  "location",
  "notes",
  "customerId",
  "contactId",
  "remindMinutesBefore",
  "sharedWith",
];
type FieldKey = keyof Translation["relationship"]["calendar"]["fields"];
const REMIND = [null, 0, 15, 60, 1440] as const;

/** The day's span for an all-day event; otherwise the picked times (whole minutes). */
function span(v: Values): { startsAt: string; endsAt: string } {
  const [from, to] = v.range ?? [null, null];
  const start = from ?? dayjs();
  const end = to ?? start;
  if (v.allDay) {
    return {
      startsAt: toOffsetIso(start.startOf("day")),
      endsAt: toOffsetIso(end.endOf("day").millisecond(0)),
    };
  }
  return { startsAt: toOffsetIso(start.second(0)), endsAt: toOffsetIso(end.second(0)) };
}

export interface EventDrawerProps {
  event: (CalendarEvent & { deleted?: boolean }) | null;
  /** A new event on this day (a click on the calendar). */
  day?: Dayjs | undefined;
  onClose: () => void;
}

/** 工作日程: a meeting, visit or call at a time, with an optional reminder. */
export function EventDrawer({ event, day, onClose }: EventDrawerProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const invalidate = useInvalidateRelationship();
  const [form] = Form.useForm<Values>();
  const customerId = Form.useWatch("customerId", form);
  const allDay = Form.useWatch("allDay", form);
  const label = (key: FieldKey) => t(`relationship.calendar.fields.${key}`);

  const base = (day ?? dayjs())
    .hour(day ? 9 : dayjs().hour() + 1)
    .minute(0)
    .second(0)
    .millisecond(0);
  const initial: Values = {
    title: event?.title ?? "",
    range: event ? [dayjs(event.startsAt), dayjs(event.endsAt)] : [base, base.add(1, "hour")],
    allDay: event?.allDay ?? false,
    location: event?.location ?? "",
    notes: event?.notes ?? "",
    customerId: event?.customerId ?? null,
    contactId: event?.contactId ?? null,
    remindMinutesBefore: event?.remindMinutesBefore ?? null,
    sharedWith: sharedIds(event?.sharedWith),
  };

  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        title: v.title.trim(),
        ...span(v),
        allDay: v.allDay,
        location: blankToNull(v.location),
        notes: blankToNull(v.notes),
        customerId: v.customerId,
        contactId: v.contactId,
        remindMinutesBefore: v.remindMinutesBefore,
      };
      if (!event) {
        const body: EventCreate = { ...common };
        if (v.sharedWith.length) body.sharedWith = v.sharedWith;
        return eventsApi.create(body);
      }
      const patch: EventUpdate = { ...common };
      if (!sameIds(v.sharedWith, initial.sharedWith)) patch.sharedWith = v.sharedWith;
      return eventsApi.update(event.id, event.version, patch);
    },
    onError: (error) => {
      if (isApiError(error)) {
        applyFieldErrors(form, error.fieldErrors, FIELDS);
        const timeErrors = error.fieldErrors.filter((e) => e.field === "startsAt" || e.field === "endsAt");
        if (timeErrors.length) form.setFields([{ name: "range", errors: timeErrors.map((e) => e.message) }]);
      }
      if (isConflict(error)) void invalidate();
    },
  });
  const remove = useMutation({
    mutationFn: () => eventsApi.remove(event?.id ?? "", event?.version ?? 0),
    onSuccess: () => {
      void message.success(t("relationship.calendar.deleted"));
      void invalidate();
      onClose();
    },
    onError: () => void invalidate(),
  });

  const error = save.error ?? remove.error;
  const fieldError = isApiError(error) && error.fieldErrors.some((e) => isFormField(e.field, FIELDS));
  const readOnly = !!event && (event.readOnly || !!event.deleted);

  return (
    <ActivityDrawer
      title={
        event
          ? readOnly
            ? t("relationship.calendar.viewTitle")
            : t("relationship.calendar.editTitle")
          : t("relationship.calendar.addTitle")
      }
      record={event}
      error={fieldError ? null : error}
      saving={save.isPending}
      deleting={remove.isPending}
      onSave={() => form.submit()}
      onDelete={() => remove.mutate()}
      onClose={onClose}
    >
      {({ markDirty, clean }) => (
        <Form<Values>
          form={form}
          layout="vertical"
          name="event-form"
          initialValues={initial}
          disabled={readOnly || save.isPending}
          onValuesChange={(changed: Partial<Values>) => {
            markDirty();
            if ("customerId" in changed) form.setFieldValue("contactId", null);
          }}
          onFinish={(values) =>
            save.mutate(values, {
              onSuccess: () => {
                clean();
                void message.success(
                  event ? t("relationship.calendar.updated") : t("relationship.calendar.created"),
                );
                void invalidate();
                onClose();
              },
            })
          }
        >
          <Row gutter={16}>
            <Col span={24}>
              <Form.Item
                name="title"
                label={label("title")}
                required
                rules={[zodRule(EventCreate.shape.title, label("title"))]}
              >
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={18}>
              <Form.Item
                name="range"
                label={label("time")}
                required
                rules={[
                  {
                    validator: async (_r, value: Values["range"]) => {
                      if (!value?.[0] || !value[1]) {
                        throw new Error(t("customFields.requiredChoice", { field: label("time") }));
                      }
                      if (value[1].isBefore(value[0]))
                        throw new Error(t("relationship.calendar.endsBeforeStart"));
                    },
                  },
                ]}
              >
                {allDay ? (
                  <DatePicker.RangePicker style={{ width: "100%" }} />
                ) : (
                  <DatePicker.RangePicker
                    showTime={{ format: "HH:mm" }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: "100%" }}
                  />
                )}
              </Form.Item>
            </Col>
            <Col xs={24} sm={6}>
              <Form.Item name="allDay" valuePropName="checked" label=" ">
                <Checkbox>{label("allDay")}</Checkbox>
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="location" label={label("location")}>
                <Input maxLength={100} autoComplete="off" />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="remindMinutesBefore" label={label("remindMinutesBefore")}>
                <Select
                  options={REMIND.map((m) => ({
                    value: m,
                    label: t(
                      m === null ? "relationship.calendar.remind.none" : `relationship.calendar.remind.m${m}`,
                    ),
                  }))}
                />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="customerId" label={label("customerId")}>
                <CustomerSelect initialLabel={event?.customerName} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12}>
              <Form.Item name="contactId" label={t("relationship.common.contact")}>
                <ContactSelect customerId={customerId} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="notes" label={label("notes")}>
                <Input.TextArea rows={3} maxLength={2000} showCount />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="sharedWith" label={t("relationship.common.sharedWith")}>
                <ShareSelect initial={event?.sharedWith} />
              </Form.Item>
            </Col>
          </Row>
        </Form>
      )}
    </ActivityDrawer>
  );
}
