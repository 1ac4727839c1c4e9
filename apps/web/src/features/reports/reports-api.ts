import {
  type ApplySuggestedClasses,
  DRILL_DIMENSIONS,
  DrillRecords,
  type ReportFilterQuery,
  type ReportName,
} from "@crm/contracts";
import { z } from "zod";
import { API_BASE, ApiError, apiRequest, ClientErrorCode, refreshSession } from "../../shared/api";
import { toApiError } from "../../shared/api/api-error";
import { getAccessToken } from "../../shared/api/session-store";
import { currentLanguage } from "../../shared/i18n/i18n";

export type ReportFilters = ReportFilterQuery;
export type Dimension<R extends ReportName> = (typeof DRILL_DIMENSIONS)[R][number];
export { DRILL_DIMENSIONS };

const money = z.string();
const keyed = z.object({ key: z.string().nullable() });
const Group = keyed.extend({ revenue: money, quantity: money, sales: z.number() });

/** What each report answers (the API's `rows` and the tables beside it). */
export const REPORT_SCHEMAS = {
  "first-transactions": z.object({
    rows: z.array(
      z.object({
        customerId: z.string(),
        customerName: z.string(),
        customerCode: z.string(),
        date: z.string(),
        productName: z.string(),
        amount: money,
        salesperson: z.string().nullable(),
      }),
    ),
    newCustomersByMonth: z.array(z.object({ month: z.string(), count: z.number() })),
  }),
  "customer-evaluation": z.object({
    formula: z.string(),
    byRegion: z.array(z.object({ key: z.string(), customers: z.number() })),
    byCreditRating: z.array(z.object({ key: z.string(), customers: z.number() })),
    byRevenueBand: z.array(z.object({ key: z.string(), customers: z.number() })),
    rows: z.array(
      z.object({
        customerId: z.string(),
        customerName: z.string(),
        customerCode: z.string(),
        province: z.string().nullable(),
        creditRating: z.string().nullable(),
        revenueBand: z.string(),
        score: z.number(),
      }),
    ),
    potential: z.array(
      z.object({
        customerId: z.string(),
        customerName: z.string(),
        customerCode: z.string(),
        lastContactAt: z.string().nullable(),
        owner: z.string().nullable(),
      }),
    ),
  }),
  visits: z.object({
    rows: z.array(
      z.object({
        ownerId: z.string(),
        salesperson: z.string().nullable(),
        visits: z.number(),
        inPerson: z.number(),
        customers: z.number(),
        lastAt: z.string(),
      }),
    ),
    byCustomer: z.array(
      z.object({
        customerId: z.string(),
        customerName: z.string(),
        visits: z.number(),
        lastAt: z.string(),
        lastResult: z.string().nullable(),
      }),
    ),
    complaints: z.array(
      z.object({
        id: z.string(),
        number: z.string(),
        subject: z.string(),
        customerName: z.string(),
        occurredOn: z.string(),
        status: z.string(),
        technicalNotes: z.string().nullable(),
        resolution: z.string().nullable(),
      }),
    ),
  }),
  "customer-value": z.object({
    rows: z.array(
      z.object({
        customerId: z.string(),
        customerName: z.string(),
        customerCode: z.string(),
        currentClass: z.string(),
        recencyDays: z.number(),
        frequency: z.number(),
        monetary: money,
        rfm: z.string(),
        segment: z.string(),
        revenueShare: z.string(),
        abc: z.enum(["A", "B", "C"]),
        suggestedClass: z.string(),
      }),
    ),
    abc: z.object({ A: z.number(), B: z.number(), C: z.number() }),
  }),
  satisfaction: (() => {
    const Timing = keyed.extend({
      feedback: z.number(),
      avgResponseMinutes: z.number().nullable(),
      avgResolutionMinutes: z.number().nullable(),
      avgRating: z.string().nullable(),
    });
    return z.object({
      overall: z.object({ avgRating: z.string().nullable(), ratings: z.number() }),
      rows: z.array(Timing),
      byProduct: z.array(Timing),
      byHandler: z.array(Timing),
      trend: z.array(z.object({ month: z.string(), visits: z.number(), avgRating: z.string() })),
    });
  })(),
  sales: z.object({
    rows: z.array(Group),
    bySalesperson: z.array(Group.extend({ ownerId: z.string() })),
    byProduct: z.array(Group.extend({ productId: z.string() })),
    byRegion: z.array(Group),
    ordersByStatus: z.array(z.object({ key: z.string(), orders: z.number(), total: money.nullable() })),
    receivablesAging: z.record(z.string(), money),
  }),
  dashboard: z.object({
    month: z.string(),
    revenueThisMonth: money,
    revenueLastMonth: money,
    newCustomersThisMonth: z.number(),
    openReceivables: money,
    overdueReceivables: money,
    openFeedback: z.number(),
    complaintsThisMonth: z.number(),
    satisfaction: z.string().nullable(),
    topSalespeople: z.array(Group.extend({ ownerId: z.string() })),
  }),
} satisfies Record<ReportName, z.ZodType>;

export type ReportData<R extends ReportName> = z.infer<(typeof REPORT_SCHEMAS)[R]>;

type Params = Record<string, string | number | undefined | null>;
function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

export const fetchReport = <R extends ReportName>(name: R, filters: ReportFilters): Promise<ReportData<R>> =>
  apiRequest(`/reports/${name}${query({ ...filters })}`, {
    schema: REPORT_SCHEMAS[name] as unknown as z.ZodType<ReportData<R>>,
  }) as Promise<ReportData<R>>;

export interface DrillTarget {
  report: ReportName;
  dimension: string;
  value: string;
  /** What the user clicked, as the drawer's title. */
  label: string;
}

export const fetchRecords = (target: DrillTarget, filters: ReportFilters, cursor?: string) =>
  apiRequest(
    `/reports/${target.report}/records${query({
      ...filters,
      dimension: target.dimension,
      value: target.value,
      limit: 50,
      cursor,
    })}`,
    { schema: DrillRecords },
  );

const Applied = z.object({
  updated: z.number(),
  unchanged: z.number(),
  byClass: z.record(z.string(), z.number()),
});
export const applySuggestedClasses = (body: ApplySuggestedClasses) =>
  apiRequest("/reports/customer-value/apply-classes", { method: "POST", body, schema: Applied });

/** Hands a file from the API to the browser; resolves to its name. */
export async function downloadReport(
  name: ReportName,
  filters: ReportFilters,
  format: "csv" | "xlsx",
): Promise<string> {
  const path = `/reports/${name}${query({ ...filters, format })}`;
  const attempt = async () => {
    const headers = new Headers({ "Accept-Language": currentLanguage() });
    const token = getAccessToken();
    if (token) headers.set("Authorization", `Bearer ${token}`);
    try {
      return await fetch(`${API_BASE}${path}`, { headers });
    } catch (error) {
      throw new ApiError({ status: 0, code: ClientErrorCode.network, title: String(error) });
    }
  };
  let response = await attempt();
  if (response.status === 401 && (await refreshSession())) response = await attempt();
  if (!response.ok) throw await toApiError(response);
  const fileName =
    /filename="?([^";]+)"?/i.exec(response.headers.get("Content-Disposition") ?? "")?.[1] ??
    `${name}.${format}`;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return fileName;
}
