import { randomUUID } from "node:crypto";
import { ErrorCode } from "@crm/contracts";
import type { DbHandle } from "@crm/db";
import cookie from "@fastify/cookie";
import multipart from "@fastify/multipart";
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from "fastify";
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from "fastify-type-provider-zod";
import { activityRoutes } from "./modules/activities/activities.routes.js";
import { startSweeper } from "./modules/activities/sweep.service.js";
import { integrationRoutes } from "./modules/api-keys/api-keys.routes.js";
import { auditRoutes } from "./modules/audit/audit.routes.js";
import { authRoutes } from "./modules/auth/auth.routes.js";
import { contactRoutes } from "./modules/contacts/contacts.routes.js";
import { customFieldRoutes } from "./modules/custom-fields/custom-fields.routes.js";
import { customerRoutes } from "./modules/customers/customers.routes.js";
import { compactSearchCounts } from "./modules/customers/customers.search.js";
import { customerIoRoutes } from "./modules/customers/customers-io.routes.js";
import { departmentRoutes } from "./modules/departments/departments.routes.js";
import { dictionaryRoutes } from "./modules/dictionaries/dictionaries.routes.js";
import { feedbackRoutes } from "./modules/feedback/feedback.routes.js";
import { financeRoutes } from "./modules/finance/finance.routes.js";
import { healthRoutes } from "./modules/health/health.routes.js";
import { meRoutes } from "./modules/me/me.routes.js";
import { orderRoutes } from "./modules/orders/orders.routes.js";
import { productRoutes } from "./modules/products/products.routes.js";
import { purchasingRoutes } from "./modules/purchasing/purchasing.routes.js";
import { reportRoutes } from "./modules/reports/reports.routes.js";
import { reportDrillRoutes } from "./modules/reports/reports-drill.routes.js";
import { roleRoutes } from "./modules/roles/roles.routes.js";
import { savedViewRoutes } from "./modules/saved-views/saved-views.routes.js";
import { settingsRoutes } from "./modules/settings/settings.routes.js";
import { userRoutes } from "./modules/users/users.routes.js";
import { startDispatcher } from "./modules/webhooks/webhooks.service.js";
import { accessPlugin } from "./plugins/access.js";
import { corsPlugin } from "./plugins/cors.js";
import { dbPlugin } from "./plugins/db.js";
import { errorsPlugin, sendProblem } from "./plugins/errors.js";
import { idempotencyPlugin } from "./plugins/idempotency.js";
import { openapiPlugin } from "./plugins/openapi.js";
import { rateLimitPlugin } from "./plugins/rate-limit.js";
import { resourceHeadersPlugin } from "./plugins/resource-headers.js";
import { securityHeadersPlugin } from "./plugins/security-headers.js";
import { spaPlugin } from "./plugins/spa.js";
import { textInputPlugin } from "./plugins/text-input.js";
import type { Settings } from "./settings.js";
import { every } from "./shared/every.js";

declare module "fastify" {
  interface FastifyInstance {
    settings: Settings;
  }
}

export interface AppOptions {
  settings: Settings;
  db: DbHandle;
  /** Close the database with the app (the server owns it; tests may share one). */
  ownsDb?: boolean;
  logger?: FastifyServerOptions["logger"];
  trustProxy?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole application without listening, so tests can inject requests. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    // One log line per request (below) instead of Fastify's two ("incoming request", "request
    // completed"): half the serialising and writing at level info.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    requestIdHeader: false,
    genReqId: (req) => {
      const incoming = req.headers["x-request-id"];
      return typeof incoming === "string" && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
    // The router's own refusals (a path with broken percent-encoding such as %ED%A0%80, a path
    // parameter over maxParamLength) come before any hook or error handler: answer them as
    // problem+json too, not as Fastify's plain JSON.
    frameworkErrors: (error, request, reply) => {
      const status = error.statusCode && error.statusCode < 500 ? error.statusCode : 400;
      reply.header("x-request-id", request.id);
      return sendProblem(request, reply, status, ErrorCode.badRequest, { detail: error.message });
    },
  }).withTypeProvider<ZodTypeProvider>();

  // The API speaks JSON only; anything else is 415 rather than a confusing validation error.
  app.removeContentTypeParser("text/plain");
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate("settings", options.settings);

  if (options.logger) {
    app.addHook("onResponse", (request, reply, done) => {
      request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, "request completed");
      done();
    });
  }

  // Cross-cutting plugins first, then the routes.
  await app.register(errorsPlugin);
  await app.register(textInputPlugin);
  await app.register(dbPlugin, { handle: options.db, owned: options.ownsDb ?? false });
  await app.register(corsPlugin, { origins: options.settings.corsOrigins ?? [] });
  await app.register(securityHeadersPlugin);
  await app.register(cookie);
  await app.register(multipart, { limits: { fileSize: 50 * 1024 * 1024, files: 1, fields: 10 } });
  // The access plugin first: its onRoute hook gives authenticated routes their per-caller limit,
  // which the rate-limit plugin's own onRoute hook then applies.
  await app.register(accessPlugin);
  // Counters shared by every API process: Redis (REDIS_URL) or PostgreSQL.
  await app.register(rateLimitPlugin);
  await app.register(idempotencyPlugin);
  await app.register(resourceHeadersPlugin);
  await app.register(openapiPlugin);

  await app.register(healthRoutes, { prefix: "/api" });
  await app.register(
    async (v1) => {
      await v1.register(authRoutes);
      await v1.register(meRoutes);
      await v1.register(departmentRoutes);
      await v1.register(userRoutes);
      await v1.register(roleRoutes);
      await v1.register(auditRoutes);
      await v1.register(dictionaryRoutes);
      await v1.register(settingsRoutes);
      await v1.register(customFieldRoutes);
      await v1.register(customerIoRoutes);
      await v1.register(customerRoutes);
      await v1.register(contactRoutes);
      await v1.register(savedViewRoutes);
      await v1.register(activityRoutes);
      await v1.register(productRoutes);
      await v1.register(orderRoutes);
      await v1.register(purchasingRoutes);
      await v1.register(financeRoutes);
      await v1.register(feedbackRoutes);
      await v1.register(reportRoutes);
      await v1.register(reportDrillRoutes);
      await v1.register(integrationRoutes);
    },
    { prefix: "/api/v1" },
  );

  if (options.settings.webDist) await app.register(spaPlugin, { root: options.settings.webDist });
  if (options.settings.notifySweepMs > 0) {
    const stop = startSweeper(app.db, app.log, options.settings.notifySweepMs);
    app.addHook("onClose", async () => stop());
  }
  // The search counts' deltas folded in every 10 s (totals are exact either way: this keeps the
  // deltas, which every search total sums, few).
  const stopCompactor = every(10_000, app.log, "search count compaction", () => compactSearchCounts(app.db));
  app.addHook("onClose", async () => stopCompactor());
  if (options.settings.webhookPollMs > 0) {
    const stop = startDispatcher(app.db, app.log, options.settings.webhookPollMs);
    app.addHook("onClose", async () => stop());
  }
  return app;
}
