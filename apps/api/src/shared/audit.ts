import { auditLog, type DbOrTx } from "@crm/db";
import { SQL, sql } from "drizzle-orm";
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

/**
 * writeAudit inside a statement that makes the change: one audit row per row of `source` (a
 * common table expression of that statement), so the change and its audit cost one round trip.
 * `entityId`, `changes` and `detail` may be SQL over the source's columns.
 */
export function auditFrom(
  ctx: RequestContext,
  entry: Omit<AuditEntry, "entityId" | "changes" | "detail"> & {
    entityId: string | SQL;
    changes?: AuditEntry["changes"] | SQL;
    detail?: AuditEntry["detail"] | SQL;
  },
  source: SQL,
): SQL {
  const json = (v: Record<string, unknown> | SQL | null | undefined) =>
    v === null || v === undefined
      ? sql`null::jsonb`
      : v instanceof SQL
        ? v
        : sql`${JSON.stringify(v)}::jsonb`;
  return sql`insert into ${auditLog} (actor_id, actor_name, action, entity_type, entity_id, ip, request_id, changes, detail)
    select ${entry.actorId ?? null}::uuid, ${entry.actorName ?? null}::text, ${entry.action}::text,
      ${entry.entityType}::text, (${entry.entityId})::text, ${ctx.ip}::text, ${ctx.requestId}::text,
      ${json(entry.changes)}, ${json(entry.detail)}
    from ${source}`;
}
