import type { DictionaryType } from "@crm/contracts";
import { Empty, Flex, Skeleton, Timeline, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../shared/api";
import {
  fieldLabel as customLabel,
  customValueDisplay,
} from "../../shared/custom-fields/custom-field-values";
import { useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import type { Translation } from "../../shared/i18n/zh-cn";
import { formatDateTime, formatMoney } from "./customer-format";
import { useCustomer, useDictionaries, useTimeline, useUserSearch } from "./use-customer-queries";

type Kinds = Translation["customers"]["timeline"]["kinds"];
type CustomerField = keyof Translation["customers"]["fields"];
type ContactField = keyof Translation["customers"]["contacts"];
type ActivityField = keyof Translation["customers"]["timeline"]["activityFields"];

/** Records of other modules (orders, activities, feedback…) as they appear on the customer's timeline. */
const isOtherRecord = (kind: string) => !kind.startsWith("customer.") && !kind.startsWith("contact.");

const DICT_FIELDS: Partial<Record<string, DictionaryType>> = {
  class: "customer_class",
  industry: "industry",
  source: "source",
  status: "customer_status",
  creditRating: "credit_rating",
};

/** Bookkeeping the server records along with a change; not for people. */
const HIDDEN = new Set([
  "id",
  "customerId",
  "version",
  "letter",
  "deleted",
  "mergedIntoId",
  "nameKey",
  "phoneKey",
  "homepageKey",
]);

/**
 * Other records' coded values, by record type and field: the i18n key prefix of their labels in
 * the record's own module (a value without a label there is shown as stored).
 */
const VALUE_LABELS: Partial<Record<string, Record<string, string>>> = {
  feedback: { type: "feedback.types", priority: "feedback.priorities", status: "feedback.statuses" },
  order: { status: "sales.statuses" },
  contact_record: { channel: "relationship.channels" },
  care_record: { kind: "relationship.careKinds" },
  task: { priority: "relationship.priorities", status: "relationship.statuses" },
  payment: { method: "finance.methods" },
  collection_action: { kind: "finance.actionKinds" },
};

/** Other records' amounts of money. */
const MONEY = new Set(["total", "amount", "unitPrice", "promisedAmount"]);

/** A moment as the server writes it (ISO 8601 with a time): shown in the reader's time and format. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

const COLORS: Record<string, string> = {
  create: "green",
  delete: "red",
  merge: "purple",
  merged_into: "purple",
  unmerge: "orange",
  restore: "blue",
};

/** Everything that happened with the customer and its contacts, newest first, with field diffs. */
export function CustomerTimeline({ customerId, active }: { customerId: string; active: boolean }) {
  const { t, i18n } = useTranslation();
  const timeline = useTimeline(customerId, active);
  const customer = useCustomer(customerId);
  const users = useUserSearch("");
  const dict = useDictionaries();
  // Archived fields too: their earlier changes still name them.
  const customerFields = useCustomFields("customer", { archived: true });
  const contactFields = useCustomFields("contact", { archived: true });
  const customDef = (kind: string, field: string) => {
    if (!field.startsWith("customFields.")) return undefined;
    const key = field.slice("customFields.".length);
    const defs = kind.startsWith("contact.") ? contactFields.data : customerFields.data;
    return defs?.find((d) => d.key === key);
  };

  if (timeline.isPending) return <Skeleton active paragraph={{ rows: 6 }} />;
  if (timeline.isError)
    return <Typography.Text type="danger">{errorMessage(timeline.error)}</Typography.Text>;
  if (!timeline.data.length) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t("customers.timeline.empty")} />;
  }

  const kindLabel = (kind: string) =>
    kind in t("customers.timeline.kinds", { returnObjects: true })
      ? t(`customers.timeline.kinds.${kind as Exclude<keyof Kinds, "other">}`)
      : t("customers.timeline.kinds.other", { kind });

  const fieldLabel = (kind: string, field: string) => {
    const def = customDef(kind, field);
    if (def) return customLabel(def, i18n.language);
    if (isOtherRecord(kind)) {
      return field in t("customers.timeline.activityFields", { returnObjects: true })
        ? t(`customers.timeline.activityFields.${field as ActivityField}`)
        : field;
    }
    if (kind.startsWith("contact.")) {
      const key = (field === "isPrimary" ? "primary" : field) as ContactField;
      return field in t("customers.contacts", { returnObjects: true })
        ? t(`customers.contacts.${key}`)
        : field;
    }
    return field in t("customers.fields", { returnObjects: true })
      ? t(`customers.fields.${field as CustomerField}`)
      : field;
  };

  /** A customer's or contact's value: a dictionary label, a user's name, an amount; null for the rest. */
  const ownValue = (field: string, value: unknown): string | null => {
    const dictType = DICT_FIELDS[field];
    if (dictType) return dict.label(dictType, String(value));
    if (field === "ownerId") {
      const user = users.data?.find((u) => u.id === value);
      if (user) return user.displayName;
      return customer.data?.ownerId === value
        ? (customer.data?.ownerName ?? "")
        : t("customers.timeline.otherUser");
    }
    if (field === "annualRevenue") return formatMoney(String(value));
    return null;
  };

  /** Another module's value: its label there, an amount, a moment; null for the rest. */
  const otherValue = (kind: string, field: string, value: unknown): string | null => {
    const labels = VALUE_LABELS[kind.split(".")[0] ?? ""]?.[field];
    const key = labels ? `${labels}.${String(value)}` : null;
    if (key && i18n.exists(key)) return t(key as never);
    if (MONEY.has(field)) return formatMoney(String(value));
    if (typeof value === "string" && INSTANT.test(value)) return formatDateTime(value, i18n.language);
    return null;
  };

  const show = (kind: string, field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("customers.common.none");
    const def = customDef(kind, field);
    if (def) return customValueDisplay(def, value, i18n.language) || t("customers.common.none");
    const shown = isOtherRecord(kind) ? otherValue(kind, field, value) : ownValue(field, value);
    if (shown !== null) return shown;
    if (typeof value === "boolean") return value ? t("customers.timeline.yes") : t("customers.timeline.no");
    return String(value);
  };

  return (
    <Timeline
      className="customer-timeline"
      items={timeline.data.map((entry, index) => {
        const action = entry.kind.split(".")[1] ?? "";
        const created = action === "create";
        const changes = Object.entries(entry.changes ?? {}).filter(
          ([field, change]) =>
            !HIDDEN.has(field) &&
            // Other records' references (ids) and line lists mean nothing to a reader here.
            !(
              isOtherRecord(entry.kind) &&
              (field.endsWith("Id") || field === "lines" || field === "instalments" || field === "number")
            ) &&
            !(created && (change.after === null || change.after === "" || change.after === false)),
        );
        return {
          key: `${entry.at}-${index}`,
          color: COLORS[action] ?? "blue",
          content: (
            <Flex vertical gap={4} className="timeline-entry">
              <Flex gap={8} align="baseline" wrap>
                <Typography.Text strong>{kindLabel(entry.kind)}</Typography.Text>
                {entry.title && <Typography.Text>{entry.title}</Typography.Text>}
                <Typography.Text type="secondary" className="timeline-entry__meta">
                  {entry.actorName ?? t("customers.timeline.system")} ·{" "}
                  {formatDateTime(entry.at, i18n.language)}
                </Typography.Text>
              </Flex>
              {changes.length > 0 && (
                <ul className="timeline-changes">
                  {changes.map(([field, change]) => (
                    <li key={field}>
                      <span className="timeline-changes__field">{fieldLabel(entry.kind, field)}</span>
                      {!created && (
                        <>
                          <span
                            className={
                              change.before === null || change.before === ""
                                ? "timeline-changes__empty"
                                : "timeline-changes__before"
                            }
                          >
                            {show(entry.kind, field, change.before)}
                          </span>
                          <span aria-hidden className="timeline-changes__arrow">
                            →
                          </span>
                        </>
                      )}
                      <span className="timeline-changes__after">{show(entry.kind, field, change.after)}</span>
                    </li>
                  ))}
                </ul>
              )}
            </Flex>
          ),
        };
      })}
    />
  );
}
