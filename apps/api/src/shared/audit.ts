import { auditLog, type DbOrTx } from "@crm/db";
import type { FastifyRequest } from "fastify";

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  actorId?: string | null;
  actorName?: string | null;
  changes?: Record<string, { before: unknown; after: unknown }> | null;
  detail?: Record<string, unknown> | null;
}

export interface RequestContext {
  ip: string;
  requestId: string;
}

export const contextOf = (request: FastifyRequest): RequestContext => ({
  ip: request.ip,
  requestId: request.id,
});

/** The one audit writer. Pass the transaction of the change so both commit or neither does. */
export async function writeAudit(db: DbOrTx, ctx: RequestContext, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    actorId: entry.actorId ?? null,
    actorName: entry.actorName ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    changes: entry.changes ?? null,
    detail: entry.detail ?? null,
  });
}
