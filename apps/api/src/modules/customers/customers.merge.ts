import { type CustomerMerge, ErrorCode } from "@crm/contracts";
import {
  careRecords,
  collectionActions,
  contactRecords,
  contacts,
  customerMerges,
  customerSearchColumns,
  customers,
  type Db,
  type DbOrTx,
  events,
  feedback,
  orders,
  payments,
  receivables,
  returnVisits,
  tasks,
  transactions,
} from "@crm/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { AppError, notFound } from "../../shared/errors.js";
import { emitEvent } from "../webhooks/webhooks.service.js";
import { CUSTOM_PICK, EDITABLE_FIELDS } from "./customers.fields.js";
import { findInScope, getCustomer } from "./customers.service.js";

/**
 * Every table whose rows belong to a customer and follow it into its survivor (contacts apart:
 * their primary flag needs care). The report aggregates follow through their own triggers.
 */
const FOLLOWERS = {
  contactRecords,
  careRecords,
  events,
  tasks,
  orders,
  transactions,
  receivables,
  payments,
  collectionActions,
  feedback,
  returnVisits,
} as const;
type Follower = keyof typeof FOLLOWERS;
/** What a merge moved, per table: the ids of the rows of each merged customer. */
type MovedRecords = Partial<Record<Follower, Record<string, string[]>>>;

/**
 * Moves the merged customers' records to the survivor; returns which rows came from whom. The
 * customers are locked (FOR UPDATE) by then, so no record of theirs can appear in between.
 */
async function moveRecords(tx: DbOrTx, ids: string[], survivorId: string): Promise<MovedRecords> {
  const moved: MovedRecords = {};
  for (const [name, table] of Object.entries(FOLLOWERS) as [Follower, (typeof FOLLOWERS)[Follower]][]) {
    const rows = await tx
      .select({ id: table.id, from: table.customerId })
      .from(table)
      .where(inArray(table.customerId, ids));
    if (!rows.length) continue;
    await tx.update(table).set({ customerId: survivorId }).where(inArray(table.customerId, ids));
    const byCustomer = new Map<string, string[]>();
    for (const r of rows) {
      const list = byCustomer.get(r.from as string);
      if (list) list.push(r.id);
      else byCustomer.set(r.from as string, [r.id]);
    }
    moved[name] = Object.fromEntries(byCustomer);
  }
  return moved;
}

/** Moves back what `moveRecords` moved (rows added to the survivor since stay with it). */
async function moveRecordsBack(tx: DbOrTx, moved: MovedRecords) {
  for (const [name, byCustomer] of Object.entries(moved) as [Follower, Record<string, string[]>][]) {
    const table = FOLLOWERS[name];
    for (const [customerId, rowIds] of Object.entries(byCustomer)) {
      await tx.update(table).set({ customerId }).where(inArray(table.id, rowIds));
    }
  }
}

const countMoved = (moved: MovedRecords) =>
  Object.fromEntries(
    Object.entries(moved).map(([name, byCustomer]) => [name, Object.values(byCustomer).flat().length]),
  ) as Partial<Record<Follower, number>>;

/** The fields whose value a merge may take from any of the merged customers. */
export const MERGEABLE = EDITABLE_FIELDS;
type Field = (typeof MERGEABLE)[number];

const badField = (field: string, code: string) =>
  new AppError(400, ErrorCode.validation, { fields: [{ field, code }] });

/**
 * Merges customers into a survivor in one transaction: chosen field values move to the survivor,
 * contacts and every record that belongs to a customer (FOLLOWERS) move to it, the merged
 * customers leave the lists (recycle bin, pointing at the survivor). Undoable.
 */
export async function mergeCustomers(db: Db, caller: Caller, input: CustomerMerge, ctx: RequestContext) {
  const ids = [...new Set(input.mergedIds)];
  if (ids.includes(input.survivorId)) throw badField("mergedIds", "merge_survivor_in_list");
  const result = await db.transaction(async (tx) => {
    // Lock in a fixed order so two concurrent merges of the same customers cannot deadlock.
    const all = [input.survivorId, ...ids].sort();
    const rows = new Map<string, typeof customers.$inferSelect>();
    for (const id of all) rows.set(id, await findInScope(tx, caller, id, true));
    for (const row of rows.values()) {
      if (row.deletedAt || row.mergedIntoId) throw new AppError(409, ErrorCode.gone, { detail: row.code });
    }
    const survivor = rows.get(input.survivorId)!;
    const picks: Partial<Record<Field, unknown>> = {};
    const customFields = { ...survivor.customFields };
    let customPicked = false;
    for (const [field, sourceId] of Object.entries(input.fields ?? {})) {
      if (field.startsWith(CUSTOM_PICK)) {
        // A custom field's value travels as it is (deleted when the source has none).
        const source = rows.get(sourceId);
        if (!source) throw badField(`fields.${field}`, "merge_source_unknown");
        const key = field.slice(CUSTOM_PICK.length);
        const value = source.customFields[key];
        if (value === undefined) delete customFields[key];
        else customFields[key] = value;
        customPicked = true;
        continue;
      }
      if (!(MERGEABLE as readonly string[]).includes(field))
        throw badField(`fields.${field}`, "merge_field_unknown");
      const source = rows.get(sourceId);
      if (!source) throw badField(`fields.${field}`, "merge_source_unknown");
      picks[field as Field] = source[field as Field];
    }
    if (picks.province !== undefined || picks.city !== undefined) {
      // Province and city travel together.
      const source = rows.get(input.fields?.city ?? input.fields?.province ?? survivor.id)!;
      picks.province = source.province;
      picks.city = source.city;
    }
    const before: Record<string, unknown> = Object.fromEntries(MERGEABLE.map((f) => [f, survivor[f]]));
    before.customFields = survivor.customFields;
    if (customPicked) (picks as Record<string, unknown>).customFields = customFields;

    // The merged customers leave first, so the survivor may take over their credit code.
    await tx
      .update(customers)
      .set({
        mergedIntoId: survivor.id,
        deletedAt: new Date(),
        deletedBy: caller.userId,
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(inArray(customers.id, ids));
    const next = { ...survivor, ...picks } as typeof survivor;
    const [updated] = await tx
      .update(customers)
      .set({
        ...(picks as Partial<typeof customers.$inferInsert>),
        ...customerSearchColumns(next),
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(customers.id, survivor.id))
      .returning({ version: customers.version });

    const hasPrimary = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(eq(contacts.customerId, survivor.id), eq(contacts.isPrimary, true), isNull(contacts.deletedAt)),
      );
    const moving = await tx
      .select({ id: contacts.id, customerId: contacts.customerId, isPrimary: contacts.isPrimary })
      .from(contacts)
      .where(inArray(contacts.customerId, ids));
    const primaryCleared = hasPrimary.length ? moving.filter((c) => c.isPrimary).map((c) => c.id) : [];
    if (primaryCleared.length) {
      await tx.update(contacts).set({ isPrimary: false }).where(inArray(contacts.id, primaryCleared));
    }
    // Only one of the incoming primaries may stay primary.
    const incomingPrimaries = moving.filter((c) => c.isPrimary && !primaryCleared.includes(c.id));
    for (const extra of incomingPrimaries.slice(1)) {
      await tx.update(contacts).set({ isPrimary: false }).where(eq(contacts.id, extra.id));
      primaryCleared.push(extra.id);
    }
    if (moving.length) {
      await tx.update(contacts).set({ customerId: survivor.id }).where(inArray(contacts.customerId, ids));
    }
    const records = await moveRecords(tx, ids, survivor.id);
    const moved = {
      contacts: moving.map((c) => `${c.id}:${c.customerId}`),
      contactsPrimaryCleared: primaryCleared,
      records,
    };
    const [merge] = await tx
      .insert(customerMerges)
      .values({
        survivorId: survivor.id,
        mergedIds: ids,
        survivorBefore: before,
        survivorVersionAfter: updated!.version,
        moved,
        createdBy: caller.userId,
      })
      .returning({ id: customerMerges.id });
    const changes = Object.fromEntries(
      Object.entries(picks)
        .filter(([f, v]) => JSON.stringify(v) !== JSON.stringify(before[f]))
        .map(([f, v]) => [f, { before: before[f], after: v }]),
    );
    await writeAudit(tx, ctx, {
      action: "merge",
      entityType: "customer",
      entityId: survivor.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
      detail: {
        mergeId: merge!.id,
        merged: ids.map((id) => rows.get(id)!.code),
        contactsMoved: moving.length,
        recordsMoved: countMoved(records),
      },
    });
    for (const id of ids) {
      await writeAudit(tx, ctx, {
        action: "merged_into",
        entityType: "customer",
        entityId: id,
        actorId: caller.userId,
        actorName: caller.displayName,
        detail: { mergeId: merge!.id, survivor: survivor.code },
      });
    }
    await emitEvent(tx, "customer.merged", { survivorId: survivor.id, mergedIds: ids, mergeId: merge!.id });
    return { mergeId: merge!.id, moved: { contacts: moving.length, ...countMoved(records) } };
  });
  return { ...result, survivor: await getCustomer(db, caller, input.survivorId) };
}

/** Undoes a merge if the survivor has not changed since: fields, contacts and customers return. */
export async function undoMerge(db: Db, caller: Caller, mergeId: string, ctx: RequestContext) {
  const survivorId = await db.transaction(async (tx) => {
    const [merge] = await tx
      .select()
      .from(customerMerges)
      .where(eq(customerMerges.id, mergeId))
      .for("update");
    if (!merge) throw notFound();
    const survivor = await findInScope(tx, caller, merge.survivorId, true);
    if (merge.undoneAt) throw new AppError(409, ErrorCode.conflict, { detail: "merge_already_undone" });
    if (survivor.version !== merge.survivorVersionAfter) {
      throw new AppError(409, ErrorCode.conflict, { detail: "merge_survivor_changed" });
    }
    for (const entry of merge.moved.contacts ?? []) {
      const [contactId, customerId] = entry.split(":");
      await tx.update(contacts).set({ customerId }).where(eq(contacts.id, contactId!));
    }
    await moveRecordsBack(tx, (merge.moved.records ?? {}) as MovedRecords);
    if (merge.moved.contactsPrimaryCleared?.length) {
      await tx
        .update(contacts)
        .set({ isPrimary: true })
        .where(inArray(contacts.id, merge.moved.contactsPrimaryCleared));
    }
    const before = merge.survivorBefore as Partial<typeof customers.$inferInsert>;
    await tx
      .update(customers)
      .set({
        ...before,
        ...customerSearchColumns({ ...survivor, ...before } as Parameters<typeof customerSearchColumns>[0]),
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(customers.id, survivor.id));
    // After the survivor gave back what it took (a credit code may only live once).
    await restoreMergedCustomers(tx, merge.mergedIds);
    await tx
      .update(customerMerges)
      .set({ undoneAt: new Date(), undoneBy: caller.userId })
      .where(eq(customerMerges.id, mergeId));
    await writeAudit(tx, ctx, {
      action: "unmerge",
      entityType: "customer",
      entityId: survivor.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { mergeId },
    });
    return survivor.id;
  });
  return getCustomer(db, caller, survivorId);
}

async function restoreMergedCustomers(tx: DbOrTx, ids: string[]) {
  await tx
    .update(customers)
    .set({
      mergedIntoId: null,
      deletedAt: null,
      deletedBy: null,
      version: sql`${customers.version} + 1`,
      updatedAt: new Date(),
    })
    .where(inArray(customers.id, ids));
}
