import { GlobalOutlined } from "@ant-design/icons";
import { Button, type ButtonProps, Tooltip } from "antd";
import { useTranslation } from "react-i18next";
import { changeLanguage, currentLanguage } from "../i18n/i18n";

/** One click toggles between 简体中文 and English; the choice is kept in localStorage. */
export function LanguageSwitch({ type = "text" }: { type?: ButtonProps["type"] }) {
  const { t, i18n } = useTranslation();
  const next = currentLanguage() === "en" ? "zh-CN" : "en";
  return (
    <Tooltip title={t("language.switchToHint")}>
      <Button
        type={type}
        icon={<GlobalOutlined />}
        lang={next}
        onClick={() => void changeLanguage(next)}
        data-language={i18n.language}
      >
        {t("language.switchTo")}
      </Button>
    </Tooltip>
  );
}
