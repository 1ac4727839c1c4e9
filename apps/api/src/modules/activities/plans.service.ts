import {
  type CalendarEvent,
  ErrorCode,
  type EventCreate,
  type EventUpdate,
  type Task,
  type TaskCreate,
  type TaskUpdate,
} from "@crm/contracts";
import { type Db, events, tasks } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { shanghaiDate } from "../../shared/days.js";
import { AppError } from "../../shared/errors.js";
import { displayNameOf } from "../../shared/sql.js";
import { diff } from "../../shared/versioning.js";
import { assertContact, assertCustomer, assertUserInScope, notify, syncShares } from "./activities.access.js";
import { getActivity, lockForWrite, type Resource } from "./activities.resource.js";
import { shareChanges } from "./records.service.js";

type Access = "ownerId" | "ownerName" | "sharedWith" | "readOnly" | "createdAt" | "updatedAt" | "version";

export const taskResource: Resource<typeof tasks, Omit<Task, Access>> = {
  type: "task",
  table: tasks,
  when: tasks.dueOn,
  whenKind: "date",
  order: "asc",
  search: (like) => sql`(${tasks.title} ilike ${like} or ${tasks.description} ilike ${like})`,
  present: (r) => ({
    id: r.id as string,
    title: r.title as string,
    description: (r.description as string | null) ?? null,
    dueOn: (r.dueOn as string | null) ?? null,
    priority: r.priority as Task["priority"],
    status: r.status as Task["status"],
    overdue: r.status !== "done" && !!r.dueOn && String(r.dueOn) < shanghaiDate(),
    completedAt: (r.completedAt as Date | null)?.toISOString() ?? null,
    customerId: (r.customerId as string | null) ?? null,
    customerName: (r.customerName as string | null) ?? null,
    createdById: (r.createdBy as string | null) ?? null,
    createdByName: (r.createdByName as string | null) ?? null,
  }),
  title: (r) => `任务:${String(r.title ?? "")}`,
  link: (id) => `/relationship/tasks/${id}`,
  extra: {
    createdByName: displayNameOf(tasks.createdBy),
  },
};

export const eventResource: Resource<typeof events, Omit<CalendarEvent, Access>> = {
  type: "event",
  table: events,
  when: events.startsAt,
  whenKind: "timestamp",
  order: "asc",
  search: (like) =>
    sql`(${events.title} ilike ${like} or ${events.location} ilike ${like} or ${events.notes} ilike ${like})`,
  present: (r) => ({
    id: r.id as string,
    title: r.title as string,
    startsAt: (r.startsAt as Date).toISOString(),
    endsAt: (r.endsAt as Date).toISOString(),
    allDay: r.allDay as boolean,
    location: (r.location as string | null) ?? null,
    notes: (r.notes as string | null) ?? null,
    customerId: (r.customerId as string | null) ?? null,
    customerName: (r.customerName as string | null) ?? null,
    contactId: (r.contactId as string | null) ?? null,
    remindMinutesBefore: (r.remindMinutesBefore as number | null) ?? null,
  }),
  title: (r) => `日程:${String(r.title ?? "")}`,
  link: (id) => `/relationship/calendar?event=${id}`,
};

/** A task for the caller or, within their scope, for someone else (who is notified). */
export async function createTask(db: Db, caller: Caller, input: TaskCreate, ctx: RequestContext) {
  const id = await db.transaction(async (tx) => {
    const assignee = input.assigneeId ?? caller.userId;
    await assertUserInScope(tx, caller, assignee, "assigneeId");
    if (input.customerId) await assertCustomer(tx, caller, input.customerId);
    const [row] = await tx
      .insert(tasks)
      .values({
        title: input.title,
        description: input.description ?? null,
        dueOn: input.dueOn ?? null,
        priority: input.priority ?? "normal",
        ownerId: assignee,
        customerId: input.customerId ?? null,
        createdBy: caller.userId,
      })
      .returning({ id: tasks.id });
    const taskId = row!.id;
    await notify(
      tx,
      [assignee],
      {
        kind: "task_assigned",
        title: `${caller.displayName} 给您分配了任务:${input.title}`,
        link: taskResource.link(taskId),
      },
      caller.userId,
    );
    await syncShares(tx, caller, "task", taskId, input.sharedWith, {
      title: taskResource.title(input),
      link: taskResource.link(taskId),
    });
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "task",
      entityId: taskId,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff({}, { title: input.title, dueOn: input.dueOn, assigneeId: assignee }),
      detail: { customerId: input.customerId ?? null, title: taskResource.title(input) },
    });
    return taskId;
  });
  return getActivity(db, caller, taskResource, id);
}

export async function updateTask(
  db: Db,
  caller: Caller,
  id: string,
  input: TaskUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockForWrite(tx, caller, taskResource, id, expectedVersion);
    const { sharedWith, assigneeId, ...fields } = input;
    if (assigneeId && assigneeId !== current.ownerId)
      await assertUserInScope(tx, caller, assigneeId, "assigneeId");
    if (fields.customerId) await assertCustomer(tx, caller, fields.customerId);
    const values = {
      ...fields,
      ...(assigneeId ? { ownerId: assigneeId } : {}),
      ...(fields.status && fields.status !== current.status
        ? { completedAt: fields.status === "done" ? new Date() : null }
        : {}),
    };
    const changes = diff(current, values);
    const shares = await syncShares(tx, caller, "task", id, sharedWith, {
      title: taskResource.title(current),
      link: taskResource.link(id),
    });
    if (!Object.keys(changes).length && !shares.added.length && !shares.removed.length) return;
    await tx
      .update(tasks)
      .set({ ...values, version: sql`${tasks.version} + 1`, updatedAt: new Date() })
      .where(eq(tasks.id, id));
    if (assigneeId && assigneeId !== current.ownerId) {
      await notify(
        tx,
        [assigneeId],
        {
          kind: "task_assigned",
          title: `${caller.displayName} 给您分配了任务:${fields.title ?? String(current.title)}`,
          link: taskResource.link(id),
        },
        caller.userId,
      );
    }
    await writeAudit(tx, ctx, {
      action: "update",
      entityType: "task",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { ...changes, ...shareChanges(shares) },
      detail: {
        customerId: (current.customerId as string | null) ?? null,
        title: taskResource.title(current),
      },
    });
  });
  return getActivity(db, caller, taskResource, id);
}

export async function createEvent(db: Db, caller: Caller, input: EventCreate, ctx: RequestContext) {
  const id = await db.transaction(async (tx) => {
    if (input.customerId) await assertCustomer(tx, caller, input.customerId);
    if (input.contactId) await assertContact(tx, caller, input.contactId, input.customerId ?? null);
    const [row] = await tx
      .insert(events)
      .values({
        title: input.title,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        allDay: input.allDay ?? false,
        location: input.location ?? null,
        notes: input.notes ?? null,
        ownerId: caller.userId,
        customerId: input.customerId ?? null,
        contactId: input.contactId ?? null,
        remindMinutesBefore: input.remindMinutesBefore ?? null,
      })
      .returning({ id: events.id });
    await syncShares(tx, caller, "event", row!.id, input.sharedWith, {
      title: eventResource.title(input),
      link: eventResource.link(row!.id),
    });
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "event",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff({}, { title: input.title, startsAt: input.startsAt, endsAt: input.endsAt }),
      detail: { customerId: input.customerId ?? null, title: eventResource.title(input) },
    });
    return row!.id;
  });
  return getActivity(db, caller, eventResource, id);
}

export async function updateEvent(
  db: Db,
  caller: Caller,
  id: string,
  input: EventUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockForWrite(tx, caller, eventResource, id, expectedVersion);
    const { sharedWith, startsAt, endsAt, ...rest } = input;
    const starts = startsAt ? new Date(startsAt) : (current.startsAt as Date);
    const ends = endsAt ? new Date(endsAt) : (current.endsAt as Date);
    if (ends < starts) {
      throw new AppError(400, ErrorCode.validation, {
        fields: [{ field: "endsAt", code: "ends_before_start" }],
      });
    }
    if (rest.customerId) await assertCustomer(tx, caller, rest.customerId);
    if (rest.contactId)
      await assertContact(
        tx,
        caller,
        rest.contactId,
        rest.customerId ?? (current.customerId as string | null),
      );
    const values = {
      ...rest,
      ...(startsAt ? { startsAt: starts } : {}),
      ...(endsAt ? { endsAt: ends } : {}),
    };
    const changes = diff(current, values);
    const shares = await syncShares(tx, caller, "event", id, sharedWith, {
      title: eventResource.title(current),
      link: eventResource.link(id),
    });
    if (!Object.keys(changes).length && !shares.added.length && !shares.removed.length) return;
    await tx
      .update(events)
      .set({ ...values, version: sql`${events.version} + 1`, updatedAt: new Date() })
      .where(eq(events.id, id));
    await writeAudit(tx, ctx, {
      action: "update",
      entityType: "event",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { ...changes, ...shareChanges(shares) },
      detail: {
        customerId: (current.customerId as string | null) ?? null,
        title: eventResource.title(current),
      },
    });
  });
  return getActivity(db, caller, eventResource, id);
}
