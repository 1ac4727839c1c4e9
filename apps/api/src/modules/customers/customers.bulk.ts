import { type BulkCustomerUpdate, checkCustomValues, ErrorCode } from "@crm/contracts";
import { auditLog, customers, type Db, users } from "@crm/db";
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import type { RequestContext } from "../../shared/audit.js";
import { AppError } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { customIssues, listDefinitions } from "../custom-fields/custom-fields.service.js";
import { assertDictionaryCodes } from "../dictionaries/dictionaries.service.js";
import { listWhere } from "./customers.query.js";

const MAX_BULK = 50_000;
const COLUMN: Record<string, string> = {
  ownerId: "owner_id",
  status: "status",
  class: "class",
  industry: "industry",
};

/**
 * Sets owner, status, class or industry on chosen customers (or all matching a filter) within the
 * caller's scope, in one statement, with one audit row per customer carrying its own before value.
 * A chosen id outside the scope refuses the whole operation (404): nothing half-done.
 */
export async function bulkUpdateCustomers(
  db: Db,
  caller: Caller,
  input: BulkCustomerUpdate,
  ctx: RequestContext,
) {
  const { customFields: customInput, ...set } = input.set;
  return db.transaction(async (tx) => {
    // Custom values: checked like a form's (a required field cannot be cleared); unique ones refused.
    let customSet: Record<string, unknown> = {};
    let customCleared: string[] = [];
    if (customInput && Object.keys(customInput).length) {
      const defs = await listDefinitions(tx, "customer");
      const { values, issues } = checkCustomValues(defs, customInput, {});
      for (const key of Object.keys(customInput)) {
        if (defs.some((d) => d.key === key && d.unique)) issues.push({ key, code: "custom_unique_bulk" });
      }
      if (issues.length) throw prefixed(customIssues(issues));
      customSet = values;
      customCleared = Object.keys(customInput).filter((k) => values[k] === undefined);
    }
    await assertDictionaryCodes(tx, {
      "set.class": ["customer_class", set.class],
      "set.status": ["customer_status", set.status],
      "set.industry": ["industry", set.industry],
    });
    if (set.ownerId && set.ownerId !== caller.userId) {
      const [owner] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.id, set.ownerId), eq(users.disabled, false), scopeWhere(caller.scope, users.id)));
      if (!owner) {
        throw new AppError(400, ErrorCode.validation, {
          fields: [{ field: "set.ownerId", code: "owner_out_of_scope" }],
        });
      }
    }
    const where = input.ids
      ? and(
          inArray(customers.id, input.ids),
          isNull(customers.deletedAt),
          scopeWhere(caller.scope, customers.ownerId),
        )
      : await listWhere(tx, caller, input.filter ?? {});
    const targets = await tx
      .select({ id: customers.id })
      .from(customers)
      .where(where)
      .limit(MAX_BULK + 1)
      .for("update");
    if (input.ids && targets.length !== new Set(input.ids).size) throw new AppError(404, ErrorCode.notFound);
    if (targets.length > MAX_BULK) {
      throw new AppError(400, ErrorCode.validation, { fields: [{ field: "filter", code: "bulk_too_many" }] });
    }
    if (targets.length === 0) return { updated: 0 };
    const ids = targets.map((t) => t.id);
    // One array parameter (a literal of validated uuids), not one parameter per id.
    const idArray = `{${ids.join(",")}}`;
    const fields = Object.entries(set).filter(([, v]) => v !== undefined);
    const customKeys = [...Object.keys(customSet), ...customCleared];
    const changes = sql.join(
      [
        ...fields.map(
          ([k, v]) =>
            sql`${k}::text, jsonb_build_object('before', to_jsonb(c.${sql.raw(COLUMN[k]!)}), 'after', to_jsonb(${v}::text))`,
        ),
        ...customKeys.map(
          (k) =>
            sql`${`customFields.${k}`}::text, jsonb_build_object('before', c.custom_fields -> ${k}::text, 'after', ${JSON.stringify(customSet[k] ?? null)}::jsonb)`,
        ),
      ],
      sql`, `,
    );
    // Audit first, from the rows as they are, in the same transaction.
    await tx.execute(sql`
      insert into ${auditLog} (action, entity_type, entity_id, actor_id, actor_name, ip, request_id, changes, detail)
      select 'bulk_update', 'customer', c.id::text, ${caller.userId}::uuid, ${caller.displayName}, ${ctx.ip}, ${ctx.requestId},
             jsonb_build_object(${changes}), jsonb_build_object('count', ${ids.length}::int)
      from ${customers} c where c.id = any(${idArray}::uuid[])`);
    await tx
      .update(customers)
      .set({
        ...set,
        ...(customKeys.length
          ? {
              customFields: sql`(${customers.customFields} || ${JSON.stringify(customSet)}::jsonb) - ${`{${customCleared.join(",")}}`}::text[]`,
            }
          : {}),
        version: sql`${customers.version} + 1`,
        updatedAt: new Date(),
      })
      .where(sql`${customers.id} = any(${idArray}::uuid[])`);
    return { updated: ids.length };
  });
}

/** Field errors of `set.customFields.<key>` (the body's path) rather than `customFields.<key>`. */
function prefixed(error: AppError): AppError {
  return new AppError(error.status, error.code, {
    fields: error.options.fields?.map((f) => ({ ...f, field: `set.${f.field}` })),
  });
}
