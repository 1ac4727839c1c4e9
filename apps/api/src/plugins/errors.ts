import { ErrorCode, type FieldError, type Problem } from "@crm/contracts";
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { AppError } from "../shared/errors.js";
import {
  customMessage,
  ERROR_TITLES,
  isCustomMessage,
  issueMessage,
  type Lang,
  pickLang,
} from "../shared/i18n.js";

declare module "fastify" {
  interface FastifyRequest {
    lang: Lang;
  }
}

const PROBLEM_BASE = "https://crm.invalid/problems/";

export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  extra: {
    detail?: string;
    errors?: FieldError[];
    headers?: Record<string, string>;
    extensions?: Record<string, unknown>;
  } = {},
) {
  const lang = request.lang ?? pickLang(request.headers["accept-language"]);
  const body: Problem = {
    type: PROBLEM_BASE + code,
    title: ERROR_TITLES[code][lang],
    status,
    code,
    instance: request.url.split("?")[0],
    requestId: request.id,
    ...(extra.detail ? { detail: extra.detail } : {}),
    ...(extra.errors?.length ? { errors: extra.errors } : {}),
    ...extra.extensions,
  };
  for (const [k, v] of Object.entries(extra.headers ?? {})) reply.header(k, v);
  return reply
    .status(status)
    .type("application/problem+json; charset=utf-8")
    .serializer(JSON.stringify)
    .send(body);
}

/** Fastify's own 4xx errors (bad JSON, wrong content type, body too large, ...) and their codes. */
function frameworkCode(status: number): ErrorCode {
  if (status === 413) return ErrorCode.payloadTooLarge;
  if (status === 415) return ErrorCode.unsupportedMediaType;
  if (status === 429) return ErrorCode.rateLimited;
  if (status === 404) return ErrorCode.notFound;
  if (status === 401) return ErrorCode.unauthenticated;
  if (status === 403) return ErrorCode.forbidden;
  return ErrorCode.badRequest;
}

/** Socket errors of the database connection, and SQLSTATEs of a server that is down or restarting. */
const DB_DOWN_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
const DB_DOWN_MESSAGE =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Cannot use a pool after calling end/i;

/**
 * True when the error (or one it wraps: drizzle wraps the driver's) says the database cannot be
 * reached: connection refused or lost, class 08, admin/crash shutdown or start-up (57P01-57P03),
 * too many connections. Such a request is answered 503, not 500: its transaction rolled back
 * (unless the connection broke during the COMMIT itself: a retry with an Idempotency-Key is safe).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string") {
      if (DB_DOWN_CODES.has(code) || code.startsWith("08") || /^57P0[123]$/.test(code) || code === "53300")
        return true;
    }
    if (typeof message === "string" && DB_DOWN_MESSAGE.test(message)) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * True when PostgreSQL rolled the transaction back because of another one running at the same
 * time: a deadlock (40P01), a serialization failure (40001) or a lock that could not be had
 * (55P03). Nothing was written; the same request sent again succeeds or gets its real answer.
 */
export function isWriteConflict(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const { code } = e as { code?: unknown };
    if (code === "40P01" || code === "40001" || code === "55P03") return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

/** Every error leaves as RFC 9457 problem+json; 5xx details stay in the log. */
export const errorsPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest("lang", "zh-CN");
    // Callback-style hooks where nothing is awaited: no promise and no extra tick per request.
    app.addHook("onRequest", (request, reply, done) => {
      request.lang = pickLang(request.headers["accept-language"]);
      reply.header("x-request-id", request.id);
      done();
    });

    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      const lang = request.lang;
      if (error instanceof AppError) {
        const errors = error.options.fields?.map((f) => ({
          field: f.field,
          code: f.code,
          message:
            customMessage(lang, f.code) === f.code
              ? ERROR_TITLES[error.code][lang]
              : customMessage(lang, f.code),
        }));
        return sendProblem(request, reply, error.status, error.code, {
          ...(errors ? { errors } : {}),
          ...(error.options.detail
            ? {
                detail: isCustomMessage(error.options.detail)
                  ? customMessage(lang, error.options.detail)
                  : error.options.detail,
              }
            : {}),
          ...(error.options.headers ? { headers: error.options.headers } : {}),
          ...(error.options.extensions ? { extensions: error.options.extensions } : {}),
        });
      }
      if (hasZodFastifySchemaValidationErrors(error)) {
        const where = (error as { validationContext?: string }).validationContext ?? "body";
        const sent: unknown = { body: request.body, querystring: request.query, params: request.params }[
          where
        ];
        const errors: FieldError[] = error.validation.map((v) => {
          const segments = v.instancePath.split("/").filter(Boolean);
          const path = segments.join(".");
          // The value sent there: zod's messages name its type ("expected string, received object").
          const input = segments.reduce<unknown>(
            (at, k) => (at && typeof at === "object" ? (at as Record<string, unknown>)[k] : undefined),
            sent,
          );
          const params = v.params as Record<string, unknown>;
          const field = path || (where === "body" ? "" : where);
          // zod reports a missing field as invalid_type with "received undefined"; say "required".
          const missing = v.keyword === "invalid_type" && /received undefined/.test(v.message ?? "");
          // Our own rules carry their message key (e.g. credit_code_invalid): that is the stable code.
          const ownKey = v.message && isCustomMessage(v.message) ? v.message : undefined;
          return {
            field: field || "(root)",
            code: missing ? "required" : (ownKey ?? String(v.keyword)),
            message: missing
              ? customMessage(lang, "required")
              : issueMessage(lang, { ...params, code: String(v.keyword), message: v.message, input }),
          };
        });
        // Unknown keys are reported by zod on the parent; name each offending key instead.
        const expanded = errors.flatMap((e, i) => {
          const keys = (error.validation[i]?.params as { keys?: string[] })?.keys;
          if (e.code !== "unrecognized_keys" || !keys) return [e];
          const prefix = e.field === "(root)" ? "" : `${e.field}.`;
          return keys.map((k) => ({
            // An empty key ({"": 1}) is named as such, not as an empty field name.
            field: prefix + (k === "" ? '""' : k),
            code: e.code,
            message: customMessage(lang, "unknown_field"),
          }));
        });
        return sendProblem(request, reply, 400, ErrorCode.validation, {
          errors: expanded,
          detail: lang === "en" ? `Invalid ${where}` : `${where === "body" ? "请求体" : "请求参数"}校验失败`,
        });
      }
      const status = typeof error.statusCode === "number" ? error.statusCode : 500;
      if (status >= 400 && status < 500) {
        const headers: Record<string, string> = {};
        const retry = reply.getHeader("retry-after");
        if (retry !== undefined) headers["retry-after"] = String(retry);
        return sendProblem(request, reply, status, frameworkCode(status), { detail: error.message, headers });
      }
      if (isDatabaseUnavailable(error)) {
        request.log.warn({ err: error }, "database unavailable");
        return sendProblem(request, reply, 503, ErrorCode.databaseUnavailable, {
          headers: { "retry-after": "2" },
        });
      }
      if (isWriteConflict(error)) {
        request.log.warn({ err: error }, "write conflict");
        return sendProblem(request, reply, 409, ErrorCode.writeConflict, { headers: { "retry-after": "1" } });
      }
      request.log.error({ err: error }, "unhandled error");
      return sendProblem(request, reply, 500, ErrorCode.internal);
    });

    app.setNotFoundHandler((request, reply) => sendProblem(request, reply, 404, ErrorCode.notFound));
  },
  { name: "errors" },
);
