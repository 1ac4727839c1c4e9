import { ErrorCode } from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf, writeAudit } from "../../shared/audit.js";
import { AppError } from "../../shared/errors.js";
import * as reports from "./reports.service.js";
import * as business from "./reports-business.service.js";
import { filtersInWords, reportFile } from "./reports-export.js";
import { satisfaction } from "./reports-satisfaction.service.js";
import { customerValue } from "./reports-value.service.js";
import { visits } from "./reports-visits.service.js";

const Filters = z.object({
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  departmentId: z.uuid().optional().meta({ description: "The owner's department and those below it" }),
  ownerId: z.uuid().optional(),
  province: z.string().max(20).optional(),
  class: z.string().max(20).optional(),
  format: z.enum(["json", "csv", "xlsx"]).default("json").meta({
    description: "csv: the report's main table; xlsx: every table and the summary (both need report:export)",
  }),
});

const REPORTS = {
  "first-transactions": {
    fn: reports.firstTransactions,
    summary: "首次交易 (output design 1): each customer's first sale, new customers per month",
  },
  "customer-evaluation": {
    fn: reports.customerEvaluation,
    summary:
      "客户综合评价 (output design 2): by region, credit rating, revenue band; value score; potential customers",
  },
  visits: {
    fn: visits,
    summary:
      "拜访与服务 (output design 3): visits per salesperson and customer; complaints and technical records",
  },
  "customer-value": {
    fn: customerValue,
    summary: "客户价值: RFM segments and ABC (Pareto) classes with suggested customer classes",
  },
  satisfaction: {
    fn: satisfaction,
    summary: "服务满意度: feedback by type, product and handler; response and resolution times; rating trend",
  },
  sales: {
    fn: business.salesReport,
    summary: "销售分析: revenue by month, salesperson, product, region; orders by status; receivables aging",
  },
  dashboard: { fn: business.dashboard, summary: "经理看板: the key figures of every report" },
} as const;

export const reportRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const [name, report] of Object.entries(REPORTS)) {
    app.get(
      `/reports/${name}`,
      {
        config: { access: { permission: "report:read" } },
        schema: {
          tags: ["reports"],
          summary: report.summary,
          description:
            "Every figure is within the caller's data scope. `format=csv` exports the main table (`rows`), `format=xlsx` every table.",
          querystring: Filters,
          response: { 200: z.record(z.string(), z.unknown()) },
        },
      },
      async (request, reply) => {
        const caller = callerOf(request);
        const { format, ...filters } = request.query;
        const result = (await report.fn(app.db, caller, filters)) as Record<string, unknown> & {
          rows?: unknown[];
        };
        if (format !== "json") {
          if (!caller.permissions.has("report:export")) throw new AppError(403, ErrorCode.forbidden);
          const file = await reportFile({
            report: name,
            result,
            filters: await filtersInWords(app.db, filters),
            format,
            lang: request.lang,
          });
          await writeAudit(app.db, contextOf(request), {
            action: "export",
            entityType: "report",
            entityId: name,
            actorId: caller.userId,
            actorName: caller.displayName,
            detail: { filters, format, rows: file.rows },
          });
          reply.header("content-type", file.contentType);
          reply.header("content-disposition", `attachment; filename="${file.fileName}"`);
          // A file body goes out as it is (the JSON serialiser only handles objects).
          return reply.send(file.body as never);
        }
        return result;
      },
    );
  }
};
