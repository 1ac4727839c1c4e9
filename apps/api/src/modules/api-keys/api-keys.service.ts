import { createHash, randomBytes } from "node:crypto";
import { API_KEY_PREFIX, type ApiKeyCreate, ErrorCode, isPermission } from "@crm/contracts";
import { apiKeys, type Db, type DbOrTx, users } from "@crm/db";
import { and, desc, eq, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { AppError, notFound } from "../../shared/errors.js";
import { checkVersion } from "../../shared/versioning.js";

export { API_KEY_PREFIX };

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");

/** The key behind a secret, if it is live; its last use is noted at most once a minute. */
export async function resolveApiKey(db: DbOrTx, secret: string) {
  const [key] = await db
    .select()
    .from(apiKeys)
    .where(eq(apiKeys.hash, hash(secret)));
  if (!key || key.revokedAt || (key.expiresAt && key.expiresAt < new Date()))
    throw new AppError(401, ErrorCode.tokenInvalid, { headers: { "www-authenticate": "Bearer" } });
  if (!key.lastUsedAt || Date.now() - key.lastUsedAt.getTime() > 60_000) {
    void db
      .update(apiKeys)
      .set({ lastUsedAt: new Date() })
      .where(eq(apiKeys.id, key.id))
      .catch(() => undefined);
  }
  return key;
}

const present = (k: typeof apiKeys.$inferSelect & { userName?: string | null }) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  userId: k.userId,
  userName: k.userName ?? null,
  permissions: k.permissions,
  expiresAt: k.expiresAt?.toISOString() ?? null,
  revokedAt: k.revokedAt?.toISOString() ?? null,
  lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
  createdAt: k.createdAt.toISOString(),
  version: k.version,
});

export async function listApiKeys(db: DbOrTx) {
  const rows = await db
    .select({ k: apiKeys, userName: users.displayName })
    .from(apiKeys)
    .innerJoin(users, eq(users.id, apiKeys.userId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map((r) => present({ ...r.k, userName: r.userName }));
}

/** A new key for a service user; the secret is in this answer only. */
export async function createApiKey(db: Db, caller: Caller, input: ApiKeyCreate, ctx: RequestContext) {
  const bad = (input.permissions ?? []).findIndex((p) => !isPermission(p));
  if (bad >= 0)
    throw new AppError(400, ErrorCode.validation, {
      fields: [{ field: `permissions.${bad}`, code: "unknown_permission" }],
    });
  // A key born expired would only ever answer 401.
  if (input.expiresAt && new Date(input.expiresAt) <= new Date())
    throw new AppError(400, ErrorCode.validation, {
      fields: [{ field: "expiresAt", code: "expires_in_past" }],
    });
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select()
      .from(users)
      .where(and(eq(users.id, input.userId), eq(users.disabled, false)));
    if (!user)
      throw new AppError(400, ErrorCode.validation, { fields: [{ field: "userId", code: "not_found_ref" }] });
    const secret = `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
    const [row] = await tx
      .insert(apiKeys)
      .values({
        name: input.name,
        prefix: secret.slice(0, API_KEY_PREFIX.length + 6),
        hash: hash(secret),
        userId: user.id,
        permissions: input.permissions ? [...new Set(input.permissions)] : null,
        expiresAt: input.expiresAt ? new Date(input.expiresAt) : null,
        createdBy: caller.userId,
      })
      .returning();
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "api_key",
      entityId: row!.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { name: input.name, user: user.username, prefix: row!.prefix },
    });
    return { ...present({ ...row!, userName: user.displayName }), secret };
  });
}

export async function revokeApiKey(
  db: Db,
  caller: Caller,
  id: string,
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(apiKeys).where(eq(apiKeys.id, id)).for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    if (current.revokedAt) return present(current);
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`now()`, version: sql`${apiKeys.version} + 1` })
      .where(eq(apiKeys.id, id))
      .returning();
    await writeAudit(tx, ctx, {
      action: "revoke",
      entityType: "api_key",
      entityId: id,
      actorId: caller.userId,
      actorName: caller.displayName,
      detail: { prefix: row!.prefix },
    });
    return present(row!);
  });
}
