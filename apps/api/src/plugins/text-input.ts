import { ErrorCode, type FieldError } from "@crm/contracts";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";
import { customMessage } from "../shared/i18n.js";
import { sendProblem } from "./errors.js";

/**
 * Text PostgreSQL cannot store: a NUL character (text columns and parameters refuse it with an
 * error) or a lone UTF-16 surrogate (not Unicode at all, so not valid UTF-8). Found anywhere in the
 * path, the query or a JSON body, key or value, such a request is refused before validation with
 * 400 and the field, instead of failing at the database with 500.
 */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function badText(s: string): boolean {
  return s.includes("\u0000") || LONE_SURROGATE.test(s);
}

function findBadText(value: unknown, path: string[], out: string[], depth = 0): void {
  if (out.length >= 20 || depth > 64) return;
  if (typeof value === "string") {
    if (badText(value)) out.push(path.join("."));
    return;
  }
  if (!value || typeof value !== "object" || Buffer.isBuffer(value)) return;
  for (const [k, v] of Object.entries(value)) {
    if (badText(k)) out.push([...path, k.replaceAll("\u0000", "\\0")].join("."));
    else findBadText(v, [...path, k], out, depth + 1);
  }
}

export const textInputPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook("preValidation", (request, reply, done) => {
      for (const [where, value] of [
        ["params", request.params],
        ["querystring", request.query],
        ["body", request.body],
      ] as const) {
        const fields: string[] = [];
        findBadText(value, [], fields);
        if (!fields.length) continue;
        const errors: FieldError[] = fields.map((field) => ({
          field: field || "(root)",
          code: "invalid_characters",
          message: customMessage(request.lang, "invalid_characters"),
        }));
        const en = request.lang === "en";
        // The answer is sent: done() is not called, so the request goes no further.
        sendProblem(request, reply, 400, ErrorCode.validation, {
          errors,
          detail: en ? `Invalid ${where}` : `${where === "body" ? "请求体" : "请求参数"}校验失败`,
        });
        return;
      }
      done();
    });
  },
  { name: "text-input", dependencies: ["errors"] },
);
