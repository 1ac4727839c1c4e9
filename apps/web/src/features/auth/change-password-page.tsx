import { LoadingOutlined } from "@ant-design/icons";
import { ChangePasswordRequest, ErrorCode, NewPassword } from "@crm/contracts";
import { Alert, App, Button, Card, Flex, Form, Input, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { errorMessage, isApiError, useCurrentUser } from "../../shared/api";
import { applyFieldErrors, zodRule } from "../../shared/forms/zod-rule";
import { useChangePassword } from "./use-auth";

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const FIELDS = ["currentPassword", "newPassword"] as const;

export function ChangePasswordPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const user = useCurrentUser();
  const [form] = Form.useForm<ChangePasswordValues>();
  const mutation = useChangePassword();

  const onFinish = (values: ChangePasswordValues) => {
    mutation.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          form.resetFields();
          void message.success(t("changePassword.success"));
          void navigate("/workbench", { replace: true });
        },
        onError: (error) => {
          if (!isApiError(error)) return;
          if (error.code === ErrorCode.passwordIncorrect && error.fieldErrors.length === 0) {
            form.setFields([{ name: "currentPassword", errors: [errorMessage(error)] }]);
            return;
          }
          applyFieldErrors(form, error.fieldErrors, FIELDS);
        },
      },
    );
  };

  const error = mutation.error;
  const errorIsOnFields =
    isApiError(error) &&
    (error.fieldErrors.length > 0 || error.code === ErrorCode.passwordIncorrect) &&
    error.code !== ErrorCode.rateLimited;

  return (
    <Flex justify="center">
      <Card style={{ width: "100%", maxWidth: 520 }}>
        <Typography.Paragraph type="secondary">{t("changePassword.subtitle")}</Typography.Paragraph>
        {user.mustChangePassword && (
          <Alert
            type="warning"
            showIcon
            title={t("changePassword.mustChange")}
            style={{ marginBottom: 20 }}
          />
        )}
        {error && !errorIsOnFields && (
          <Alert
            type="error"
            showIcon
            title={t("changePassword.failed")}
            description={errorMessage(error)}
            style={{ marginBottom: 20 }}
          />
        )}
        <Form<ChangePasswordValues>
          form={form}
          name="change-password"
          layout="vertical"
          onFinish={onFinish}
          disabled={mutation.isPending}
          initialValues={{ currentPassword: "", newPassword: "", confirmPassword: "" }}
        >
          {/* Lets password managers tie the new password to the right account. */}
          <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
          <Form.Item
            name="currentPassword"
            label={t("changePassword.currentPassword")}
            required
            rules={[
              zodRule(ChangePasswordRequest.shape.currentPassword, t("changePassword.currentPassword")),
            ]}
          >
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item
            name="newPassword"
            label={t("changePassword.newPassword")}
            extra={t("changePassword.policy")}
            required
            dependencies={["currentPassword"]}
            rules={[
              zodRule(NewPassword, t("changePassword.newPassword")),
              ({ getFieldValue }) => ({
                validator: async (_rule, value: unknown) => {
                  if (value && value === getFieldValue("currentPassword")) {
                    throw new Error(t("changePassword.sameAsCurrent"));
                  }
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            name="confirmPassword"
            label={t("changePassword.confirmPassword")}
            required
            dependencies={["newPassword"]}
            rules={[
              ({ getFieldValue }) => ({
                validator: async (_rule, value: unknown) => {
                  if (!value) {
                    throw new Error(t("validation.required", { field: t("changePassword.confirmPassword") }));
                  }
                  if (value !== getFieldValue("newPassword")) throw new Error(t("changePassword.mismatch"));
                },
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Flex gap={12} justify="flex-end">
            {!user.mustChangePassword && (
              <Button onClick={() => void navigate(-1)}>{t("changePassword.cancel")}</Button>
            )}
            <Button
              type="primary"
              htmlType="submit"
              icon={mutation.isPending ? <LoadingOutlined aria-hidden /> : undefined}
              aria-busy={mutation.isPending}
            >
              {t("changePassword.submit")}
            </Button>
          </Flex>
        </Form>
      </Card>
    </Flex>
  );
}
