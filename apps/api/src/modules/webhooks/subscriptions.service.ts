import { randomBytes } from "node:crypto";
import {
  ErrorCode,
  WEBHOOK_TEST_EVENT,
  type WebhookCreate,
  type WebhookDeliveryStatus,
  type WebhookUpdate,
} from "@crm/contracts";
import { type Db, type DbOrTx, outboxEvents, webhookDeliveries, webhookSubscriptions } from "@crm/db";
import { and, desc, eq, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError, notFound } from "../../shared/errors.js";
import { checkVersion, diff } from "../../shared/versioning.js";
import { eventBody } from "./webhooks.service.js";

type SubscriptionRow = typeof webhookSubscriptions.$inferSelect;
type LastDelivery = { status: WebhookDeliveryStatus; statusCode: number | null; at: string } | null;

const newSecret = () => `whsec_${randomBytes(24).toString("base64url")}`;

const present = (s: SubscriptionRow, lastDelivery: LastDelivery = null) => ({
  id: s.id,
  url: s.url,
  events: s.events,
  active: s.active === 1,
  description: s.description,
  createdAt: s.createdAt.toISOString(),
  deleted: s.deletedAt !== null,
  version: s.version,
  lastDelivery,
});

/** The newest delivery of each subscription (one index range scan each). */
async function lastDeliveries(db: DbOrTx, ids: string[]) {
  if (!ids.length) return new Map<string, LastDelivery>();
  const rows = await db
    .selectDistinctOn([webhookDeliveries.subscriptionId], {
      subscriptionId: webhookDeliveries.subscriptionId,
      status: webhookDeliveries.status,
      statusCode: webhookDeliveries.lastStatusCode,
      deliveredAt: webhookDeliveries.deliveredAt,
      createdAt: webhookDeliveries.createdAt,
    })
    .from(webhookDeliveries)
    .where(inArray(webhookDeliveries.subscriptionId, ids))
    .orderBy(webhookDeliveries.subscriptionId, desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id));
  return new Map<string, LastDelivery>(
    rows.map((r) => [
      r.subscriptionId,
      {
        status: r.status as WebhookDeliveryStatus,
        statusCode: r.statusCode,
        at: (r.deliveredAt ?? r.createdAt).toISOString(),
      },
    ]),
  );
}

export async function listSubscriptions(db: DbOrTx, includeDeleted = false) {
  const rows = await db
    .select()
    .from(webhookSubscriptions)
    .where(includeDeleted ? undefined : isNull(webhookSubscriptions.deletedAt))
    .orderBy(desc(webhookSubscriptions.createdAt));
  const last = await lastDeliveries(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => present(r, last.get(r.id) ?? null));
}

export async function getSubscription(db: DbOrTx, id: string) {
  const [row] = await db.select().from(webhookSubscriptions).where(eq(webhookSubscriptions.id, id));
  if (!row) throw notFound();
  const last = await lastDeliveries(db, [id]);
  return present(row, last.get(id) ?? null);
}

/** A live (not deleted) subscription, locked for a change. */
async function lockLive(tx: DbOrTx, id: string) {
  const [row] = await tx
    .select()
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, id))
    .for("update");
  if (!row || row.deletedAt) throw notFound();
  return row;
}

export async function createSubscription(db: Db, caller: Caller, input: WebhookCreate, ctx: RequestContext) {
  const secret = newSecret();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookSubscriptions)
      .values({
        url: input.url,
        events: input.events,
        description: input.description || null,
        active: input.active === false ? 0 : 1,
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
    return { ...present(row!), secret };
  });
}

/** Edits the URL, events, description or pause state; only what differs is written and audited. */
export async function updateSubscription(
  db: Db,
  caller: Caller,
  id: string,
  input: WebhookUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockLive(tx, id);
    checkVersion(expectedVersion, current.version);
    const before = {
      url: current.url,
      events: current.events,
      description: current.description,
      active: current.active === 1,
    };
    const next = {
      url: input.url,
      events: input.events,
      description: input.description === undefined ? undefined : input.description || null,
      active: input.active,
    };
    const changes = diff(before, next);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(webhookSubscriptions)
      .set({
        url: next.url,
        events: next.events,
        description: next.description,
        active: next.active === undefined ? undefined : next.active ? 1 : 0,
        version: sql`${webhookSubscriptions.version} + 1`,
      })
      .where(eq(webhookSubscriptions.id, id));
    const onlyPause = Object.keys(changes).length === 1 && changes.active;
    await writeAudit(tx, ctx, {
      action: onlyPause ? (next.active ? "enable" : "disable") : "update",
      entityType: "webhook",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
    });
  });
  return getSubscription(db, id);
}

/**
 * Soft delete: no new event reaches the subscription and its pending deliveries wait; restore
 * brings it back as it was (the pending ones are then sent).
 */
export async function setSubscriptionDeleted(
  db: Db,
  caller: Caller,
  id: string,
  deleted: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(webhookSubscriptions)
      .where(eq(webhookSubscriptions.id, id))
      .for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    if ((current.deletedAt !== null) === deleted) return;
    await tx
      .update(webhookSubscriptions)
      .set({ deletedAt: deleted ? new Date() : null, version: sql`${webhookSubscriptions.version} + 1` })
      .where(eq(webhookSubscriptions.id, id));
    await writeAudit(tx, ctx, {
      action: deleted ? "delete" : "restore",
      entityType: "webhook",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { deleted: { before: !deleted, after: deleted } },
    });
  });
  return getSubscription(db, id);
}

/** A new signing secret, in this answer only; the old one stops at once (retries sign with the new one). */
export async function rotateSecret(db: Db, caller: Caller, id: string, ctx: RequestContext) {
  const secret = newSecret();
  await db.transaction(async (tx) => {
    await lockLive(tx, id);
    await tx
      .update(webhookSubscriptions)
      .set({ secret, version: sql`${webhookSubscriptions.version} + 1` })
      .where(eq(webhookSubscriptions.id, id));
    await writeAudit(tx, ctx, {
      action: "rotate_secret",
      entityType: "webhook",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
    });
  });
  return { ...(await getSubscription(db, id)), secret };
}

/** A `webhook.test` event delivered to this subscription only, paused or not, like any other. */
export async function sendTestEvent(db: Db, caller: Caller, id: string) {
  return db.transaction(async (tx) => {
    const subscription = await lockLive(tx, id);
    const [event] = await tx
      .insert(outboxEvents)
      .values({
        type: WEBHOOK_TEST_EVENT,
        payload: { subscriptionId: subscription.id, sentBy: caller.displayName },
      })
      .returning({ id: outboxEvents.id });
    const [delivery] = await tx
      .insert(webhookDeliveries)
      .values({ subscriptionId: id, eventId: event!.id })
      .returning({ id: webhookDeliveries.id });
    return { deliveryId: delivery!.id };
  });
}

/** The delivery log, newest first, a page at a time; a deleted subscription's log stays readable. */
export async function listDeliveries(
  db: DbOrTx,
  subscriptionId: string,
  query: { limit: number; cursor?: string | undefined; status?: WebhookDeliveryStatus | undefined },
) {
  const [subscription] = await db
    .select({ id: webhookSubscriptions.id })
    .from(webhookSubscriptions)
    .where(eq(webhookSubscriptions.id, subscriptionId));
  if (!subscription) throw notFound();
  const after = decodeCursor(query.cursor, 2);
  const where: (SQL | undefined)[] = [eq(webhookDeliveries.subscriptionId, subscriptionId)];
  if (query.status) where.push(eq(webhookDeliveries.status, query.status));
  if (after) {
    const at = new Date(String(after[0]));
    if (Number.isNaN(at.getTime()))
      throw new AppError(400, ErrorCode.validation, {
        fields: [{ field: "cursor", code: "invalid_cursor" }],
      });
    where.push(
      or(
        lt(webhookDeliveries.createdAt, at),
        and(eq(webhookDeliveries.createdAt, at), lt(webhookDeliveries.id, String(after[1]))),
      ),
    );
  }
  const rows = await db
    .select({ d: webhookDeliveries, e: outboxEvents })
    .from(webhookDeliveries)
    .innerJoin(outboxEvents, eq(outboxEvents.id, webhookDeliveries.eventId))
    .where(and(...where))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (r) => [r.d.createdAt.toISOString(), r.d.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ d, e }) => ({
      id: d.id,
      eventId: e.eventId,
      type: e.type,
      status: d.status as WebhookDeliveryStatus,
      attempts: d.attempts,
      lastStatusCode: d.lastStatusCode,
      lastError: d.lastError,
      nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
      createdAt: d.createdAt.toISOString(),
      payload: eventBody(e),
    })),
  };
}

/** Sends a delivery again now (whatever its state): a new attempt, logged like the others. */
export async function redeliver(db: Db, subscriptionId: string, deliveryId: string) {
  const [row] = await db
    .update(webhookDeliveries)
    .set({ status: "pending", nextAttemptAt: new Date() })
    .where(
      and(
        eq(webhookDeliveries.id, deliveryId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
        sql`exists (select 1 from ${webhookSubscriptions} s where s.id = ${subscriptionId} and s.deleted_at is null)`,
      ),
    )
    .returning({ id: webhookDeliveries.id });
  if (!row) throw notFound();
}
