import { Button, Flex, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

/** Last-resort boundary: a crashed page or a route chunk that failed to load (e.g. after a deploy). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
      <Result
        status="error"
        title={t("errorPage.title")}
        subTitle={t("errorPage.body")}
        extra={
          <Button type="primary" onClick={() => window.location.reload()}>
            {t("errorPage.reload")}
          </Button>
        }
      />
    </Flex>
  );
}
