import type { Customer, CustomFieldDefinition } from "@crm/contracts";
import { useMutation } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Flex,
  Modal,
  Radio,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from "antd";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import { customValueDisplay, fieldLabel, isBlank } from "../../shared/custom-fields/custom-field-values";
import { activeFields, useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import { formatMoney } from "./customer-format";
import { mergeCustomers, undoMerge } from "./customers-api";
import { useDictionaries, useInvalidateCustomers } from "./use-customer-queries";

/** One row of the comparison: `region` stands for province and city, which travel together. */
const ROWS = [
  "name",
  "class",
  "region",
  "areaCode",
  "postcode",
  "address",
  "phone",
  "fax",
  "email",
  "homepage",
  "annualRevenue",
  "employeeCount",
  "industry",
  "source",
  "status",
  "creditRating",
  "creditCode",
  "ownerId",
] as const;
type BuiltInRow = (typeof ROWS)[number];
/** A custom field's row, named as the merge request names it. */
type CustomRow = `customFields.${string}`;
type Row = BuiltInRow | CustomRow;

const CUSTOM = "customFields.";
const isCustomRow = (row: Row): row is CustomRow => row.startsWith(CUSTOM);
const customRow = (def: Pick<CustomFieldDefinition, "key">): CustomRow => `customFields.${def.key}`;

const rawValue = (c: Customer, row: Row): string => {
  if (isCustomRow(row)) {
    const value = c.customFields[row.slice(CUSTOM.length)];
    return isBlank(value) ? "" : JSON.stringify(value);
  }
  if (row === "region") return `${c.province}/${c.city}`;
  if (row === "ownerId") return c.ownerId ?? "";
  const value = c[row];
  return value === null || value === undefined ? "" : String(value);
};

/** Which customer's value each row keeps: the chosen one, else the survivor's, or the first filled one. */
export function effectivePicks(
  customers: readonly Customer[],
  survivorId: string,
  picks: Partial<Record<Row, string>>,
  rows: readonly Row[] = ROWS,
): Record<Row, string> {
  const survivor = customers.find((c) => c.id === survivorId) ?? customers[0];
  const result = {} as Record<Row, string>;
  for (const row of rows) {
    const chosen = picks[row];
    if (chosen && customers.some((c) => c.id === chosen)) result[row] = chosen;
    else if (survivor && !rawValue(survivor, row)) {
      result[row] = customers.find((c) => rawValue(c, row))?.id ?? survivorId;
    } else result[row] = survivorId;
  }
  return result;
}

/**
 * The `fields` of the merge request: each field whose value comes from another customer; a custom
 * field as `customFields.<key>`.
 */
export function mergeFields(picks: Partial<Record<Row, string>>, survivorId: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [row, from] of Object.entries(picks) as [Row, string | undefined][]) {
    if (!from || from === survivorId) continue;
    if (row === "region") {
      fields.province = from;
      fields.city = from;
    } else fields[row] = from;
  }
  return fields;
}

interface MergeCustomersModalProps {
  customers: readonly Customer[];
  onClose: () => void;
  onMerged: (survivor: Customer) => void;
}

/** Side by side: pick the customer to keep and, field by field, whose value survives; then merge. */
export function MergeCustomersModal({ customers, onClose, onMerged }: MergeCustomersModalProps) {
  const { t, i18n } = useTranslation();
  const { notification, message } = App.useApp();
  const dict = useDictionaries();
  const definitions = activeFields(useCustomFields("customer").data);
  const allRows = useMemo<Row[]>(() => [...ROWS, ...definitions.map(customRow)], [definitions]);
  const invalidate = useInvalidateCustomers();
  const [survivorId, setSurvivorId] = useState(customers[0]?.id ?? "");
  const [picks, setPicks] = useState<Partial<Record<Row, string>>>({});
  const [showSame, setShowSame] = useState(false);
  const same = (row: Row) => new Set(customers.map((c) => rawValue(c, row))).size === 1;
  const sameCount = allRows.filter(same).length;
  const rows = allRows.filter((row) => showSame || !same(row));
  const chosen = useMemo(
    () => effectivePicks(customers, survivorId, picks, allRows),
    [customers, survivorId, picks, allRows],
  );
  const survivor = customers.find((c) => c.id === survivorId);
  const fields = mergeFields(chosen, survivorId);
  const fromOthers = allRows.filter((row) => chosen[row] !== survivorId).length;
  const rowLabel = (row: Row) => {
    if (!isCustomRow(row)) return t(`customers.fields.${row}`);
    const def = definitions.find((d) => customRow(d) === row);
    return def ? fieldLabel(def, i18n.language) : row;
  };

  /** Runs after the dialog has closed, so it is a plain call rather than a mutation of this component. */
  const undo = (mergeId: string) =>
    undoMerge(mergeId).then(
      () => {
        void message.success(t("customers.merge.undone"));
        void invalidate();
      },
      (error: unknown) =>
        void message.error(t("customers.merge.undoFailed", { reason: errorMessage(error) })),
    );

  const merge = useMutation({
    mutationFn: () =>
      mergeCustomers({
        survivorId,
        mergedIds: customers.filter((c) => c.id !== survivorId).map((c) => c.id),
        fields,
      }),
    onSuccess: (result) => {
      void invalidate();
      const moved = Object.entries(result.moved).filter(([, count]) => count > 0);
      const key = `merge-${result.mergeId}`;
      notification.success({
        key,
        duration: 15,
        title: t("customers.merge.done", { name: result.survivor.name }),
        description: moved.length
          ? t("customers.merge.moved", {
              items: moved
                .map(([kind, count]) =>
                  i18n.exists(`customers.merge.movedKinds.${kind}`)
                    ? t(`customers.merge.movedKinds.${kind}` as "customers.merge.movedKinds.contacts", {
                        count,
                      })
                    : t("customers.merge.movedKinds.other", { kind, count }),
                )
                .join(t("customers.merge.separator")),
            })
          : t("customers.merge.movedNothing"),
        actions: (
          <Button
            size="small"
            onClick={() => {
              notification.destroy(key);
              void undo(result.mergeId);
            }}
          >
            {t("customers.merge.undo")}
          </Button>
        ),
      });
      onMerged(result.survivor);
    },
  });

  const display = (c: Customer, row: Row): string => {
    if (isCustomRow(row)) {
      const def = definitions.find((d) => customRow(d) === row);
      return def ? customValueDisplay(def, c.customFields[def.key], i18n.language) : "";
    }
    switch (row) {
      case "class":
        return dict.label("customer_class", c.class);
      case "region":
        return c.city === c.province ? c.province : `${c.province} ${c.city}`;
      case "industry":
        return dict.label("industry", c.industry);
      case "source":
        return dict.label("source", c.source);
      case "status":
        return dict.label("customer_status", c.status);
      case "creditRating":
        return dict.label("credit_rating", c.creditRating);
      case "ownerId":
        return c.ownerName ?? "";
      case "annualRevenue":
        return formatMoney(c.annualRevenue);
      default:
        return rawValue(c, row);
    }
  };

  const columns: TableColumnsType<Row> = [
    {
      key: "field",
      title: t("customers.merge.field"),
      width: 150,
      fixed: "left",
      render: (_, row) => (
        <Flex vertical gap={2}>
          <Typography.Text strong>{rowLabel(row)}</Typography.Text>
          {same(row) && (
            <Typography.Text type="secondary" className="merge-same">
              {t("customers.merge.sameValue")}
            </Typography.Text>
          )}
        </Flex>
      ),
    },
    ...customers.map((c): TableColumnsType<Row>[number] => ({
      key: c.id,
      width: 240,
      title: (
        <Flex vertical gap={4}>
          <Radio checked={c.id === survivorId} onChange={() => setSurvivorId(c.id)}>
            {t("customers.merge.keep")}
          </Radio>
          <Typography.Text strong ellipsis={{ tooltip: c.name }}>
            {c.name}
          </Typography.Text>
          <Typography.Text type="secondary" className="customer-code">
            {c.code}
          </Typography.Text>
        </Flex>
      ),
      onCell: (row) => ({ className: chosen[row] === c.id ? "merge-cell--chosen" : "" }),
      render: (_, row) => {
        const same = new Set(customers.map((x) => rawValue(x, row))).size === 1;
        const text = display(c, row);
        return (
          <Radio
            checked={chosen[row] === c.id}
            disabled={same}
            onChange={() => setPicks((p) => ({ ...p, [row]: c.id }))}
            aria-label={`${rowLabel(row)}: ${c.name}`}
          >
            {text || <Typography.Text type="secondary">{t("customers.common.none")}</Typography.Text>}
          </Radio>
        );
      },
    })),
  ];

  const mergedNames = customers
    .filter((c) => c.id !== survivorId)
    .map((c) => t("customers.merge.quoted", { name: c.name }))
    .join(t("customers.merge.separator"));

  return (
    <Modal
      open
      title={t("customers.merge.title")}
      onCancel={onClose}
      width={Math.min(1240, 200 + customers.length * 260)}
      destroyOnHidden
      footer={
        <Flex justify="space-between" align="center" gap={16}>
          <Typography.Text className="merge-summary">
            {t("customers.merge.summary", { merged: mergedNames, survivor: survivor?.name ?? "" })}{" "}
            {fromOthers > 0 && t("customers.merge.summaryFields", { count: fromOthers })}
          </Typography.Text>
          <Flex gap={8} flex="none">
            <Button onClick={onClose}>{t("customers.common.cancel")}</Button>
            <Button type="primary" loading={merge.isPending} onClick={() => merge.mutate()}>
              {t("customers.merge.confirm")}
            </Button>
          </Flex>
        </Flex>
      }
    >
      <Alert type="info" showIcon title={t("customers.merge.survivorHint")} style={{ marginBottom: 12 }} />
      {merge.isError && (
        <Alert type="error" showIcon title={errorMessage(merge.error)} style={{ marginBottom: 12 }} />
      )}
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">
          {t("customers.merge.chooseHint")} <Tag color="blue">{t("customers.merge.survivor")}</Tag>
          {survivor?.name}
        </Typography.Text>
        {sameCount > 0 && (
          <Flex gap={8} align="center">
            <Switch size="small" checked={showSame} onChange={setShowSame} id="merge-show-same" />
            <label htmlFor="merge-show-same">{t("customers.merge.showSame", { count: sameCount })}</label>
          </Flex>
        )}
      </Flex>
      <Table<Row>
        rowKey={(row) => row}
        size="small"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 150 + customers.length * 240, y: 440 }}
        className="merge-table"
      />
    </Modal>
  );
}
