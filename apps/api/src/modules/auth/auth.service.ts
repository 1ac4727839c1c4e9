import { ErrorCode, type LoginRequest, type Me, type TokenResponse } from "@crm/contracts";
import { type Db, type DbOrTx, departments, loginThrottle, refreshTokens, users } from "@crm/db";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Settings } from "../../settings.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { AppError } from "../../shared/errors.js";
import { loadGrants } from "../../shared/scope.js";
import { hashPassword, verifyPassword } from "./passwords.js";
import { hashRefreshToken, newRefreshToken, signAccessToken } from "./tokens.js";

const throttleKey = (username: string) => `u:${username.trim().toLowerCase()}`;

/** Password login. Unknown user and wrong password are indistinguishable, in answer and in time. */
export async function login(db: Db, settings: Settings, input: LoginRequest, ctx: RequestContext) {
  const key = throttleKey(input.username);
  const [throttle] = await db.select().from(loginThrottle).where(eq(loginThrottle.key, key));
  const now = Date.now();
  if (throttle?.lockedUntil && throttle.lockedUntil.getTime() > now) {
    const wait = Math.ceil((throttle.lockedUntil.getTime() - now) / 1000);
    throw new AppError(429, ErrorCode.accountLocked, { headers: { "retry-after": String(wait) } });
  }

  const [user] = await db
    .select()
    .from(users)
    .where(sql`lower(${users.username}) = ${input.username.trim().toLowerCase()}`);
  const ok = await verifyPassword(user?.passwordHash, input.password);

  if (!ok || !user) {
    await db.transaction(async (tx) => {
      await recordFailure(tx, settings, key);
      await writeAudit(tx, ctx, {
        action: "login_failed",
        entityType: "user",
        entityId: user?.id ?? null,
        actorId: user?.id ?? null,
        detail: { username: input.username.slice(0, 64) },
      });
    });
    throw new AppError(401, ErrorCode.invalidCredentials);
  }
  if (user.disabled) throw new AppError(403, ErrorCode.accountDisabled);

  return db.transaction(async (tx) => {
    await tx.delete(loginThrottle).where(eq(loginThrottle.key, key));
    await tx.update(users).set({ lastLoginAt: new Date() }).where(eq(users.id, user.id));
    await writeAudit(tx, ctx, {
      action: "login",
      entityType: "user",
      entityId: user.id,
      actorId: user.id,
      actorName: user.displayName,
    });
    return issueTokens(tx, settings, user.id, crypto.randomUUID());
  });
}

async function recordFailure(tx: DbOrTx, settings: Settings, key: string) {
  // One statement, so concurrent failures all count; reaching the limit starts a lock.
  await tx.execute(sql`
    insert into ${loginThrottle} (key, failures, updated_at) values (${key}, 1, now())
    on conflict (key) do update set
      failures = case when ${loginThrottle.failures} + 1 >= ${settings.loginMaxFailures} then 0
                      else ${loginThrottle.failures} + 1 end,
      locked_until = case when ${loginThrottle.failures} + 1 >= ${settings.loginMaxFailures}
                          then now() + make_interval(secs => ${settings.loginLockSeconds})
                          else ${loginThrottle.lockedUntil} end,
      updated_at = now()`);
  if (settings.loginMaxFailures === 1) {
    await tx.execute(
      sql`update ${loginThrottle} set failures = 0, locked_until = now() + make_interval(secs => ${settings.loginLockSeconds}) where key = ${key}`,
    );
  }
}

/** A new access token and a new refresh token in the given family. */
export async function issueTokens(
  tx: DbOrTx,
  settings: Settings,
  userId: string,
  familyId: string,
): Promise<TokenResponse> {
  const refresh = newRefreshToken();
  const [user] = await tx.select({ epoch: users.tokenEpoch }).from(users).where(eq(users.id, userId));
  await tx.insert(refreshTokens).values({
    userId,
    familyId,
    tokenHash: refresh.hash,
    expiresAt: new Date(Date.now() + settings.refreshTokenTtl * 1000),
  });
  return {
    accessToken: signAccessToken(settings.jwtSecret, userId, user?.epoch ?? 0, settings.accessTokenTtl),
    tokenType: "Bearer",
    expiresIn: settings.accessTokenTtl,
    refreshToken: refresh.token,
    user: await loadMe(tx, userId),
  };
}

/**
 * Rotates a refresh token. A token already used (outside a short grace window for two tabs
 * refreshing at once) or revoked means it was stolen or replayed: the whole family is revoked.
 */
export async function refresh(db: Db, settings: Settings, token: string | undefined, ctx: RequestContext) {
  if (!token) throw new AppError(401, ErrorCode.refreshInvalid);
  const outcome = await db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)))
      .for("update");
    if (!row) return { error: true as const };
    const now = Date.now();
    const reused =
      row.revokedAt !== null ||
      (row.usedAt !== null && now - row.usedAt.getTime() > settings.refreshReuseGrace * 1000);
    if (reused) {
      await tx
        .update(refreshTokens)
        .set({ revokedAt: new Date() })
        .where(and(eq(refreshTokens.familyId, row.familyId), isNull(refreshTokens.revokedAt)));
      await writeAudit(tx, ctx, {
        action: "refresh_token_reuse",
        entityType: "user",
        entityId: row.userId,
        actorId: row.userId,
        detail: { familyId: row.familyId },
      });
      return { error: true as const };
    }
    if (row.expiresAt.getTime() <= now) return { error: true as const };
    const [user] = await tx.select({ disabled: users.disabled }).from(users).where(eq(users.id, row.userId));
    if (!user || user.disabled) return { error: true as const };
    if (!row.usedAt)
      await tx.update(refreshTokens).set({ usedAt: new Date() }).where(eq(refreshTokens.id, row.id));
    return { tokens: await issueTokens(tx, settings, row.userId, row.familyId) };
  });
  // The revocation above must commit, so the refusal is thrown only after the transaction.
  if ("error" in outcome) throw new AppError(401, ErrorCode.refreshInvalid);
  return outcome.tokens;
}

/** Ends the session of one refresh token (its whole family). Unknown tokens are ignored. */
export async function logout(db: Db, token: string | undefined, ctx: RequestContext): Promise<void> {
  if (!token) return;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ familyId: refreshTokens.familyId, userId: refreshTokens.userId })
      .from(refreshTokens)
      .where(eq(refreshTokens.tokenHash, hashRefreshToken(token)));
    if (!row) return;
    await tx
      .update(refreshTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(refreshTokens.familyId, row.familyId), isNull(refreshTokens.revokedAt)));
    await writeAudit(tx, ctx, {
      action: "logout",
      entityType: "user",
      entityId: row.userId,
      actorId: row.userId,
    });
  });
}

export async function loadMe(db: DbOrTx, userId: string): Promise<Me> {
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      departmentId: users.departmentId,
      departmentName: departments.name,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, userId));
  if (!row) throw new AppError(401, ErrorCode.tokenInvalid);
  const grants = await loadGrants(db, userId);
  return { ...row, permissions: [...new Set(grants.flatMap((g) => g.permissions))].sort() };
}

/**
 * Changes the caller's own password. Every other session ends (refresh tokens revoked, older
 * access tokens refused); the caller gets a fresh session.
 */
export async function changePassword(
  db: Db,
  settings: Settings,
  userId: string,
  input: { currentPassword: string; newPassword: string },
  ctx: RequestContext,
): Promise<TokenResponse> {
  const [user] = await db.select().from(users).where(eq(users.id, userId));
  if (!user) throw new AppError(401, ErrorCode.tokenInvalid);
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError(400, ErrorCode.passwordIncorrect, {
      fields: [{ field: "currentPassword", code: "password_incorrect" }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError(400, ErrorCode.validation, {
      fields: [{ field: "newPassword", code: "password_same_as_current" }],
    });
  }
  const passwordHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        passwordChangedAt: new Date(),
        tokenEpoch: sql`${users.tokenEpoch} + 1`,
        updatedAt: new Date(),
        version: sql`${users.version} + 1`,
      })
      .where(eq(users.id, userId));
    await tx
      .update(refreshTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(refreshTokens.userId, userId), isNull(refreshTokens.revokedAt)));
    await writeAudit(tx, ctx, {
      action: "password_change",
      entityType: "user",
      entityId: userId,
      actorId: userId,
      actorName: user.displayName,
      changes: { password: { before: "***", after: "***" } },
    });
    return issueTokens(tx, settings, userId, crypto.randomUUID());
  });
}
