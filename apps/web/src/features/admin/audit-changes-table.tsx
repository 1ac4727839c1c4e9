import type { AuditEntry } from "@crm/contracts";
import { Table, Typography } from "antd";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";

export const AUDIT_FIELDS = [
  "username",
  "displayName",
  "email",
  "phone",
  "departmentId",
  "managerId",
  "roleIds",
  "gender",
  "salesLevel",
  "salespersonCode",
  "salary",
  "disabled",
  "name",
  "description",
  "parentId",
  "headUserId",
  "permissions",
  "dataScope",
  "scopeDepartmentIds",
  "deleted",
  "key",
  "label",
  "labelEn",
  "type",
  "options",
  "required",
  "unique",
  "helpText",
  "position",
  "archived",
  "entity",
  "code",
  "sortOrder",
  "active",
  "url",
  "events",
  "followUpDays",
] as const;
type AuditField = (typeof AUDIT_FIELDS)[number];
export const isAuditField = (field: string): field is AuditField =>
  (AUDIT_FIELDS as readonly string[]).includes(field);

/** Names for the ids an audit entry mentions (departments, roles), where the page knows them. */
export type NameLookup = (id: string) => string | undefined;

function formatValue(value: unknown, names: NameLookup, t: TFunction): string {
  if (value === null || value === undefined || value === "") return "—";
  if (typeof value === "boolean") return value ? t("admin.common.yes") : t("admin.common.no");
  if (typeof value === "string") return names(value) ?? value;
  // A custom field's option: its label.
  if (typeof value === "object" && "label" in value) return String(value.label);
  if (Array.isArray(value)) return value.length ? value.map((v) => formatValue(v, names, t)).join("、") : "—";
  return JSON.stringify(value);
}

interface Row {
  field: string;
  before: string;
  after: string;
}

/** The field diff of one audit entry: field, before → after. */
export function AuditChangesTable({ entry, names }: { entry: AuditEntry; names: NameLookup }) {
  const { t } = useTranslation();
  const changes = Object.entries(entry.changes ?? {});
  if (changes.length === 0) {
    return <Typography.Text type="secondary">{t("admin.audit.noChanges")}</Typography.Text>;
  }
  const rows: Row[] = changes.map(([field, change]) => ({
    field: isAuditField(field) ? t(`admin.audit.fields.${field}`) : field,
    before: formatValue(change.before, names, t),
    after: formatValue(change.after, names, t),
  }));
  return (
    <Table<Row>
      className="audit-changes"
      size="small"
      rowKey="field"
      pagination={false}
      dataSource={rows}
      aria-label={t("admin.audit.changes")}
      columns={[
        { key: "field", title: t("admin.audit.field"), dataIndex: "field", width: 160 },
        {
          key: "before",
          title: t("admin.audit.before"),
          dataIndex: "before",
          render: (v: string) => (
            <Typography.Text delete={v !== "—"} type="secondary">
              {v}
            </Typography.Text>
          ),
        },
        { key: "arrow", title: "", width: 32, align: "center", render: () => "→" },
        {
          key: "after",
          title: t("admin.audit.after"),
          dataIndex: "after",
          render: (v: string) => <Typography.Text strong>{v}</Typography.Text>,
        },
      ]}
    />
  );
}
