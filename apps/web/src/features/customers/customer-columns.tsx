import { SettingOutlined } from "@ant-design/icons";
import type { Customer } from "@crm/contracts";
import { Button, Checkbox, Flex, Popover, type TableColumnsType, Tag, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useCurrentUser } from "../../shared/api";
import { formatDate, formatDateTime, formatMoney } from "./customer-format";
import { useDictionaries } from "./use-customer-queries";

/** Every column the chooser offers, in table order; `name` is always shown. */
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
export type ColumnKey = (typeof COLUMN_KEYS)[number];

const DEFAULT_COLUMNS: readonly ColumnKey[] = [
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
      const keys = COLUMN_KEYS.filter((k) => stored.includes(k));
      if (keys.length) return keys;
    }
  } catch {
    // Unreadable or disabled storage: the defaults.
  }
  return [...DEFAULT_COLUMNS];
}

/** The columns this user chose, remembered in localStorage per user. */
export function useChosenColumns() {
  const { id } = useCurrentUser();
  const [chosen, setChosen] = useState<ColumnKey[]>(() => readColumns(id));
  const choose = (keys: ColumnKey[]) => {
    const ordered = COLUMN_KEYS.filter((k) => k === "name" || keys.includes(k));
    setChosen(ordered);
    try {
      globalThis.localStorage?.setItem(storageKey(id), JSON.stringify(ordered));
    } catch {
      // The choice lasts for this page only.
    }
  };
  return { chosen, choose, reset: () => choose([...DEFAULT_COLUMNS]) };
}

const columnTitle = (key: ColumnKey) => `customers.fields.${key}` as const;

/** The table's columns for the chosen keys, dictionary codes shown as labels in the UI language. */
export function useCustomerColumns(chosen: readonly ColumnKey[]): TableColumnsType<Customer> {
  const { t, i18n } = useTranslation();
  const dict = useDictionaries();
  const all: Record<ColumnKey, TableColumnsType<Customer>[number]> = {
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
  return COLUMN_KEYS.filter((key) => key === "name" || chosen.includes(key)).map((key) => ({
    key,
    title: t(columnTitle(key)),
    ...all[key],
  }));
}

interface ColumnChooserProps {
  chosen: readonly ColumnKey[];
  onChange: (keys: ColumnKey[]) => void;
  onReset: () => void;
}

/** A popover of check boxes, one per column. */
export function ColumnChooser({ chosen, onChange, onReset }: ColumnChooserProps) {
  const { t } = useTranslation();
  const content = (
    <div className="customer-column-chooser">
      <Typography.Text type="secondary">{t("customers.list.columnsHint")}</Typography.Text>
      <Checkbox.Group<ColumnKey>
        value={[...chosen]}
        onChange={onChange}
        options={COLUMN_KEYS.map((key) => ({
          value: key,
          label: t(columnTitle(key)),
          disabled: key === "name",
        }))}
      />
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
