import { ErrorCode } from "@crm/contracts";

export interface FieldIssue {
  field: string;
  /** A key of our own messages (see i18n.ts) or a zod issue code. */
  code: string;
}

/** The one error type services throw; the error plugin turns it into problem+json. */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    readonly options: {
      fields?: FieldIssue[];
      headers?: Record<string, string>;
      detail?: string;
      /** RFC 9457 extension members added to the problem body. */
      extensions?: Record<string, unknown>;
    } = {},
  ) {
    super(code);
  }
}

export const notFound = () => new AppError(404, ErrorCode.notFound);
export const forbidden = () => new AppError(403, ErrorCode.forbidden);
export const unauthenticated = (code: ErrorCode = ErrorCode.unauthenticated) => new AppError(401, code);
