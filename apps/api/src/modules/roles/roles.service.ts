import { ErrorCode, type Role, type RoleCreate, type RoleUpdate } from "@crm/contracts";
import { type Db, type DbOrTx, departments, roles, userRoles, users } from "@crm/db";
import { and, eq, inArray, isNull, ne, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { AppError, notFound } from "../../shared/errors.js";
import { checkVersion, diff } from "../../shared/versioning.js";

// Correlated subquery: the outer table named in full (drizzle leaves a lone column unqualified).
const userCount = sql<number>`(select count(*)::int from user_roles ur join users u on u.id = ur.user_id
  where ur.role_id = "roles"."id" and not u.disabled)`;

const columns = {
  id: roles.id,
  name: roles.name,
  description: roles.description,
  builtin: roles.builtin,
  permissions: roles.permissions,
  dataScope: roles.dataScope,
  scopeDepartmentIds: roles.scopeDepartmentIds,
  userCount,
  deleted: sql<boolean>`${roles.deletedAt} is not null`,
  version: roles.version,
};

export async function listRoles(db: DbOrTx, includeDeleted: boolean): Promise<Role[]> {
  return db
    .select(columns)
    .from(roles)
    .where(includeDeleted ? undefined : isNull(roles.deletedAt))
    .orderBy(roles.builtin, roles.name);
}

export async function getRole(db: DbOrTx, id: string): Promise<Role> {
  const [row] = await db.select(columns).from(roles).where(eq(roles.id, id));
  if (!row) throw notFound();
  return row;
}

/**
 * Refuses a change that would leave nobody able to manage roles (an enabled user holding a live
 * role with role:manage): the company would lock itself out of its own permissions.
 */
export async function assertRoleManagerRemains(tx: DbOrTx) {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(userRoles)
    .innerJoin(roles, eq(roles.id, userRoles.roleId))
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(isNull(roles.deletedAt), eq(users.disabled, false), sql`'role:manage' = any(${roles.permissions})`),
    );
  if ((row?.n ?? 0) === 0) throw new AppError(409, ErrorCode.lastAdministrator);
}

async function assertUniqueName(tx: DbOrTx, name: string, exceptId?: string) {
  const [clash] = await tx
    .select({ id: roles.id })
    .from(roles)
    .where(
      and(
        sql`lower(${roles.name}) = lower(${name})`,
        isNull(roles.deletedAt),
        exceptId ? ne(roles.id, exceptId) : undefined,
      ),
    );
  if (clash)
    throw new AppError(409, ErrorCode.conflict, { fields: [{ field: "name", code: "role_name_taken" }] });
}

async function assertDepartments(tx: DbOrTx, ids: string[]) {
  if (!ids.length) return;
  const found = await tx.select({ id: departments.id }).from(departments).where(inArray(departments.id, ids));
  if (found.length !== new Set(ids).size) {
    throw new AppError(400, ErrorCode.validation, {
      fields: [{ field: "scopeDepartmentIds", code: "not_found_ref" }],
    });
  }
}

const normalise = <
  T extends { permissions?: string[] | undefined; scopeDepartmentIds?: string[] | undefined },
>(
  input: T,
) => ({
  ...input,
  ...(input.permissions ? { permissions: [...new Set(input.permissions)].sort() } : {}),
  ...(input.scopeDepartmentIds ? { scopeDepartmentIds: [...new Set(input.scopeDepartmentIds)] } : {}),
});

export async function createRole(db: Db, caller: Caller, raw: RoleCreate, ctx: RequestContext) {
  const input = normalise(raw);
  const id = await db.transaction(async (tx) => {
    await assertUniqueName(tx, input.name);
    const scopeDepartmentIds = input.dataScope === "custom" ? input.scopeDepartmentIds : [];
    await assertDepartments(tx, scopeDepartmentIds);
    const [row] = await tx
      .insert(roles)
      .values({
        name: input.name,
        description: input.description ?? null,
        permissions: input.permissions,
        dataScope: input.dataScope,
        scopeDepartmentIds,
      })
      .returning({ id: roles.id });
    if (!row) throw new Error("insert returned nothing");
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "role",
      entityId: row.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff({}, { ...input, scopeDepartmentIds }),
    });
    return row.id;
  });
  return getRole(db, id);
}

export async function updateRole(
  db: Db,
  caller: Caller,
  id: string,
  raw: RoleUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  const input = normalise(raw);
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(roles).where(eq(roles.id, id)).for("update");
    if (!current || current.deletedAt) throw notFound();
    checkVersion(expectedVersion, current.version);
    if (input.name) await assertUniqueName(tx, input.name, id);
    const dataScope = input.dataScope ?? current.dataScope;
    const scopeDepartmentIds =
      dataScope === "custom" ? (input.scopeDepartmentIds ?? current.scopeDepartmentIds) : [];
    await assertDepartments(tx, scopeDepartmentIds);
    const next = { ...input, scopeDepartmentIds };
    const changes = diff(current as Record<string, unknown>, next);
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(roles)
      .set({ ...next, version: sql`${roles.version} + 1`, updatedAt: new Date() })
      .where(eq(roles.id, id));
    if (changes.permissions) await assertRoleManagerRemains(tx);
    await writeAudit(tx, ctx, {
      action:
        changes.permissions || changes.dataScope || changes.scopeDepartmentIds
          ? "permission_change"
          : "update",
      entityType: "role",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
    });
  });
  return getRole(db, id);
}

/** Soft delete: the role stops granting anything; restore brings it back with its holders. */
export async function setRoleDeleted(
  db: Db,
  caller: Caller,
  id: string,
  deleted: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(roles).where(eq(roles.id, id)).for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    if ((current.deletedAt !== null) === deleted) return;
    if (!deleted) await assertUniqueName(tx, current.name, id);
    await tx
      .update(roles)
      .set({
        deletedAt: deleted ? new Date() : null,
        version: sql`${roles.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(roles.id, id));
    if (deleted) await assertRoleManagerRemains(tx);
    await writeAudit(tx, ctx, {
      action: deleted ? "delete" : "restore",
      entityType: "role",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { deleted: { before: !deleted, after: deleted } },
    });
  });
  return getRole(db, id);
}
