import { createHash, createSecretKey, type KeyObject, randomBytes } from "node:crypto";
import { ErrorCode } from "@crm/contracts";
import jwt from "jsonwebtoken";
import { AppError } from "../../shared/errors.js";

const ALGORITHM = "HS256" as const;
const ISSUER = "crm";
const AUDIENCE = "crm-api";

export interface AccessClaims {
  sub: string;
  /** The user's token epoch when the token was issued; a later epoch voids it. */
  ep: number;
}

export function signAccessToken(secret: string, userId: string, epoch: number, ttlSeconds: number): string {
  return jwt.sign({ ep: epoch }, keyOf(secret), {
    algorithm: ALGORITHM,
    issuer: ISSUER,
    audience: AUDIENCE,
    subject: userId,
    expiresIn: ttlSeconds,
    jwtid: randomBytes(8).toString("hex"),
  });
}

/** The secret as a key object, made once: jsonwebtoken would otherwise convert the string on every call. */
const keys = new Map<string, KeyObject>();
const keyOf = (secret: string) => {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, "utf8"));
    keys.set(secret, key);
  }
  return key;
};

/** Verifies signature (HS256 only, so `alg: none` and key confusion fail), issuer, audience, expiry. */
export function verifyAccessToken(secret: string, token: string): AccessClaims {
  try {
    const claims = jwt.verify(token, keyOf(secret), {
      algorithms: [ALGORITHM],
      issuer: ISSUER,
      audience: AUDIENCE,
    });
    if (typeof claims === "string" || typeof claims.sub !== "string" || typeof claims.ep !== "number") {
      throw new AppError(401, ErrorCode.tokenInvalid);
    }
    return { sub: claims.sub, ep: claims.ep };
  } catch (err) {
    if (err instanceof AppError) throw err;
    if (err instanceof jwt.TokenExpiredError) throw new AppError(401, ErrorCode.tokenExpired);
    throw new AppError(401, ErrorCode.tokenInvalid);
  }
}

/** Opaque refresh token: 32 random bytes; only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = `rt_${randomBytes(32).toString("base64url")}`;
  return { token, hash: hashRefreshToken(token) };
}

export const hashRefreshToken = (token: string) => createHash("sha256").update(token).digest("hex");
