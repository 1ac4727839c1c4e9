import { Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { useContactOptions, useCustomerOptions, useScopeUsers } from "./use-relationship-queries";

interface PickerProps<V> {
  value?: V;
  onChange?: (value: V) => void;
  id?: string;
  disabled?: boolean;
  "aria-label"?: string;
}

/** Picks a customer in the caller's reach by searching /customers?q= as the user types. */
export function CustomerSelect(
  props: PickerProps<string | null | undefined> & {
    initialLabel?: string | null | undefined;
    allowClear?: boolean;
  },
) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 250);
  const { data, isFetching } = useCustomerOptions(q);
  const options = (data ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.code}）` }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel });
  }
  return (
    <Select
      id={props.id}
      aria-label={props["aria-label"]}
      value={props.value ?? null}
      onChange={(next: string | null | undefined) => props.onChange?.(next ?? null)}
      options={options}
      allowClear={props.allowClear ?? true}
      disabled={props.disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      placeholder={t("relationship.common.customerPlaceholder")}
      style={{ width: "100%" }}
    />
  );
}

/** Picks one of a customer's contacts (联系人); empty until a customer is chosen. */
export function ContactSelect(
  props: PickerProps<string | null | undefined> & {
    customerId: string | null | undefined;
    initialLabel?: string | null | undefined;
  },
) {
  const { t } = useTranslation();
  const { data, isFetching } = useContactOptions(props.customerId ?? undefined);
  const options = (data ?? []).map((c) => ({
    value: c.id,
    label: c.title ? `${c.name}（${c.title}）` : c.name,
  }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel });
  }
  return (
    <Select
      id={props.id}
      aria-label={props["aria-label"]}
      value={props.value ?? null}
      onChange={(next: string | null | undefined) => props.onChange?.(next ?? null)}
      options={options}
      allowClear
      disabled={props.disabled || !props.customerId}
      loading={isFetching}
      placeholder={t("relationship.common.contactPlaceholder")}
      optionFilterProp="label"
      showSearch
      style={{ width: "100%" }}
    />
  );
}

/**
 * Colleagues to share with (read-only for them). Listing colleagues needs user:read; without it the
 * picker is replaced by a hint, but colleagues already shared with stay visible.
 */
export function ShareSelect(props: PickerProps<string[]> & { initial?: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useScopeUsers();
  if (!users.allowed) {
    const names = (props.initial ?? []).map((u) => u.name).join("、");
    return (
      <Typography.Text type="secondary" id={props.id}>
        {names ? `${names}。` : ""}
        {t("relationship.common.shareUnavailable")}
      </Typography.Text>
    );
  }
  const options = (users.data ?? [])
    .filter((u) => u.id !== me.id)
    .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  for (const u of props.initial ?? []) {
    if (!options.some((o) => o.value === u.id)) options.push({ value: u.id, label: u.name });
  }
  return (
    <Select
      id={props.id}
      aria-label={props["aria-label"]}
      mode="multiple"
      value={props.value ?? []}
      onChange={(next: string[]) => props.onChange?.(next)}
      options={options}
      disabled={props.disabled}
      loading={users.isFetching}
      optionFilterProp="label"
      placeholder={t("relationship.common.sharePlaceholder")}
      style={{ width: "100%" }}
    />
  );
}

/** Whom a task is for: the caller, or (managers) someone in their scope. */
export function AssigneeSelect(props: PickerProps<string | undefined> & { initialLabel?: string | null }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const users = useScopeUsers();
  const options = [
    { value: me.id, label: `${me.displayName}（${t("relationship.tasks.fields.assigneeSelf")}）` },
    ...(users.data ?? [])
      .filter((u) => u.id !== me.id)
      .map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` })),
  ];
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.push({ value: props.value, label: props.initialLabel });
  }
  return (
    <Select
      id={props.id}
      aria-label={props["aria-label"]}
      value={props.value ?? me.id}
      onChange={(next: string) => props.onChange?.(next)}
      options={options}
      disabled={props.disabled}
      loading={users.isFetching}
      optionFilterProp="label"
      showSearch
      style={{ width: "100%" }}
    />
  );
}

/** A superior picks whose calendar or work to see: themself, or someone in their scope. */
export function PersonSelect(
  props: PickerProps<string | undefined> & {
    allLabel: string;
    excludeSelf?: boolean;
    style?: React.CSSProperties;
  },
) {
  const me = useCurrentUser();
  const users = useScopeUsers();
  const options = (users.data ?? [])
    .filter((u) => !props.excludeSelf || u.id !== me.id)
    .map((u) => ({ value: u.id, label: u.displayName }));
  return (
    <Select
      id={props.id}
      aria-label={props["aria-label"]}
      value={props.value ?? ""}
      onChange={(next: string) => props.onChange?.(next || undefined)}
      options={[{ value: "", label: props.allLabel }, ...options]}
      loading={users.isFetching}
      optionFilterProp="label"
      showSearch
      style={{ minWidth: 160, ...props.style }}
    />
  );
}
