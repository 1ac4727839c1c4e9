import { Button, Card, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

export function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card variant="borderless">
      <Result
        status="404"
        title={t("notFound.title")}
        subTitle={t("notFound.body")}
        extra={
          <Button type="primary" onClick={() => void navigate("/workbench")}>
            {t("notFound.back")}
          </Button>
        }
      />
    </Card>
  );
}
