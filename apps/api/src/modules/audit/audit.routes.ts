import { AuditEntry, AuditQuery, page } from "@crm/contracts";
import { auditLog } from "@crm/db";
import { and, desc, eq, gte, lt, lte } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { decodeCursor, pageOf } from "../../shared/cursor.js";

/** The audit trail, read-only: no route writes, edits or deletes it (the database forbids it too). */
export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/audit-log",
    {
      config: { access: { permission: "audit:read" } },
      schema: {
        tags: ["audit"],
        summary: "Browse the audit log, newest first",
        description: "Filter by actor, entity (type and id: a record's own history), action and period.",
        querystring: AuditQuery,
        response: { 200: page(AuditEntry) },
      },
    },
    async (request) => {
      const q = request.query;
      const after = decodeCursor(q.cursor, 1);
      const rows = await app.db
        .select()
        .from(auditLog)
        .where(
          and(
            q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
            q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
            q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
            q.action ? eq(auditLog.action, q.action) : undefined,
            q.from ? gte(auditLog.at, new Date(q.from)) : undefined,
            q.to ? lte(auditLog.at, new Date(q.to)) : undefined,
            after ? lt(auditLog.seq, Number(after[0])) : undefined,
          ),
        )
        .orderBy(desc(auditLog.seq))
        .limit(q.limit + 1);
      const { items, nextCursor } = pageOf(rows, q.limit, (r) => [r.seq]);
      return { items: items.map(({ seq: _seq, ...r }) => ({ ...r, at: r.at.toISOString() })), nextCursor };
    },
  );
};
