import { z } from "zod";

/** Stable machine-readable error codes. Clients branch on these, never on messages. */
export const ErrorCode = {
  validation: "validation_failed",
  badRequest: "bad_request",
  unauthenticated: "unauthenticated",
  invalidCredentials: "invalid_credentials",
  tokenInvalid: "token_invalid",
  tokenExpired: "token_expired",
  refreshInvalid: "refresh_token_invalid",
  accountLocked: "account_locked",
  accountDisabled: "account_disabled",
  passwordChangeRequired: "password_change_required",
  passwordIncorrect: "password_incorrect",
  forbidden: "forbidden",
  notFound: "not_found",
  conflict: "conflict",
  preconditionFailed: "precondition_failed",
  departmentNotEmpty: "department_not_empty",
  cycle: "cycle_detected",
  lastAdministrator: "last_administrator",
  duplicateCustomer: "duplicate_customer",
  gone: "record_deleted",
  insufficientStock: "insufficient_stock",
  idempotencyKeyReused: "idempotency_key_reused",
  rateLimited: "rate_limited",
  payloadTooLarge: "payload_too_large",
  unsupportedMediaType: "unsupported_media_type",
  notReady: "not_ready",
  databaseUnavailable: "database_unavailable",
  writeConflict: "write_conflict",
  internal: "internal_error",
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export const FieldError = z.object({
  field: z.string().meta({ description: "Dotted path of the field, e.g. `password` or `items.0.price`" }),
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof FieldError>;

/** RFC 9457 problem details, with our stable `code` and per-field `errors`. */
export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string(),
    requestId: z.string().optional(),
    errors: z.array(FieldError).optional(),
    duplicates: z
      .array(
        z.object({
          id: z.string().nullable(),
          code: z.string(),
          name: z.string(),
          ownerName: z.string().nullable(),
          matchedOn: z.array(z.string()),
        }),
      )
      .optional()
      .meta({
        description: "With duplicate_customer: the likely duplicates (id null when outside your scope)",
      }),
    currentVersion: z
      .number()
      .int()
      .optional()
      .meta({ description: "With precondition_failed: the record's version now (send it as If-Match)" }),
  })
  .meta({ id: "Problem", description: "RFC 9457 application/problem+json" });
export type Problem = z.infer<typeof Problem>;
