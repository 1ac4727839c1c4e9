import { type ApiKeyCreate, type ApiKeyCreated, ApiKeyCreate as ApiKeyCreateSchema } from "@crm/contracts";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Alert, App, Button, DatePicker, Drawer, Flex, Form, Input, Radio, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError } from "../../shared/api";
import { applyFieldErrors, isFormField, zodRule } from "../../shared/forms/zod-rule";
import { fetchUser } from "./admin-api";
import { createApiKey, useInvalidateIntegrations } from "./integrations-api";
import { PermissionMatrix } from "./permission-matrix";
import { useRoles } from "./use-admin-queries";
import { UserSelect } from "./user-select";

interface KeyFormValues {
  name: string;
  userId: string | null;
  scope: "all" | "narrow";
  permissions: string[];
  expiresOn: Dayjs | null;
}

const FIELDS = ["name", "userId", "permissions", "expiresOn"];
/** The form input a server error is about: permissions.3 → the matrix, expiresAt → the date picker. */
const formField = (field: string) =>
  field.startsWith("permissions") ? "permissions" : field === "expiresAt" ? "expiresOn" : field;
const INITIAL: KeyFormValues = { name: "", userId: null, scope: "all", permissions: [], expiresOn: null };

/** The request: the narrowing only when chosen, the expiry at the end of the chosen (local) day. */
export function toCreateBody(v: KeyFormValues): ApiKeyCreate {
  return {
    name: v.name.trim(),
    userId: v.userId ?? "",
    permissions: v.scope === "narrow" ? v.permissions : null,
    expiresAt: v.expiresOn ? v.expiresOn.endOf("day").toISOString() : null,
  };
}

/** The permissions the service user's roles grant (what a narrowing may choose from). */
function useHeldPermissions(userId: string | null) {
  const user = useQuery({
    queryKey: ["admin", "users", "one", userId],
    queryFn: () => fetchUser(userId ?? ""),
    enabled: !!userId,
  });
  const roles = useRoles(false, !!userId);
  return useMemo(() => {
    if (!userId || !user.data || !roles.data) return undefined;
    const ids = new Set(user.data.roleIds);
    return new Set(roles.data.filter((r) => ids.has(r.id)).flatMap((r) => r.permissions));
  }, [userId, user.data, roles.data]);
}

/** 新建 API 密钥: name, service user, optional narrowing and expiry; the secret goes to `onCreated`. */
export function ApiKeyDrawer({
  onClose,
  onCreated,
}: {
  onClose: () => void;
  onCreated: (key: ApiKeyCreated) => void;
}) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const invalidate = useInvalidateIntegrations();
  const [form] = Form.useForm<KeyFormValues>();
  const [dirty, setDirty] = useState(false);
  const userId = (Form.useWatch("userId", form) ?? null) as string | null;
  const scope = (Form.useWatch("scope", form) ?? "all") as KeyFormValues["scope"];
  const held = useHeldPermissions(userId);
  // Another service user: what they do not hold cannot stay ticked.
  useEffect(() => {
    if (!held) return;
    const ticked = (form.getFieldValue("permissions") ?? []) as string[];
    const kept = ticked.filter((p) => held.has(p));
    if (kept.length !== ticked.length) form.setFieldValue("permissions", kept);
  }, [held, form]);

  const save = useMutation({
    mutationFn: (values: KeyFormValues) => createApiKey(toCreateBody(values)),
    onSuccess: (created) => {
      void invalidate("api-keys");
      onCreated(created);
    },
    onError: (error) => {
      if (!isApiError(error)) return;
      applyFieldErrors(
        form,
        error.fieldErrors.map((e) => ({ ...e, field: formField(e.field) })),
        FIELDS,
      );
    },
  });

  const close = () => {
    if (!dirty || save.isPending) {
      onClose();
      return;
    }
    modal.confirm({
      title: t("integrations.apiKeys.discardTitle"),
      content: t("integrations.apiKeys.discardBody"),
      okText: t("integrations.apiKeys.discard"),
      okButtonProps: { danger: true },
      cancelText: t("integrations.apiKeys.keepEditing"),
      onOk: onClose,
    });
  };

  const error = save.error;
  const onFields =
    isApiError(error) && error.fieldErrors.some((e) => isFormField(formField(e.field), FIELDS));
  const shape = ApiKeyCreateSchema.shape;
  const today = dayjs().endOf("day");

  return (
    <Drawer
      open
      onClose={close}
      destroyOnHidden
      size={720}
      title={t("integrations.apiKeys.createTitle")}
      footer={
        <Flex justify="flex-end" gap={8}>
          <Button onClick={close}>{t("admin.common.cancel")}</Button>
          <Button type="primary" loading={save.isPending} onClick={() => form.submit()}>
            {t("integrations.apiKeys.create")}
          </Button>
        </Flex>
      }
    >
      {error && !onFields && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      <Form<KeyFormValues>
        form={form}
        layout="vertical"
        name="api-key-form"
        initialValues={INITIAL}
        onValuesChange={() => setDirty(true)}
        onFinish={(values) => save.mutate(values)}
        disabled={save.isPending}
        scrollToFirstError={{ behavior: "smooth", block: "center" }}
      >
        <Form.Item
          name="name"
          label={t("integrations.apiKeys.name")}
          required
          rules={[zodRule(shape.name, t("integrations.apiKeys.name"))]}
        >
          <Input
            maxLength={50}
            showCount
            placeholder={t("integrations.apiKeys.namePlaceholder")}
            autoComplete="off"
          />
        </Form.Item>
        <Form.Item
          name="userId"
          label={t("integrations.apiKeys.serviceUser")}
          required
          extra={t("integrations.apiKeys.serviceUserHint")}
          rules={[
            {
              validator: async (_rule, value: string | null) => {
                if (!value)
                  throw new Error(t("validation.required", { field: t("integrations.apiKeys.serviceUser") }));
              },
            },
          ]}
        >
          <UserSelect
            placeholder={t("integrations.apiKeys.serviceUserPlaceholder")}
            aria-label={t("integrations.apiKeys.serviceUser")}
          />
        </Form.Item>
        <Form.Item name="scope" label={t("integrations.apiKeys.scope")}>
          <Radio.Group
            options={[
              { value: "all", label: t("integrations.apiKeys.scopeAll") },
              { value: "narrow", label: t("integrations.apiKeys.scopeNarrow") },
            ]}
          />
        </Form.Item>
        {scope === "narrow" && (
          <Form.Item
            name="permissions"
            label={t("integrations.apiKeys.permissions")}
            required
            extra={
              <>
                {t("integrations.apiKeys.scopeNarrowHint")}{" "}
                {held
                  ? t("integrations.apiKeys.heldCount", { count: held.size })
                  : !userId && t("integrations.apiKeys.chooseUserFirst")}
              </>
            }
            rules={[
              {
                validator: async (_rule, value: string[] | undefined) => {
                  if (!value?.length) throw new Error(t("integrations.apiKeys.permissionsRequired"));
                },
              },
            ]}
          >
            <PermissionMatrix available={held ?? new Set()} disabled={!held} />
          </Form.Item>
        )}
        <Form.Item
          name="expiresOn"
          label={t("integrations.apiKeys.expiresAt")}
          extra={t("integrations.apiKeys.expiresHint")}
          rules={[
            {
              validator: async (_rule, value: Dayjs | null) => {
                if (value && !value.endOf("day").isAfter(today))
                  throw new Error(t("integrations.apiKeys.expiresPast"));
              },
            },
          ]}
        >
          <DatePicker
            allowClear
            placeholder={t("integrations.apiKeys.noExpiry")}
            aria-label={t("integrations.apiKeys.expiresAt")}
            disabledDate={(d) => !d.endOf("day").isAfter(today)}
            presets={[
              { label: t("integrations.apiKeys.in30Days"), value: dayjs().add(30, "day") },
              { label: t("integrations.apiKeys.in90Days"), value: dayjs().add(90, "day") },
              { label: t("integrations.apiKeys.in1Year"), value: dayjs().add(1, "year") },
            ]}
            style={{ width: 220 }}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t("integrations.apiKeys.secretWarning")}
        </Typography.Paragraph>
      </Form>
    </Drawer>
  );
}
