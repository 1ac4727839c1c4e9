import { type CustomFieldDefinition, REGIONS } from "@crm/contracts";
import { Button, Col, Flex, Input, Row, Select } from "antd";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../shared/api";
import { CustomFieldFilter } from "../../shared/custom-fields/custom-field-filter";
import { filterParam } from "../../shared/custom-fields/custom-field-values";
import type { CustomerFilters } from "./customers-api";
import { OwnerSelect } from "./owner-select";
import type { useCustomerFilters } from "./use-customer-filters";
import { useDictionaries } from "./use-customer-queries";

interface CustomerFilterPanelProps {
  filters: CustomerFilters;
  update: ReturnType<typeof useCustomerFilters>["update"];
  onClear: () => void;
  /** The active custom fields: one filter each, after the built-in ones. */
  definitions: readonly CustomFieldDefinition[];
}

const provinceOptions = REGIONS.map((p) => ({ value: p.name, label: p.name }));

/**
 * The collapsible filters: dictionaries, region, owner, creation period and the custom fields; each
 * applies at once (typed text once the typing settles).
 */
export function CustomerFilterPanel({ filters, update, onClear, definitions }: CustomerFilterPanelProps) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const dictionaries = useDictionaries();
  const cities = REGIONS.find((p) => p.name === filters.province)?.cities ?? [];
  const dictSelect = (
    key: "class" | "status" | "industry" | "source" | "creditRating",
    type: "customer_class" | "customer_status" | "industry" | "source" | "credit_rating",
  ) => (
    <Col xs={24} sm={12} md={8} xl={6} key={key}>
      <Select
        allowClear
        value={filters[key] ?? null}
        onChange={(value: string | null | undefined) => update({ [key]: value ?? undefined })}
        options={dictionaries.options(type, filters[key])}
        placeholder={t(`customers.fields.${key}`)}
        aria-label={t(`customers.fields.${key}`)}
        style={{ width: "100%" }}
      />
    </Col>
  );

  return (
    <div className="customer-filter-panel">
      <Row gutter={[12, 12]}>
        {dictSelect("class", "customer_class")}
        {dictSelect("status", "customer_status")}
        {dictSelect("industry", "industry")}
        {dictSelect("source", "source")}
        {dictSelect("creditRating", "credit_rating")}
        <Col xs={24} sm={12} md={8} xl={6}>
          <Flex gap={8}>
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              value={filters.province ?? null}
              onChange={(value: string | null | undefined) =>
                update({ province: value ?? undefined, city: undefined })
              }
              options={provinceOptions}
              placeholder={t("customers.fields.province")}
              aria-label={t("customers.fields.province")}
              style={{ flex: 1, minWidth: 0 }}
            />
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              disabled={!filters.province}
              value={filters.city ?? null}
              onChange={(value: string | null | undefined) => update({ city: value ?? undefined })}
              options={cities.map((c) => ({ value: c.name, label: c.name }))}
              placeholder={t("customers.fields.city")}
              aria-label={t("customers.fields.city")}
              style={{ flex: 1, minWidth: 0 }}
            />
          </Flex>
        </Col>
        {can("user:read") && (
          <Col xs={24} sm={12} md={8} xl={6}>
            <OwnerSelect
              value={filters.ownerId}
              onChange={(value) => update({ ownerId: value })}
              placeholder={t("customers.list.anyOwner")}
              aria-label={t("customers.fields.ownerId")}
            />
          </Col>
        )}
        <Col xs={24} sm={12} md={8} xl={6}>
          <Flex gap={8} align="center">
            <Input
              type="date"
              value={filters.createdFrom ?? ""}
              max={filters.createdTo}
              onChange={(e) => update({ createdFrom: e.target.value || undefined })}
              aria-label={t("customers.list.createdFrom")}
              title={t("customers.list.createdFrom")}
            />
            <span className="customer-filter-panel__to">{t("customers.list.createdTo")}</span>
            <Input
              type="date"
              value={filters.createdTo ?? ""}
              min={filters.createdFrom}
              onChange={(e) => update({ createdTo: e.target.value || undefined })}
              aria-label={`${t("customers.fields.createdAt")} ${t("customers.list.createdTo")}`}
              title={`${t("customers.fields.createdAt")} ${t("customers.list.createdTo")}`}
            />
          </Flex>
        </Col>
        {definitions.map((def) => (
          // A date range needs two pickers' room.
          <Col
            xs={24}
            sm={12}
            md={def.type === "date" ? 16 : 8}
            xl={def.type === "date" ? 12 : 6}
            key={def.key}
          >
            <CustomFieldFilter
              definition={def}
              value={filters[filterParam(def.key)]}
              onChange={(value) => update({ [filterParam(def.key)]: value })}
            />
          </Col>
        ))}
      </Row>
      <Flex justify="flex-end" className="customer-filter-panel__footer">
        <Button size="small" onClick={onClear}>
          {t("customers.list.clearFilters")}
        </Button>
      </Flex>
    </div>
  );
}
