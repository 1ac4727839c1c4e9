import { CUSTOM_TEXT_MAX, type CustomFieldDefinition } from "@crm/contracts";
import { Col, DatePicker, Form, type FormRule, Input, InputNumber, Radio, Row, Select } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { i18n } from "../i18n/i18n";
import { type CustomFormValue, customValueIssue, fieldLabel, isBlank } from "./custom-field-values";

const DATE_FORMAT = "YYYY-MM-DD";

interface CustomFieldControlProps {
  definition: CustomFieldDefinition;
  value?: CustomFormValue;
  onChange?: (value: CustomFormValue) => void;
  /** Set by Form.Item, so the label points at the input. */
  id?: string;
  placeholder?: string;
  "aria-label"?: string;
  /**
   * `form`: yes/no as two (or, when optional, three) buttons; `pick`: every type as a plain control
   * that can be left empty (bulk edit), yes/no as a drop-down.
   */
  variant?: "form" | "pick";
  disabled?: boolean;
}

/** The input for one custom field's value, in the shape the API takes. */
export function CustomFieldControl({
  definition: def,
  value,
  onChange,
  id,
  placeholder,
  variant = "form",
  disabled,
  ...rest
}: CustomFieldControlProps) {
  const { t } = useTranslation();
  const ariaLabel = rest["aria-label"];
  const common = { id, disabled, "aria-label": ariaLabel };
  switch (def.type) {
    case "text":
      return (
        <Input
          {...common}
          value={typeof value === "string" ? value : ""}
          onChange={(e) => onChange?.(e.target.value)}
          maxLength={CUSTOM_TEXT_MAX}
          placeholder={placeholder}
          autoComplete="off"
        />
      );
    case "number":
      return (
        <InputNumber<string>
          {...common}
          stringMode
          value={typeof value === "string" && value !== "" ? value : null}
          onChange={(next) => onChange?.(next === null || next === "" ? null : String(next))}
          placeholder={placeholder ?? t("customFields.numberPlaceholder")}
          style={{ width: "100%" }}
          inputMode="decimal"
        />
      );
    case "date":
      return (
        <DatePicker
          {...common}
          value={typeof value === "string" && value ? dayjs(value, DATE_FORMAT) : null}
          onChange={(date) => onChange?.(date ? date.format(DATE_FORMAT) : null)}
          format={DATE_FORMAT}
          placeholder={placeholder ?? t("customFields.datePlaceholder")}
          style={{ width: "100%" }}
        />
      );
    case "single_choice":
    case "multi_choice":
      return (
        <Select
          {...common}
          mode={def.type === "multi_choice" ? "multiple" : undefined}
          allowClear
          showSearch={{ optionFilterProp: "label" }}
          value={
            def.type === "multi_choice"
              ? Array.isArray(value)
                ? value
                : []
              : typeof value === "string"
                ? value
                : null
          }
          onChange={(next: string | string[] | null | undefined) => onChange?.(next ?? null)}
          options={def.options.map((o) => ({ value: o.value, label: o.label }))}
          placeholder={placeholder ?? t("customFields.choosePlaceholder")}
          style={{ width: "100%" }}
        />
      );
    case "boolean": {
      if (variant === "pick") {
        return (
          <Select<"yes" | "no">
            {...common}
            allowClear
            value={value === true ? "yes" : value === false ? "no" : null}
            onChange={(next) => onChange?.(next === "yes" ? true : next === "no" ? false : null)}
            options={[
              { value: "yes", label: t("customFields.yes") },
              { value: "no", label: t("customFields.no") },
            ]}
            placeholder={placeholder ?? t("customFields.choosePlaceholder")}
            style={{ width: "100%" }}
          />
        );
      }
      const options = [
        { value: "yes", label: t("customFields.yes") },
        { value: "no", label: t("customFields.no") },
        ...(def.required ? [] : [{ value: "unset", label: t("customFields.unset") }]),
      ];
      return (
        <Radio.Group
          id={id}
          disabled={disabled}
          aria-label={ariaLabel}
          optionType="button"
          value={value === true ? "yes" : value === false ? "no" : def.required ? undefined : "unset"}
          onChange={(e) =>
            onChange?.(e.target.value === "yes" ? true : e.target.value === "no" ? false : null)
          }
          options={options}
        />
      );
    }
  }
}

/**
 * The rules of a custom field in a form: required (on a create, or when the record had a value,
 * which may then not be cleared — as the API decides) and the contract's own value check.
 */
export function customFieldRules(
  def: CustomFieldDefinition,
  label: string,
  enforceRequired: boolean,
): FormRule[] {
  const t = i18n.t;
  const requiredMessage =
    def.type === "text" || def.type === "number"
      ? t("customFields.required", { field: label })
      : t("customFields.requiredChoice", { field: label });
  return [
    {
      validator: async (_rule, value: unknown) => {
        if (isBlank(value)) {
          if (def.required && enforceRequired) throw new Error(requiredMessage);
          return;
        }
        const issue = customValueIssue(def, value);
        if (!issue) return;
        const known = [
          "custom_text_format",
          "custom_text_too_long",
          "custom_number_format",
          "custom_date_format",
          "custom_boolean_format",
          "custom_option_unknown",
        ] as const;
        const code = known.find((k) => k === issue) ?? "other";
        throw new Error(t(`customFields.issues.${code}`, { field: label }));
      },
    },
  ];
}

interface CustomFieldItemsProps {
  definitions: readonly CustomFieldDefinition[];
  /** The record's values when the form opened (null for a new record). */
  initial: Record<string, unknown> | null;
  /** The form path the values live under. */
  name?: string;
  col?: { xs?: number; sm?: number; md?: number; lg?: number };
  gutter?: number;
}

/** One Form.Item per field (label, help text, rules), values under `customFields.<key>`. */
export function CustomFieldItems({
  definitions,
  initial,
  name = "customFields",
  col = { xs: 24, md: 8 },
  gutter = 24,
}: CustomFieldItemsProps) {
  const { i18n: instance } = useTranslation();
  return (
    <Row gutter={gutter}>
      {definitions.map((def) => {
        const label = fieldLabel(def, instance.language);
        // Like the API: a record that never had a value of a field made required later stays editable.
        const enforce = initial === null || !isBlank(initial[def.key]);
        return (
          <Col key={def.key} {...col}>
            <Form.Item
              name={[name, def.key]}
              label={label}
              required={def.required}
              extra={def.helpText ?? undefined}
              rules={customFieldRules(def, label, enforce)}
              validateFirst
            >
              <CustomFieldControl definition={def} />
            </Form.Item>
          </Col>
        );
      })}
    </Row>
  );
}
