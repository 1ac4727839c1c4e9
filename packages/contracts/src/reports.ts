import { z } from "zod";

/** 查询分析报表: the reports of SPEC §3.6 and §7, each at GET /api/v1/reports/{name}. */
export const REPORT_NAMES = [
  "first-transactions",
  "customer-evaluation",
  "visits",
  "customer-value",
  "satisfaction",
  "sales",
  "dashboard",
] as const;
export type ReportName = (typeof REPORT_NAMES)[number];

/** The filters every report takes (period, department and below, owner, region, class). */
export const ReportFilterQuery = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  departmentId: z.uuid().optional().meta({ description: "The owner's department and those below it" }),
  ownerId: z.uuid().optional(),
  province: z.string().max(20).optional(),
  class: z.string().max(20).optional(),
});
export type ReportFilterQuery = z.infer<typeof ReportFilterQuery>;

export const AGING_BUCKETS = ["notDue", "d1to30", "d31to60", "d61to90", "over90"] as const;

/**
 * What a figure of each report can be opened into (钻取): `dimension` names the table or chart the
 * figure is in, `value` its row (a month YYYY-MM, an id, a code; empty for "none").
 */
export const DRILL_DIMENSIONS = {
  "first-transactions": ["month", "customer"],
  "customer-evaluation": ["region", "creditRating", "revenueBand", "tracking"],
  visits: ["salesperson", "customer", "complaintType"],
  "customer-value": ["segment", "abc", "customer"],
  satisfaction: ["type", "product", "handler", "month"],
  sales: ["month", "salesperson", "product", "region", "orderStatus", "aging"],
  dashboard: [
    "revenueThisMonth",
    "revenueLastMonth",
    "newCustomers",
    "openReceivables",
    "overdueReceivables",
    "openFeedback",
    "complaints",
    "salesperson",
  ],
} as const satisfies Record<ReportName, readonly string[]>;

export const DrillQuery = ReportFilterQuery.extend({
  value: z.string().max(100).optional().meta({ description: "The figure's row; absent or empty: none" }),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

const DrillCustomer = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  province: z.string().nullable(),
  creditRating: z.string().nullable(),
  class: z.string().nullable(),
  ownerName: z.string().nullable(),
  /** The figures the report computed for it (customer value: monetary, RFM, segment, ABC …). */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.null()])).optional(),
});
const DrillTransaction = z.object({
  id: z.uuid(),
  date: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  productName: z.string(),
  quantity: z.string(),
  amount: z.string(),
  ownerName: z.string().nullable(),
  orderId: z.uuid().nullable(),
  orderNumber: z.string().nullable(),
});
const DrillOrder = z.object({
  id: z.uuid(),
  number: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  status: z.string(),
  signingDate: z.string().nullable(),
  total: z.string(),
  ownerName: z.string().nullable(),
});
const DrillFeedback = z.object({
  id: z.uuid(),
  number: z.string(),
  subject: z.string(),
  type: z.string(),
  status: z.string(),
  occurredOn: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  productName: z.string().nullable(),
  handlerName: z.string().nullable(),
  rating: z.number().int().nullable(),
});
const DrillContactRecord = z.object({
  id: z.uuid(),
  occurredAt: z.string(),
  channel: z.string(),
  customerId: z.uuid(),
  customerName: z.string(),
  content: z.string(),
  result: z.string().nullable(),
  ownerName: z.string().nullable(),
});
const DrillBalance = z.object({
  customerId: z.uuid(),
  customerName: z.string(),
  customerCode: z.string(),
  ownerName: z.string().nullable(),
  open: z.string(),
  overdue: z.string(),
  amount: z
    .string()
    .meta({ description: "The part the figure counts (the aging bucket, or the open balance)" }),
});

const drillPage = <K extends string, T extends z.ZodType>(kind: K, item: T) =>
  z.object({
    kind: z.literal(kind),
    total: z.number().int().meta({ description: "How many records the figure counts" }),
    items: z.array(item),
    nextCursor: z.string().nullable(),
  });

/** The records behind a figure: customers, sales, orders, feedback, contact records or balances. */
export const DrillRecords = z
  .discriminatedUnion("kind", [
    drillPage("customers", DrillCustomer),
    drillPage("transactions", DrillTransaction),
    drillPage("orders", DrillOrder),
    drillPage("feedback", DrillFeedback),
    drillPage("contactRecords", DrillContactRecord),
    drillPage("balances", DrillBalance),
  ])
  .meta({ id: "ReportDrillRecords" });
export type DrillRecords = z.infer<typeof DrillRecords>;
export type DrillKind = DrillRecords["kind"];

/** Apply the customer-value report's suggested classes (ABC → 1/2/3类) to its customers at once. */
export const ApplySuggestedClasses = z
  .strictObject({
    filters: ReportFilterQuery.default({}),
    customerIds: z
      .array(z.uuid())
      .min(1)
      .max(5000)
      .optional()
      .meta({ description: "Only these (each must be in the report); all of its suggestions without" }),
  })
  .meta({ id: "ApplySuggestedClasses" });
export type ApplySuggestedClasses = z.input<typeof ApplySuggestedClasses>;
