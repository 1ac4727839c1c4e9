import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

const ALLOW_METHODS = "GET, POST, PUT, PATCH, DELETE";
const ALLOW_HEADERS = "Authorization, Content-Type, If-Match, Idempotency-Key, Accept-Language, X-Request-Id";
const EXPOSE_HEADERS =
  "ETag, Location, X-Request-Id, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Content-Disposition";

/**
 * CORS for an explicit allow-list of origins (CORS_ORIGINS; none by default, the SPA is served from
 * the same origin). An allowed origin may call the API with a bearer token; credentials (the
 * refresh cookie) are never shared cross-origin. Any other origin gets no CORS header at all, so
 * the browser keeps its answers from the calling page. Small enough not to need @fastify/cors.
 */
export const corsPlugin = fp(
  async (app: FastifyInstance, opts: { origins: readonly string[] }) => {
    const allowed = new Set(opts.origins);
    if (allowed.size === 0) return;
    app.addHook("onRequest", async (request, reply) => {
      const origin = request.headers.origin;
      if (!origin) return;
      // Raw headers, so streamed (hijacked) answers such as exports carry them too.
      reply.raw.setHeader("vary", "Origin");
      if (!allowed.has(origin)) return;
      reply.raw.setHeader("access-control-allow-origin", origin);
      reply.raw.setHeader("access-control-expose-headers", EXPOSE_HEADERS);
      if (request.method === "OPTIONS" && request.headers["access-control-request-method"]) {
        reply.raw.setHeader("access-control-allow-methods", ALLOW_METHODS);
        reply.raw.setHeader("access-control-allow-headers", ALLOW_HEADERS);
        reply.raw.setHeader("access-control-max-age", "600");
        return reply.code(204).send();
      }
    });
  },
  { name: "cors" },
);
