import { SystemSettingsUpdate, VersionedSystemSettings } from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import { readSettings, updateSettings } from "./settings.service.js";

const tags = ["settings"];

export const settingsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/settings",
    {
      // Everyone's pages depend on them (the workbench's follow-up interval, later the header).
      config: { access: "authenticated" },
      schema: {
        tags,
        summary: "The company-wide settings (系统设置), with their version as ETag",
        response: { 200: VersionedSystemSettings },
      },
    },
    async (_request, reply) => {
      const { settings, version } = await readSettings(app.db);
      etag(reply, version);
      return { ...settings, version };
    },
  );

  app.patch(
    "/settings",
    {
      config: { access: { permission: "settings:manage" } },
      schema: {
        tags,
        summary: "Change some settings (If-Match: the version read)",
        description: "Keys left out keep their value. Audited.",
        body: SystemSettingsUpdate,
        response: { 200: VersionedSystemSettings },
      },
    },
    async (request, reply) => {
      const { settings, version } = await updateSettings(
        app.db,
        callerOf(request),
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, version);
      return { ...settings, version };
    },
  );
};
