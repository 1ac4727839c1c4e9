import { type ApplySuggestedClasses, ErrorCode } from "@crm/contracts";
import type { Db } from "@crm/db";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { AppError, forbidden } from "../../shared/errors.js";
import { bulkUpdateCustomers } from "../customers/customers.bulk.js";
import { customerValue } from "./reports-value.service.js";

/**
 * 客户价值 → 客户类别: gives the customers of the customer-value report (under the same filters,
 * in the caller's scope) the class their ABC class suggests (A → 1, B → 2, C → 3), all or chosen
 * ones, through the customers' bulk edit (its dictionary check, its audit row per customer), in
 * one transaction: all change or none. Administrators only: customer:update and dictionary:manage
 * (the classification is theirs).
 */
export async function applySuggestedClasses(
  db: Db,
  caller: Caller,
  input: { filters: ApplySuggestedClasses["filters"]; customerIds?: string[] | undefined },
  ctx: RequestContext,
) {
  if (!caller.permissions.has("dictionary:manage") || !caller.permissions.has("customer:update"))
    throw forbidden();
  const filters = input.filters ?? {};
  return db.transaction(async (tx) => {
    const { rows } = await customerValue(tx, caller, filters);
    const inReport = new Map(rows.map((r) => [r.customerId, r]));
    const issues = (input.customerIds ?? []).flatMap((id, i) =>
      inReport.has(id) ? [] : [{ field: `customerIds.${i}`, code: "not_in_report" }],
    );
    if (issues.length) throw new AppError(400, ErrorCode.validation, { fields: issues });
    const chosen = input.customerIds ? input.customerIds.map((id) => inReport.get(id)!) : rows;
    const byClass = new Map<string, string[]>();
    for (const r of chosen) {
      if (r.currentClass === r.suggestedClass) continue;
      byClass.set(r.suggestedClass, [...(byClass.get(r.suggestedClass) ?? []), r.customerId]);
    }
    let updated = 0;
    const counts: Record<string, number> = {};
    for (const [cls, ids] of [...byClass.entries()].sort()) {
      // Inside this transaction the bulk edit's own transaction is a savepoint.
      const result = await bulkUpdateCustomers(
        tx as unknown as Db,
        caller,
        { ids, set: { class: cls } },
        ctx,
      );
      updated += result.updated;
      counts[cls] = result.updated;
    }
    await writeAudit(tx, ctx, {
      action: "apply_suggested_classes",
      entityType: "report",
      entityId: "customer-value",
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { filters, updated, byClass: counts, unchanged: chosen.length - updated },
    });
    return { updated, unchanged: chosen.length - updated, byClass: counts };
  });
}
