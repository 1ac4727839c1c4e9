import { REGIONS } from "@crm/contracts";
import { Button, DatePicker, Flex, Select, TreeSelect } from "antd";
import dayjs from "dayjs";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../../shared/api";
import { departmentOptions } from "../admin/department-tree";
import { useDepartments } from "../admin/use-admin-queries";
import { OwnerSelect } from "../customers/owner-select";
import { useDictionaries } from "../customers/use-customer-queries";
import { PERIODS, type Period, periodOf, periodRange, type useReportFilters } from "./use-report-filters";

const provinceOptions = REGIONS.map((p) => ({ value: p.name, label: p.name }));

type Filters = ReturnType<typeof useReportFilters>;

/**
 * 筛选: period (presets or a range), department and below, owner, region and customer class. Every
 * change goes to the URL at once; the department and owner choosers appear for those who may read
 * the organisation and its people (a salesperson sees only their own figures anyway).
 */
export function ReportFilterBar({
  filters,
  setFilters,
  clear,
  period = true,
}: Filters & { period?: boolean }) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const departments = useDepartments(can("department:read"));
  const dictionaries = useDictionaries();
  const preset = periodOf(filters.from, filters.to);
  return (
    <Flex
      wrap
      gap={8}
      align="center"
      className="report-filters"
      role="search"
      aria-label={t("reports.filters.label")}
    >
      {period && (
        <>
          <Select<Period | "all" | "custom">
            value={preset ?? (filters.from || filters.to ? "custom" : "all")}
            onChange={(v) =>
              v === "all"
                ? setFilters({ from: undefined, to: undefined })
                : v !== "custom" && setFilters(periodRange(v))
            }
            options={[
              { value: "all", label: t("reports.filters.periods.all") },
              ...PERIODS.map((p) => ({ value: p, label: t(`reports.filters.periods.${p}`) })),
              { value: "custom", label: t("reports.filters.periods.custom"), disabled: true },
            ]}
            aria-label={t("reports.filters.period")}
            style={{ width: 130 }}
          />
          <DatePicker.RangePicker
            value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) =>
              setFilters({
                from: range?.[0]?.format("YYYY-MM-DD"),
                to: range?.[1]?.format("YYYY-MM-DD"),
              })
            }
            placeholder={[t("reports.filters.from"), t("reports.filters.to")]}
            aria-label={t("reports.filters.range")}
          />
        </>
      )}
      {can("department:read") && (
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          value={filters.departmentId ?? null}
          onChange={(v: string | null | undefined) => setFilters({ departmentId: v ?? undefined })}
          treeData={departmentOptions(departments.data ?? [])}
          placeholder={t("reports.filters.department")}
          aria-label={t("reports.filters.department")}
          loading={departments.isLoading}
          style={{ width: 170 }}
        />
      )}
      {can("user:read") && (
        <OwnerSelect
          value={filters.ownerId}
          onChange={(v) => setFilters({ ownerId: v })}
          placeholder={t("reports.filters.owner")}
          aria-label={t("reports.filters.owner")}
          style={{ width: 170 }}
        />
      )}
      <Select
        allowClear
        showSearch
        value={filters.province ?? null}
        onChange={(v: string | null | undefined) => setFilters({ province: v ?? undefined })}
        options={provinceOptions}
        placeholder={t("reports.filters.province")}
        aria-label={t("reports.filters.province")}
        style={{ width: 150 }}
      />
      <Select
        allowClear
        value={filters.class ?? null}
        onChange={(v: string | null | undefined) => setFilters({ class: v ?? undefined })}
        options={dictionaries.options("customer_class", filters.class)}
        placeholder={t("reports.filters.class")}
        aria-label={t("reports.filters.class")}
        style={{ width: 160 }}
      />
      <Button onClick={clear}>{t("reports.filters.clear")}</Button>
    </Flex>
  );
}
