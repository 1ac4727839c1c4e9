import { ErrorCode, TokenResponse } from "@crm/contracts";
import type { z } from "zod";
import { currentLanguage } from "../i18n/i18n";
import { ApiError, ClientErrorCode, toApiError } from "./api-error";
import {
  getAccessToken,
  getSession,
  type SessionEndReason,
  setAnonymous,
  setAuthenticated,
  updateUser,
} from "./session-store";

export const API_BASE = "/api/v1";

/** Refresh this long before the access token expires (or at 80 % of its lifetime when that is shorter). */
const REFRESH_MARGIN_SECONDS = 60;

export interface RequestOptions<S extends z.ZodType | undefined> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** zod schema the JSON response must satisfy. */
  schema?: S;
  /** Send the access token and, on 401, refresh once and retry. Off for the auth endpoints themselves. */
  auth?: boolean;
  /** Send cookies (the refresh cookie is scoped to /api/v1/auth). */
  withCredentials?: boolean;
  /** The record version the change is based on, sent as `If-Match: "<version>"` (412 when stale). */
  ifMatch?: number;
  signal?: AbortSignal;
}

type Result<S> = S extends z.ZodType ? z.output<S> : undefined;

async function send(path: string, options: RequestOptions<z.ZodType | undefined>): Promise<Response> {
  const headers = new Headers({ Accept: "application/json", "Accept-Language": currentLanguage() });
  const token = options.auth === false ? null : getAccessToken();
  if (token) headers.set("Authorization", `Bearer ${token}`);
  if (options.ifMatch !== undefined) headers.set("If-Match", `"${options.ifMatch}"`);
  let body: string | undefined;
  if (options.body !== undefined) {
    headers.set("Content-Type", "application/json");
    body = JSON.stringify(options.body);
  }
  try {
    return await fetch(`${API_BASE}${path}`, {
      method: options.method ?? (body === undefined ? "GET" : "POST"),
      headers,
      body,
      credentials: options.withCredentials ? "include" : "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw new ApiError({ status: 0, code: ClientErrorCode.network, title: String(error) });
  }
}

async function readBody<S extends z.ZodType | undefined>(response: Response, schema: S): Promise<Result<S>> {
  if (response.status === 204 || !schema) return undefined as Result<S>;
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new ApiError({ status: response.status, code: ClientErrorCode.badResponse, title: "Invalid JSON" });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    console.error("Unexpected API response", response.url, parsed.error.issues);
    throw new ApiError({ status: response.status, code: ClientErrorCode.badResponse, title: "Bad response" });
  }
  return parsed.data as Result<S>;
}

/**
 * Calls the API. Adds the bearer token and `Accept-Language`; on a 401 it refreshes the session once
 * (shared by concurrent callers) and retries; if that fails the session ends and the route guard sends
 * the user to /login?from=<current page>. Errors are thrown as ApiError.
 */
export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  path: string,
  options: RequestOptions<S> = {},
): Promise<Result<S>> {
  const tokenUsed = options.auth === false ? null : getAccessToken();
  let response = await send(path, options);
  if (response.status === 401 && options.auth !== false) {
    // Another request may already have refreshed while this one was in flight.
    const current = getAccessToken();
    const refreshed = current !== null && current !== tokenUsed ? true : await refreshSession();
    if (!refreshed) {
      endSession("expired");
      throw await toApiError(response);
    }
    response = await send(path, options);
    if (response.status === 401) {
      endSession("expired");
      throw await toApiError(response);
    }
  }
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.code === ErrorCode.passwordChangeRequired) {
      // The server insists on a new password first; the route guard takes the user there.
      const user = getSession().user;
      if (user && !user.mustChangePassword) updateUser({ ...user, mustChangePassword: true });
    }
    throw error;
  }
  return readBody(response, options.schema as S);
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshInFlight: Promise<boolean> | null = null;

function scheduleRefresh(expiresIn: number): void {
  clearTimeout(refreshTimer);
  const lead = Math.min(REFRESH_MARGIN_SECONDS, expiresIn * 0.2);
  const seconds = Math.max(5, expiresIn - lead);
  refreshTimer = setTimeout(() => {
    void refreshSession().then((ok) => {
      if (!ok) endSession("expired");
    });
  }, seconds * 1000);
}

/** Stores a fresh token pair's access half and plans the next refresh. */
export function startSession(tokens: TokenResponse): void {
  setAuthenticated(tokens.accessToken, tokens.user);
  scheduleRefresh(tokens.expiresIn);
}

export function endSession(reason: Exclude<SessionEndReason, null>): void {
  clearTimeout(refreshTimer);
  setAnonymous(reason);
}

/** Exchanges the refresh cookie for a new access token. Concurrent callers share one request. */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    try {
      const tokens = await apiRequest("/auth/refresh", {
        method: "POST",
        body: {},
        schema: TokenResponse,
        auth: false,
        withCredentials: true,
      });
      startSession(tokens);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.status === 0) console.warn("Session refresh failed: offline");
      return false;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

/** On app load: the httpOnly cookie, if still valid, brings the session back without a login. */
export async function restoreSession(): Promise<void> {
  if (getSession().status !== "pending") return;
  const ok = await refreshSession();
  if (!ok && getSession().status === "pending") setAnonymous(null);
}
