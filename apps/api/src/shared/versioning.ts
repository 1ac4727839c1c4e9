import { ErrorCode } from "@crm/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import { AppError } from "./errors.js";

/** The version a client says it last saw, from `If-Match: "3"` (or W/"3"); undefined when absent. */
export function ifMatch(request: FastifyRequest): number | undefined {
  const header = request.headers["if-match"];
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) throw new AppError(412, ErrorCode.preconditionFailed);
  return Number(match[1]);
}

export const etag = (reply: FastifyReply, version: number) => reply.header("etag", `"${version}"`);

/** Refuses a change made against a version that is no longer the current one. */
export function checkVersion(expected: number | undefined, current: number): void {
  if (expected !== undefined && expected !== current) {
    throw new AppError(412, ErrorCode.preconditionFailed, { extensions: { currentVersion: current } });
  }
}

/** The fields whose values differ, as the audit log records them. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: Partial<T>,
): Record<string, { before: unknown; after: unknown }> {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const [key, value] of Object.entries(after)) {
    if (value === undefined) continue;
    const old = before[key];
    if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = { before: old ?? null, after: value };
  }
  return changes;
}
