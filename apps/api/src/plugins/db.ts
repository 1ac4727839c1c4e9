import type { Db, DbHandle } from "@crm/db";
import type { FastifyInstance } from "fastify";
import fp from "fastify-plugin";

declare module "fastify" {
  interface FastifyInstance {
    db: Db;
    dbHandle: DbHandle;
  }
}

/** Decorates the app with the database; closes it with the app when the app owns it. */
export const dbPlugin = fp(
  async (app: FastifyInstance, opts: { handle: DbHandle; owned: boolean }) => {
    app.decorate("db", opts.handle.db);
    app.decorate("dbHandle", opts.handle);
    if (opts.owned) app.addHook("onClose", async () => opts.handle.close());
  },
  { name: "db" },
);
