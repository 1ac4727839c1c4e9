import {
  ApplySuggestedClasses,
  DRILL_DIMENSIONS,
  DrillQuery,
  DrillRecords,
  REPORT_NAMES,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { applySuggestedClasses } from "./reports-classes.service.js";
import { drill } from "./reports-drill.service.js";

const tags = ["reports"];

/** Drill-down (钻取) for every report, and applying the customer-value report's suggested classes. */
export const reportDrillRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const name of REPORT_NAMES) {
    app.get(
      `/reports/${name}/records`,
      {
        config: { access: { permission: "report:read" } },
        schema: {
          tags,
          summary: `The records behind a figure of the ${name} report`,
          description:
            "`dimension` names the table or chart of the figure, `value` its row; the same filters as the " +
            "report. The records are within the caller's data scope, exactly those the figure counts.",
          querystring: DrillQuery.extend({ dimension: z.enum(DRILL_DIMENSIONS[name]) }),
          response: { 200: DrillRecords },
        },
      },
      async (request) => {
        const { dimension, value, limit, cursor, ...filters } = request.query;
        return drill(app.db, callerOf(request), name, dimension, filters, value, { limit, cursor });
      },
    );
  }

  app.post(
    "/reports/customer-value/apply-classes",
    {
      config: { access: { permission: "customer:update" } },
      schema: {
        tags,
        summary: "Give the report's customers their suggested classes (A → 1, B → 2, C → 3) at once",
        description:
          "Administrators only (customer:update and dictionary:manage). Atomic: every customer changes or none; " +
          "one audit row per customer (the bulk edit's) and one for the whole.",
        body: ApplySuggestedClasses,
        response: {
          200: z.object({
            updated: z.number().int(),
            unchanged: z.number().int(),
            byClass: z.record(z.string(), z.number().int()),
          }),
        },
      },
    },
    async (request) => applySuggestedClasses(app.db, callerOf(request), request.body, contextOf(request)),
  );
};
