import { z } from "zod";
import { isValidCreditCode } from "./credit-code.js";
import { CustomValues } from "./custom-fields.js";
import { Money } from "./money.js";
import { REGIONS } from "./regions-data.js";

const Phone = z
  .string()
  .trim()
  .regex(/^[0-9+\-() ]{5,20}$/, { error: "phone_format" });
const DictCode = z.string().trim().min(1).max(20);

/** Where the customer is: a real province and one of its cities (GB/T 2260). */
export const isKnownCity = (province: string, city: string) =>
  REGIONS.some((p) => p.name === province && p.cities.some((c) => c.name === city));

const customerFields = {
  name: z.string().trim().min(1).max(50),
  class: DictCode.meta({ description: "客户类别 dictionary code (1, 2, 3, …); the customer code's prefix" }),
  province: z.string().trim().min(1).max(20),
  city: z.string().trim().min(1).max(20),
  areaCode: z
    .string()
    .trim()
    .regex(/^0\d{2,3}$/, { error: "area_code_format" })
    .nullable()
    .optional(),
  postcode: z
    .string()
    .trim()
    .regex(/^\d{6}$/, { error: "postcode_format" })
    .nullable()
    .optional(),
  address: z.string().trim().max(100).nullable().optional(),
  phone: Phone.nullable().optional(),
  fax: Phone.nullable().optional(),
  email: z.email({ error: "email_format" }).max(100).nullable().optional(),
  homepage: z
    .string()
    .trim()
    .max(200)
    .regex(/^(https?:\/\/)?[\w-]+(\.[\w-]+)+(:\d+)?(\/\S*)?$/i, { error: "url_format" })
    .nullable()
    .optional(),
  annualRevenue: Money.nullable().optional().meta({ description: "年营业额, exact decimal string" }),
  employeeCount: z.number().int().min(0).max(10_000_000).nullable().optional(),
  industry: DictCode.nullable().optional(),
  source: DictCode.nullable().optional(),
  status: DictCode.nullable().optional(),
  creditRating: DictCode.nullable().optional(),
  creditCode: z
    .string()
    .trim()
    .toUpperCase()
    .refine(isValidCreditCode, { error: "credit_code_invalid" })
    .nullable()
    .optional()
    .meta({ description: "统一社会信用代码, checked with its check character; unique" }),
  ownerId: z
    .uuid()
    .optional()
    .meta({ description: "Defaults to the caller; must be within the caller's scope" }),
  customFields: CustomValues.optional().meta({
    description:
      "Custom fields by key (GET /api/v1/custom-fields?entity=customer); on update only the keys given change",
  }),
};

const withRegion = <T extends z.ZodType<{ province?: string; city?: string }>>(schema: T) =>
  schema.refine((c) => !c.province || !c.city || isKnownCity(c.province, c.city), {
    error: "city_not_in_province",
    path: ["city"],
  });

export const CustomerCreate = withRegion(z.strictObject(customerFields)).meta({
  id: "CustomerCreate",
  examples: [
    {
      name: "杭州宏达机械有限公司",
      class: "1",
      province: "浙江省",
      city: "杭州市",
      address: "滨江区江南大道 1 号",
      phone: "0571-86861234",
      industry: "manufacturing",
      source: "referral",
    },
  ],
});
export type CustomerCreate = z.infer<typeof CustomerCreate>;

export const CustomerUpdate = withRegion(
  z
    .strictObject(customerFields)
    .partial()
    .refine((c) => (c.province === undefined) === (c.city === undefined), {
      error: "province_city_together",
      path: ["city"],
    }),
).meta({ id: "CustomerUpdate", examples: [{ address: "滨江区江南大道 1 号", status: "signed" }] });
export type CustomerUpdate = z.infer<typeof CustomerUpdate>;

export const Customer = z
  .object({
    id: z.uuid(),
    code: z.string().meta({ description: "{class}类-{seq}, generated, never reused" }),
    name: z.string(),
    class: z.string(),
    province: z.string(),
    city: z.string(),
    areaCode: z.string().nullable(),
    postcode: z.string().nullable(),
    address: z.string().nullable(),
    phone: z.string().nullable(),
    fax: z.string().nullable(),
    email: z.string().nullable(),
    homepage: z.string().nullable(),
    annualRevenue: z.string().nullable(),
    employeeCount: z.number().int().nullable(),
    industry: z.string().nullable(),
    source: z.string().nullable(),
    status: z.string().nullable(),
    creditRating: z.string().nullable(),
    creditCode: z.string().nullable(),
    ownerId: z.uuid().nullable(),
    ownerName: z.string().nullable(),
    letter: z.string().meta({ description: "A–Z (or #) of the name's first character's pinyin" }),
    lastContactAt: z.string().nullable(),
    mergedIntoId: z.uuid().nullable(),
    customFields: z.record(z.string(), z.unknown()),
    deleted: z.boolean(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "Customer" });
export type Customer = z.infer<typeof Customer>;

export const CUSTOMER_SORTS = ["-createdAt", "createdAt", "name", "-name", "code", "-updatedAt"] as const;

const customerQueryShape = {
  q: z.string().trim().max(50).optional().meta({
    description: "Name substring, full pinyin, pinyin initials, code, phone, email or a contact's name",
  }),
  letter: z
    .string()
    .regex(/^[A-Za-z#]$/)
    .transform((s) => s.toUpperCase())
    .optional(),
  class: z.string().max(20).optional(),
  status: z.string().max(20).optional(),
  industry: z.string().max(20).optional(),
  source: z.string().max(20).optional(),
  creditRating: z.string().max(20).optional(),
  province: z.string().max(20).optional(),
  city: z.string().max(20).optional(),
  ownerId: z.uuid().optional(),
  createdFrom: z.iso.date().optional(),
  createdTo: z.iso.date().optional(),
  deleted: z.enum(["true", "false"]).optional().meta({ description: "true: the recycle bin" }),
  sort: z.enum(CUSTOMER_SORTS).default("-createdAt"),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
};
/** Custom-field filters ride along as `cf.<key>` parameters (checked by the API against the fields). */
export type CustomFilterParams = { [param: `cf.${string}`]: unknown };

export const CustomerQuery = z.looseObject(customerQueryShape).meta({
  description:
    "Custom fields filter as `cf.<key>=value` (text: contains; choices: the option value; yes/no: true or false) or, for numbers and dates, `cf.<key>=from..to` (either end may be left out)",
});
const CustomerQueryStrict = z.object(customerQueryShape);
export type CustomerQuery = z.infer<typeof CustomerQueryStrict> & CustomFilterParams;

export const CustomerPage = z
  .object({
    items: z.array(Customer),
    nextCursor: z.string().nullable(),
    total: z
      .number()
      .int()
      .nullable()
      .meta({ description: "Counted on the first page only (null with a cursor)" }),
    totalExact: z
      .boolean()
      .nullable()
      .meta({ description: "false: `total` is the database's estimate (large results are not counted)" }),
  })
  .meta({ id: "CustomerPage" });

export const DuplicateCandidate = z
  .object({
    id: z.uuid().nullable().meta({ description: "null when the duplicate lies outside the caller's scope" }),
    code: z.string(),
    name: z.string(),
    ownerName: z.string().nullable(),
    matchedOn: z.array(z.enum(["name", "creditCode", "phone", "email", "homepage"])),
  })
  .meta({ id: "DuplicateCandidate" });
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const BulkCustomerUpdate = z
  .strictObject({
    ids: z.array(z.uuid()).min(1).max(10_000).optional(),
    filter: CustomerQuery.omit({ sort: true, limit: true, cursor: true, deleted: true }).optional(),
    set: z
      .strictObject({
        ownerId: z.uuid().optional(),
        status: DictCode.nullable().optional(),
        class: DictCode.optional(),
        industry: DictCode.nullable().optional(),
        customFields: CustomValues.optional(),
      })
      .refine((s) => Object.keys(s).length > 0, { error: "nothing_to_set" }),
  })
  .refine((b) => (b.ids === undefined) !== (b.filter === undefined), {
    error: "ids_or_filter",
    path: ["ids"],
  })
  .meta({ id: "BulkCustomerUpdate" });
export type BulkCustomerUpdate = z.infer<typeof BulkCustomerUpdate>;

export const CustomerMerge = z
  .strictObject({
    survivorId: z.uuid(),
    mergedIds: z.array(z.uuid()).min(1).max(20),
    fields: z.record(z.string(), z.uuid()).optional().meta({
      description: "For each field, the customer whose value the survivor keeps (default: the survivor's)",
    }),
  })
  .meta({ id: "CustomerMerge" });
export type CustomerMerge = z.infer<typeof CustomerMerge>;

export const MergeResult = z
  .object({ mergeId: z.uuid(), survivor: Customer, moved: z.record(z.string(), z.number().int()) })
  .meta({ id: "MergeResult" });

export const TimelineEntry = z
  .object({
    at: z.string(),
    kind: z.string(),
    title: z.string(),
    actorName: z.string().nullable(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
  })
  .meta({ id: "TimelineEntry" });
