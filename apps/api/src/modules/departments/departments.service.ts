import { type Department, type DepartmentCreate, type DepartmentUpdate, ErrorCode } from "@crm/contracts";
import { type Db, type DbOrTx, departments, nextSequence, padSequence, users } from "@crm/db";
import { and, eq, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { AppError, notFound } from "../../shared/errors.js";
import { subtreeIds } from "../../shared/scope.js";
import { checkVersion, diff } from "../../shared/versioning.js";

// Correlated subqueries name the outer table in full: drizzle leaves a lone column unqualified here.
const memberCount = sql<number>`(select count(*)::int from users u where u.department_id = "departments"."id" and not u.disabled)`;
const headName = sql<
  string | null
>`(select u.display_name from users u where u.id = "departments"."head_user_id")`;

const columns = {
  id: departments.id,
  code: departments.code,
  name: departments.name,
  parentId: departments.parentId,
  headUserId: departments.headUserId,
  headName,
  disabled: departments.disabled,
  memberCount,
  version: departments.version,
};

export async function listDepartments(db: DbOrTx): Promise<Department[]> {
  return db.select(columns).from(departments).orderBy(departments.code);
}

export async function getDepartment(db: DbOrTx, id: string): Promise<Department> {
  const [row] = await db.select(columns).from(departments).where(eq(departments.id, id));
  if (!row) throw notFound();
  return row;
}

async function assertParent(tx: DbOrTx, parentId: string | null | undefined) {
  if (!parentId) return;
  const [parent] = await tx.select().from(departments).where(eq(departments.id, parentId));
  if (!parent || parent.disabled) {
    throw new AppError(400, ErrorCode.validation, { fields: [{ field: "parentId", code: "not_found_ref" }] });
  }
}

async function assertHead(tx: DbOrTx, headUserId: string | null | undefined) {
  if (!headUserId) return;
  const [head] = await tx.select({ id: users.id }).from(users).where(eq(users.id, headUserId));
  if (!head)
    throw new AppError(400, ErrorCode.validation, {
      fields: [{ field: "headUserId", code: "not_found_ref" }],
    });
}

/** A new department with the next Dep-NN code (never reused). */
export async function createDepartment(db: Db, caller: Caller, input: DepartmentCreate, ctx: RequestContext) {
  const id = await db.transaction(async (tx) => {
    await assertParent(tx, input.parentId);
    await assertHead(tx, input.headUserId);
    const code = `Dep-${padSequence(await nextSequence(tx, "department"))}`;
    const [row] = await tx
      .insert(departments)
      .values({ code, name: input.name, parentId: input.parentId, headUserId: input.headUserId ?? null })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "department",
      entityId: row.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff({}, { code, name: row.name, parentId: row.parentId, headUserId: row.headUserId }),
    });
    return row.id;
  });
  return getDepartment(db, id);
}

/** Rename, re-parent (never under itself or its own subtree) or change the head. */
export async function updateDepartment(
  db: Db,
  caller: Caller,
  id: string,
  input: DepartmentUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(departments).where(eq(departments.id, id)).for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    if (input.parentId !== undefined && input.parentId !== current.parentId) {
      if (input.parentId && (await subtreeIds(tx, [id])).includes(input.parentId)) {
        throw new AppError(409, ErrorCode.cycle, { fields: [{ field: "parentId", code: "cycle_detected" }] });
      }
      await assertParent(tx, input.parentId);
    }
    await assertHead(tx, input.headUserId);
    const changes = diff(current, input);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(departments)
      .set({ ...input, version: sql`${departments.version} + 1`, updatedAt: new Date() })
      .where(eq(departments.id, id));
    await writeAudit(tx, ctx, {
      action: input.parentId !== undefined && "parentId" in changes ? "move" : "update",
      entityType: "department",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
    });
  });
  return getDepartment(db, id);
}

/** Disable only an empty department: no active people and no enabled sub-departments. */
export async function setDepartmentDisabled(
  db: Db,
  caller: Caller,
  id: string,
  disabled: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(departments).where(eq(departments.id, id)).for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    if (current.disabled === disabled) return;
    if (disabled) {
      const [people] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(users)
        .where(and(eq(users.departmentId, id), eq(users.disabled, false)));
      const [children] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(departments)
        .where(and(eq(departments.parentId, id), eq(departments.disabled, false)));
      if ((people?.n ?? 0) > 0 || (children?.n ?? 0) > 0)
        throw new AppError(409, ErrorCode.departmentNotEmpty);
    } else if (current.parentId) {
      await assertParent(tx, current.parentId);
    }
    await tx
      .update(departments)
      .set({ disabled, version: sql`${departments.version} + 1`, updatedAt: new Date() })
      .where(eq(departments.id, id));
    await writeAudit(tx, ctx, {
      action: disabled ? "disable" : "enable",
      entityType: "department",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { disabled: { before: !disabled, after: disabled } },
    });
  });
  return getDepartment(db, id);
}
