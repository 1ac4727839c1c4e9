import { ErrorCode, type Permission } from "@crm/contracts";
import { accessState, users } from "@crm/db";
import { eq, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { API_KEY_PREFIX, resolveApiKey } from "../modules/api-keys/api-keys.service.js";
import { verifyAccessToken } from "../modules/auth/tokens.js";
import { AppError } from "../shared/errors.js";
import { computeScope, loadGrants, type RoleGrant, type Scope } from "../shared/scope.js";

/**
 * What a route demands of its caller. Every route under /api/v1 must declare it: the app refuses
 * to start otherwise, so no route can forget authentication.
 */
export type Access =
  | "public"
  | "authenticated"
  | { permission: Permission }
  /** Any one of these (the data filter then decides what each caller sees). */
  | { anyOf: Permission[] };

export interface Caller {
  userId: string;
  username: string;
  displayName: string;
  departmentId: string | null;
  mustChangePassword: boolean;
  permissions: ReadonlySet<string>;
  grants: RoleGrant[];
  /** Set when the caller authenticated with an API key. */
  apiKeyId?: string | null;
  /** Whose records this caller reaches; apply with scopeWhere(). */
  scope: Scope;
  /**
   * The access version read with this request (bumped by any change to users, roles or
   * departments): what per-process caches of such data are checked against.
   */
  accessVersion?: number;
}

declare module "fastify" {
  interface FastifyContextConfig {
    access?: Access;
    /** Reachable while the caller still has to change a reset password. */
    allowWhilePasswordChangeRequired?: boolean;
  }
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyInstance {
    /** Every /api/v1 route with its declared access, for the route-walking tests. */
    routeTable: { method: string; url: string; access: Access }[];
  }
}

/** The caller of a route that declared an access other than "public". */
export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError(401, ErrorCode.unauthenticated);
  return request.caller;
}

export const accessPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest("caller", null);
    app.decorate("routeTable", []);

    app.addHook("onRoute", (route) => {
      if (!route.url.startsWith("/api/v1")) return;
      const access = route.config?.access;
      if (!access) throw new Error(`Route ${String(route.method)} ${route.url} declares no access`);
      for (const method of [route.method].flat()) {
        if (method !== "HEAD") app.routeTable.push({ method, url: route.url, access });
      }
      if (access !== "public") {
        route.schema = { ...route.schema, security: [{ bearerAuth: [] }] };
        // Per user or API key, after authentication (preHandler), unless the route sets its own.
        const perMinute = app.settings.apiRatePerMinute;
        if (perMinute > 0 && route.config && !route.config.rateLimit) {
          route.config.rateLimit = {
            max: perMinute,
            timeWindow: 60_000,
            hook: "preHandler",
            keyGenerator: (request: FastifyRequest) =>
              request.caller
                ? `caller:${request.caller.apiKeyId ?? request.caller.userId}`
                : `ip:${request.ip}`,
          };
        }
      }
    });

    app.addHook("onRequest", async (request) => {
      const access = request.routeOptions.config?.access;
      if (!access || access === "public") return;
      request.caller = await authenticate(app, request);
      if (
        request.caller.mustChangePassword &&
        !request.routeOptions.config.allowWhilePasswordChangeRequired
      ) {
        throw new AppError(403, ErrorCode.passwordChangeRequired);
      }
      const caller = request.caller;
      const allowed =
        typeof access !== "object" ||
        ("permission" in access
          ? caller.permissions.has(access.permission)
          : access.anyOf.some((p) => caller.permissions.has(p)));
      if (!allowed) {
        throw new AppError(403, ErrorCode.forbidden);
      }
    });
  },
  { name: "access", dependencies: ["errors"] },
);

/**
 * Grants and scope per user, valid while the access version (bumped by database triggers on any
 * change to users' departments or status, roles, role assignments or departments) is unchanged.
 * Every request still reads the user row and the version, in one query, so a disabled user, a
 * voided token or a moved department takes effect at once, on every API process.
 */
interface CachedAccess {
  version: number;
  grants: RoleGrant[];
  permissions: ReadonlySet<string>;
  scope: Scope;
}
const MAX_CACHED = 5_000;
const accessCache = new WeakMap<object, Map<string, CachedAccess>>();

/**
 * The query every authenticated request runs (the caller's row and the access version), built
 * once per database: Drizzle otherwise rebuilds the same SQL text on every request. With
 * `namedStatements` it is a named statement, which the server parses and plans once per
 * connection (a primary-key lookup: the generic plan is the right one for every user); otherwise
 * an unnamed statement like every other (for PgBouncer before 1.21).
 */
function userQueryOf(db: FastifyInstance["db"]) {
  return db
    .select({
      id: users.id,
      username: users.username,
      displayName: users.displayName,
      departmentId: users.departmentId,
      disabled: users.disabled,
      mustChangePassword: users.mustChangePassword,
      tokenEpoch: users.tokenEpoch,
      accessVersion:
        sql<number>`(select ${accessState.version} from ${accessState} where ${accessState.id} = 1)`.mapWith(
          Number,
        ),
    })
    .from(users)
    .where(eq(users.id, sql.placeholder("id")));
}
type UserQuery = ReturnType<typeof userQueryOf>;
type BuiltUserQuery = { execute(values: { id: string }): Promise<Awaited<UserQuery>> };
const userQueries = new WeakMap<object, BuiltUserQuery>();
function userQuery(db: FastifyInstance["db"], named: boolean): BuiltUserQuery {
  let built = userQueries.get(db);
  if (!built) {
    // `_prepare()` without a name is what Drizzle's own execute() does on every call.
    const query = userQueryOf(db) as unknown as { _prepare(name?: string): BuiltUserQuery };
    built = query._prepare(named ? "crm_auth_user" : undefined);
    userQueries.set(db, built);
  }
  return built;
}

/**
 * Access tokens whose signature, issuer and audience were verified, with their claims and expiry,
 * per signing secret: the same token string on the next request needs no second HMAC and JSON
 * parse. Expiry is checked on every use; everything else a token can lose (user disabled, epoch
 * bumped by a logout or a password change) is read from the database on every request, below.
 */
interface VerifiedToken {
  sub: string;
  ep: number;
  expiresAt: number;
}
const MAX_TOKENS = 10_000;
const verifiedTokens = new Map<string, Map<string, VerifiedToken>>();

function claimsOf(secret: string, token: string): { sub: string; ep: number } {
  let verified = verifiedTokens.get(secret);
  if (!verified) {
    verified = new Map();
    verifiedTokens.set(secret, verified);
  }
  const known = verified.get(token);
  if (known && known.expiresAt > Date.now()) return known;
  if (known) verified.delete(token);
  // Throws 401 (expired or invalid) unless the token is good now.
  const claims = verifyAccessToken(secret, token);
  const payload = JSON.parse(Buffer.from(token.split(".")[1] ?? "", "base64url").toString("utf8")) as {
    exp?: unknown;
  };
  if (typeof payload.exp === "number") {
    if (verified.size >= MAX_TOKENS) verified.delete(verified.keys().next().value!);
    verified.set(token, { ...claims, expiresAt: payload.exp * 1000 });
  }
  return claims;
}

async function authenticate(app: FastifyInstance, request: FastifyRequest): Promise<Caller> {
  const header = request.headers.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  if (!match?.[1])
    throw new AppError(401, ErrorCode.unauthenticated, { headers: { "www-authenticate": "Bearer" } });
  // An API key (crm_…) stands for its service user, narrowed to the key's permissions.
  const key = match[1].startsWith(API_KEY_PREFIX) ? await resolveApiKey(app.db, match[1]) : null;
  const claims = key ? { sub: key.userId, ep: null } : claimsOf(app.settings.jwtSecret, match[1]);
  const [user] = await userQuery(app.db, app.settings.namedStatements ?? false).execute({ id: claims.sub });
  if (!user || user.disabled) throw new AppError(401, ErrorCode.tokenInvalid);
  if (claims.ep !== null && claims.ep !== user.tokenEpoch) throw new AppError(401, ErrorCode.tokenInvalid);
  let cache = accessCache.get(app.db);
  if (!cache) {
    cache = new Map();
    accessCache.set(app.db, cache);
  }
  let access = cache.get(user.id);
  if (!access || access.version !== user.accessVersion) {
    const grants = await loadGrants(app.db, user.id);
    access = {
      version: user.accessVersion,
      grants,
      permissions: new Set(grants.flatMap((g) => g.permissions)),
      scope: await computeScope(app.db, user.id, user.departmentId, grants),
    };
    if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
    cache.set(user.id, access);
  }
  const permissions = key?.permissions
    ? new Set([...access.permissions].filter((p) => key.permissions!.includes(p)))
    : access.permissions;
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    departmentId: user.departmentId,
    mustChangePassword: key ? false : user.mustChangePassword,
    apiKeyId: key?.id ?? null,
    permissions,
    grants: access.grants,
    scope: access.scope,
    accessVersion: user.accessVersion,
  };
}
