import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { useUserSearch } from "./use-customer-queries";

interface OwnerSelectProps {
  value?: string | null | undefined;
  onChange?: (value: string | undefined) => void;
  /** The name to show for the current value before a search has found it. */
  initialLabel?: string | null | undefined;
  id?: string;
  placeholder?: string;
  allowClear?: boolean;
  "aria-label"?: string;
  style?: React.CSSProperties;
}

/** Picks an active user as a customer's owner by searching /users?q= as the user types. */
export function OwnerSelect(props: OwnerSelectProps) {
  const { value, onChange, initialLabel, id, placeholder, allowClear = true, style } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 250);
  const { data, isFetching } = useUserSearch(q);
  const options = (data ?? []).map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel });
  }
  return (
    <Select
      id={id}
      aria-label={props["aria-label"]}
      value={value ?? null}
      onChange={(next: string | null | undefined) => onChange?.(next ?? undefined)}
      options={options}
      allowClear={allowClear}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      placeholder={placeholder ?? t("customers.fields.ownerId")}
      style={{ width: "100%", ...style }}
    />
  );
}
