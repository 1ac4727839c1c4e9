import { createHmac } from "node:crypto";
import type { WebhookEvent } from "@crm/contracts";
import { type Db, type DbOrTx, outboxEvents, webhookDeliveries, webhookSubscriptions } from "@crm/db";
import { eq, type SQL, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import { every } from "../../shared/every.js";

/**
 * Writes an event to the outbox, and a pending delivery for each subscription that wants it, in
 * the caller's transaction: a rolled-back change sends nothing, a committed one is never lost.
 */
export async function emitEvent(tx: DbOrTx, type: WebhookEvent, data: Record<string, unknown>) {
  await tx.execute(sql`with ${eventCtes(type, sql`${JSON.stringify(data)}::jsonb`)} select 1`);
}

/**
 * emitEvent as two common table expressions (outbox_event, outbox_deliveries) for the WITH list
 * of a statement that writes the change too; `payload` is jsonb SQL and may use its other CTEs.
 */
export function eventCtes(type: WebhookEvent, payload: SQL): SQL {
  return sql`outbox_event as (
      insert into ${outboxEvents} (type, payload) values (${type}::text, ${payload}) returning id),
    outbox_deliveries as (
      insert into ${webhookDeliveries} (subscription_id, event_id)
      select s.id, e.id from ${webhookSubscriptions} s, outbox_event e
      where s.active = 1 and s.deleted_at is null and ${type}::text = any(s.events))`;
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the subscription's secret>` */
export function signature(secret: string, timestamp: number, body: string) {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** What a delivery POSTs: the same for every attempt of it, and what the delivery log shows. */
export const eventBody = (e: typeof outboxEvents.$inferSelect) => ({
  id: e.eventId,
  type: e.type,
  createdAt: e.createdAt.toISOString(),
  data: e.payload,
});

const MAX_ATTEMPTS = 8;

/**
 * Sends due deliveries (claimed with SKIP LOCKED, so several API processes share the work),
 * retrying failures with exponential backoff: 10 s, 20 s, 40 s … up to MAX_ATTEMPTS.
 */
export async function dispatchDue(db: Db, log: FastifyBaseLogger, batch = 20): Promise<number> {
  const due = await db.transaction(async (tx) => {
    const rows = await tx.execute<{ id: string }>(sql`
      select d.id from ${webhookDeliveries} d
      join ${webhookSubscriptions} s on s.id = d.subscription_id and s.deleted_at is null
      where d.status = 'pending' and d.next_attempt_at <= now()
      order by d.next_attempt_at limit ${batch} for update of d skip locked`);
    const ids = rows.rows.map((r) => r.id);
    if (ids.length)
      // Claim them for a minute, so another process does not send them meanwhile.
      await tx.execute(sql`update ${webhookDeliveries} set next_attempt_at = now() + interval '60 seconds'
        where id = any(${`{${ids.join(",")}}`}::uuid[])`);
    return ids;
  });
  for (const id of due) await deliver(db, id, log);
  return due.length;
}

async function deliver(db: Db, id: string, log: FastifyBaseLogger) {
  const [row] = await db
    .select({ d: webhookDeliveries, s: webhookSubscriptions, e: outboxEvents })
    .from(webhookDeliveries)
    .innerJoin(webhookSubscriptions, eq(webhookSubscriptions.id, webhookDeliveries.subscriptionId))
    .innerJoin(outboxEvents, eq(outboxEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.id, id));
  if (!row || row.s.deletedAt) return;
  const body = JSON.stringify(eventBody(row.e));
  const timestamp = Math.floor(Date.now() / 1000);
  let status: number | null = null;
  let error: string | null = null;
  try {
    const res = await fetch(row.s.url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "user-agent": "crm-webhooks/1",
        "x-crm-event": row.e.type,
        "x-crm-delivery": row.d.id,
        "x-crm-signature": signature(row.s.secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(10_000),
    });
    status = res.status;
    if (!res.ok) error = `HTTP ${res.status}`;
  } catch (err) {
    error = err instanceof Error ? err.message.slice(0, 300) : "failed";
  }
  const attempts = row.d.attempts + 1;
  const done = error === null;
  await db
    .update(webhookDeliveries)
    .set({
      attempts,
      lastStatusCode: status,
      lastError: error,
      status: done ? "succeeded" : attempts >= MAX_ATTEMPTS ? "failed" : "pending",
      deliveredAt: done ? new Date() : null,
      nextAttemptAt: new Date(Date.now() + 10_000 * 2 ** (attempts - 1)),
    })
    .where(eq(webhookDeliveries.id, id));
  if (!done) log.warn({ deliveryId: id, attempts, error }, "webhook delivery failed");
}

/** Runs the dispatcher every `everyMs` until the app closes. */
export function startDispatcher(db: Db, log: FastifyBaseLogger, everyMs: number) {
  return every(everyMs, log, "webhook dispatcher", () => dispatchDue(db, log));
}
