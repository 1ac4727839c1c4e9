import { CustomerCreate, type CustomFieldDefinition, Money, REGIONS } from "@crm/contracts";
import { Col, Form, type FormInstance, type FormRule, Input, Row, Select, Typography } from "antd";
import { useTranslation } from "react-i18next";
import { useCurrentUser, usePermissions } from "../../shared/api";
import { CustomFieldItems } from "../../shared/custom-fields/custom-field-inputs";
import { zodRule } from "../../shared/forms/zod-rule";
import type { CustomerFormValues } from "./customer-form-values";
import { OwnerSelect } from "./owner-select";
import { useDictionaries } from "./use-customer-queries";

const shape = CustomerCreate.shape;
const provinceOptions = REGIONS.map((p) => ({ value: p.name, label: p.name }));
const wide = { xs: 24, md: 16 };
const third = { xs: 24, md: 8 };

interface CustomerFormFieldsProps {
  form: FormInstance<CustomerFormValues>;
  /** The record being edited (its inactive dictionary values stay selectable). */
  current: CustomerFormValues;
  ownerName?: string | null | undefined;
  /** The active custom fields, shown in a section of their own after the built-in ones. */
  definitions: readonly CustomFieldDefinition[];
  /** The record's custom values when the form opened (null for a new customer). */
  initialCustom: Record<string, unknown> | null;
}

/** The fields of input screen 1, in three sections; every rule is the API's own zod schema. */
export function CustomerFormFields({
  form,
  current,
  ownerName,
  definitions,
  initialCustom,
}: CustomerFormFieldsProps) {
  const { t } = useTranslation();
  const { can } = usePermissions();
  const me = useCurrentUser();
  const dict = useDictionaries();
  const province = Form.useWatch("province", form);
  const cities = REGIONS.find((p) => p.name === province)?.cities ?? [];

  const label = (key: Exclude<keyof CustomerFormValues, "customFields">) => t(`customers.fields.${key}`);
  const optional = (key: keyof typeof shape): FormRule[] => [
    zodRule(shape[key], label(key as Exclude<keyof CustomerFormValues, "customFields">), { optional: true }),
  ];
  const choose = (key: "class" | "province" | "city"): FormRule[] => [
    { required: true, message: t("customers.form.required", { field: label(key) }) },
  ];
  const dictSelect = (
    key: "class" | "industry" | "source" | "status" | "creditRating",
    type: "customer_class" | "industry" | "source" | "customer_status" | "credit_rating",
  ) => (
    <Form.Item
      name={key}
      label={label(key)}
      required={key === "class"}
      rules={key === "class" ? choose(key) : []}
    >
      <Select
        allowClear={key !== "class"}
        options={dict.options(type, current[key])}
        loading={dict.isLoading}
      />
    </Form.Item>
  );

  const onCity = (city: string | undefined) => {
    const areaCode = cities.find((c) => c.name === city)?.areaCode;
    if (areaCode) form.setFieldValue("areaCode", areaCode);
  };

  return (
    <>
      <Typography.Title level={5} className="customer-form__section">
        {t("customers.form.sectionBasic")}
      </Typography.Title>
      <Row gutter={24}>
        <Col {...wide}>
          <Form.Item name="name" label={label("name")} required rules={[zodRule(shape.name, label("name"))]}>
            <Input maxLength={50} showCount autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>{dictSelect("class", "customer_class")}</Col>
        <Col {...third}>
          <Form.Item name="province" label={label("province")} required rules={choose("province")}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={provinceOptions}
              placeholder={t("customers.form.selectProvince")}
              onChange={() => form.setFieldsValue({ city: undefined, areaCode: "" })}
            />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="city" label={label("city")} required rules={choose("city")}>
            <Select
              showSearch={{ optionFilterProp: "label" }}
              options={cities.map((c) => ({ value: c.name, label: c.name }))}
              placeholder={province ? undefined : t("customers.form.selectCity")}
              disabled={!province}
              onChange={onCity}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item
            name="areaCode"
            label={label("areaCode")}
            tooltip={t("customers.form.areaCodeHint")}
            rules={optional("areaCode")}
          >
            <Input maxLength={4} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name="postcode" label={label("postcode")} rules={optional("postcode")}>
            <Input maxLength={6} inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col xs={24}>
          <Form.Item name="address" label={label("address")} rules={optional("address")}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5} className="customer-form__section">
        {t("customers.form.sectionContact")}
      </Typography.Title>
      <Row gutter={24}>
        <Col {...third}>
          <Form.Item name="phone" label={label("phone")} rules={optional("phone")}>
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="fax" label={label("fax")} rules={optional("fax")}>
            <Input inputMode="tel" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item name="email" label={label("email")} rules={optional("email")}>
            <Input inputMode="email" autoComplete="off" />
          </Form.Item>
        </Col>
        <Col {...wide}>
          <Form.Item name="homepage" label={label("homepage")} rules={optional("homepage")}>
            <Input placeholder={t("customers.form.homepagePlaceholder")} autoComplete="off" />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5} className="customer-form__section">
        {t("customers.form.sectionBusiness")}
      </Typography.Title>
      <Row gutter={24}>
        <Col {...third}>{dictSelect("industry", "industry")}</Col>
        <Col {...third}>{dictSelect("source", "source")}</Col>
        <Col {...third}>{dictSelect("status", "customer_status")}</Col>
        <Col {...third}>{dictSelect("creditRating", "credit_rating")}</Col>
        <Col {...third}>
          <Form.Item
            name="annualRevenue"
            label={label("annualRevenue")}
            rules={[
              {
                validator: async (_rule, value: unknown) => {
                  if (value && !Money.safeParse(String(value).trim()).success) {
                    throw new Error(t("customers.form.revenueFormat"));
                  }
                },
              },
            ]}
          >
            <Input inputMode="decimal" placeholder={t("customers.form.revenuePlaceholder")} />
          </Form.Item>
        </Col>
        <Col {...third}>
          <Form.Item
            name="employeeCount"
            label={label("employeeCount")}
            rules={[
              {
                validator: async (_rule, value: unknown) => {
                  const text = String(value ?? "").trim();
                  if (text && !(/^\d+$/.test(text) && shape.employeeCount.safeParse(Number(text)).success)) {
                    throw new Error(t("customers.form.employeeFormat"));
                  }
                },
              },
            ]}
          >
            <Input inputMode="numeric" />
          </Form.Item>
        </Col>
        <Col {...wide}>
          <Form.Item name="creditCode" label={label("creditCode")} rules={optional("creditCode")}>
            <Input
              maxLength={18}
              placeholder={t("customers.form.creditCodePlaceholder")}
              className="customer-code-input"
            />
          </Form.Item>
        </Col>
        {can("user:read") && (
          <Col {...third}>
            <Form.Item name="ownerId" label={label("ownerId")}>
              <OwnerSelect
                initialLabel={ownerName}
                allowClear={false}
                placeholder={t("customers.form.ownerMe", { name: me.displayName })}
              />
            </Form.Item>
          </Col>
        )}
      </Row>

      {definitions.length > 0 && (
        <>
          <Typography.Title level={5} className="customer-form__section">
            {t("customFields.section")}
          </Typography.Title>
          <CustomFieldItems definitions={definitions} initial={initialCustom} />
        </>
      )}
    </>
  );
}
