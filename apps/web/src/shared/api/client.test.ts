import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";
import { apiRequest, endSession, startSession } from "./client";
import { getSession } from "./session-store";

const user = {
  id: "8f1d3c3e-4b7a-4d2e-9a5c-0c6f2b1e7a11",
  username: "admin",
  displayName: "系统管理员",
  departmentId: null,
  departmentName: null,
  mustChangePassword: false,
  permissions: [],
};

function tokens(accessToken: string) {
  return { accessToken, tokenType: "Bearer" as const, expiresIn: 900, refreshToken: "rt_x", user };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  const type = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(JSON.stringify(body), { status, headers: { "content-type": type, ...headers } });
}

function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return json(status, { type: `about:blank#${code}`, title: code, status, code, ...extra });
}

type Handler = (url: string, init: RequestInit) => Response | Promise<Response>;

function mockFetch(handler: Handler) {
  const calls: { url: string; auth: string | null; lang: string | null }[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const headers = new Headers(init.headers);
    calls.push({ url, auth: headers.get("Authorization"), lang: headers.get("Accept-Language") });
    return handler(url, init);
  });
  vi.stubGlobal("fetch", fetchMock);
  return calls;
}

describe("apiRequest", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    startSession(tokens("old"));
  });
  afterEach(() => {
    endSession("logout");
    vi.unstubAllGlobals();
    vi.useRealTimers();
  });

  it("sends the bearer token and the UI language", async () => {
    const calls = mockFetch(() => json(200, { ok: true }));
    await apiRequest("/ping");
    expect(calls[0]).toEqual({ url: "/api/v1/ping", auth: "Bearer old", lang: "zh-CN" });
  });

  it("sends If-Match with the record version when asked", async () => {
    let ifMatch: string | null = null;
    mockFetch((_url, init) => {
      ifMatch = new Headers(init.headers).get("If-Match");
      return new Response(null, { status: 204 });
    });
    await apiRequest("/users/x", { method: "PATCH", body: {}, ifMatch: 7 });
    expect(ifMatch).toBe('"7"');
  });

  it("refreshes once for concurrent 401s and retries with the new token", async () => {
    const calls = mockFetch(async (url, init) => {
      if (url.endsWith("/auth/refresh")) return json(200, tokens("new"));
      const auth = new Headers(init.headers).get("Authorization");
      return auth === "Bearer new" ? new Response(null, { status: 204 }) : problem(401, "token_expired");
    });
    await Promise.all([apiRequest("/a"), apiRequest("/b"), apiRequest("/c")]);
    expect(calls.filter((c) => c.url.endsWith("/auth/refresh"))).toHaveLength(1);
    expect(calls.filter((c) => c.auth === "Bearer new")).toHaveLength(3);
    expect(getSession().status).toBe("authenticated");
  });

  it("ends the session as expired when the refresh fails", async () => {
    mockFetch((url) =>
      url.endsWith("/auth/refresh") ? problem(401, "refresh_token_invalid") : problem(401, "token_expired"),
    );
    await expect(apiRequest("/a")).rejects.toMatchObject({ status: 401, code: "token_expired" });
    expect(getSession()).toMatchObject({ status: "anonymous", endReason: "expired", user: null });
  });

  it("parses problem+json with its field errors", async () => {
    mockFetch(() =>
      problem(429, "account_locked", {
        detail: "locked",
        errors: [{ field: "username", code: "x", message: "m" }],
      }),
    );
    const error = await apiRequest("/x").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 429, code: "account_locked", detail: "locked" });
    expect((error as ApiError).fieldErrors).toEqual([{ field: "username", code: "x", message: "m" }]);
  });

  it("reads Retry-After", async () => {
    mockFetch(() => {
      const r = problem(429, "rate_limited");
      return new Response(r.body, { status: 429, headers: { "Retry-After": "120" } });
    });
    await expect(apiRequest("/x")).rejects.toMatchObject({ retryAfter: 120 });
  });

  it("turns a network failure into an ApiError with status 0", async () => {
    vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
    await expect(apiRequest("/x")).rejects.toMatchObject({ status: 0, code: "network_error" });
  });

  it("refreshes shortly before the access token expires", async () => {
    const calls = mockFetch(() => json(200, tokens("next")));
    await vi.advanceTimersByTimeAsync(839_000);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls.map((c) => c.url)).toEqual(["/api/v1/auth/refresh"]);
  });
});
