import { SYSTEM_SETTING_DEFAULTS, SystemSettings, type VersionedSystemSettings } from "@crm/contracts";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Flex, Form, InputNumber, Skeleton, Space, Typography } from "antd";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, isApiError } from "../../shared/api";
import {
  fetchSystemSettings,
  SYSTEM_SETTINGS_QUERY_KEY,
  updateSystemSettings,
  useSystemSettings,
} from "../../shared/api/system-settings";
import { mergeReloaded } from "../../shared/forms/merge-reload";
import { applyFieldErrors, isFormField } from "../../shared/forms/zod-rule";
import { isConflict } from "./admin-format";
import { useInvalidateAdmin } from "./use-admin-queries";
import "./admin.css";

interface SettingsFormValues {
  followUpDays: number | null;
}

const FIELDS = ["followUpDays"];
const valuesOf = (s: VersionedSystemSettings): SettingsFormValues => ({ followUpDays: s.followUpDays });

/**
 * 系统设置: company-wide values. Saved with the version read (If-Match); when someone else saved
 * meanwhile, a reload keeps what this administrator typed and takes the rest from the new values.
 */
export function SettingsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const client = useQueryClient();
  const invalidateAdmin = useInvalidateAdmin();
  const [form] = Form.useForm<SettingsFormValues>();
  const settings = useSystemSettings();
  /** The values the form was filled from (what a save is compared against). */
  const [baseline, setBaseline] = useState<VersionedSystemSettings | null>(null);
  const daysLabel = t("admin.settings.followUpDays");

  useEffect(() => {
    if (settings.data && !baseline) {
      setBaseline(settings.data);
      form.setFieldsValue(valuesOf(settings.data));
    }
  }, [settings.data, baseline, form]);

  const save = useMutation({
    mutationFn: async (values: SettingsFormValues) => {
      if (!baseline) return null;
      const patch: { followUpDays?: number } = {};
      if (values.followUpDays !== null && values.followUpDays !== baseline.followUpDays)
        patch.followUpDays = values.followUpDays;
      if (!Object.keys(patch).length) return null;
      return updateSystemSettings(baseline.version, patch);
    },
    onSuccess: (saved) => {
      if (!saved) {
        void message.info(t("admin.common.noChanges"));
        return;
      }
      client.setQueryData(SYSTEM_SETTINGS_QUERY_KEY, saved);
      setBaseline(saved);
      form.setFieldsValue(valuesOf(saved));
      // Lists that depend on a setting (the workbench's follow-ups) load again.
      void client.invalidateQueries({ queryKey: ["relationship", "follow-ups"] });
      void invalidateAdmin();
      void message.success(t("admin.settings.saved"));
    },
    onError: (error) => {
      if (isApiError(error)) applyFieldErrors(form, error.fieldErrors, FIELDS);
    },
  });
  const reload = useMutation({
    mutationFn: fetchSystemSettings,
    onSuccess: (fresh) => {
      if (baseline)
        form.setFieldsValue(mergeReloaded(form.getFieldsValue(true), valuesOf(baseline), valuesOf(fresh)));
      client.setQueryData(SYSTEM_SETTINGS_QUERY_KEY, fresh);
      setBaseline(fresh);
      save.reset();
    },
  });

  const error = save.error;
  const conflict = isConflict(error);
  const onFields = isApiError(error) && error.fieldErrors.some((e) => isFormField(e.field, FIELDS));

  return (
    <Card variant="borderless">
      <Typography.Paragraph type="secondary" className="admin-intro">
        {t("admin.settings.intro")}
      </Typography.Paragraph>
      {settings.isError && !baseline && (
        <Alert type="error" showIcon title={errorMessage(settings.error)} style={{ marginBottom: 16 }} />
      )}
      {conflict && (
        <Alert
          type="warning"
          showIcon
          title={t("admin.common.conflictTitle")}
          description={t("admin.settings.conflictBody")}
          action={
            <Button size="small" loading={reload.isPending} onClick={() => reload.mutate()}>
              {t("admin.common.reload")}
            </Button>
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {error && !conflict && !onFields && (
        <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />
      )}
      {!baseline && settings.isPending ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : (
        <Form<SettingsFormValues>
          form={form}
          name="system-settings"
          layout="vertical"
          style={{ maxWidth: 560 }}
          onFinish={(values) => save.mutate(values)}
          disabled={save.isPending || !baseline}
        >
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t("admin.settings.followUpSection")}
          </Typography.Title>
          <Form.Item
            name="followUpDays"
            label={daysLabel}
            required
            extra={t("admin.settings.followUpDaysHint", { days: SYSTEM_SETTING_DEFAULTS.followUpDays })}
            rules={[
              {
                validator: async (_rule, value: unknown) => {
                  if (value === null || value === undefined || value === "")
                    throw new Error(t("validation.required", { field: daysLabel }));
                  if (!SystemSettings.shape.followUpDays.safeParse(value).success)
                    throw new Error(t("admin.settings.followUpDaysRange"));
                },
              },
            ]}
          >
            <InputNumber<number>
              style={{ width: 200 }}
              suffix={t("admin.settings.days")}
              placeholder="1–365"
              controls={false}
              keyboard
            />
          </Form.Item>
          <Flex>
            <Space>
              <Button type="primary" htmlType="submit">
                {t("admin.common.save")}
              </Button>
              <Button
                htmlType="button"
                onClick={() => {
                  if (baseline) form.setFieldsValue(valuesOf(baseline));
                  form.setFields([{ name: "followUpDays", errors: [] }]);
                }}
              >
                {t("admin.settings.reset")}
              </Button>
            </Space>
          </Flex>
        </Form>
      )}
    </Card>
  );
}
