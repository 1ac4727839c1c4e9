import { ExportOutlined } from "@ant-design/icons";
import { Alert, Button, Flex, List, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import type { ProblemDuplicate } from "../../shared/api";
import { usePermissions } from "../../shared/api";

interface DuplicatePanelProps {
  duplicates: readonly ProblemDuplicate[];
  /** Editing an existing customer ("save anyway") rather than creating one. */
  editing: boolean;
  saving: boolean;
  onProceed: () => void;
}

const MATCHED = ["name", "creditCode", "phone", "email", "homepage"] as const;
const isMatched = (value: string): value is (typeof MATCHED)[number] =>
  (MATCHED as readonly string[]).includes(value);

/** P-01: the likely duplicates, each visible one a link (new tab, so the form keeps its input). */
export function DuplicatePanel({ duplicates, editing, saving, onProceed }: DuplicatePanelProps) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const matched = (fields: readonly string[]) =>
    fields
      .map((f) => (isMatched(f) ? t(`customers.form.matchedOn.${f}`) : f))
      .join(t("customers.merge.separator"));

  return (
    <Alert
      type="warning"
      showIcon
      className="duplicate-panel"
      title={t("customers.form.duplicateTitle")}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>{t("customers.form.duplicateBody")}</Typography.Text>
          <List
            size="small"
            bordered
            className="duplicate-panel__list"
            dataSource={[...duplicates]}
            renderItem={(d) => (
              <List.Item key={`${d.code}-${d.id ?? "hidden"}`}>
                <Flex gap={12} align="center" wrap className="duplicate-panel__item">
                  <span className="customer-code">{d.code}</span>
                  {d.id ? (
                    <Link to={`/customers/${d.id}`} target="_blank" rel="noopener">
                      {d.name} <ExportOutlined aria-hidden className="duplicate-panel__external" />
                    </Link>
                  ) : (
                    <Typography.Text>
                      {d.name}{" "}
                      <Typography.Text type="secondary">
                        {t("customers.form.duplicateHidden")}
                      </Typography.Text>
                    </Typography.Text>
                  )}
                  <Tag color="orange">
                    {t("customers.form.duplicateMatched", { fields: matched(d.matchedOn) })}
                  </Tag>
                  {d.ownerName && (
                    <Typography.Text type="secondary">
                      {t("customers.form.duplicateOwner", { name: d.ownerName })}
                    </Typography.Text>
                  )}
                </Flex>
              </List.Item>
            )}
          />
          {can("customer:merge") ? (
            <Flex>
              <Button danger loading={saving} onClick={onProceed}>
                {editing ? t("customers.form.saveAnyway") : t("customers.form.createAnyway")}
              </Button>
            </Flex>
          ) : (
            <Typography.Text type="secondary">{t("customers.form.duplicateNoPermission")}</Typography.Text>
          )}
        </Flex>
      }
    />
  );
}
