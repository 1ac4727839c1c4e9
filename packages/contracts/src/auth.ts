import { z } from "zod";

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/);

/**
 * The most used passwords that would pass the rules below (global and Chinese lists), compared
 * without case: the first guesses of any attacker (OWASP ASVS 2.1.7 asks for a breached-password
 * check; this is its offline minimum).
 */
const COMMON_PASSWORDS = new Set(
  [
    "password1 password12 password123 passw0rd p@ssw0rd p@ssword1 qwerty123 qwerty12 qwe123456",
    "qweasd123 123qweasd qwer1234 1qaz2wsx 1q2w3e4r q1w2e3r4 zaq12wsx asdf1234 zxcv1234 abc12345",
    "abc123456 abcd1234 a1234567 a12345678 a123456789 aa123456 aa123456789 123456aa 123456abc",
    "admin123 admin888 admin1234 root1234 test1234 welcome1 iloveyou1 woaini1314 woaini520 5201314a",
    "demo2026 changeme1",
  ]
    .join(" ")
    .split(" "),
);

/** Password policy for new passwords: 8–128 characters with letters and digits, none of the commonest. */
export const NewPassword = z
  .string()
  .min(8)
  .max(128)
  .regex(/[A-Za-z]/, { error: "password_needs_letter" })
  .regex(/[0-9]/, { error: "password_needs_digit" })
  .refine((p) => !COMMON_PASSWORDS.has(p.toLowerCase()), { error: "password_too_common" });

export const LoginRequest = z
  .strictObject({
    username: z.string().trim().min(1).max(64),
    password: z.string().min(1).max(256),
  })
  .meta({ id: "LoginRequest" });
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    mustChangePassword: z.boolean(),
    permissions: z.array(z.string()),
  })
  .meta({ id: "Me" });
export type Me = z.infer<typeof Me>;

export const TokenResponse = z
  .object({
    accessToken: z.string(),
    tokenType: z.literal("Bearer"),
    expiresIn: z.number().int().meta({ description: "Seconds until the access token expires" }),
    refreshToken: z
      .string()
      .meta({ description: "Rotating refresh token; browsers also get it as an httpOnly cookie" }),
    user: Me,
  })
  .meta({ id: "TokenResponse" });
export type TokenResponse = z.infer<typeof TokenResponse>;

export const RefreshRequest = z
  .strictObject({
    refreshToken: z.string().min(10).max(512).optional(),
  })
  .meta({ id: "RefreshRequest" });
export type RefreshRequest = z.infer<typeof RefreshRequest>;

export const LogoutRequest = RefreshRequest;

export const ChangePasswordRequest = z
  .strictObject({
    currentPassword: z.string().min(1).max(256),
    newPassword: NewPassword,
  })
  .meta({ id: "ChangePasswordRequest" });
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequest>;
