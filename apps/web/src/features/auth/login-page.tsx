import { LoadingOutlined, LockOutlined, UserOutlined } from "@ant-design/icons";
import { ErrorCode, LoginRequest } from "@crm/contracts";
import { Alert, Button, Card, Form, Input, type InputRef, Typography } from "antd";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Navigate, useSearchParams } from "react-router";
import { errorMessage, isApiError, useSession } from "../../shared/api";
import { applyFieldErrors, zodRule } from "../../shared/forms/zod-rule";
import { BrandMark } from "../../shared/ui/brand-mark";
import { LanguageSwitch } from "../../shared/ui/language-switch";
import { safeRedirectTarget } from "./safe-redirect";
import { useLogin } from "./use-auth";
import "./login-page.css";

interface LoginValues {
  username: string;
  password: string;
}

const FIELDS = ["username", "password"] as const;

export function LoginPage() {
  const { t } = useTranslation();
  const [form] = Form.useForm<LoginValues>();
  const [searchParams] = useSearchParams();
  const session = useSession();
  const loginMutation = useLogin();
  const passwordRef = useRef<InputRef>(null);

  useEffect(() => {
    document.title = `${t("login.title")} - ${t("app.name")}`;
  }, [t]);

  const error = loginMutation.error;
  useEffect(() => {
    if (error) passwordRef.current?.focus();
  }, [error]);

  if (session.status === "authenticated") {
    return <Navigate to={safeRedirectTarget(searchParams.get("from"))} replace />;
  }

  const onFinish = (values: LoginValues) => {
    loginMutation.mutate(
      { username: values.username.trim(), password: values.password },
      {
        onError: (error) => {
          if (isApiError(error) && error.code === ErrorCode.validation) {
            applyFieldErrors(form, error.fieldErrors, FIELDS);
          }
          // Keep the username, clear the password (focused again by the effect below).
          form.setFieldValue("password", "");
        },
      },
    );
  };

  const showAlert =
    error !== null &&
    !(isApiError(error) && error.code === ErrorCode.validation && error.fieldErrors.length > 0);

  return (
    <div className="login-page">
      <header className="login-page__topbar">
        <LanguageSwitch />
      </header>
      <main className="login-page__main">
        <div className="login-page__brand">
          <BrandMark size={56} />
          <div>
            <Typography.Title level={1} className="login-page__product">
              {t("app.name")}
            </Typography.Title>
            <Typography.Text type="secondary">{t("app.tagline")}</Typography.Text>
          </div>
        </div>
        <Card className="login-page__card" variant="borderless">
          <Typography.Title level={2} className="login-page__heading">
            {t("login.welcome")}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t("login.subtitle")}</Typography.Paragraph>
          {session.endReason === "expired" && !error && (
            <Alert type="info" showIcon title={t("login.sessionExpired")} className="login-page__alert" />
          )}
          {showAlert && (
            <Alert
              type="error"
              showIcon
              title={errorMessage(error)}
              description={
                isApiError(error) && error.requestId && error.status >= 500
                  ? t("errors.requestId", { id: error.requestId })
                  : undefined
              }
              className="login-page__alert"
            />
          )}
          <Form<LoginValues>
            form={form}
            name="login"
            layout="vertical"
            requiredMark={false}
            size="large"
            onFinish={onFinish}
            disabled={loginMutation.isPending}
            initialValues={{ username: "", password: "" }}
          >
            <Form.Item
              name="username"
              label={t("login.username")}
              rules={[zodRule(LoginRequest.shape.username, t("login.username"))]}
            >
              <Input
                prefix={<UserOutlined aria-hidden />}
                placeholder={t("login.usernamePlaceholder")}
                autoComplete="username"
                autoFocus
                spellCheck={false}
                autoCapitalize="off"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t("login.password")}
              rules={[zodRule(LoginRequest.shape.password, t("login.password"))]}
            >
              <Input.Password
                ref={passwordRef}
                prefix={<LockOutlined aria-hidden />}
                placeholder={t("login.passwordPlaceholder")}
                autoComplete="current-password"
              />
            </Form.Item>
            <Form.Item className="login-page__submit">
              {/* Not antd's `loading`: its fading spinner lingers in the accessible name ("loading 登录"). */}
              <Button
                type="primary"
                htmlType="submit"
                block
                icon={loginMutation.isPending ? <LoadingOutlined aria-hidden /> : undefined}
                aria-busy={loginMutation.isPending}
              >
                {loginMutation.isPending ? t("login.submitting") : t("login.submit")}
              </Button>
            </Form.Item>
          </Form>
          <Typography.Text type="secondary" className="login-page__help">
            {t("login.help")}
          </Typography.Text>
        </Card>
        <footer className="login-page__footer">
          © {new Date().getFullYear()} {t("app.shortName")} · {t("app.footer")}
        </footer>
      </main>
    </div>
  );
}
