import type {
  CareRecord,
  CareRecordCreate,
  CareRecordUpdate,
  ContactRecord,
  ContactRecordCreate,
  ContactRecordUpdate,
} from "@crm/contracts";
import { careRecords, contactRecords, contacts, customers, type Db } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { diff } from "../../shared/versioning.js";
import { assertDictionaryCodes } from "../dictionaries/dictionaries.service.js";
import { assertContact, assertCustomer, syncShares } from "./activities.access.js";
import { getActivity, lockForWrite, type Resource } from "./activities.resource.js";

const contactName = (column: typeof contactRecords.contactId | typeof careRecords.contactId) =>
  sql<string | null>`(select ${contacts.name} from ${contacts} where ${contacts.id} = ${column})`;

const summary = (s: unknown) => String(s ?? "").slice(0, 30);

type Access = "ownerId" | "ownerName" | "sharedWith" | "readOnly" | "createdAt" | "updatedAt" | "version";

export const contactRecordResource: Resource<typeof contactRecords, Omit<ContactRecord, Access>> = {
  type: "contact_record",
  table: contactRecords,
  when: contactRecords.occurredAt,
  whenKind: "timestamp",
  order: "desc",
  search: (like) => sql`(${contactRecords.content} ilike ${like} or ${contactRecords.result} ilike ${like})`,
  present: (r) => ({
    id: r.id as string,
    customerId: r.customerId as string,
    customerName: (r.customerName as string) ?? "",
    contactId: (r.contactId as string | null) ?? null,
    contactName: (r.contactName as string | null) ?? null,
    occurredAt: (r.occurredAt as Date).toISOString(),
    channel: r.channel as ContactRecord["channel"],
    content: r.content as string,
    result: (r.result as string | null) ?? null,
    nextFollowUpOn: (r.nextFollowUpOn as string | null) ?? null,
  }),
  title: (r) => `联系记录:${summary(r.content)}`,
  link: (id) => `/relationship/records/${id}`,
  extra: { contactName: contactName(contactRecords.contactId) },
};

export const careRecordResource: Resource<typeof careRecords, Omit<CareRecord, Access>> = {
  type: "care_record",
  table: careRecords,
  when: careRecords.careDate,
  whenKind: "date",
  order: "desc",
  search: (like) => sql`${careRecords.content} ilike ${like}`,
  present: (r) => ({
    id: r.id as string,
    customerId: r.customerId as string,
    customerName: (r.customerName as string) ?? "",
    contactId: (r.contactId as string | null) ?? null,
    contactName: (r.contactName as string | null) ?? null,
    careDate: r.careDate as string,
    kind: r.kind as CareRecord["kind"],
    content: r.content as string,
  }),
  title: (r) => `关怀记录:${summary(r.content)}`,
  link: (id) => `/relationship/care/${id}`,
  extra: { contactName: contactName(careRecords.contactId) },
};

/**
 * Records a contact with a customer: the customer's last-contact time moves forward (never back),
 * and its status changes too when asked, in the same transaction, audited on both.
 */
export async function createContactRecord(
  db: Db,
  caller: Caller,
  input: ContactRecordCreate,
  ctx: RequestContext,
) {
  const id = await db.transaction(async (tx) => {
    const customer = await assertCustomer(tx, caller, input.customerId);
    // The customer row locked before the insert: its foreign key takes a share lock on it first,
    // and two records of one customer upgrading that lock at once deadlocked.
    const [before] = await tx
      .select({ status: customers.status })
      .from(customers)
      .where(eq(customers.id, input.customerId))
      .for("update");
    if (input.contactId) await assertContact(tx, caller, input.contactId, input.customerId);
    if (input.customerStatus)
      await assertDictionaryCodes(tx, { customerStatus: ["customer_status", input.customerStatus] });
    const occurredAt = new Date(input.occurredAt);
    const [row] = await tx
      .insert(contactRecords)
      .values({
        customerId: input.customerId,
        contactId: input.contactId ?? null,
        ownerId: caller.userId,
        occurredAt,
        channel: input.channel,
        content: input.content,
        result: input.result ?? null,
        nextFollowUpOn: input.nextFollowUpOn ?? null,
      })
      .returning({ id: contactRecords.id });
    const recordId = row!.id;
    const statusChanges = input.customerStatus && input.customerStatus !== before?.status;
    await tx
      .update(customers)
      .set({
        lastContactAt: sql`greatest(${customers.lastContactAt}, ${occurredAt})`,
        ...(statusChanges
          ? { status: input.customerStatus, version: sql`${customers.version} + 1`, updatedAt: new Date() }
          : {}),
      })
      .where(eq(customers.id, input.customerId));
    if (statusChanges) {
      await writeAudit(tx, ctx, {
        action: "update",
        entityType: "customer",
        entityId: input.customerId,
        actorId: caller.userId,
        actorName: caller.displayName,
        changes: { status: { before: before?.status ?? null, after: input.customerStatus } },
        detail: { via: "contact_record", recordId },
      });
    }
    await syncShares(tx, caller, "contact_record", recordId, input.sharedWith, {
      title: `${customer.name} 的联系记录`,
      link: contactRecordResource.link(recordId),
    });
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "contact_record",
      entityId: recordId,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff(
        {},
        { channel: input.channel, content: input.content, nextFollowUpOn: input.nextFollowUpOn },
      ),
      detail: { customerId: input.customerId, title: contactRecordResource.title(input) },
    });
    return recordId;
  });
  return getActivity(db, caller, contactRecordResource, id);
}

export async function updateContactRecord(
  db: Db,
  caller: Caller,
  id: string,
  input: ContactRecordUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockForWrite(tx, caller, contactRecordResource, id, expectedVersion);
    if (input.contactId) await assertContact(tx, caller, input.contactId, current.customerId as string);
    const { sharedWith, occurredAt, ...rest } = input;
    const values = { ...rest, ...(occurredAt ? { occurredAt: new Date(occurredAt) } : {}) };
    const changes = diff(current, values);
    const shares = await syncShares(tx, caller, "contact_record", id, sharedWith, {
      title: contactRecordResource.title(current),
      link: contactRecordResource.link(id),
    });
    if (!Object.keys(changes).length && !shares.added.length && !shares.removed.length) return;
    await tx
      .update(contactRecords)
      .set({ ...values, version: sql`${contactRecords.version} + 1`, updatedAt: new Date() })
      .where(eq(contactRecords.id, id));
    if (values.occurredAt)
      await tx
        .update(customers)
        .set({ lastContactAt: sql`greatest(${customers.lastContactAt}, ${values.occurredAt})` })
        .where(eq(customers.id, current.customerId as string));
    await writeAudit(tx, ctx, {
      action: "update",
      entityType: "contact_record",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { ...changes, ...shareChanges(shares) },
      detail: { customerId: current.customerId as string, title: contactRecordResource.title(current) },
    });
  });
  return getActivity(db, caller, contactRecordResource, id);
}

export async function createCareRecord(db: Db, caller: Caller, input: CareRecordCreate, ctx: RequestContext) {
  const id = await db.transaction(async (tx) => {
    const customer = await assertCustomer(tx, caller, input.customerId);
    if (input.contactId) await assertContact(tx, caller, input.contactId, input.customerId);
    const [row] = await tx
      .insert(careRecords)
      .values({
        customerId: input.customerId,
        contactId: input.contactId ?? null,
        ownerId: caller.userId,
        careDate: input.careDate,
        kind: input.kind,
        content: input.content,
      })
      .returning({ id: careRecords.id });
    await syncShares(tx, caller, "care_record", row!.id, input.sharedWith, {
      title: `${customer.name} 的关怀记录`,
      link: careRecordResource.link(row!.id),
    });
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "care_record",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff({}, { kind: input.kind, careDate: input.careDate, content: input.content }),
      detail: { customerId: input.customerId, title: careRecordResource.title(input) },
    });
    return row!.id;
  });
  return getActivity(db, caller, careRecordResource, id);
}

export async function updateCareRecord(
  db: Db,
  caller: Caller,
  id: string,
  input: CareRecordUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const current = await lockForWrite(tx, caller, careRecordResource, id, expectedVersion);
    if (input.contactId) await assertContact(tx, caller, input.contactId, current.customerId as string);
    const { sharedWith, ...values } = input;
    const changes = diff(current, values);
    const shares = await syncShares(tx, caller, "care_record", id, sharedWith, {
      title: careRecordResource.title(current),
      link: careRecordResource.link(id),
    });
    if (!Object.keys(changes).length && !shares.added.length && !shares.removed.length) return;
    await tx
      .update(careRecords)
      .set({ ...values, version: sql`${careRecords.version} + 1`, updatedAt: new Date() })
      .where(eq(careRecords.id, id));
    await writeAudit(tx, ctx, {
      action: "update",
      entityType: "care_record",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { ...changes, ...shareChanges(shares) },
      detail: { customerId: current.customerId as string, title: careRecordResource.title(current) },
    });
  });
  return getActivity(db, caller, careRecordResource, id);
}

export const shareChanges = (s: {
  added: string[];
  removed: string[];
}): Record<string, { before: unknown; after: unknown }> =>
  s.added.length || s.removed.length ? { sharedWith: { before: s.removed, after: s.added } } : {};
