import type { CustomFieldDefinition } from "@crm/contracts";
import { DatePicker, Input, InputNumber, Select, Space } from "antd";
import dayjs from "dayjs";
import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../hooks/use-debounced-value";
import { fieldLabel, formatRange, parseRange } from "./custom-field-values";

interface CustomFieldFilterProps {
  definition: CustomFieldDefinition;
  /** The `cf.<key>` parameter's value, as the API takes it. */
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}

/**
 * The list filter of one custom field: text contains (applied once typing settles), one option of a
 * choice, yes or no, or a from–to range of numbers or dates (either end may stay open).
 */
export function CustomFieldFilter({ definition: def, value, onChange }: CustomFieldFilterProps) {
  const { t, i18n } = useTranslation();
  const label = fieldLabel(def, i18n.language);
  switch (def.type) {
    case "text":
      return <TextFilter label={label} value={value} onChange={onChange} />;
    case "single_choice":
    case "multi_choice":
    case "boolean":
      return (
        <Select
          allowClear
          showSearch={def.options.length > 8 ? { optionFilterProp: "label" } : undefined}
          value={value ?? null}
          onChange={(next: string | null | undefined) => onChange(next ?? undefined)}
          options={
            def.type === "boolean"
              ? [
                  { value: "true", label: t("customFields.yes") },
                  { value: "false", label: t("customFields.no") },
                ]
              : def.options.map((o) => ({ value: o.value, label: o.label }))
          }
          placeholder={label}
          aria-label={label}
          style={{ width: "100%" }}
        />
      );
    case "number":
      return <NumberRangeFilter label={label} value={value} onChange={onChange} />;
    case "date": {
      const [from, to] = parseRange(value);
      return (
        <Space.Compact block>
          <FilterLabel label={label} />
          <DatePicker.RangePicker
            allowEmpty={[true, true]}
            value={[from ? dayjs(from) : null, to ? dayjs(to) : null]}
            onChange={(dates) =>
              onChange(
                formatRange(dates?.[0]?.format("YYYY-MM-DD") ?? "", dates?.[1]?.format("YYYY-MM-DD") ?? ""),
              )
            }
            placeholder={[t("customFields.dateFrom"), t("customFields.dateTo")]}
            aria-label={label}
            style={{ flex: 1, minWidth: 0 }}
          />
        </Space.Compact>
      );
    }
  }
}

/** The field's name in front of a range (the two boxes have only "min" and "max" of their own). */
function FilterLabel({ label }: { label: string }) {
  return (
    <Space.Addon
      title={label}
      style={{ maxWidth: 112, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}
    >
      {label}
    </Space.Addon>
  );
}

/** Text typed here reaches the URL (and the API) once the typing pauses, not on every key. */
function TextFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const [text, setText] = useState(value ?? "");
  const sent = useRef(value ?? "");
  const settled = useDebouncedValue(text.trim(), 400);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the typing settles only
  useEffect(() => {
    if (settled === sent.current) return;
    sent.current = settled;
    onChange(settled || undefined);
  }, [settled]);
  // Cleared (or set by a saved view) from outside: show that.
  useEffect(() => {
    if ((value ?? "") === sent.current) return;
    sent.current = value ?? "";
    setText(value ?? "");
  }, [value]);
  return (
    <Input
      allowClear
      value={text}
      onChange={(e) => setText(e.target.value)}
      placeholder={label}
      aria-label={label}
    />
  );
}

/** Min and max; applied when the user leaves a box or presses Enter. */
function NumberRangeFilter({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const [from, to] = parseRange(value);
  const [low, setLow] = useState<string | null>(from || null);
  const [high, setHigh] = useState<string | null>(to || null);
  useEffect(() => {
    setLow(from || null);
    setHigh(to || null);
  }, [from, to]);
  const apply = () => {
    const next = formatRange(low, high);
    if (next !== value) onChange(next);
  };
  return (
    <Space.Compact block>
      <FilterLabel label={label} />
      <InputNumber<string>
        stringMode
        value={low}
        onChange={(v) => setLow(v === null || v === "" ? null : String(v))}
        onBlur={apply}
        onPressEnter={apply}
        placeholder={t("customFields.rangeFrom")}
        aria-label={`${label} ${t("customFields.rangeFrom")}`}
        style={{ flex: 1, minWidth: 0 }}
      />
      <InputNumber<string>
        stringMode
        value={high}
        onChange={(v) => setHigh(v === null || v === "" ? null : String(v))}
        onBlur={apply}
        onPressEnter={apply}
        placeholder={t("customFields.rangeTo")}
        aria-label={`${label} ${t("customFields.rangeTo")}`}
        style={{ flex: 1, minWidth: 0 }}
      />
    </Space.Compact>
  );
}
