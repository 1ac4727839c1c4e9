import { SettingOutlined } from "@ant-design/icons";
import type { Customer } from "@crm/contracts";
import { Button, Checkbox, Divider, Flex, Popover, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../../shared/api";
import { customValueDisplay, fieldLabel, filterParam } from "../../shared/custom-fields/custom-field-values";
import { activeFields, useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import { formatDate, formatDateTime, formatMoney } from "./customer-format";
import { useDictionaries } from "./use-customer-queries";

/** Every built-in column the chooser offers, in table order; `name` is always shown. */
export const COLUMN_KEYS = [
  "code",
  "name",
  "class",
  "region",
  "phone",
  "email",
  "industry",
  "source",
  "status",
  "creditRating",
  "ownerName",
  "annualRevenue",
  "employeeCount",
  "creditCode",
  "lastContactAt",
  "createdAt",
  "updatedAt",
] as const;
type BuiltInColumn = (typeof COLUMN_KEYS)[number];
/** A custom field's column: `cf.<key>` (after the built-in ones, in the fields' order). */
type CustomColumn = `cf.${string}`;
export type ColumnKey = BuiltInColumn | CustomColumn;

const isBuiltIn = (key: string): key is BuiltInColumn => (COLUMN_KEYS as readonly string[]).includes(key);
/** A column key as stored (localStorage, saved views); custom ones whose field is gone simply show nothing. */
export const isColumnKey = (key: string): key is ColumnKey =>
  isBuiltIn(key) || /^cf\.[a-z][a-z0-9_]*$/.test(key);

const DEFAULT_COLUMNS: readonly BuiltInColumn[] = [
  "code",
  "name",
  "class",
  "region",
  "phone",
  "industry",
  "status",
  "ownerName",
  "createdAt",
];

const storageKey = (userId: string) => `crm.customers.columns.${userId}`;

function readColumns(userId: string): ColumnKey[] {
  try {
    const stored: unknown = JSON.parse(globalThis.localStorage?.getItem(storageKey(userId)) ?? "null");
    if (Array.isArray(stored)) {
      const keys = orderColumns(stored.filter((k): k is string => typeof k === "string"));
      if (keys.length) return keys;
    }
  } catch {
    // Unreadable or disabled storage: the defaults.
  }
  return [...DEFAULT_COLUMNS];
}

/** Built-in columns in table order (name always), then the custom ones in the order given. */
function orderColumns(keys: readonly string[]): ColumnKey[] {
  const custom = [...new Set(keys.filter((k): k is CustomColumn => isColumnKey(k) && !isBuiltIn(k)))];
  return [...COLUMN_KEYS.filter((k) => k === "name" || keys.includes(k)), ...custom];
}

/** The columns this user chose, remembered in localStorage per user. */
export function useChosenColumns() {
  const { id } = useCurrentUser();
  const [chosen, setChosen] = useState<ColumnKey[]>(() => readColumns(id));
  const choose = (keys: readonly string[]) => {
    const ordered = orderColumns(keys);
    setChosen(ordered);
    try {
      globalThis.localStorage?.setItem(storageKey(id), JSON.stringify(ordered));
    } catch {
      // The choice lasts for this page only.
    }
  };
  return { chosen, choose, reset: () => choose([...DEFAULT_COLUMNS]) };
}

const columnTitle = (key: BuiltInColumn) => `customers.fields.${key}` as const;

/** The table's columns for the chosen keys, dictionary codes shown as labels in the UI language. */
export function useCustomerColumns(chosen: readonly ColumnKey[]): TableColumnsType<Customer> {
  const { t, i18n } = useTranslation();
  const dict = useDictionaries();
  const custom = activeFields(useCustomFields("customer").data);
  const all: Record<BuiltInColumn, TableColumnsType<Customer>[number]> = {
    code: { render: (_, c) => <span className="customer-code">{c.code}</span> },
    name: {
      render: (_, c) => (
        <Flex gap={6} align="center" wrap>
          <Link to={`/customers/${c.id}`} onClick={(e) => e.stopPropagation()}>
            {c.name}
          </Link>
          {c.mergedIntoId ? (
            <Tag color="purple">{t("customers.list.mergedTag")}</Tag>
          ) : (
            c.deleted && <Tag>{t("customers.list.deletedTag")}</Tag>
          )}
        </Flex>
      ),
    },
    class: { render: (_, c) => dict.label("customer_class", c.class) },
    region: { render: (_, c) => `${c.province} ${c.city === c.province ? "" : c.city}`.trim() },
    phone: { dataIndex: "phone" },
    email: { dataIndex: "email" },
    industry: { render: (_, c) => dict.label("industry", c.industry) },
    source: { render: (_, c) => dict.label("source", c.source) },
    status: {
      render: (_, c) => (c.status ? <Tag>{dict.label("customer_status", c.status)}</Tag> : null),
    },
    creditRating: { render: (_, c) => dict.label("credit_rating", c.creditRating) },
    ownerName: { dataIndex: "ownerName" },
    annualRevenue: { align: "right", render: (_, c) => formatMoney(c.annualRevenue) },
    employeeCount: {
      align: "right",
      render: (_, c) => c.employeeCount?.toLocaleString(i18n.language),
    },
    creditCode: { dataIndex: "creditCode" },
    lastContactAt: { render: (_, c) => formatDateTime(c.lastContactAt, i18n.language) },
    createdAt: { render: (_, c) => formatDate(c.createdAt, i18n.language) },
    updatedAt: { render: (_, c) => formatDateTime(c.updatedAt, i18n.language) },
  };
  const builtIn = COLUMN_KEYS.filter((key) => key === "name" || chosen.includes(key)).map((key) => ({
    key,
    title: t(columnTitle(key)),
    ...all[key],
  }));
  const customColumns = custom
    .filter((def) => chosen.includes(filterParam(def.key)))
    .map((def): TableColumnsType<Customer>[number] => ({
      key: filterParam(def.key),
      title: fieldLabel(def, i18n.language),
      align: def.type === "number" ? "right" : undefined,
      render: (_, c) => customValueDisplay(def, c.customFields[def.key], i18n.language),
    }));
  return [...builtIn, ...customColumns];
}

interface ColumnChooserProps {
  chosen: readonly ColumnKey[];
  onChange: (keys: ColumnKey[]) => void;
  onReset: () => void;
}

/** A popover of check boxes, one per column; the custom fields' columns in a group of their own. */
export function ColumnChooser({ chosen, onChange, onReset }: ColumnChooserProps) {
  const { t, i18n } = useTranslation();
  const custom = activeFields(useCustomFields("customer").data);
  const chosenBuiltIn = chosen.filter(isBuiltIn);
  const chosenCustom = chosen.filter((k) => !isBuiltIn(k));
  const content = (
    <div className="customer-column-chooser">
      <Typography.Text type="secondary">{t("customers.list.columnsHint")}</Typography.Text>
      <Checkbox.Group<ColumnKey>
        value={chosenBuiltIn}
        onChange={(keys) => onChange([...keys, ...chosenCustom])}
        options={COLUMN_KEYS.map((key) => ({
          value: key,
          label: t(columnTitle(key)),
          disabled: key === "name",
        }))}
      />
      {custom.length > 0 && (
        <>
          <Divider plain titlePlacement="start" className="customer-column-chooser__divider">
            {t("customFields.section")}
          </Divider>
          <Checkbox.Group<ColumnKey>
            value={chosenCustom}
            onChange={(keys) =>
              // Columns of archived fields stay remembered (a restore brings them back).
              onChange([
                ...chosenBuiltIn,
                ...chosenCustom.filter((k) => !custom.some((d) => filterParam(d.key) === k)),
                ...custom.map((d) => filterParam(d.key)).filter((k) => keys.includes(k)),
              ])
            }
            options={custom.map((def) => ({
              value: filterParam(def.key),
              label: fieldLabel(def, i18n.language),
            }))}
          />
        </>
      )}
      <Button size="small" type="link" onClick={onReset}>
        {t("customers.list.resetColumns")}
      </Button>
    </div>
  );
  return (
    <Popover content={content} trigger="click" placement="bottomRight">
      <Button icon={<SettingOutlined aria-hidden />}>{t("customers.list.columns")}</Button>
    </Popover>
  );
}
