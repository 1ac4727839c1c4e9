import { ApartmentOutlined, CalendarOutlined, UserOutlined } from "@ant-design/icons";
import { canOpenModule, MODULES, type ModuleKey } from "@crm/contracts";
import { Avatar, Card, Col, Descriptions, Flex, Row, Tabs, Tag, Typography } from "antd";
import { lazy, Suspense } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser, usePermissions } from "../../shared/api";
import { ModuleIcon } from "../../shared/ui/module-icon";
import { MyWork } from "./workbench-sections";
import "./workbench-page.css";

const TeamWork = lazy(async () => ({ default: (await import("./workbench-team")).TeamWork }));

/** Modules that already work; the others are marked as not yet available. */
const AVAILABLE_MODULES: readonly ModuleKey[] = [
  "admin",
  "customers",
  "relationship",
  "products",
  "sales",
  "finance",
  "feedback",
];

function greetingKey(hour: number) {
  if (hour < 12) return "workbench.greetingMorning" as const;
  if (hour < 18) return "workbench.greetingAfternoon" as const;
  return "workbench.greetingEvening" as const;
}

export function WorkbenchPage() {
  const { t, i18n } = useTranslation();
  const user = useCurrentUser();
  const { can } = usePermissions();
  // Managers (who may list the people in their scope) also see their team's work.
  const team = can("user:read") && can("activity:read");
  const now = new Date();
  const today = new Intl.DateTimeFormat(i18n.language, { dateStyle: "full" }).format(now);
  const otherModules = MODULES.filter((m) => m.key !== "workbench" && canOpenModule(m, user.permissions));

  return (
    <Flex vertical gap={16}>
      <Card className="workbench-welcome" variant="borderless">
        <Flex align="center" gap={20} wrap>
          <Avatar size={64} className="workbench-welcome__avatar">
            {user.displayName.slice(0, 1)}
          </Avatar>
          <Flex vertical gap={4} style={{ flex: 1, minWidth: 240 }}>
            <Typography.Title level={2} className="workbench-welcome__title">
              {t(greetingKey(now.getHours()), { name: user.displayName })}
            </Typography.Title>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 3 }}
              items={[
                {
                  key: "department",
                  label: (
                    <span>
                      <ApartmentOutlined aria-hidden /> {t("workbench.department")}
                    </span>
                  ),
                  children: user.departmentName ?? t("user.noDepartment"),
                },
                {
                  key: "username",
                  label: (
                    <span>
                      <UserOutlined aria-hidden /> {t("workbench.username")}
                    </span>
                  ),
                  children: user.username,
                },
                {
                  key: "today",
                  label: (
                    <span>
                      <CalendarOutlined aria-hidden /> {t("workbench.today")}
                    </span>
                  ),
                  children: <time dateTime={now.toISOString().slice(0, 10)}>{today}</time>,
                },
              ]}
            />
          </Flex>
        </Flex>
      </Card>

      {team ? (
        <Tabs
          className="workbench-tabs"
          items={[
            { key: "mine", label: t("relationship.workbench.mine"), children: <MyWork /> },
            {
              key: "team",
              label: t("relationship.workbench.team"),
              children: (
                <Suspense>
                  <TeamWork />
                </Suspense>
              ),
            },
          ]}
        />
      ) : (
        <MyWork />
      )}

      <Card title={t("workbench.modulesTitle")} variant="borderless">
        <Row gutter={[16, 16]}>
          {otherModules.map((module) => (
            <Col key={module.key} xs={24} sm={12} lg={8} xxl={6}>
              <Link to={module.path} className="workbench-module">
                <span className="workbench-module__icon">
                  <ModuleIcon module={module.key} />
                </span>
                <span className="workbench-module__name">{t(`nav.${module.key}`)}</span>
                {!AVAILABLE_MODULES.includes(module.key) && (
                  <Tag variant="filled" className="workbench-module__tag">
                    {t("workbench.notYetAvailable")}
                  </Tag>
                )}
              </Link>
            </Col>
          ))}
        </Row>
      </Card>
    </Flex>
  );
}
