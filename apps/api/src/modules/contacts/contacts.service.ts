import { type Contact, type ContactCreate, type ContactUpdate, ErrorCode } from "@crm/contracts";
import {
  contacts,
  customers,
  type Db,
  type DbOrTx,
  hasHan,
  ngrams,
  normaliseText,
  queryTokens,
} from "@crm/db";
import { and, desc, eq, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { checkVersion, diff } from "../../shared/versioning.js";
import { resolveCustomValues, uniqueCustomValues } from "../custom-fields/custom-fields.service.js";
import { findInScope } from "../customers/customers.service.js";

const columns = {
  id: contacts.id,
  customerId: contacts.customerId,
  customerName: customers.name,
  name: contacts.name,
  title: contacts.title,
  department: contacts.department,
  mobile: contacts.mobile,
  phone: contacts.phone,
  email: contacts.email,
  wechat: contacts.wechat,
  birthday: contacts.birthday,
  notes: contacts.notes,
  isPrimary: contacts.isPrimary,
  customFields: contacts.customFields,
  deletedAt: contacts.deletedAt,
  createdAt: contacts.createdAt,
  version: contacts.version,
};

type Row = { deletedAt: Date | null; createdAt: Date } & Omit<Contact, "deleted" | "createdAt">;
const present = ({ deletedAt, createdAt, ...rest }: Row): Contact => ({
  ...rest,
  deleted: deletedAt !== null,
  createdAt: createdAt.toISOString(),
});

/** Contacts are reached through their customer: the customer's owner decides the scope. */
const inScope = (caller: Caller) => scopeWhere(caller.scope, customers.ownerId);

function search(raw: string): SQL | undefined {
  const q = normaliseText(raw);
  if (!q) return undefined;
  if (hasHan(q)) {
    const tokens = sql`array[${sql.join(
      queryTokens(q).map((t) => sql`${t}`),
      sql`, `,
    )}]::text[]`;
    return and(sql`${contacts.searchTokens} @> ${tokens}`, sql`strpos(lower(${contacts.name}), ${q}) > 0`);
  }
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql`(${contacts.name} ilike ${like} or ${contacts.mobile} like ${like} or ${contacts.email} ilike ${like})`;
}

export async function listContacts(
  db: DbOrTx,
  caller: Caller,
  query: {
    customerId?: string | undefined;
    q?: string | undefined;
    limit: number;
    cursor?: string | undefined;
  },
) {
  const after = decodeCursor(query.cursor, 2);
  const rows = await db
    .select(columns)
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(
      and(
        inScope(caller),
        isNull(contacts.deletedAt),
        isNull(customers.deletedAt),
        query.customerId ? eq(contacts.customerId, query.customerId) : undefined,
        query.q ? search(query.q) : undefined,
        after
          ? sql`(${contacts.createdAt}, ${contacts.id}) < (${new Date(String(after[0]))}, ${String(after[1])}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(contacts.createdAt), desc(contacts.id))
    .limit(query.limit + 1);
  const page = pageOf(rows as Row[], query.limit, (r) => [r.createdAt.toISOString(), r.id]);
  return { items: page.items.map(present), nextCursor: page.nextCursor };
}

export async function getContact(db: DbOrTx, caller: Caller, id: string): Promise<Contact> {
  const [row] = await db
    .select(columns)
    .from(contacts)
    .innerJoin(customers, eq(customers.id, contacts.customerId))
    .where(and(eq(contacts.id, id), inScope(caller)));
  if (!row) throw notFound();
  return present(row as Row);
}

async function clearOtherPrimary(tx: DbOrTx, customerId: string, exceptId: string) {
  await tx
    .update(contacts)
    .set({ isPrimary: false })
    .where(and(eq(contacts.customerId, customerId), ne(contacts.id, exceptId), eq(contacts.isPrimary, true)));
}

export async function createContact(db: Db, caller: Caller, input: ContactCreate, ctx: RequestContext) {
  const id = await db.transaction(async (tx) => {
    const customer = await findInScope(tx, caller, input.customerId, true).catch(() => {
      throw new AppError(400, ErrorCode.validation, {
        fields: [{ field: "customerId", code: "not_found_ref" }],
      });
    });
    if (customer.deletedAt) throw new AppError(409, ErrorCode.gone);
    const [existingPrimary] = await tx
      .select({ id: contacts.id })
      .from(contacts)
      .where(
        and(eq(contacts.customerId, customer.id), eq(contacts.isPrimary, true), isNull(contacts.deletedAt)),
      );
    // The first contact of a customer is its primary one unless told otherwise.
    const isPrimary = input.isPrimary ?? !existingPrimary;
    if (isPrimary && existingPrimary) {
      await tx.update(contacts).set({ isPrimary: false }).where(eq(contacts.id, existingPrimary.id));
    }
    const { customFields: customInput, ...fields } = input;
    const custom = await resolveCustomValues(tx, "contact", customInput ?? {}, null, null);
    const [row] = await tx
      .insert(contacts)
      .values({
        ...fields,
        customFields: custom.values,
        isPrimary,
        searchTokens: ngrams(normaliseText(input.name)),
        createdBy: caller.userId,
      })
      .returning({ id: contacts.id });
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "contact",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { ...diff({}, { ...fields, isPrimary }), ...custom.changes },
      detail: { customerId: customer.id, name: input.name },
    });
    return row!.id;
  });
  return getContact(db, caller, id);
}

export async function updateContact(
  db: Db,
  caller: Caller,
  id: string,
  input: ContactUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    await getContact(tx, caller, id);
    const [current] = await tx.select().from(contacts).where(eq(contacts.id, id)).for("update");
    if (!current) throw notFound();
    if (current.deletedAt) throw new AppError(409, ErrorCode.gone);
    checkVersion(expectedVersion, current.version);
    const { customFields: customInput, ...fields } = input;
    const custom = await resolveCustomValues(tx, "contact", customInput, current.customFields, id);
    const changes = { ...diff(current as unknown as Record<string, unknown>, fields), ...custom.changes };
    if (!Object.keys(changes).length) return;
    if (input.isPrimary) await clearOtherPrimary(tx, current.customerId, id);
    await tx
      .update(contacts)
      .set({
        ...fields,
        customFields: custom.values,
        ...(input.name ? { searchTokens: ngrams(normaliseText(input.name)) } : {}),
        version: sql`${contacts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(contacts.id, id));
    await writeAudit(tx, ctx, {
      action: "update",
      entityType: "contact",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
      detail: { customerId: current.customerId, name: input.name ?? current.name },
    });
  });
  return getContact(db, caller, id);
}

export async function setContactDeleted(
  db: Db,
  caller: Caller,
  id: string,
  deleted: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    await getContact(tx, caller, id);
    const [current] = await tx.select().from(contacts).where(eq(contacts.id, id)).for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    if ((current.deletedAt !== null) === deleted) return;
    if (!deleted) await uniqueCustomValues(tx, "contact", current.customFields, id);
    await tx
      .update(contacts)
      .set({
        deletedAt: deleted ? new Date() : null,
        // A restored contact comes back as a plain one; the customer may have a new primary.
        isPrimary: false,
        version: sql`${contacts.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(contacts.id, id));
    await writeAudit(tx, ctx, {
      action: deleted ? "delete" : "restore",
      entityType: "contact",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { customerId: current.customerId, name: current.name },
    });
  });
  return getContact(db, caller, id);
}
