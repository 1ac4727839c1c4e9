import type { Customer } from "@crm/contracts";
import { Descriptions, type DescriptionsProps, Typography } from "antd";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { customValueDisplay, fieldLabel } from "../../shared/custom-fields/custom-field-values";
import { activeFields, useCustomFields } from "../../shared/custom-fields/use-custom-fields";
import type { Translation } from "../../shared/i18n/zh-cn";
import { formatDateTime, formatMoney } from "./customer-format";
import { useDictionaries } from "./use-customer-queries";

type FieldKey = keyof Translation["customers"]["fields"];

const href = (homepage: string) => (/^https?:\/\//i.test(homepage) ? homepage : `http://${homepage}`);

/** Every field of the record, dictionary codes as labels; empty ones shown as a dash. */
export function CustomerProfile({ customer: c }: { customer: Customer }) {
  const { t, i18n } = useTranslation();
  const dict = useDictionaries();
  const custom = activeFields(useCustomFields("customer").data);
  const none = <Typography.Text type="secondary">{t("customers.common.none")}</Typography.Text>;
  const item = (key: string, label: string, value: ReactNode, span?: number) => ({
    key,
    label,
    children: value === null || value === undefined || value === "" ? none : value,
    ...(span ? { span } : {}),
  });
  const f = (key: FieldKey) => t(`customers.fields.${key}`);

  const items: DescriptionsProps["items"] = [
    item("code", f("code"), <span className="customer-code">{c.code}</span>),
    item("class", f("class"), dict.label("customer_class", c.class)),
    item("status", f("status"), dict.label("customer_status", c.status)),
    item("region", f("region"), c.city === c.province ? c.province : `${c.province} ${c.city}`),
    item("areaCode", f("areaCode"), c.areaCode),
    item("postcode", f("postcode"), c.postcode),
    item("address", f("address"), c.address, 3),
    item("phone", f("phone"), c.phone && <a href={`tel:${c.phone}`}>{c.phone}</a>),
    item("fax", f("fax"), c.fax),
    item("email", f("email"), c.email && <a href={`mailto:${c.email}`}>{c.email}</a>),
    item(
      "homepage",
      f("homepage"),
      c.homepage && (
        <a href={href(c.homepage)} target="_blank" rel="noopener noreferrer">
          {c.homepage}
        </a>
      ),
      3,
    ),
    item("industry", f("industry"), dict.label("industry", c.industry)),
    item("source", f("source"), dict.label("source", c.source)),
    item("creditRating", f("creditRating"), dict.label("credit_rating", c.creditRating)),
    item("annualRevenue", f("annualRevenue"), formatMoney(c.annualRevenue)),
    item("employeeCount", f("employeeCount"), c.employeeCount?.toLocaleString(i18n.language)),
    item(
      "creditCode",
      f("creditCode"),
      c.creditCode && <span className="customer-code">{c.creditCode}</span>,
    ),
    item("ownerName", f("ownerName"), c.ownerName),
    item("lastContactAt", f("lastContactAt"), formatDateTime(c.lastContactAt, i18n.language)),
    item("createdAt", f("createdAt"), formatDateTime(c.createdAt, i18n.language)),
    item("updatedAt", f("updatedAt"), formatDateTime(c.updatedAt, i18n.language)),
  ];

  return (
    <>
      <Descriptions
        bordered
        size="small"
        column={{ xs: 1, md: 2, xl: 3 }}
        items={items}
        className="customer-profile"
      />
      {custom.length > 0 && (
        <Descriptions
          bordered
          size="small"
          title={t("customFields.section")}
          column={{ xs: 1, md: 2, xl: 3 }}
          items={custom.map((def) =>
            item(
              `cf.${def.key}`,
              fieldLabel(def, i18n.language),
              customValueDisplay(def, c.customFields[def.key], i18n.language),
            ),
          )}
          className="customer-profile customer-profile--custom"
        />
      )}
    </>
  );
}
