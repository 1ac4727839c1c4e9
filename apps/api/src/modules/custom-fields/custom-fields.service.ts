import {
  CUSTOM_FILTER_PREFIX,
  type CustomFieldCreate,
  type CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomFieldUpdate,
  checkCustomValues,
  ErrorCode,
  isChoiceType,
  UNIQUE_CAPABLE,
} from "@crm/contracts";
import { contacts, customers, customFieldDefinitions, type Db, type DbOrTx, nextSequence } from "@crm/db";
import { and, asc, eq, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { AppError, type FieldIssue, notFound } from "../../shared/errors.js";
import { checkVersion, diff } from "../../shared/versioning.js";

type Row = typeof customFieldDefinitions.$inferSelect;

export function presentDefinition(row: Row): CustomFieldDefinition {
  const { archivedAt, createdBy: _c, createdAt, updatedAt, ...rest } = row;
  return {
    ...(rest as Omit<CustomFieldDefinition, "archived" | "createdAt" | "updatedAt">),
    archived: archivedAt !== null,
    createdAt: createdAt.toISOString(),
    updatedAt: updatedAt.toISOString(),
  };
}

export async function listDefinitions(
  db: DbOrTx,
  entity: CustomFieldEntity,
  includeArchived = false,
): Promise<CustomFieldDefinition[]> {
  const rows = await db
    .select()
    .from(customFieldDefinitions)
    .where(
      and(
        eq(customFieldDefinitions.entity, entity),
        includeArchived ? undefined : isNull(customFieldDefinitions.archivedAt),
      ),
    )
    .orderBy(asc(customFieldDefinitions.position), asc(customFieldDefinitions.createdAt));
  return rows.map(presentDefinition);
}

async function findDefinition(db: DbOrTx, id: string, lock = false) {
  const query = db.select().from(customFieldDefinitions).where(eq(customFieldDefinitions.id, id));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound();
  return row;
}

export async function getDefinition(db: DbOrTx, id: string) {
  return presentDefinition(await findDefinition(db, id));
}

const tableOf = (entity: CustomFieldEntity) => (entity === "customer" ? customers : contacts);

/** Live records of the entity (merged customers no longer count). */
const liveRecords = (entity: CustomFieldEntity): SQL =>
  entity === "customer"
    ? sql`${customers.deletedAt} is null and ${customers.mergedIntoId} is null`
    : sql`${contacts.deletedAt} is null`;

const contains = (entity: CustomFieldEntity, key: string, value: unknown) =>
  sql`${tableOf(entity).customFields} @> ${JSON.stringify({ [key]: value })}::jsonb`;

export async function createDefinition(
  db: Db,
  caller: Caller,
  input: CustomFieldCreate,
  ctx: RequestContext,
): Promise<CustomFieldDefinition> {
  return db.transaction(async (tx) => {
    let key = input.key;
    if (!key) {
      // cf_1, cf_2, …: never reused, skipping any an admin took by hand.
      do key = `cf_${await nextSequence(tx, `custom_field:${input.entity}`)}`;
      while (await keyTaken(tx, input.entity, key));
    } else if (await keyTaken(tx, input.entity, key)) {
      throw new AppError(409, ErrorCode.conflict, { fields: [{ field: "key", code: "custom_key_taken" }] });
    }
    const [last] = await tx
      .select({ position: sql<number>`coalesce(max(${customFieldDefinitions.position}), 0)::int` })
      .from(customFieldDefinitions)
      .where(eq(customFieldDefinitions.entity, input.entity));
    const [row] = await tx
      .insert(customFieldDefinitions)
      .values({
        entity: input.entity,
        key,
        label: input.label,
        labelEn: input.labelEn ?? null,
        type: input.type,
        options: isChoiceType(input.type) ? (input.options ?? []) : [],
        required: input.required ?? false,
        unique: input.unique ?? false,
        helpText: input.helpText ?? null,
        position: input.position ?? (last?.position ?? 0) + 10,
        createdBy: caller.userId,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "custom_field",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff({}, { entity: input.entity, key, label: input.label, type: input.type }),
    });
    return presentDefinition(row!);
  });
}

async function keyTaken(db: DbOrTx, entity: string, key: string) {
  const [row] = await db
    .select({ id: customFieldDefinitions.id })
    .from(customFieldDefinitions)
    .where(and(eq(customFieldDefinitions.entity, entity), eq(customFieldDefinitions.key, key)));
  return !!row;
}

export async function updateDefinition(
  db: Db,
  caller: Caller,
  id: string,
  input: CustomFieldUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
): Promise<CustomFieldDefinition> {
  return db.transaction(async (tx) => {
    const current = await findDefinition(tx, id, true);
    checkVersion(expectedVersion, current.version);
    const entity = current.entity as CustomFieldEntity;
    const type = current.type as CustomFieldDefinition["type"];
    const { archived, ...fields } = input;
    if (fields.options !== undefined) {
      if (!isChoiceType(type) && fields.options.length > 0)
        throw badField("options", "custom_options_not_allowed");
      if (isChoiceType(type) && fields.options.length === 0)
        throw badField("options", "custom_options_required");
      const kept = new Set(fields.options.map((o) => o.value));
      for (const gone of current.options.filter((o) => !kept.has(o.value))) {
        const value = type === "multi_choice" ? [gone.value] : gone.value;
        const [used] = await tx
          .select({ one: sql`1` })
          .from(tableOf(entity))
          .where(and(contains(entity, current.key, value), sql`${tableOf(entity).deletedAt} is null`))
          .limit(1);
        if (used)
          throw new AppError(409, ErrorCode.conflict, {
            fields: [{ field: "options", code: "custom_option_in_use" }],
            extensions: { option: gone.value },
          });
      }
    }
    if (fields.unique && !current.unique) {
      if (!UNIQUE_CAPABLE.includes(type)) throw badField("unique", "custom_unique_not_allowed");
      const table = tableOf(entity);
      const value = sql`${table.customFields} -> ${current.key}`;
      const repeated = await tx.execute(
        sql`select 1 from ${table} where ${liveRecords(entity)} and ${value} is not null
            group by ${value} having count(*) > 1 limit 1`,
      );
      if (repeated.rows.length)
        throw new AppError(409, ErrorCode.conflict, {
          fields: [{ field: "unique", code: "custom_unique_conflict" }],
        });
    }
    const next = {
      ...fields,
      ...(archived === undefined ? {} : { archivedAt: archived ? (current.archivedAt ?? new Date()) : null }),
    };
    const changes = diff(
      { ...current, archived: current.archivedAt !== null } as unknown as Record<string, unknown>,
      { ...fields, ...(archived === undefined ? {} : { archived }) },
    );
    if (Object.keys(changes).length === 0) return presentDefinition(current);
    const [row] = await tx
      .update(customFieldDefinitions)
      .set({ ...next, version: sql`${customFieldDefinitions.version} + 1`, updatedAt: new Date() })
      .where(eq(customFieldDefinitions.id, id))
      .returning();
    await writeAudit(tx, ctx, {
      action: archived === true ? "archive" : archived === false ? "restore" : "update",
      entityType: "custom_field",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
      detail: { entity, key: current.key },
    });
    return presentDefinition(row!);
  });
}

const badField = (field: string, code: string) =>
  new AppError(400, ErrorCode.validation, { fields: [{ field, code }] });

/**
 * Validates a record's custom values against the active definitions and checks unique fields
 * (under a per-field lock, so two concurrent writes cannot both take a value). Returns what to
 * store and the per-key changes for the audit log. Throws 400 / 409 with `customFields.<key>`.
 */
export async function resolveCustomValues(
  tx: DbOrTx,
  entity: CustomFieldEntity,
  input: Record<string, unknown> | undefined,
  existing: Record<string, unknown> | null,
  recordId: string | null,
  definitions?: CustomFieldDefinition[],
): Promise<{
  values: Record<string, unknown>;
  changes: Record<string, { before: unknown; after: unknown }>;
}> {
  if (input === undefined && existing !== null) return { values: existing, changes: {} };
  const defs = definitions ?? (await listDefinitions(tx, entity));
  const { values, issues } = checkCustomValues(defs, input ?? {}, existing);
  if (issues.length) throw customIssues(issues);
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const key of new Set([...Object.keys(existing ?? {}), ...Object.keys(values)])) {
    const before = existing?.[key] ?? null;
    const after = values[key] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) changes[`customFields.${key}`] = { before, after };
  }
  const changedKeys = Object.keys(changes).map((k) => k.slice("customFields.".length));
  await uniqueCustomValues(tx, entity, values, recordId, defs, changedKeys);
  return { values, changes };
}

/**
 * Refuses values of unique fields that another live record has (409, `custom_value_taken`).
 * Each field is checked under its own transaction lock so two concurrent writes serialise.
 */
export async function uniqueCustomValues(
  tx: DbOrTx,
  entity: CustomFieldEntity,
  values: Record<string, unknown>,
  recordId: string | null,
  definitions?: CustomFieldDefinition[],
  onlyKeys?: string[],
): Promise<void> {
  const defs = (definitions ?? (await listDefinitions(tx, entity))).filter(
    (d) => d.unique && values[d.key] !== undefined && (!onlyKeys || onlyKeys.includes(d.key)),
  );
  const table = tableOf(entity);
  for (const def of defs) {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`custom_field:${def.id}`}))`);
    const [taken] = await tx
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          contains(entity, def.key, values[def.key]),
          liveRecords(entity),
          recordId ? ne(table.id, recordId) : undefined,
        ),
      )
      .limit(1);
    if (taken)
      throw new AppError(409, ErrorCode.conflict, {
        fields: [{ field: `customFields.${def.key}`, code: "custom_value_taken" }],
      });
  }
}

export const customIssues = (issues: { key: string; code: string }[]) =>
  new AppError(400, ErrorCode.validation, {
    fields: issues.map((i): FieldIssue => ({ field: `customFields.${i.key}`, code: i.code })),
  });

/**
 * The list filters on custom fields (`cf.<key>=…` query parameters) as SQL; an unknown field or a
 * malformed value is a 400 naming the parameter. Choices, yes/no and exact values use the GIN index.
 */
export async function customFilterConditions(
  db: DbOrTx,
  entity: CustomFieldEntity,
  query: Record<string, unknown>,
): Promise<SQL | undefined> {
  const params = Object.entries(query).filter(([k]) => k.startsWith(CUSTOM_FILTER_PREFIX));
  if (params.length === 0) return undefined;
  const defs = new Map((await listDefinitions(db, entity)).map((d) => [d.key, d]));
  const table = tableOf(entity);
  const conditions: SQL[] = [];
  const issues: FieldIssue[] = [];
  for (const [param, raw] of params) {
    const key = param.slice(CUSTOM_FILTER_PREFIX.length);
    const def = defs.get(key);
    const value = Array.isArray(raw) ? String(raw[0] ?? "") : String(raw ?? "");
    if (!def) {
      issues.push({ field: param, code: "unknown_custom_field" });
      continue;
    }
    if (value.trim() === "" || value.length > 200) continue;
    const text = sql`(${table.customFields} ->> ${key})`;
    switch (def.type) {
      case "text":
        conditions.push(sql`${text} ilike ${`%${value.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
        break;
      case "boolean":
        if (value !== "true" && value !== "false")
          issues.push({ field: param, code: "custom_boolean_format" });
        else conditions.push(contains(entity, key, value === "true"));
        break;
      case "single_choice":
        conditions.push(contains(entity, key, value));
        break;
      case "multi_choice":
        conditions.push(contains(entity, key, [value]));
        break;
      case "number":
      case "date": {
        const [from, to, extra] = value.includes("..") ? value.split("..") : [value, value];
        if (extra !== undefined) {
          issues.push({ field: param, code: "custom_range_format" });
          break;
        }
        const check = (v: string | undefined) => {
          if (!v) return undefined;
          const ok = checkCustomValues([{ ...def, required: false }], { [key]: v }, null);
          if (ok.issues.length) {
            issues.push({ field: param, code: ok.issues[0]!.code });
            return undefined;
          }
          return String(ok.values[key]);
        };
        const lo = check(from);
        const hi = check(to);
        const cast = def.type === "number" ? sql`(${text})::numeric` : text;
        const bound = (v: string) => (def.type === "number" ? sql`${v}::numeric` : sql`${v}`);
        if (lo !== undefined) conditions.push(sql`${cast} >= ${bound(lo)}`);
        if (hi !== undefined) conditions.push(sql`${cast} <= ${bound(hi)}`);
        break;
      }
    }
  }
  if (issues.length) throw new AppError(400, ErrorCode.validation, { fields: issues });
  return conditions.length ? and(...conditions) : undefined;
}
