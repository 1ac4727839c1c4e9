import { z } from "zod";

export const Username = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/);

/** Password policy for new passwords: 8–128 characters with letters and digits. */
export const NewPassword = z
  .string()
  .min(8)
  .max(128)
  .regex(/[A-Za-z]/, { error: "password_needs_letter" })
  .regex(/[0-9]/, { error: "password_needs_digit" });

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
