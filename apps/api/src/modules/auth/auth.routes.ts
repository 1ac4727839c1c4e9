import { ErrorCode, LoginRequest, LogoutRequest, RefreshRequest, TokenResponse } from "@crm/contracts";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { contextOf } from "../../shared/audit.js";
import { AppError } from "../../shared/errors.js";
import * as auth from "./auth.service.js";

export const REFRESH_COOKIE = "crm_refresh";
const COOKIE_PATH = "/api/v1/auth";

export function setRefreshCookie(reply: FastifyReply, token: string, maxAge: number, secure: boolean) {
  reply.setCookie(REFRESH_COOKIE, token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: COOKIE_PATH,
    maxAge,
  });
}

/**
 * The refresh token from the body, or else from the cookie. A request that relies on the cookie
 * (an ambient credential) must come from this app's own pages: see assertSameOrigin.
 */
function tokenOf(request: FastifyRequest, body: { refreshToken?: string | undefined } | undefined) {
  if (body?.refreshToken) return body.refreshToken;
  const cookie = request.cookies[REFRESH_COOKIE];
  if (cookie) assertSameOrigin(request);
  return cookie;
}

/** Whether an Origin names this host (the default port of its scheme written or not). */
function sameHost(origin: string, host: string): boolean {
  if (!URL.canParse(origin)) return false;
  const o = new URL(origin);
  return URL.canParse(`${o.protocol}//${host}`) && new URL(`${o.protocol}//${host}`).host === o.host;
}

/**
 * CSRF defence for the cookie routes, on top of the cookie's SameSite=Strict (which still lets a
 * sibling subdomain through, being "same-site") and the API taking JSON only (a cross-site form
 * cannot send it, a cross-site fetch of it needs a CORS preflight that is never granted with
 * credentials): the browser's Sec-Fetch-Site must say same-origin, or, from a browser too old to
 * send it, the Origin must be this host. Clients that are not browsers send neither and hold no
 * cookie of a victim.
 */
export function assertSameOrigin(request: FastifyRequest) {
  const site = request.headers["sec-fetch-site"];
  const origin = request.headers.origin;
  let ok = true;
  if (typeof site === "string") ok = site === "same-origin" || site === "none";
  else if (typeof origin === "string") ok = sameHost(origin, request.host);
  if (!ok) {
    throw new AppError(403, ErrorCode.forbidden, {
      fields: [{ field: "origin", code: "cross_site_request" }],
    });
  }
}

const tags = ["auth"];

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const s = app.settings;

  app.post(
    "/auth/login",
    {
      config: { access: "public", rateLimit: { max: s.loginRatePerMinute, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: "Log in with username and password",
        description:
          "Returns a short-lived access token and a rotating refresh token (also set as an httpOnly cookie). " +
          "A wrong username or password gets the same 401. Repeated failures lock the username for a while (429).",
        body: LoginRequest,
        response: { 200: TokenResponse },
      },
    },
    async (request, reply) => {
      const tokens = await auth.login(app.db, s, request.body, contextOf(request));
      setRefreshCookie(reply, tokens.refreshToken, s.refreshTokenTtl, s.cookieSecure);
      return tokens;
    },
  );

  app.post(
    "/auth/refresh",
    {
      config: { access: "public", rateLimit: { max: s.loginRatePerMinute * 4, timeWindow: 60_000 } },
      schema: {
        tags,
        summary: "Exchange a refresh token for new tokens",
        description:
          "The refresh token comes from the body or the cookie. It is single-use: the answer carries its " +
          "replacement, and presenting a used one again revokes the whole session.",
        body: RefreshRequest.optional(),
        response: { 200: TokenResponse },
      },
    },
    async (request, reply) => {
      const tokens = await auth.refresh(app.db, s, tokenOf(request, request.body), contextOf(request));
      setRefreshCookie(reply, tokens.refreshToken, s.refreshTokenTtl, s.cookieSecure);
      return tokens;
    },
  );

  app.post(
    "/auth/logout",
    {
      config: { access: "public" },
      schema: {
        tags,
        summary: "End the session of a refresh token",
        body: LogoutRequest.optional(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await auth.logout(app.db, tokenOf(request, request.body), contextOf(request));
      reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH });
      return reply.status(204).send(null);
    },
  );
};
