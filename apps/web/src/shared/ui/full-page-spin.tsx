import { Flex, Spin } from "antd";
import { useTranslation } from "react-i18next";

/** Centered spinner for the whole viewport (session restore, first route chunk). */
export function FullPageSpin() {
  const { t } = useTranslation();
  return (
    <Flex align="center" justify="center" style={{ minHeight: "100vh" }} role="status" aria-live="polite">
      <Spin size="large" description={t("app.loading")} />
    </Flex>
  );
}
