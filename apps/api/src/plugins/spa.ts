import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";

/**
 * Serves the built web app, and index.html for any other GET that wants HTML, so client-side
 * routes survive a reload. API paths never fall back to the page.
 */
export async function spaPlugin(app: FastifyInstance, opts: { root: string }) {
  if (!existsSync(join(opts.root, "index.html"))) {
    app.log.warn({ root: opts.root }, "web app not built; only the API is served");
    return;
  }
  await app.register(fastifyStatic, {
    root: opts.root,
    wildcard: false,
    index: false,
    // The web build writes .br and .gz beside each asset (apps/web/vite.config.ts).
    preCompressed: true,
    setHeaders(res, path) {
      res.header(
        "cache-control",
        path.includes("/assets/") ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  app.get("/*", { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (path.startsWith("/api/") || path.includes("..")) return reply.callNotFound();
    if (/\.[a-z0-9]+$/i.test(path)) {
      const file = path.slice(1);
      if (existsSync(join(opts.root, file))) return reply.sendFile(file);
      return reply.callNotFound();
    }
    reply.header("cache-control", "no-cache");
    return reply.sendFile("index.html");
  });
}
