import { CloseCircleFilled } from "@ant-design/icons";
import { Button, Flex } from "antd";
import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router";

/** Last-resort boundary: a crashed page or a route chunk that failed to load (e.g. after a deploy). */
export function RouteErrorPage() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh" }}>
      {/* Not antd's Result: it would bring its illustrations into the first download. */}
      <Flex vertical align="center" gap={16} role="alert" className="route-error">
        <CloseCircleFilled className="route-error__icon" aria-hidden />
        <h1 className="route-error__title">{t("errorPage.title")}</h1>
        <p className="route-error__body">{t("errorPage.body")}</p>
        <Button type="primary" onClick={() => window.location.reload()}>
          {t("errorPage.reload")}
        </Button>
      </Flex>
    </Flex>
  );
}
