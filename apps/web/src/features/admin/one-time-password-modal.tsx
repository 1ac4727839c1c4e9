import { CopyOutlined } from "@ant-design/icons";
import { Alert, App, Button, Input, Modal, Space, Typography } from "antd";
import { useTranslation } from "react-i18next";

export interface OneTimePassword {
  title: string;
  body: string;
  /** The value shown once: a password, an API key, a signing secret. */
  password: string;
  /** A stronger warning above the value (e.g. "it cannot be shown again"). */
  warning?: string;
}

/** Shows a generated password or secret exactly once, with a copy button; it is never shown again. */
export function OneTimePasswordModal({
  value,
  onClose,
}: {
  value: OneTimePassword | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const copy = async () => {
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value.password);
      void message.success(t("admin.common.copied"));
    } catch {
      void message.warning(t("admin.common.copyFailed"));
    }
  };
  return (
    <Modal
      open={value !== null}
      title={value?.title}
      onCancel={onClose}
      mask={{ closable: false }}
      footer={
        <Button type="primary" onClick={onClose}>
          {t("admin.common.noted")}
        </Button>
      }
    >
      <Typography.Paragraph>{value?.body}</Typography.Paragraph>
      {value?.warning && <Alert type="warning" showIcon title={value.warning} style={{ marginBottom: 12 }} />}
      <Space.Compact style={{ width: "100%" }}>
        <Input
          readOnly
          value={value?.password}
          aria-label={value?.title}
          className="admin-password-once"
          onFocus={(e) => e.target.select()}
        />
        <Button icon={<CopyOutlined aria-hidden />} onClick={() => void copy()}>
          {t("admin.common.copy")}
        </Button>
      </Space.Compact>
    </Modal>
  );
}
