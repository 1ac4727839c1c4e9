import {
  ErrorCode,
  FEEDBACK_OVERDUE_HOURS,
  type Feedback,
  type FeedbackCreate,
  type FeedbackQuery,
  type FeedbackUpdate,
} from "@crm/contracts";
import { contacts, customers, type Db, type DbOrTx, feedback, products, returnVisits, users } from "@crm/db";
import { and, desc, eq, gte, isNotNull, isNull, lte, or, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { shanghaiDate } from "../../shared/days.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { containing, displayNameOf, yearlyNumber } from "../../shared/sql.js";
import { checkVersion, diff } from "../../shared/versioning.js";
import { assertContact, assertCustomer, notify } from "../activities/activities.access.js";
import { assertDictionaryCodes } from "../dictionaries/dictionaries.service.js";
import { emitEvent } from "../webhooks/webhooks.service.js";

const bad = (field: string, code: string) =>
  new AppError(400, ErrorCode.validation, { fields: [{ field, code }] });
const link = (id: string) => `/feedback/${id}`;

/**
 * Who reaches a feedback: its customer is in the caller's scope, or the caller handles it or
 * recorded it (a handler from another department still sees what was assigned to them).
 */
export function visible(caller: Caller): SQL | undefined {
  const customerScope = scopeWhere(caller.scope, customers.ownerId);
  if (customerScope === undefined) return undefined;
  return or(customerScope, eq(feedback.handlerId, caller.userId), eq(feedback.createdBy, caller.userId));
}

const overdueSql = sql<boolean>`(${feedback.status} <> 'closed' and ${feedback.createdAt} < now() - make_interval(hours => (case ${feedback.type} ${sql.join(
  Object.entries(FEEDBACK_OVERDUE_HOURS).map(([t, h]) => sql`when ${t} then ${h}::int`),
  sql` `,
)} else 72 end)))`;

const columns = {
  f: feedback,
  customerName: customers.name,
  contactName: sql<
    string | null
  >`(select ${contacts.name} from ${contacts} where ${contacts.id} = ${feedback.contactId})`,
  productName: sql<
    string | null
  >`(select ${products.name} from ${products} where ${products.id} = ${feedback.productId})`,
  handlerName: displayNameOf(feedback.handlerId),
  createdByName: displayNameOf(feedback.createdBy),
  overdue: overdueSql,
};

const minutes = (from: Date, to: Date | null) =>
  to ? Math.round((to.getTime() - from.getTime()) / 60_000) : null;

type Row = Awaited<ReturnType<typeof select>>[number];
const select = (db: DbOrTx, where: SQL | undefined) =>
  db.select(columns).from(feedback).innerJoin(customers, eq(customers.id, feedback.customerId)).where(where);

function present(r: Row): Feedback {
  const f = r.f;
  return {
    id: f.id,
    number: f.number,
    subject: f.subject,
    occurredOn: f.occurredOn,
    customerId: f.customerId,
    customerName: r.customerName,
    contactId: f.contactId,
    contactName: r.contactName,
    productId: f.productId,
    productName: r.productName,
    type: f.type as Feedback["type"],
    priority: f.priority as Feedback["priority"],
    description: f.description,
    handlerId: f.handlerId,
    handlerName: r.handlerName,
    status: f.status as Feedback["status"],
    closed: f.status === "closed",
    resolution: f.resolution,
    technicalNotes: f.technicalNotes,
    endDate: f.endDate,
    firstResponseAt: f.firstResponseAt?.toISOString() ?? null,
    closedAt: f.closedAt?.toISOString() ?? null,
    responseMinutes: minutes(f.createdAt, f.firstResponseAt),
    resolutionMinutes: minutes(f.createdAt, f.closedAt),
    overdue: Boolean(r.overdue),
    reopenCount: f.reopenCount,
    createdByName: r.createdByName,
    deleted: f.deletedAt !== null,
    createdAt: f.createdAt.toISOString(),
    updatedAt: f.updatedAt.toISOString(),
    version: f.version,
  };
}

export async function getFeedback(db: DbOrTx, caller: Caller, id: string) {
  const [row] = await select(db, and(eq(feedback.id, id), visible(caller)));
  if (!row) throw notFound();
  return present(row);
}

export async function listFeedback(db: DbOrTx, caller: Caller, q: FeedbackQuery) {
  const after = decodeCursor(q.cursor, 2);
  const text = q.q ? containing(q.q) : null;
  const rows = await select(
    db,
    and(
      visible(caller),
      q.deleted === "true" ? isNotNull(feedback.deletedAt) : isNull(feedback.deletedAt),
      text
        ? or(
            sql`${feedback.subject} ilike ${text}`,
            sql`${feedback.number} ilike ${text}`,
            sql`${customers.name} ilike ${text}`,
          )
        : undefined,
      q.type ? eq(feedback.type, q.type) : undefined,
      q.status ? eq(feedback.status, q.status) : undefined,
      q.handlerId ? eq(feedback.handlerId, q.handlerId) : undefined,
      q.customerId ? eq(feedback.customerId, q.customerId) : undefined,
      q.productId ? eq(feedback.productId, q.productId) : undefined,
      q.from ? gte(feedback.occurredOn, q.from) : undefined,
      q.to ? lte(feedback.occurredOn, q.to) : undefined,
      q.overdue ? overdueSql : undefined,
      after
        ? sql`(${feedback.createdAt}, ${feedback.id}) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`
        : undefined,
    ),
  )
    .orderBy(desc(feedback.createdAt), desc(feedback.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.f.createdAt.toISOString(), r.f.id]);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

/** The product must exist (and be live); the contact must belong to the customer. */
async function checkRefs(
  tx: DbOrTx,
  caller: Caller,
  refs: {
    type?: string | undefined;
    customerId: string;
    contactId?: string | null | undefined;
    productId?: string | null | undefined;
    handlerId?: string | null | undefined;
  },
) {
  await assertCustomer(tx, caller, refs.customerId);
  if (refs.type) await assertDictionaryCodes(tx, { type: ["feedback_type", refs.type] });
  if (refs.contactId) await assertContact(tx, caller, refs.contactId, refs.customerId);
  if (refs.productId) {
    const [p] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, refs.productId), isNull(products.deletedAt)));
    if (!p) throw bad("productId", "not_found_ref");
  }
  if (refs.handlerId) {
    const [h] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, refs.handlerId), eq(users.disabled, false)));
    if (!h) throw bad("handlerId", "not_found_ref");
  }
}

const audit = (
  tx: DbOrTx,
  ctx: RequestContext,
  caller: Caller,
  f: { id: string; customerId: string; subject: string },
  action: string,
  changes: Record<string, { before: unknown; after: unknown }> | null,
) =>
  writeAudit(tx, ctx, {
    action,
    entityType: "feedback",
    entityId: f.id,
    actorId: caller.userId,
    actorName: caller.displayName,
    changes,
    detail: { customerId: f.customerId, title: `服务反馈:${f.subject}` },
  });

export async function createFeedback(db: Db, caller: Caller, input: FeedbackCreate, ctx: RequestContext) {
  const id = await db.transaction(async (tx) => {
    await checkRefs(tx, caller, input);
    const number = await yearlyNumber(tx, "FK", "feedback");
    const [row] = await tx
      .insert(feedback)
      .values({
        number,
        subject: input.subject,
        occurredOn: input.occurredOn,
        customerId: input.customerId,
        contactId: input.contactId ?? null,
        productId: input.productId ?? null,
        type: input.type,
        priority: input.priority ?? "normal",
        description: input.description ?? null,
        handlerId: input.handlerId ?? null,
        endDate: input.endDate ?? null,
        technicalNotes: input.technicalNotes ?? null,
        createdBy: caller.userId,
      })
      .returning({ id: feedback.id });
    if (input.handlerId)
      await notify(
        tx,
        [input.handlerId],
        {
          kind: "feedback_assigned",
          title: `${caller.displayName} 给您分派了服务反馈:${input.subject}`,
          link: link(row!.id),
        },
        caller.userId,
      );
    await audit(
      tx,
      ctx,
      caller,
      { id: row!.id, customerId: input.customerId, subject: input.subject },
      "create",
      diff({}, { number, ...input }),
    );
    await emitEvent(tx, "feedback.created", {
      id: row!.id,
      number,
      customerId: input.customerId,
      type: input.type,
    });
    return row!.id;
  });
  return getFeedback(db, caller, id);
}

/**
 * Edits and moves a feedback along: open → in_progress (the first response is timed) → closed
 * (needs a resolution; schedules a return visit for whoever recorded it); closed → open re-opens
 * it and tells its handler.
 */
export async function updateFeedback(
  db: Db,
  caller: Caller,
  id: string,
  input: FeedbackUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [current] = await tx
      .select({ f: feedback })
      .from(feedback)
      .innerJoin(customers, eq(customers.id, feedback.customerId))
      .where(and(eq(feedback.id, id), visible(caller)))
      .for("update", { of: feedback });
    if (!current) throw notFound();
    const f = current.f;
    if (f.deletedAt) throw new AppError(409, ErrorCode.gone);
    checkVersion(expectedVersion, f.version);
    const customerId = input.customerId ?? f.customerId;
    if (input.customerId || input.contactId || input.productId || input.handlerId || input.type)
      await checkRefs(tx, caller, {
        customerId,
        type: input.type,
        contactId: input.contactId === undefined ? f.contactId : input.contactId,
        productId: input.productId,
        handlerId: input.handlerId,
      });
    const values: Partial<typeof feedback.$inferInsert> = { ...input };
    const now = new Date();
    const status = input.status ?? f.status;
    if (status !== f.status) {
      if (status === "closed") {
        const resolution = input.resolution ?? f.resolution;
        if (!resolution) throw bad("resolution", "resolution_required");
        values.closedAt = now;
        values.endDate = input.endDate ?? f.endDate ?? shanghaiDate(now);
        await tx.insert(returnVisits).values({
          feedbackId: id,
          customerId,
          dueOn: shanghaiDate(new Date(now.getTime() + 3 * 86_400_000)),
          assignedTo: f.createdBy ?? caller.userId,
        });
      }
      if (f.status === "closed" && status !== "closed") {
        values.closedAt = null;
        values.reopenCount = f.reopenCount + 1;
        const handler = input.handlerId ?? f.handlerId;
        if (handler)
          await notify(
            tx,
            [handler],
            { kind: "feedback_assigned", title: `服务反馈已重新打开:${f.subject}`, link: link(id) },
            caller.userId,
          );
      }
    }
    if (!f.firstResponseAt && (status !== "open" || input.resolution)) values.firstResponseAt = now;
    if (input.handlerId && input.handlerId !== f.handlerId)
      await notify(
        tx,
        [input.handlerId],
        {
          kind: "feedback_assigned",
          title: `${caller.displayName} 给您分派了服务反馈:${input.subject ?? f.subject}`,
          link: link(id),
        },
        caller.userId,
      );
    const changes = diff(f as unknown as Record<string, unknown>, values as Record<string, unknown>);
    if (!Object.keys(changes).length) return;
    if (status === "closed" && f.status !== "closed")
      await emitEvent(tx, "feedback.closed", {
        id,
        number: f.number,
        customerId,
        resolution: values.resolution ?? f.resolution,
      });
    await tx
      .update(feedback)
      .set({ ...values, version: sql`${feedback.version} + 1`, updatedAt: now })
      .where(eq(feedback.id, id));
    await audit(
      tx,
      ctx,
      caller,
      { id, customerId, subject: input.subject ?? f.subject },
      status === "closed" && f.status !== "closed" ? "close" : "update",
      changes,
    );
  });
  return getFeedback(db, caller, id);
}

export async function setFeedbackDeleted(
  db: Db,
  caller: Caller,
  id: string,
  deleted: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await getFeedback(tx, caller, id);
    checkVersion(expectedVersion, current.version);
    if (current.deleted === deleted) return;
    await tx
      .update(feedback)
      .set({
        deletedAt: deleted ? new Date() : null,
        version: sql`${feedback.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(feedback.id, id));
    await audit(tx, ctx, caller, current, deleted ? "delete" : "restore", null);
  });
  return getFeedback(db, caller, id);
}
