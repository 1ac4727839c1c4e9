import { Flex, Select, Typography } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCurrentUser, usePermissions } from "../../shared/api";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { useScopeUsers } from "../relationship/use-relationship-queries";
import { useKnownHandlers, useProductOptions } from "./use-feedback-queries";

interface PickerProps {
  value?: string | null | undefined;
  onChange?: (value: string | null) => void;
  id?: string;
  disabled?: boolean;
  "aria-label"?: string;
  initialLabel?: string | null | undefined;
  placeholder?: string;
  style?: React.CSSProperties;
}

/** Keeps the record's current choice visible even when the search has not loaded it. */
function withCurrent(options: { value: string; label: string }[], props: PickerProps) {
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    return [{ value: props.value, label: props.initialLabel }, ...options];
  }
  return options;
}

/**
 * Picks a product of the catalogue by searching /products?q= as the user types. Without
 * product:read the catalogue cannot be listed: a disabled select keeps the current product and says why.
 */
export function ProductSelect(props: PickerProps & { hint?: boolean }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 250);
  const products = useProductOptions(q);
  const options = withCurrent(
    (products.data ?? []).map((p) => ({
      value: p.id,
      label: `${p.code} ${p.name}${p.specification ? `（${p.specification}）` : ""}`,
    })),
    props,
  );
  const select = (
    <Select
      id={props.id}
      aria-label={props["aria-label"]}
      value={props.value ?? null}
      onChange={(next: string | null | undefined) => props.onChange?.(next ?? null)}
      options={options}
      allowClear
      disabled={props.disabled || !products.allowed}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={products.isFetching}
      placeholder={
        products.allowed
          ? (props.placeholder ?? t("feedback.form.productPlaceholder"))
          : t("feedback.list.productFilterUnavailable")
      }
      style={{ width: "100%", ...props.style }}
    />
  );
  if (products.allowed || props.hint === false) return select;
  return (
    <Flex vertical gap={4}>
      {select}
      <Typography.Text type="secondary" className="feedback-hint">
        {t("feedback.form.productUnavailable")}
      </Typography.Text>
    </Flex>
  );
}

/**
 * Who handles the feedback (they are notified). With user:read: anyone in the caller's scope;
 * without it: the caller and the colleagues who have handled feedback before, with a hint.
 */
export function HandlerSelect(props: PickerProps & { hint?: boolean }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const { can } = usePermissions();
  const users = useScopeUsers();
  const known = useKnownHandlers(!users.allowed && can("feedback:read"));
  const people = users.allowed
    ? (users.data ?? []).map((u) => ({ id: u.id, name: u.displayName, username: u.username }))
    : (known.data ?? []).map((u) => ({ ...u, username: "" }));
  const options = withCurrent(
    [
      { value: me.id, label: t("feedback.form.handlerSelf", { name: me.displayName }) },
      ...people
        .filter((u) => u.id !== me.id)
        .map((u) => ({ value: u.id, label: u.username ? `${u.name}（${u.username}）` : u.name })),
    ],
    props,
  );
  const select = (
    <Select
      id={props.id}
      aria-label={props["aria-label"]}
      value={props.value ?? null}
      onChange={(next: string | null | undefined) => props.onChange?.(next ?? null)}
      options={options}
      allowClear
      disabled={props.disabled}
      loading={users.isFetching || known.isFetching}
      optionFilterProp="label"
      showSearch
      placeholder={props.placeholder ?? t("feedback.form.handlerPlaceholder")}
      style={{ width: "100%", ...props.style }}
    />
  );
  if (users.allowed || props.hint === false) return select;
  return (
    <Flex vertical gap={4}>
      {select}
      <Typography.Text type="secondary" className="feedback-hint">
        {t("feedback.form.handlerLimited")}
      </Typography.Text>
    </Flex>
  );
}
