import { createHmac, randomBytes } from "node:crypto";
import { ErrorCode } from "@crm/contracts";
import { type Db, type DbOrTx, outboxEvents, webhookDeliveries, webhookSubscriptions } from "@crm/db";
import { and, desc, eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger } from "fastify";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { AppError, notFound } from "../../shared/errors.js";

/** The events integrations may subscribe to. */
export const WEBHOOK_EVENTS = [
  "customer.created",
  "customer.updated",
  "customer.deleted",
  "customer.merged",
  "order.signed",
  "order.delivered",
  "payment.received",
  "feedback.created",
  "feedback.closed",
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * Writes an event to the outbox, and a pending delivery for each subscription that wants it, in
 * the caller's transaction: a rolled-back change sends nothing, a committed one is never lost.
 */
export async function emitEvent(tx: DbOrTx, type: WebhookEvent, data: Record<string, unknown>) {
  const [event] = await tx
    .insert(outboxEvents)
    .values({ type, payload: data })
    .returning({ id: outboxEvents.id });
  await tx.execute(sql`
    insert into ${webhookDeliveries} (subscription_id, event_id)
    select id, ${event!.id} from ${webhookSubscriptions}
    where active = 1 and ${type} = any(events)`);
}

/** `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>" with the subscription's secret>` */
export function signature(secret: string, timestamp: number, body: string) {
  return `t=${timestamp},v1=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

const MAX_ATTEMPTS = 8;

/**
 * Sends due deliveries (claimed with SKIP LOCKED, so several API processes share the work),
 * retrying failures with exponential backoff: 10 s, 20 s, 40 s … up to MAX_ATTEMPTS.
 */
export async function dispatchDue(db: Db, log: FastifyBaseLogger, batch = 20): Promise<number> {
  const due = await db.transaction(async (tx) => {
    const rows = await tx.execute<{ id: string }>(sql`
      select id from ${webhookDeliveries} where status = 'pending' and next_attempt_at <= now()
      order by next_attempt_at limit ${batch} for update skip locked`);
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
  if (!row) return;
  const body = JSON.stringify({
    id: row.e.eventId,
    type: row.e.type,
    createdAt: row.e.createdAt.toISOString(),
    data: row.e.payload,
  });
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
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    dispatchDue(db, log)
      .catch((err: unknown) => log.error({ err }, "webhook dispatcher"))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

// Subscriptions --------------------------------------------------------------------------------

const presentSubscription = (s: typeof webhookSubscriptions.$inferSelect) => ({
  id: s.id,
  url: s.url,
  events: s.events,
  active: s.active === 1,
  description: s.description,
  createdAt: s.createdAt.toISOString(),
});

export async function listSubscriptions(db: DbOrTx) {
  return (await db.select().from(webhookSubscriptions).orderBy(desc(webhookSubscriptions.createdAt))).map(
    presentSubscription,
  );
}

export async function createSubscription(
  db: Db,
  caller: Caller,
  input: { url: string; events: string[]; description?: string | null | undefined },
  ctx: RequestContext,
) {
  const secret = `whsec_${randomBytes(24).toString("base64url")}`;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        url: input.url,
        events: input.events,
        description: input.description ?? null,
        secret,
        createdBy: caller.userId,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "webhook",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { url: input.url, events: input.events },
    });
    return { ...presentSubscription(row!), secret };
  });
}

export async function setSubscriptionActive(
  db: Db,
  caller: Caller,
  id: string,
  active: boolean,
  ctx: RequestContext,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookSubscriptions)
      .set({ active: active ? 1 : 0 })
      .where(eq(webhookSubscriptions.id, id))
      .returning();
    if (!row) throw notFound();
    await writeAudit(tx, ctx, {
      action: active ? "enable" : "disable",
      entityType: "webhook",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
    });
    return presentSubscription(row);
  });
}

export async function listDeliveries(db: DbOrTx, subscriptionId: string) {
  const rows = await db
    .select({ d: webhookDeliveries, type: outboxEvents.type, eventId: outboxEvents.eventId })
    .from(webhookDeliveries)
    .innerJoin(outboxEvents, eq(outboxEvents.id, webhookDeliveries.eventId))
    .where(eq(webhookDeliveries.subscriptionId, subscriptionId))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.d.id,
    eventId: r.eventId,
    type: r.type,
    status: r.d.status as "pending" | "succeeded" | "failed",
    attempts: r.d.attempts,
    lastStatusCode: r.d.lastStatusCode,
    lastError: r.d.lastError,
    nextAttemptAt: r.d.nextAttemptAt.toISOString(),
    deliveredAt: r.d.deliveredAt?.toISOString() ?? null,
    createdAt: r.d.createdAt.toISOString(),
  }));
}

/** Sends a delivery again now (whatever its state): a new attempt, logged like the others. */
export async function redeliver(db: Db, subscriptionId: string, deliveryId: string) {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: new Date() })
    .where(and(eq(webhookDeliveries.id, deliveryId), eq(webhookDeliveries.subscriptionId, subscriptionId)))
    .returning({ id: webhookDeliveries.id });
  if (!row) throw new AppError(404, ErrorCode.notFound);
}
