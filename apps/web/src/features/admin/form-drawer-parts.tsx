import { Alert, Button, Flex } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";

/** The footer every admin form drawer has: cancel, and save that submits the form. */
export function SaveCancelFooter({
  onCancel,
  onSave,
  saving,
}: {
  onCancel: () => void;
  onSave: () => void;
  saving: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Flex justify="flex-end" gap={8}>
      <Button onClick={onCancel}>{t("admin.common.cancel")}</Button>
      <Button type="primary" loading={saving} onClick={onSave}>
        {t("admin.common.save")}
      </Button>
    </Flex>
  );
}

/**
 * What a save answered, above the form: a version conflict with its reload, or an error that no
 * field of the form shows itself.
 */
export function SaveAlerts({
  conflict,
  onReload,
  reloading,
  error,
  onFields,
}: {
  conflict: boolean;
  onReload: () => void;
  reloading: boolean;
  error: unknown;
  onFields: boolean;
}) {
  const { t } = useTranslation();
  if (conflict) {
    return (
      <Alert
        type="warning"
        showIcon
        title={t("admin.common.conflictTitle")}
        description={t("admin.common.conflictBody")}
        action={
          <Button size="small" loading={reloading} onClick={onReload}>
            {t("admin.common.reload")}
          </Button>
        }
        style={{ marginBottom: 16 }}
      />
    );
  }
  if (!error || onFields) return null;
  return <Alert type="error" showIcon title={errorMessage(error)} style={{ marginBottom: 16 }} />;
}
