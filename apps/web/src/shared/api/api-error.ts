import { type FieldError, Problem } from "@crm/contracts";

/** With `duplicate_customer`: the likely duplicates the server found (id null outside the caller's scope). */
export type ProblemDuplicate = NonNullable<Problem["duplicates"]>[number];

/** Client-only codes for failures that never reached (or never made sense of) the API. */
export const ClientErrorCode = {
  network: "network_error",
  badResponse: "bad_response",
  unknown: "unknown",
} as const;

/** A failed API call, parsed from an RFC 9457 problem+json body when there is one. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string | undefined;
  readonly requestId: string | undefined;
  readonly fieldErrors: FieldError[];
  /** Seconds from the `Retry-After` header, when the server sent one. */
  readonly retryAfter: number | undefined;
  readonly duplicates: ProblemDuplicate[];
  /** RFC 9457 extension members of the body (`available` with insufficient_stock, ...). */
  readonly extensions: Record<string, unknown>;

  constructor(init: {
    status: number;
    code: string;
    title: string;
    detail?: string | undefined;
    requestId?: string | undefined;
    fieldErrors?: FieldError[] | undefined;
    retryAfter?: number | undefined;
    duplicates?: ProblemDuplicate[] | undefined;
    extensions?: Record<string, unknown> | undefined;
  }) {
    super(init.detail ?? init.title);
    this.status = init.status;
    this.code = init.code;
    this.title = init.title;
    this.detail = init.detail;
    this.requestId = init.requestId;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter;
    this.duplicates = init.duplicates ?? [];
    this.extensions = init.extensions ?? {};
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Builds an ApiError from a non-2xx response, whatever its body looks like. */
export async function toApiError(response: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(response.headers.get("Retry-After"));
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const problem = Problem.safeParse(body);
  if (problem.success) {
    const p = problem.data;
    return new ApiError({
      status: p.status || response.status,
      code: p.code,
      title: p.title,
      detail: p.detail,
      requestId: p.requestId,
      fieldErrors: p.errors,
      retryAfter,
      duplicates: p.duplicates,
      extensions: body as Record<string, unknown>,
    });
  }
  return new ApiError({
    status: response.status,
    code: ClientErrorCode.unknown,
    title: response.statusText || `HTTP ${response.status}`,
    retryAfter,
  });
}
