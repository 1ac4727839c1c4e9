import { IdParams, SAVED_VIEW_RESOURCES, SavedView, SavedViewCreate } from "@crm/contracts";
import { savedViews } from "@crm/db";
import { and, asc, eq } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { notFound } from "../../shared/errors.js";
import { checkVersion, ifMatch } from "../../shared/versioning.js";

const tags = ["saved views"];
const present = (v: typeof savedViews.$inferSelect) => ({
  id: v.id,
  resource: v.resource as (typeof SAVED_VIEW_RESOURCES)[number],
  name: v.name,
  query: v.query as Record<string, string | string[]>,
  columns: v.columns,
  createdAt: v.createdAt.toISOString(),
  version: v.version,
});

/** Each user's own saved list views; nobody else sees or changes them. */
export const savedViewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/saved-views",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The caller's saved views of a list",
        querystring: z.object({ resource: z.enum(SAVED_VIEW_RESOURCES) }),
        response: { 200: z.object({ items: z.array(SavedView) }) },
      },
    },
    async (request) => {
      const rows = await app.db
        .select()
        .from(savedViews)
        .where(
          and(
            eq(savedViews.userId, callerOf(request).userId),
            eq(savedViews.resource, request.query.resource),
          ),
        )
        .orderBy(asc(savedViews.name));
      return { items: rows.map(present) };
    },
  );

  app.post(
    "/saved-views",
    {
      config: { access: "authenticated" },
      schema: { tags, summary: "Save a view", body: SavedViewCreate, response: { 201: SavedView } },
    },
    async (request, reply) => {
      const [row] = await app.db
        .insert(savedViews)
        .values({ ...request.body, columns: request.body.columns ?? null, userId: callerOf(request).userId })
        .returning();
      return reply.status(201).send(present(row!));
    },
  );

  app.delete(
    "/saved-views/:id",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Delete one of your views",
        description: "Honours If-Match (412 on a stale version).",
        params: IdParams,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const expected = ifMatch(request);
      await app.db.transaction(async (tx) => {
        const [view] = await tx
          .select({ version: savedViews.version })
          .from(savedViews)
          .where(and(eq(savedViews.id, request.params.id), eq(savedViews.userId, callerOf(request).userId)))
          .for("update");
        if (!view) throw notFound();
        checkVersion(expected, view.version);
        await tx.delete(savedViews).where(eq(savedViews.id, request.params.id));
      });
      return reply.status(204).send(null);
    },
  );
};
