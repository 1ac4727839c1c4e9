import type { Customer, CustomFieldDefinition, DictionaryType } from "@crm/contracts";
import { Table, type TableColumnsType, Tag, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { type ConflictRow, conflictRows, isBlank } from "./conflict-rows";
import { type CustomerFormValues, type FORM_FIELDS, toFormValues } from "./customer-form-values";
import { useDictionaries } from "./use-customer-queries";

type Field = Exclude<(typeof FORM_FIELDS)[number], "customFields">;
const DICTIONARY: Partial<Record<Field, DictionaryType>> = {
  class: "customer_class",
  industry: "industry",
  source: "source",
  status: "customer_status",
  creditRating: "credit_rating",
};

interface ConflictCompareProps {
  /** The record as it was when the form opened. */
  opened: Customer;
  /** The record as the other person saved it. */
  theirs: Customer;
  /** What the form holds now. */
  mine: CustomerFormValues;
  definitions: readonly CustomFieldDefinition[];
}

/** Both versions side by side: the other person's saved values and the ones in the form. */
export function ConflictCompare({ opened, theirs, mine, definitions }: ConflictCompareProps) {
  const { t, i18n } = useTranslation();
  const dict = useDictionaries();
  const rows = conflictRows(toFormValues(opened), toFormValues(theirs), mine);

  const label = (field: string): string => {
    if (!field.startsWith("customFields.")) return t(`customers.fields.${field as Field}`);
    const def = definitions.find((d) => `customFields.${d.key}` === field);
    return (i18n.language === "en" && def?.labelEn) || def?.label || field.slice("customFields.".length);
  };
  const show = (field: string, value: unknown, side: "theirs" | "mine") => {
    if (isBlank(value))
      return <Typography.Text type="secondary">{t("customers.common.none")}</Typography.Text>;
    const type = DICTIONARY[field as Field];
    if (type) return dict.label(type, String(value));
    if (field === "ownerId") {
      if (value === theirs.ownerId) return theirs.ownerName ?? String(value);
      if (value === opened.ownerId) return opened.ownerName ?? String(value);
      return side === "mine" ? t("customers.conflict.otherOwner") : String(value);
    }
    if (typeof value === "boolean") return value ? t("customers.conflict.yes") : t("customers.conflict.no");
    return Array.isArray(value) ? value.join("、") : String(value);
  };

  const columns: TableColumnsType<ConflictRow> = [
    { key: "field", title: t("customers.conflict.field"), render: (_, r) => label(r.field), width: "24%" },
    {
      key: "theirs",
      title: t("customers.conflict.theirs", { version: theirs.version }),
      render: (_, r) => show(r.field, r.theirs, "theirs"),
    },
    {
      key: "mine",
      title: t("customers.conflict.mine"),
      render: (_, r) => (
        <span>
          {show(r.field, r.mine, "mine")}{" "}
          {r.bothChanged && <Tag color="orange">{t("customers.conflict.bothChanged")}</Tag>}
        </span>
      ),
    },
  ];

  return (
    <div className="conflict-compare">
      <Typography.Paragraph>
        {t("customers.conflict.summary", {
          from: opened.version,
          to: theirs.version,
          count: rows.length,
        })}
      </Typography.Paragraph>
      <Table<ConflictRow>
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        aria-label={t("customers.conflict.tableLabel")}
        locale={{ emptyText: t("customers.conflict.noFieldChanges") }}
      />
    </div>
  );
}
