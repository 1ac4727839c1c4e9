import { randomUUID } from "node:crypto";
import { type Customer, type CustomerCreate, type CustomerUpdate, ErrorCode } from "@crm/contracts";
import {
  auditLog,
  customerSearchColumns,
  customers,
  type Db,
  type DbOrTx,
  nextCodeCte,
  users,
} from "@crm/db";
import { and, desc, eq, inArray, or, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { auditFrom, type RequestContext, writeAudit } from "../../shared/audit.js";
import { commitWithoutWaitingForFlush, untilDurable } from "../../shared/durable.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { checkVersion, diff } from "../../shared/versioning.js";
import {
  listDefinitions,
  resolveCustomValues,
  uniqueCustomValues,
} from "../custom-fields/custom-fields.service.js";
import { assertDictionaryCodes } from "../dictionaries/dictionaries.service.js";
import { emitEvent, eventCtes } from "../webhooks/webhooks.service.js";
import { findDuplicates } from "./customers.duplicates.js";
import { customerColumns } from "./customers.fields.js";

export { customerColumns };

export type Row = typeof customers.$inferSelect & { ownerName: string | null };

/** A selected row (customerColumns) as the API shows it (field by field: the list's hot path). */
export function present(row: object): Customer {
  const r = row as Row;
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    class: r.class,
    province: r.province,
    city: r.city,
    areaCode: r.areaCode,
    postcode: r.postcode,
    address: r.address,
    phone: r.phone,
    fax: r.fax,
    email: r.email,
    homepage: r.homepage,
    annualRevenue: r.annualRevenue,
    employeeCount: r.employeeCount,
    industry: r.industry,
    source: r.source,
    status: r.status,
    creditRating: r.creditRating,
    creditCode: r.creditCode,
    ownerId: r.ownerId,
    ownerName: r.ownerName,
    letter: r.letter,
    lastContactAt: r.lastContactAt?.toISOString() ?? null,
    mergedIntoId: r.mergedIntoId,
    customFields: r.customFields,
    deleted: r.deletedAt !== null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** A customer within the caller's scope (deleted ones too), or 404 whatever the reason. */
export async function findInScope(db: DbOrTx, caller: Caller, id: string, lock = false) {
  const query = db
    .select()
    .from(customers)
    .where(and(eq(customers.id, id), scopeWhere(caller.scope, customers.ownerId)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

export async function getCustomer(db: DbOrTx, caller: Caller, id: string): Promise<Customer> {
  const [row] = await db
    .select(customerColumns)
    .from(customers)
    .where(and(eq(customers.id, id), scopeWhere(caller.scope, customers.ownerId)));
  if (!row) throw notFound();
  return present(row as Row);
}

/** The owner must be an active user the caller's scope reaches (salespeople: themselves). */
async function assertOwner(db: DbOrTx, caller: Caller, ownerId: string) {
  if (ownerId === caller.userId) return;
  const [owner] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, ownerId), eq(users.disabled, false), scopeWhere(caller.scope, users.id)));
  if (!owner)
    throw new AppError(400, ErrorCode.validation, {
      fields: [{ field: "ownerId", code: "owner_out_of_scope" }],
    });
}

const dictionaryFields = (c: Partial<CustomerCreate>) =>
  ({
    class: ["customer_class", c.class],
    industry: ["industry", c.industry],
    source: ["source", c.source],
    status: ["customer_status", c.status],
    creditRating: ["credit_rating", c.creditRating],
  }) as const;

async function refuseDuplicates(
  db: DbOrTx,
  caller: Caller,
  values: {
    name: string;
    email?: string | null;
    phone?: string | null;
    homepage?: string | null;
    creditCode?: string | null;
  },
  allowDuplicate: boolean,
  excludeId?: string,
) {
  const keys = customerSearchColumns(values);
  const found = await findDuplicates(
    db,
    caller,
    { ...keys, creditCode: values.creditCode, email: values.email },
    excludeId,
  );
  // A credit code is unique outright; the rest a manager may override.
  if (found.some((d) => d.matchedOn.includes("creditCode"))) {
    throw new AppError(409, ErrorCode.duplicateCustomer, {
      fields: [{ field: "creditCode", code: "credit_code_taken" }],
      extensions: { duplicates: found },
    });
  }
  if (found.length && !(allowDuplicate && caller.permissions.has("customer:merge"))) {
    throw new AppError(409, ErrorCode.duplicateCustomer, { extensions: { duplicates: found } });
  }
}

/**
 * A customer with the next code of its class (`{class}类-{seq}`: consecutive, never reused). The
 * checks only read; then one statement takes the class's counter and writes the customer, its
 * audit and its event, all or nothing. Every create of the class queues on that counter's row, so
 * it is held by that statement alone, committed by the server without a round trip back to this
 * process (which may be busy with other requests), and not through the disk flush either
 * (shared/durable.ts): the answer waits for that instead. A unique custom field needs its lock
 * held from the check to the commit: such a create writes the same statement in a transaction.
 */
export async function createCustomer(
  db: Db,
  caller: Caller,
  input: CustomerCreate,
  options: { allowDuplicate: boolean },
  ctx: RequestContext,
): Promise<Customer> {
  await assertDictionaryCodes(db, dictionaryFields(input));
  const ownerId = input.ownerId ?? caller.userId;
  await assertOwner(db, caller, ownerId);
  await refuseDuplicates(db, caller, input, options.allowDuplicate);
  const { customFields: customInput, ...fields } = input;
  const definitions = await listDefinitions(db, "customer");
  const id = randomUUID();
  const write = async (q: DbOrTx) => {
    const custom = await resolveCustomValues(q, "customer", customInput ?? {}, null, null, definitions);
    const code = sql`(select code from customer_code)`;
    const insert = q.insert(customers).values({
      ...fields,
      id,
      customFields: custom.values,
      ownerId,
      code,
      createdBy: caller.userId,
      ...customerSearchColumns(input),
    });
    const changes = { ...diff({}, { ...fields, ownerId }), ...custom.changes };
    await q.execute(sql`with
      ${nextCodeCte("customer_code", `customer:${input.class}`, `${input.class}类-`)},
      customer_row as (${insert.getSQL()}),
      customer_audit as (${auditFrom(
        ctx,
        {
          action: "create",
          entityType: "customer",
          entityId: id,
          actorId: caller.userId,
          actorName: caller.displayName,
          changes: sql`${JSON.stringify(changes)}::jsonb || jsonb_build_object('code', jsonb_build_object('before', null, 'after', c.code))`,
        },
        sql`customer_code c`,
      )}),
      ${eventCtes(
        "customer.created",
        sql`jsonb_build_object('id', ${id}::text, 'code', ${code}, 'name', ${input.name}::text, 'ownerId', ${ownerId}::text)`,
      )}
      select ${commitWithoutWaitingForFlush}`);
  };
  if (definitions.some((d) => d.unique && customInput?.[d.key] !== undefined)) await db.transaction(write);
  else await write(db);
  await untilDurable(db);
  return getCustomer(db, caller, id);
}

export async function updateCustomer(
  db: Db,
  caller: Caller,
  id: string,
  input: CustomerUpdate,
  options: { allowDuplicate: boolean; expectedVersion: number | undefined },
  ctx: RequestContext,
): Promise<Customer> {
  await db.transaction(async (tx) => {
    const current = await findInScope(tx, caller, id, true);
    if (current.deletedAt) throw new AppError(409, ErrorCode.gone);
    checkVersion(options.expectedVersion, current.version);
    await assertDictionaryCodes(tx, dictionaryFields(input));
    if (input.ownerId && input.ownerId !== current.ownerId) await assertOwner(tx, caller, input.ownerId);
    const { customFields: customInput, ...fields } = input;
    const custom = await resolveCustomValues(tx, "customer", customInput, current.customFields, id);
    const changes = { ...diff(current as unknown as Record<string, unknown>, fields), ...custom.changes };
    if (Object.keys(changes).length === 0) return;
    const next = { ...current, ...fields };
    if (["name", "email", "phone", "homepage", "creditCode"].some((k) => k in changes)) {
      await refuseDuplicates(tx, caller, next, options.allowDuplicate, id);
    }
    await tx
      .update(customers)
      .set({
        ...fields,
        customFields: custom.values,
        ...customerSearchColumns(next),
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(customers.id, id));
    await writeAudit(tx, ctx, {
      action: "update",
      entityType: "customer",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
    });
    await emitEvent(tx, "customer.updated", { id, code: current.code, changed: Object.keys(changes) });
  });
  return getCustomer(db, caller, id);
}

/** Soft delete into the recycle bin, and back. Contacts stay attached and return with it. */
export async function setCustomerDeleted(
  db: Db,
  caller: Caller,
  id: string,
  deleted: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
): Promise<Customer> {
  await db.transaction(async (tx) => {
    const current = await findInScope(tx, caller, id, true);
    checkVersion(expectedVersion, current.version);
    if ((current.deletedAt !== null) === deleted) return;
    if (!deleted && current.mergedIntoId)
      throw new AppError(409, ErrorCode.conflict, { detail: "restore_merged" });
    if (!deleted) {
      await refuseDuplicates(tx, caller, current, true, id);
      await uniqueCustomValues(tx, "customer", current.customFields, id);
    }
    await tx
      .update(customers)
      .set({
        deletedAt: deleted ? new Date() : null,
        deletedBy: deleted ? caller.userId : null,
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(customers.id, id));
    await writeAudit(tx, ctx, {
      action: deleted ? "delete" : "restore",
      entityType: "customer",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { deleted: { before: !deleted, after: deleted } },
    });
    if (deleted) await emitEvent(tx, "customer.deleted", { id, code: current.code });
  });
  return getCustomer(db, caller, id);
}

/** Everything that happened to a customer and its contacts, newest first. */
export async function timeline(db: DbOrTx, caller: Caller, id: string) {
  await findInScope(db, caller, id);
  const rows = await db
    .select()
    .from(auditLog)
    .where(
      or(
        and(eq(auditLog.entityType, "customer"), eq(auditLog.entityId, id)),
        and(
          inArray(auditLog.entityType, [
            "contact",
            "contact_record",
            "care_record",
            "task",
            "event",
            "order",
            "transaction",
            "feedback",
            "payment",
            "collection_action",
          ]),
          sql`${auditLog.detail} ? 'customerId'`,
          sql`${auditLog.detail}->>'customerId' = ${id}`,
        ),
      ),
    )
    .orderBy(desc(auditLog.seq))
    .limit(200);
  return rows.map((r) => ({
    at: r.at.toISOString(),
    kind: `${r.entityType}.${r.action}`,
    title:
      r.entityType === "customer"
        ? ""
        : String(
            (r.detail as { name?: string; title?: string } | null)?.title ??
              (r.detail as { name?: string })?.name ??
              "",
          ),
    actorName: r.actorName,
    changes: r.changes,
  }));
}
