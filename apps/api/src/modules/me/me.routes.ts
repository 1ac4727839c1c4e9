import {
  ChangePasswordRequest,
  Me,
  MyStats,
  MyStatsQuery,
  NotificationPreferences,
  NotificationPreferencesUpdate,
  TokenResponse,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { myStats } from "../activities/stats.service.js";
import { setRefreshCookie } from "../auth/auth.routes.js";
import { changePassword, loadMe } from "../auth/auth.service.js";
import { readNotificationPreferences, replaceNotificationPreferences } from "./preferences.service.js";

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

  app.get(
    "/me/notification-preferences",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Which kinds of notification the caller wants in the app",
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => readNotificationPreferences(app.db, callerOf(request).userId),
  );

  app.put(
    "/me/notification-preferences",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "Replace the caller's notification choices",
        description:
          "A kind set to false is no longer notified to the caller, whoever or whatever produces it; a kind left out is on.",
        body: NotificationPreferencesUpdate,
        response: { 200: NotificationPreferences },
      },
    },
    async (request) => replaceNotificationPreferences(app.db, callerOf(request).userId, request.body),
  );

  app.get(
    "/me/stats",
    {
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "我的统计: the caller's own figures for a period, and a 12-month trend",
        description:
          "Days are Asia/Shanghai dates, both ends included. The trend covers the 12 months up to the period's last month.",
        querystring: MyStatsQuery,
        response: { 200: MyStats },
      },
    },
    async (request) => myStats(app.db, callerOf(request), request.query),
  );
};
