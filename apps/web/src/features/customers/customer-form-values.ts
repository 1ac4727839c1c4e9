import type { Customer, CustomerCreate, CustomerUpdate, CustomFieldDefinition } from "@crm/contracts";
import {
  type CustomFormValues,
  customCreateValues,
  customPatchValues,
  toCustomFormValues,
} from "../../shared/custom-fields/custom-field-values";
import { blankToNull } from "./customer-format";

type CustomDefs = readonly Pick<CustomFieldDefinition, "key" | "type" | "options">[];

/** What the form holds: text as typed (numbers and money too, so nothing is lost or rounded). */
export interface CustomerFormValues {
  name: string;
  class: string | undefined;
  province: string | undefined;
  city: string | undefined;
  areaCode: string;
  postcode: string;
  address: string;
  phone: string;
  fax: string;
  email: string;
  homepage: string;
  annualRevenue: string;
  employeeCount: string;
  industry: string | undefined;
  source: string | undefined;
  status: string | undefined;
  creditRating: string | undefined;
  creditCode: string;
  ownerId: string | undefined;
  /** The custom fields (自定义字段) by key, in the API's shape. */
  customFields: CustomFormValues;
}

export const FORM_FIELDS = [
  "name",
  "class",
  "province",
  "city",
  "areaCode",
  "postcode",
  "address",
  "phone",
  "fax",
  "email",
  "homepage",
  "annualRevenue",
  "employeeCount",
  "industry",
  "source",
  "status",
  "creditRating",
  "creditCode",
  "ownerId",
  "customFields",
] as const satisfies readonly (keyof CustomerFormValues)[];

export function toFormValues(c: Customer | null): CustomerFormValues {
  return {
    name: c?.name ?? "",
    class: c?.class ?? undefined,
    province: c?.province ?? undefined,
    city: c?.city ?? undefined,
    areaCode: c?.areaCode ?? "",
    postcode: c?.postcode ?? "",
    address: c?.address ?? "",
    phone: c?.phone ?? "",
    fax: c?.fax ?? "",
    email: c?.email ?? "",
    homepage: c?.homepage ?? "",
    annualRevenue: c?.annualRevenue ?? "",
    employeeCount: c?.employeeCount === null || c?.employeeCount === undefined ? "" : String(c.employeeCount),
    industry: c?.industry ?? undefined,
    source: c?.source ?? undefined,
    status: c?.status ?? undefined,
    creditRating: c?.creditRating ?? undefined,
    creditCode: c?.creditCode ?? "",
    ownerId: c?.ownerId ?? undefined,
    customFields: toCustomFormValues(c?.customFields),
  };
}

const TEXT = ["areaCode", "postcode", "address", "phone", "fax", "email", "homepage", "creditCode"] as const;
const CHOICES = ["industry", "source", "status", "creditRating"] as const;

const employees = (value: string) => (value.trim() === "" ? null : Number(value.trim()));

/**
 * The create request: empty text becomes null; the owner only when one was picked; the custom
 * fields of `definitions` that were filled in.
 */
export function toCreateBody(v: CustomerFormValues, definitions: CustomDefs = []): CustomerCreate {
  const body: CustomerCreate = {
    name: v.name.trim(),
    class: v.class ?? "",
    province: v.province ?? "",
    city: v.city ?? "",
    annualRevenue: blankToNull(v.annualRevenue),
    employeeCount: employees(v.employeeCount),
  };
  for (const key of TEXT) body[key] = blankToNull(v[key]);
  for (const key of CHOICES) body[key] = v[key] ?? null;
  if (v.ownerId) body.ownerId = v.ownerId;
  const custom = customCreateValues(definitions, v.customFields);
  if (custom) body.customFields = custom;
  return body;
}

/**
 * Only what differs from `before`, in the API's shape; province and city always travel together;
 * `customFields` holds only the changed custom fields (null for a cleared one).
 */
export function toUpdateBody(
  before: CustomerFormValues,
  after: CustomerFormValues,
  definitions: CustomDefs = [],
): CustomerUpdate {
  const patch: CustomerUpdate = {};
  if (after.name.trim() !== before.name) patch.name = after.name.trim();
  if (after.class && after.class !== before.class) patch.class = after.class;
  if (after.province !== before.province || after.city !== before.city) {
    patch.province = after.province ?? "";
    patch.city = after.city ?? "";
  }
  for (const key of TEXT) {
    if (blankToNull(after[key]) !== blankToNull(before[key])) patch[key] = blankToNull(after[key]);
  }
  for (const key of CHOICES) {
    if ((after[key] ?? null) !== (before[key] ?? null)) patch[key] = after[key] ?? null;
  }
  if (blankToNull(after.annualRevenue) !== blankToNull(before.annualRevenue))
    patch.annualRevenue = blankToNull(after.annualRevenue);
  if (employees(after.employeeCount) !== employees(before.employeeCount))
    patch.employeeCount = employees(after.employeeCount);
  if (after.ownerId && after.ownerId !== before.ownerId) patch.ownerId = after.ownerId;
  const custom = customPatchValues(definitions, before.customFields, after.customFields);
  if (custom) patch.customFields = custom;
  return patch;
}
