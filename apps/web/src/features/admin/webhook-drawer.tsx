import {
  WEBHOOK_EVENTS,
  WebhookCreate,
  type WebhookEvent,
  type WebhookSubscription,
  type WebhookUpdate,
  type WebhookWithSecret,
} from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import { App, Checkbox, Drawer, Flex, Form, Input, Switch } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../shared/api";
import { mergeReloaded } from "../../shared/forms/merge-reload";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import { isConflict } from "./admin-format";
import { SaveAlerts, SaveCancelFooter } from "./form-drawer-parts";
import "./integrations.css";
import { createWebhook, fetchWebhook, updateWebhook, useInvalidateIntegrations } from "./integrations-api";

interface WebhookFormValues {
  url: string;
  events: WebhookEvent[];
  description: string;
  active: boolean;
}

const FIELDS = ["url", "events", "description", "active"];
const RESOURCES = ["customer", "order", "payment", "feedback"] as const;
type Resource = (typeof RESOURCES)[number];
const eventsOf = (resource: Resource) => WEBHOOK_EVENTS.filter((e) => e.startsWith(`${resource}.`));

function toValues(s: WebhookSubscription | null): WebhookFormValues {
  return {
    url: s?.url ?? "",
    events: (s?.events ?? []).filter((e): e is WebhookEvent =>
      (WEBHOOK_EVENTS as readonly string[]).includes(e),
    ),
    description: s?.description ?? "",
    active: s?.active ?? true,
  };
}

/** Events in the catalogue's order, so a saved list reads like the picker. */
const ordered = (events: readonly string[]) => WEBHOOK_EVENTS.filter((e) => events.includes(e));

export function toCreateBody(v: WebhookFormValues): WebhookCreate {
  return {
    url: v.url.trim(),
    events: ordered(v.events),
    description: v.description.trim() || null,
    active: v.active,
  };
}

/** Only what differs from the subscription as loaded. */
export function toUpdateBody(before: WebhookSubscription, v: WebhookFormValues): Partial<WebhookUpdate> {
  const patch: Partial<WebhookUpdate> = {};
  if (v.url.trim() !== before.url) patch.url = v.url.trim();
  const events = ordered(v.events);
  if (JSON.stringify(events) !== JSON.stringify(ordered(before.events))) patch.events = events;
  if ((v.description.trim() || null) !== before.description) patch.description = v.description.trim() || null;
  if (v.active !== before.active) patch.active = v.active;
  return patch;
}

/** The events grouped by resource, each group with its own "all". */
function EventPicker({
  value = [],
  onChange,
}: {
  value?: WebhookEvent[];
  onChange?: (v: WebhookEvent[]) => void;
}) {
  const { t } = useTranslation();
  const set = (events: readonly WebhookEvent[], on: boolean) => {
    const next = new Set(value);
    for (const e of events) {
      if (on) next.add(e);
      else next.delete(e);
    }
    onChange?.(ordered([...next]));
  };
  return (
    <Flex vertical gap={8} className="webhook-events">
      {RESOURCES.map((resource) => {
        const events = eventsOf(resource);
        const on = events.filter((e) => value.includes(e)).length;
        const name = t(`integrations.resources.${resource}`);
        return (
          <Flex key={resource} gap={12} align="baseline" wrap className="webhook-events__group">
            <Checkbox
              className="webhook-events__all"
              checked={on === events.length}
              indeterminate={on > 0 && on < events.length}
              onChange={(e) => set(events, e.target.checked)}
              aria-label={t("integrations.webhooks.selectAllOf", { resource: name })}
            >
              {name}
            </Checkbox>
            <Flex gap={4} wrap>
              {events.map((e) => (
                <Checkbox key={e} checked={value.includes(e)} onChange={(c) => set([e], c.target.checked)}>
                  {t(`integrations.events.${e}`)}
                </Checkbox>
              ))}
            </Flex>
          </Flex>
        );
      })}
    </Flex>
  );
}

/** Create or edit a webhook; an edit sends only the changes, with If-Match. */
export function WebhookDrawer({
  subscription,
  onClose,
  onCreated,
}: {
  /** null: a new subscription. */
  subscription: WebhookSubscription | null;
  onClose: () => void;
  onCreated: (created: WebhookWithSecret) => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const invalidate = useInvalidateIntegrations();
  const [form] = Form.useForm<WebhookFormValues>();
  const [baseline, setBaseline] = useState<WebhookSubscription | null>(subscription);
  const [dirty, setDirty] = useState(false);

  const save = useMutation({
    mutationFn: async (values: WebhookFormValues) => {
      if (!baseline) return { kind: "created" as const, created: await createWebhook(toCreateBody(values)) };
      const patch = toUpdateBody(baseline, values);
      if (Object.keys(patch).length === 0) return null;
      return {
        kind: "updated" as const,
        updated: await updateWebhook(baseline.id, baseline.version, patch as WebhookUpdate),
      };
    },
    onSuccess: (result) => {
      if (!result) {
        void message.info(t("admin.common.noChanges"));
        return;
      }
      void invalidate("webhooks");
      if (result.kind === "created") {
        void message.success(t("integrations.webhooks.created"));
        onCreated(result.created);
      } else {
        void message.success(t("integrations.webhooks.updated"));
        onClose();
      }
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
    },
  });
  const reload = useMutation({
    mutationFn: () => fetchWebhook(baseline?.id ?? ""),
    onSuccess: (fresh) => {
      form.setFieldsValue(
        mergeReloaded<WebhookFormValues>(
          form.getFieldsValue(true) as WebhookFormValues,
          toValues(baseline),
          toValues(fresh),
        ),
      );
      setBaseline(fresh);
      save.reset();
    },
  });

  const close = () => {
    if (!dirty || save.isPending) {
      onClose();
      return;
    }
    modal.confirm({
      title: t("integrations.webhooks.discardTitle"),
      content: t("integrations.webhooks.discardBody"),
      okText: t("integrations.webhooks.discard"),
      okButtonProps: { danger: true },
      cancelText: t("integrations.webhooks.keepEditing"),
      onOk: onClose,
    });
  };

  const error = save.error;
  const conflict = isConflict(error);
  const onFields = isApiError(error) && error.fieldErrors.some((e) => isFormField(e.field, FIELDS));
  const shape = WebhookCreate.shape;

  return (
    <Drawer
      open
      onClose={close}
      destroyOnHidden
      size={640}
      title={subscription ? t("integrations.webhooks.editTitle") : t("integrations.webhooks.createTitle")}
      footer={<SaveCancelFooter onCancel={close} onSave={() => form.submit()} saving={save.isPending} />}
    >
      <SaveAlerts
        conflict={Boolean(conflict)}
        onReload={() => reload.mutate()}
        reloading={reload.isPending}
        error={error}
        onFields={onFields}
      />
      <Form<WebhookFormValues>
        form={form}
        layout="vertical"
        name="webhook-form"
        initialValues={toValues(subscription)}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => save.mutate(values)}
        disabled={save.isPending}
        scrollToFirstError={{ behavior: "smooth", block: "center" }}
      >
        <Form.Item
          name="url"
          label={t("integrations.webhooks.url")}
          required
          rules={[
            {
              validator: async (_rule, value: string | undefined) => {
                if (!value?.trim())
                  throw new Error(t("validation.required", { field: t("integrations.webhooks.url") }));
                if (!shape.url.safeParse(value.trim()).success)
                  throw new Error(t("integrations.webhooks.urlInvalid"));
              },
            },
          ]}
        >
          <Input
            placeholder={t("integrations.webhooks.urlPlaceholder")}
            className="admin-mono-input"
            maxLength={500}
            autoComplete="off"
            spellCheck={false}
            inputMode="url"
          />
        </Form.Item>
        <Form.Item
          name="events"
          label={t("integrations.webhooks.events")}
          required
          rules={[
            {
              validator: async (_rule, value: string[] | undefined) => {
                if (!value?.length) throw new Error(t("integrations.webhooks.eventsRequired"));
              },
            },
          ]}
        >
          <EventPicker />
        </Form.Item>
        <Form.Item
          name="description"
          label={t("integrations.webhooks.description")}
          rules={[zodRule(shape.description, t("integrations.webhooks.description"), { optional: true })]}
        >
          <Input.TextArea
            rows={2}
            maxLength={200}
            showCount
            placeholder={t("integrations.webhooks.descriptionPlaceholder")}
          />
        </Form.Item>
        <Form.Item
          name="active"
          label={t("integrations.webhooks.active")}
          valuePropName="checked"
          extra={t("integrations.webhooks.activeHint")}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
