import { ChangePasswordRequest, Me, TokenResponse } from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { setRefreshCookie } from "../auth/auth.routes.js";
import { changePassword, loadMe } from "../auth/auth.service.js";

const tags = ["me"];

export const meRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/me",
    {
      config: { access: "authenticated", allowWhilePasswordChangeRequired: true },
      schema: { tags, summary: "The caller's own profile and permissions", response: { 200: Me } },
    },
    async (request) => loadMe(app.db, callerOf(request).userId),
  );

  app.post(
    "/me/password",
    {
      config: {
        access: "authenticated",
        allowWhilePasswordChangeRequired: true,
        rateLimit: { max: 10, timeWindow: 60_000 },
      },
      schema: {
        tags,
        summary: "Change the caller's password",
        description: "Ends every other session of the user and returns a fresh one.",
        body: ChangePasswordRequest,
        response: { 200: TokenResponse },
      },
    },
    async (request, reply) => {
      const tokens = await changePassword(
        app.db,
        app.settings,
        callerOf(request).userId,
        request.body,
        contextOf(request),
      );
      setRefreshCookie(reply, tokens.refreshToken, app.settings.refreshTokenTtl, app.settings.cookieSecure);
      return tokens;
    },
  );
};
