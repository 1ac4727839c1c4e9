import type { Product } from "@crm/contracts";
import { Select } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useDebouncedValue } from "../../shared/hooks/use-debounced-value";
import { useProductOptions } from "./use-products-queries";

interface ProductSelectProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The chosen product itself (to fill its list price or unit). */
  onPick?: (product: Product | undefined) => void;
  initialLabel?: string | null | undefined;
  id?: string;
  disabled?: boolean;
  "aria-label"?: string;
  allowClear?: boolean;
}

export const productLabel = (p: { code: string; name: string; specification?: string | null }) =>
  `${p.code} ${p.name}${p.specification ? `（${p.specification}）` : ""}`;

/** Picks an active product by typing its code or name (GET /products?q=&active=true). */
export function ProductSelect(props: ProductSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const q = useDebouncedValue(search.trim(), 250);
  const { data, isFetching } = useProductOptions(q);
  const options = (data ?? []).map((p) => ({ value: p.id, label: productLabel(p) }));
  if (props.value && props.initialLabel && !options.some((o) => o.value === props.value)) {
    options.unshift({ value: props.value, label: props.initialLabel });
  }
  return (
    <Select
      id={props.id}
      aria-label={props["aria-label"]}
      value={props.value ?? null}
      onChange={(next: string | null | undefined) => {
        props.onChange?.(next ?? null);
        props.onPick?.(data?.find((p) => p.id === next));
      }}
      options={options}
      allowClear={props.allowClear ?? false}
      disabled={props.disabled}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      loading={isFetching}
      placeholder={t("products.common.productPlaceholder")}
      style={{ width: "100%" }}
      popupMatchSelectWidth={false}
    />
  );
}
