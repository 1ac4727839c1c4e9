import { createHash } from "node:crypto";
import { ErrorCode } from "@crm/contracts";
import { idempotencyKeys } from "@crm/db";
import { and, eq, lt, sql } from "drizzle-orm";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fp from "fastify-plugin";
import { AppError } from "../shared/errors.js";
import { etagOf } from "./resource-headers.js";

declare module "fastify" {
  interface FastifyRequest {
    idempotency: { callerId: string; key: string } | null;
  }
}

const KEY = /^[\w.:-]{1,100}$/;

const parseJson = (text: string | null): unknown => {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
};
const KEEP_HOURS = 48;

/**
 * `Idempotency-Key` on any authenticated POST: the first request's answer is stored and a retry
 * with the same key and body gets it again (header `Idempotent-Replayed: true`) without a second
 * write; the same key with another body is 422; while the first is still running, 409. Answers
 * are kept 48 hours. Server errors are not kept, so a retry after one runs again.
 */
export const idempotencyPlugin = fp(
  async (app: FastifyInstance) => {
    app.decorateRequest("idempotency", null);

    const claimKey = async (request: FastifyRequest, reply: FastifyReply) => {
      const key = request.headers["idempotency-key"];
      if (request.method !== "POST" || key === undefined || !request.caller) return;
      if (typeof key !== "string" || !KEY.test(key))
        throw new AppError(400, ErrorCode.validation, {
          fields: [{ field: "Idempotency-Key", code: "idempotency_key_format" }],
        });
      const callerId = request.caller.apiKeyId ?? request.caller.userId;
      const path = request.url.split("?")[0] ?? request.url;
      const bodyHash = createHash("sha256")
        .update(`${path}\n${JSON.stringify(request.body ?? null)}`)
        .digest("hex");
      const claimed = await app.db
        .insert(idempotencyKeys)
        .values({ callerId, key, method: request.method, path, bodyHash })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length) {
        request.idempotency = { callerId, key };
        if (Math.random() < 0.01)
          void app.db
            .delete(idempotencyKeys)
            .where(lt(idempotencyKeys.createdAt, sql`now() - make_interval(hours => ${KEEP_HOURS})`))
            .catch(() => undefined);
        return;
      }
      const [first] = await app.db
        .select()
        .from(idempotencyKeys)
        .where(and(eq(idempotencyKeys.callerId, callerId), eq(idempotencyKeys.key, key)));
      if (!first || first.bodyHash !== bodyHash)
        throw new AppError(422, ErrorCode.idempotencyKeyReused, {
          fields: [{ field: "Idempotency-Key", code: "idempotency_key_reused" }],
        });
      if (first.statusCode === null)
        throw new AppError(409, ErrorCode.conflict, {
          detail: "idempotency_in_progress",
          headers: { "retry-after": "1" },
        });
      reply.header("idempotent-replayed", "true");
      reply.header("content-type", first.contentType ?? "application/json; charset=utf-8");
      // The replayed record's version, as the first answer had it.
      const tag = etagOf(parseJson(first.response));
      if (tag) reply.header("etag", tag);
      return reply.code(first.statusCode).send(first.response);
    };

    const keepAnswer = async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      const claim = request.idempotency;
      if (!claim) return payload;
      request.idempotency = null;
      const where = and(eq(idempotencyKeys.callerId, claim.callerId), eq(idempotencyKeys.key, claim.key));
      if (reply.statusCode >= 500 || (typeof payload !== "string" && !Buffer.isBuffer(payload))) {
        await app.db.delete(idempotencyKeys).where(where);
        return payload;
      }
      await app.db
        .update(idempotencyKeys)
        .set({
          statusCode: reply.statusCode,
          response: String(payload),
          contentType: String(reply.getHeader("content-type") ?? "application/json; charset=utf-8"),
        })
        .where(where);
      return payload;
    };

    // Only POST routes get the two hooks (a GET never carries the cost): the claim ahead of the
    // route's own preHandlers (as a global hook would run), the answer kept when it is sent.
    app.addHook("onRoute", (route) => {
      if (![route.method].flat().includes("POST")) return;
      route.preHandler = [claimKey, ...[route.preHandler ?? []].flat()];
      route.onSend = [...[route.onSend ?? []].flat(), keepAnswer];
    });
  },
  { name: "idempotency", dependencies: ["access"] },
);
