import type { FastifyInstance, FastifyRequest } from "fastify";
import fp from "fastify-plugin";

/**
 * The URL of the next page: the request's own path and query (filters, sort, limit kept) with the
 * cursor replaced. A path-absolute reference, which clients resolve against the URL they called.
 */
export function nextPageUrl(requestUrl: string, nextCursor: string): string {
  const url = new URL(requestUrl, "http://localhost");
  url.searchParams.set("cursor", nextCursor);
  return `${url.pathname}${url.search}`;
}

const isRecord = (payload: unknown): payload is Record<string, unknown> =>
  typeof payload === "object" && payload !== null && !Array.isArray(payload);

/** The ETag of an answer that is one versioned record (`"<version>"`), else undefined. */
export function etagOf(payload: unknown): string | undefined {
  return isRecord(payload) && Number.isInteger(payload.version) && typeof payload.id === "string"
    ? `"${payload.version}"`
    : undefined;
}

/**
 * Two headers every resource shares, set here once for all routes:
 * - `Link: <…?cursor=…>; rel="next"` on every cursor-paginated list with a next page (the body's
 *   `nextCursor`), so clients can follow pages without building URLs;
 * - `ETag: "<version>"` on every answer that is one versioned record, for `If-Match` on the next
 *   change (routes may set it themselves first; it is not overwritten).
 */
export const resourceHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook("preSerialization", (request: FastifyRequest, reply, payload: unknown, done) => {
      if (isRecord(payload) && reply.statusCode < 300) {
        if (typeof payload.nextCursor === "string" && Array.isArray(payload.items)) {
          reply.header("link", `<${nextPageUrl(request.url, payload.nextCursor)}>; rel="next"`);
        } else if (!reply.hasHeader("etag")) {
          const tag = etagOf(payload);
          if (tag) reply.header("etag", tag);
        }
      }
      done(null, payload);
    });
  },
  { name: "resource-headers" },
);
