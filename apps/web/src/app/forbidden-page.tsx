import { Button, Card, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

/** Shown in place of a page the user's roles do not allow, instead of an empty screen. */
export function ForbiddenPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card variant="borderless">
      <Result
        status="403"
        title={t("forbidden.title")}
        subTitle={t("forbidden.body")}
        extra={
          <Button type="primary" onClick={() => void navigate("/workbench")}>
            {t("forbidden.back")}
          </Button>
        }
      />
    </Card>
  );
}
