import type { CustomFieldDefinition } from "@crm/contracts";
import { Alert, Flex, Select, Table, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { fieldLabel } from "../../shared/custom-fields/custom-field-values";
import {
  customTarget,
  IMPORT_FIELDS,
  type ImportField,
  type ImportMapping,
  mappingProblems,
  REQUIRED_FIELDS,
} from "./import-mapping";

interface ImportMappingTableProps {
  /** The file's headers: null when they could not be read (the server then maps by itself). */
  headers: string[] | null;
  mapping: ImportMapping;
  onChange: (mapping: ImportMapping) => void;
  definitions: readonly CustomFieldDefinition[];
}

/** 列对应关系: each column of the file and the field it goes to (built-in, custom, or not imported). */
export function ImportMappingTable({ headers, mapping, onChange, definitions }: ImportMappingTableProps) {
  const { t, i18n } = useTranslation();
  if (!headers) {
    return <Alert type="info" showIcon title={t("customers.io.mappingUnread")} />;
  }
  const field = (key: ImportField) => t(`customers.fields.${key}`);
  const required = (key: ImportField) =>
    REQUIRED_FIELDS.includes(key) ? ` ${t("customers.io.requiredMark")}` : "";
  const options = [
    { value: "", label: t("customers.io.mappingSkip") },
    {
      label: t("customers.io.mappingBuiltIn"),
      options: IMPORT_FIELDS.map(([key]) => ({ value: key, label: `${field(key)}${required(key)}` })),
    },
    ...(definitions.length
      ? [
          {
            label: t("customFields.section"),
            options: definitions.map((d) => ({
              value: customTarget(d.key),
              label: fieldLabel(d, i18n.language),
            })),
          },
        ]
      : []),
  ];
  const targetLabel = (target: string) => {
    const builtIn = IMPORT_FIELDS.find(([key]) => key === target)?.[0];
    if (builtIn) return field(builtIn);
    const def = definitions.find((d) => customTarget(d.key) === target);
    return def ? fieldLabel(def, i18n.language) : target;
  };
  const { missing, repeated } = mappingProblems(mapping);
  const separator = t("customers.merge.separator");

  return (
    <Flex vertical gap={8}>
      <Flex vertical gap={2}>
        <Typography.Text strong>{t("customers.io.mappingTitle")}</Typography.Text>
        <Typography.Text type="secondary">{t("customers.io.mappingHint")}</Typography.Text>
      </Flex>
      <Table<{ header: string }>
        size="small"
        rowKey="header"
        pagination={false}
        scroll={headers.length > 8 ? { y: 280 } : undefined}
        dataSource={headers.map((header) => ({ header }))}
        aria-label={t("customers.io.mappingTitle")}
        columns={[
          {
            key: "header",
            title: t("customers.io.mappingColumn"),
            render: (_, { header }) => <Typography.Text>{header}</Typography.Text>,
          },
          {
            key: "target",
            title: t("customers.io.mappingTarget"),
            width: 280,
            render: (_, { header }) => (
              <Select<string>
                value={mapping[header] ?? ""}
                onChange={(target) => onChange({ ...mapping, [header]: target })}
                options={options}
                showSearch={{ optionFilterProp: "label" }}
                aria-label={t("customers.io.mappingFor", { header })}
                status={mapping[header] && repeated.includes(mapping[header]) ? "error" : undefined}
                style={{ width: "100%" }}
              />
            ),
          },
        ]}
        rowClassName={({ header }) => (mapping[header] ? "" : "import-mapping__skipped")}
      />
      {missing.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t("customers.io.mappingMissing", { fields: missing.map(field).join(separator) })}
        />
      )}
      {repeated.length > 0 && (
        <Alert
          type="error"
          showIcon
          title={t("customers.io.mappingRepeated", { fields: repeated.map(targetLabel).join(separator) })}
        />
      )}
    </Flex>
  );
}
