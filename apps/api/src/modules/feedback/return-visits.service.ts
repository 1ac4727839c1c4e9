import { ErrorCode } from "@crm/contracts";
import { customers, type Db, type DbOrTx, feedback, returnVisits } from "@crm/db";
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError, notFound } from "../../shared/errors.js";
import { displayNameOf } from "../../shared/sql.js";
import { visible } from "./feedback.service.js";

/** 回访: scheduled when a feedback closes (see feedback.service), rated 1–5 by customer service. */

const visitColumns = {
  v: returnVisits,
  feedbackSubject: feedback.subject,
  customerName: customers.name,
  assignedToName: displayNameOf(returnVisits.assignedTo),
};
const presentVisit = (r: {
  v: typeof returnVisits.$inferSelect;
  feedbackSubject: string;
  customerName: string;
  assignedToName: string | null;
}) => ({
  id: r.v.id,
  feedbackId: r.v.feedbackId,
  feedbackSubject: r.feedbackSubject,
  customerId: r.v.customerId,
  customerName: r.customerName,
  dueOn: r.v.dueOn,
  assignedToName: r.assignedToName,
  status: r.v.status as "pending" | "done",
  rating: r.v.rating,
  comment: r.v.comment,
  doneAt: r.v.doneAt?.toISOString() ?? null,
});

export async function listReturnVisits(
  db: DbOrTx,
  caller: Caller,
  q: {
    status?: "pending" | "done" | undefined;
    feedbackId?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(q.cursor, 2);
  const rows = await db
    .select(visitColumns)
    .from(returnVisits)
    .innerJoin(feedback, eq(feedback.id, returnVisits.feedbackId))
    .innerJoin(customers, eq(customers.id, returnVisits.customerId))
    .where(
      and(
        or(visible(caller) ?? sql`true`, eq(returnVisits.assignedTo, caller.userId)),
        q.status ? eq(returnVisits.status, q.status) : undefined,
        q.feedbackId ? eq(returnVisits.feedbackId, q.feedbackId) : undefined,
        after
          ? sql`(${returnVisits.dueOn}, ${returnVisits.id}) > (${String(after[0])}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(asc(returnVisits.dueOn), asc(returnVisits.id))
    .limit(q.limit + 1);
  const page = pageOf(rows, q.limit, (r) => [r.v.dueOn, r.v.id]);
  return { items: page.items.map(presentVisit), nextCursor: page.nextCursor };
}

/** Records the customer's satisfaction (1–5) on a return visit; once. */
export async function completeReturnVisit(
  db: Db,
  caller: Caller,
  id: string,
  input: { rating: number; comment?: string | null | undefined },
  ctx: RequestContext,
) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select(visitColumns)
      .from(returnVisits)
      .innerJoin(feedback, eq(feedback.id, returnVisits.feedbackId))
      .innerJoin(customers, eq(customers.id, returnVisits.customerId))
      .where(
        and(
          eq(returnVisits.id, id),
          or(visible(caller) ?? sql`true`, eq(returnVisits.assignedTo, caller.userId)),
        ),
      )
      .for("update", { of: returnVisits });
    if (!row) throw notFound();
    if (row.v.status === "done")
      throw new AppError(409, ErrorCode.conflict, {
        fields: [{ field: "status", code: "return_visit_done" }],
      });
    const [updated] = await tx
      .update(returnVisits)
      .set({
        status: "done",
        rating: input.rating,
        comment: input.comment ?? null,
        doneAt: new Date(),
        doneBy: caller.userId,
      })
      .where(eq(returnVisits.id, id))
      .returning();
    await writeAudit(tx, ctx, {
      action: "return_visit",
      entityType: "feedback",
      entityId: row.v.feedbackId,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { rating: { before: null, after: input.rating } },
      detail: { customerId: row.v.customerId, title: `回访:满意度 ${input.rating}` },
    });
    return presentVisit({ ...row, v: updated! });
  });
}
