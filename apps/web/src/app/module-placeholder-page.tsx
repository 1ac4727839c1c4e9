import type { ModuleKey } from "@crm/contracts";
import { Button, Card, Result } from "antd";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { ModuleIcon } from "../shared/ui/module-icon";

/** Stands in for a module that has not been built yet, and says so plainly. */
export function ModulePlaceholderPage({ module }: { module: ModuleKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card variant="borderless">
      <Result
        icon={
          <span style={{ fontSize: 72, color: "#2854e0" }}>
            <ModuleIcon module={module} />
          </span>
        }
        title={t("placeholder.title", { module: t(`nav.${module}`) })}
        subTitle={t("placeholder.body")}
        extra={
          <Button type="primary" onClick={() => void navigate("/workbench")}>
            {t("placeholder.backToWorkbench")}
          </Button>
        }
      />
    </Card>
  );
}
