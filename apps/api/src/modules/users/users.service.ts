import { randomBytes } from "node:crypto";
import { ErrorCode, type User, type UserCreate, type UserUpdate } from "@crm/contracts";
import {
  type Db,
  type DbOrTx,
  departments,
  nextSequence,
  padSequence,
  refreshTokens,
  roles,
  userRoles,
  users,
} from "@crm/db";
import { and, asc, eq, gt, ilike, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { decodeCursor, pageOf } from "../../shared/cursor.js";
import { AppError, notFound } from "../../shared/errors.js";
import { scopeWhere } from "../../shared/scope.js";
import { checkVersion, diff } from "../../shared/versioning.js";
import { hashPassword } from "../auth/passwords.js";
import { assertRoleManagerRemains } from "../roles/roles.service.js";

const manager = alias(users, "manager");

// Correlated subqueries name the outer table in full: drizzle leaves a lone column unqualified here.
const roleIds = sql<string[]>`coalesce((select array_agg(r.id order by r.name) from user_roles ur
  join roles r on r.id = ur.role_id where ur.user_id = "users"."id" and r.deleted_at is null), '{}')`;
const roleNames = sql<string[]>`coalesce((select array_agg(r.name order by r.name) from user_roles ur
  join roles r on r.id = ur.role_id where ur.user_id = "users"."id" and r.deleted_at is null), '{}')`;

const columns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  phone: users.phone,
  departmentId: users.departmentId,
  departmentName: departments.name,
  managerId: users.managerId,
  managerName: manager.displayName,
  disabled: users.disabled,
  mustChangePassword: users.mustChangePassword,
  gender: users.gender,
  salesLevel: users.salesLevel,
  salespersonCode: users.salespersonCode,
  salary: users.salary,
  roleIds,
  roleNames,
  lastLoginAt: users.lastLoginAt,
  createdAt: users.createdAt,
  version: users.version,
};

type Row = Awaited<ReturnType<typeof selectUsers>>[number];

function selectUsers(db: DbOrTx, where: SQL | undefined) {
  return db
    .select(columns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .leftJoin(manager, eq(manager.id, users.managerId))
    .where(where);
}

/** Salary is a field of its own permission: without user:salary_read it is left out. */
function present(row: Row, caller: Caller): User {
  const { salary, lastLoginAt, createdAt, ...rest } = row;
  return {
    ...rest,
    roleIds: row.roleIds ?? [],
    roleNames: row.roleNames ?? [],
    lastLoginAt: lastLoginAt?.toISOString() ?? null,
    createdAt: createdAt.toISOString(),
    ...(caller.permissions.has("user:salary_read") ? { salary } : {}),
  };
}

/** The people the caller may see: their scope applied to users as records that own themselves. */
export async function listUsers(
  db: DbOrTx,
  caller: Caller,
  query: { q?: string; departmentId?: string; disabled?: "true" | "false"; limit: number; cursor?: string },
) {
  const after = decodeCursor(query.cursor, 2);
  const q = query.q?.replace(/[\\%_]/g, (c) => `\\${c}`);
  const rows = await selectUsers(
    db,
    and(
      scopeWhere(caller.scope, users.id),
      q ? or(ilike(users.username, `%${q}%`), ilike(users.displayName, `%${q}%`)) : undefined,
      query.departmentId ? eq(users.departmentId, query.departmentId) : undefined,
      query.disabled ? eq(users.disabled, query.disabled === "true") : undefined,
      after
        ? gt(sql`(lower(${users.username}), ${users.id})`, sql`(${after[0]}, ${after[1]}::uuid)`)
        : undefined,
    ),
  )
    .orderBy(asc(sql`lower(${users.username})`), asc(users.id))
    .limit(query.limit + 1);
  return pageOf(
    rows.map((r) => present(r, caller)),
    query.limit,
    (u) => [u.username.toLowerCase(), u.id],
  );
}

export async function getUser(db: DbOrTx, caller: Caller, id: string): Promise<User> {
  const [row] = await selectUsers(db, and(eq(users.id, id), scopeWhere(caller.scope, users.id)));
  if (!row) throw notFound();
  return present(row, caller);
}

const fieldError = (field: string, code: string, status = 400) =>
  new AppError(status, status === 409 ? ErrorCode.conflict : ErrorCode.validation, {
    fields: [{ field, code }],
  });

async function assertRefs(
  tx: DbOrTx,
  input: { departmentId?: string | null; managerId?: string | null; roleIds?: string[] },
) {
  if (input.departmentId) {
    const [d] = await tx.select().from(departments).where(eq(departments.id, input.departmentId));
    if (!d || d.disabled) throw fieldError("departmentId", "not_found_ref");
  }
  if (input.managerId) {
    const [m] = await tx.select({ id: users.id }).from(users).where(eq(users.id, input.managerId));
    if (!m) throw fieldError("managerId", "not_found_ref");
  }
  if (input.roleIds?.length) {
    const found = await tx
      .select({ id: roles.id })
      .from(roles)
      .where(and(inArray(roles.id, input.roleIds), isNull(roles.deletedAt)));
    if (found.length !== new Set(input.roleIds).size) throw fieldError("roleIds", "not_found_ref");
  }
}

function assertFieldRights(caller: Caller, input: { roleIds?: string[] | undefined; salary?: unknown }) {
  // Granting roles is a permission change: only role managers may do it.
  if (input.roleIds !== undefined && !caller.permissions.has("role:manage")) {
    throw new AppError(403, ErrorCode.forbidden, { fields: [{ field: "roleIds", code: "forbidden_field" }] });
  }
  if (input.salary !== undefined && !caller.permissions.has("user:salary_read")) {
    throw new AppError(403, ErrorCode.forbidden, { fields: [{ field: "salary", code: "forbidden_field" }] });
  }
}

async function salespersonCode(tx: DbOrTx, level: "A" | "B" | "C") {
  return `${level}级-${padSequence(await nextSequence(tx, `salesperson:${level}`))}`;
}

/** 12 random characters with at least a letter and a digit, as the password policy asks. */
export function temporaryPassword(): string {
  for (;;) {
    const p = randomBytes(9).toString("base64url");
    if (/[A-Za-z]/.test(p) && /[0-9]/.test(p)) return p;
  }
}

async function setRoles(tx: DbOrTx, userId: string, roleIdList: string[]) {
  await tx.delete(userRoles).where(eq(userRoles.userId, userId));
  if (roleIdList.length) {
    await tx.insert(userRoles).values([...new Set(roleIdList)].map((roleId) => ({ userId, roleId })));
  }
}

async function roleNamesOf(tx: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  const rows = await tx
    .select({ name: roles.name })
    .from(roles)
    .where(inArray(roles.id, ids))
    .orderBy(roles.name);
  return rows.map((r) => r.name);
}

export async function createUser(db: Db, caller: Caller, input: UserCreate, ctx: RequestContext) {
  assertFieldRights(caller, {
    roleIds: input.roleIds.length ? input.roleIds : undefined,
    salary: input.salary ?? undefined,
  });
  const initialPassword = input.password ?? temporaryPassword();
  const passwordHash = await hashPassword(initialPassword);
  const id = await db.transaction(async (tx) => {
    const [taken] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.username}) = lower(${input.username})`);
    if (taken) throw fieldError("username", "username_taken", 409);
    await assertRefs(tx, input);
    const [row] = await tx
      .insert(users)
      .values({
        username: input.username,
        displayName: input.displayName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        departmentId: input.departmentId,
        managerId: input.managerId ?? null,
        gender: input.gender ?? null,
        salesLevel: input.salesLevel ?? null,
        salespersonCode: input.salesLevel ? await salespersonCode(tx, input.salesLevel) : null,
        salary: input.salary ?? null,
        passwordHash,
        mustChangePassword: true,
      })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await setRoles(tx, row.id, input.roleIds);
    const { password: _omit, ...visible } = input;
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "user",
      entityId: row.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff(
        {},
        { ...visible, salespersonCode: row.salespersonCode, roleIds: undefined, salary: undefined },
      ),
      detail: input.roleIds.length ? { roles: await roleNamesOf(tx, input.roleIds) } : null,
    });
    return row.id;
  });
  return { user: await getUser(db, caller, id), initialPassword: input.password ? null : initialPassword };
}

/** True when `candidate` is `userId` or reports to them, directly or not. */
async function isInReportingLine(tx: DbOrTx, userId: string, candidate: string): Promise<boolean> {
  const rows = await tx.execute<{ id: string }>(sql`
    with recursive chain(id, manager_id, depth) as (
      select id, manager_id, 0 from ${users} where id = ${candidate}
      union all
      select u.id, u.manager_id, c.depth + 1 from ${users} u join chain c on u.id = c.manager_id where c.depth < 100
    ) select id from chain where id = ${userId} limit 1`);
  return rows.rows.length > 0;
}

async function endSessions(tx: DbOrTx, userId: string) {
  await tx
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
}

export async function updateUser(
  db: Db,
  caller: Caller,
  id: string,
  input: UserUpdate,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  assertFieldRights(caller, input);
  await getUser(db, caller, id); // 404 outside the caller's scope
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    await assertRefs(tx, input);
    if (input.managerId && (await isInReportingLine(tx, id, input.managerId))) {
      throw fieldError("managerId", "manager_cycle");
    }
    const { roleIds: newRoles, ...fields } = input;
    const changes = diff(current as Record<string, unknown>, fields);
    if (changes.salary) changes.salary = { before: "***", after: "***" };
    const set: Partial<typeof users.$inferInsert> = { ...fields };
    if (input.salesLevel && !current.salespersonCode) {
      set.salespersonCode = await salespersonCode(tx, input.salesLevel);
      changes.salespersonCode = { before: null, after: set.salespersonCode };
    }
    let rolesChanged = false;
    if (newRoles !== undefined) {
      const before = (
        await tx.select({ id: userRoles.roleId }).from(userRoles).where(eq(userRoles.userId, id))
      )
        .map((r) => r.id)
        .sort();
      const after = [...new Set(newRoles)].sort();
      if (JSON.stringify(before) !== JSON.stringify(after)) {
        rolesChanged = true;
        await setRoles(tx, id, after);
        changes.roles = { before: await roleNamesOf(tx, before), after: await roleNamesOf(tx, after) };
        await assertRoleManagerRemains(tx);
      }
    }
    if (Object.keys(changes).length === 0) return;
    await tx
      .update(users)
      .set({ ...set, version: sql`${users.version} + 1`, updatedAt: new Date() })
      .where(eq(users.id, id));
    await writeAudit(tx, ctx, {
      action: rolesChanged ? "permission_change" : "update",
      entityType: "user",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes,
    });
  });
  return getUser(db, caller, id);
}

/** Disabled users cannot log in (every session ends at once) but keep all their records. */
export async function setUserDisabled(
  db: Db,
  caller: Caller,
  id: string,
  disabled: boolean,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  if (disabled && id === caller.userId) throw fieldError("id", "self_disable");
  await getUser(db, caller, id);
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, id)).for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    if (current.disabled === disabled) return;
    await tx
      .update(users)
      .set({
        disabled,
        version: sql`${users.version} + 1`,
        tokenEpoch: disabled ? sql`${users.tokenEpoch} + 1` : current.tokenEpoch,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    if (disabled) {
      await endSessions(tx, id);
      await assertRoleManagerRemains(tx);
    }
    await writeAudit(tx, ctx, {
      action: disabled ? "disable" : "enable",
      entityType: "user",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { disabled: { before: !disabled, after: disabled } },
    });
  });
  return getUser(db, caller, id);
}

/** An administrator sets a temporary password; the user must change it at next login. */
export async function resetPassword(
  db: Db,
  caller: Caller,
  id: string,
  password: string | undefined,
  ctx: RequestContext,
) {
  await getUser(db, caller, id);
  const temporary = password ?? temporaryPassword();
  const passwordHash = await hashPassword(temporary);
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: true,
        passwordChangedAt: new Date(),
        tokenEpoch: sql`${users.tokenEpoch} + 1`,
        version: sql`${users.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, id));
    await endSessions(tx, id);
    await writeAudit(tx, ctx, {
      action: "password_reset",
      entityType: "user",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: { password: { before: "***", after: "***" } },
    });
  });
  return { temporaryPassword: temporary };
}
