import { useQuery } from "@tanstack/react-query";
import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { fetchUsers } from "./admin-api";

interface UserSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The name to show for the current value before any search has found it. */
  initialLabel?: string | null | undefined;
  /** A user who may not be chosen (e.g. oneself as one's own manager). */
  excludeId?: string | undefined;
  id?: string;
  placeholder?: string;
  "aria-label"?: string;
}

/** Picks an active user by searching /users?q= as the user types. */
export function UserSelect(props: UserSelectProps) {
  const { value, onChange, initialLabel, excludeId, id, placeholder } = props;
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 250);
  const { data, isFetching } = useQuery({
    queryKey: ["admin", "users", "select", q],
    queryFn: () => fetchUsers({ q: q || undefined, disabled: "false", limit: 20 }),
  });
  const options = (data?.items ?? [])
    .filter((u) => u.id !== excludeId)
    .map((u) => ({ value: u.id, label: `${u.displayName} (${u.username})` }));
  if (value && initialLabel && !options.some((o) => o.value === value)) {
    options.unshift({ value, label: initialLabel });
  }
  return (
    <Select
      id={id}
      aria-label={props["aria-label"]}
      value={value ?? null}
      onChange={(next: string | undefined) => onChange?.(next ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      placeholder={placeholder ?? t("admin.users.searchUser")}
      style={{ width: "100%" }}
    />
  );
}
