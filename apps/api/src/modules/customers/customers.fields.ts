import { customers } from "@crm/db";
import { ownerName } from "./customers.query.js";

/** The fields a person sets on a customer: what forms edit and what a merge may take from any side. */
export const EDITABLE_FIELDS = [
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
] as const;

/** Merge picks for custom fields are named `customFields.<key>`. */
export const CUSTOM_PICK = "customFields.";

const SHOWN = [
  ...EDITABLE_FIELDS,
  "id",
  "code",
  "letter",
  "lastContactAt",
  "mergedIntoId",
  "deletedAt",
  "createdAt",
  "updatedAt",
  "version",
  "pinyin",
  "customFields",
] as const;
type Shown = (typeof SHOWN)[number];

/** The columns a customer is read with (derived search columns left out). */
export const listColumns = Object.fromEntries(SHOWN.map((k) => [k, customers[k]])) as {
  [K in Shown]: (typeof customers)[K];
};

/** listColumns plus the owner's name (lists add names from a cache instead: userNames). */
export const customerColumns = { ...listColumns, ownerName };
