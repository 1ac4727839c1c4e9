import { ErrorCode } from "@crm/contracts";
import { ping } from "@crm/db";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { AppError } from "../../shared/errors.js";

const Health = z.object({ status: z.literal("ok") }).meta({ id: "Health" });
const Ready = z
  .object({ status: z.literal("ready"), database: z.enum(["postgres", "pglite"]) })
  .meta({ id: "Ready" });

/** Liveness and readiness, outside /api/v1 and without authentication (for load balancers). */
export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/health",
    { schema: { tags: ["health"], summary: "The process is alive", response: { 200: Health } } },
    async () => ({ status: "ok" as const }),
  );
  app.get(
    "/ready",
    { schema: { tags: ["health"], summary: "The database answers", response: { 200: Ready } } },
    async (request) => {
      try {
        await ping(app.db);
      } catch (err) {
        request.log.warn({ err }, "readiness check failed");
        throw new AppError(503, ErrorCode.notReady);
      }
      return { status: "ready" as const, database: app.dbHandle.kind };
    },
  );
};
