import { createHash } from "node:crypto";
import helmet from "@fastify/helmet";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import fp from "fastify-plugin";

/**
 * The Content-Security-Policy of every answer. Scripts only from this origin (the Vite build has
 * no inline script); styles may be inline because antd's CSS-in-JS injects <style> tags at run time.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  "default-src": ["'self'"],
  "base-uri": ["'self'"],
  "script-src": ["'self'"],
  "script-src-attr": ["'none'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:", "blob:"],
  "font-src": ["'self'", "data:"],
  "connect-src": ["'self'"],
  "object-src": ["'none'"],
  "form-action": ["'self'"],
  "frame-ancestors": ["'none'"],
};

const HSTS = "max-age=31536000; includeSubDomains";
/** Read by zod when it loads (the web app has the same in public/zod-jitless.js). */
const ZOD_JITLESS =
  "globalThis.__zod_globalConfig = Object.assign(globalThis.__zod_globalConfig || {}, { jitless: true });";

const policy = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([k, v]) => `${k} ${v.join(" ")}`)
    .join(";");

/** SHA-256 sources for the inline scripts of a page (<script> without src). */
export function inlineScriptHashes(html: string): string[] {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    (m) =>
      `'sha256-${createHash("sha256")
        .update(m[1] ?? "")
        .digest("base64")}'`,
  );
}

const HELMET_OPTIONS = {
  strictTransportSecurity: false,
  frameguard: { action: "deny" },
  referrerPolicy: { policy: "no-referrer" },
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
} as const;
/** Headers of an answer that are not helmet's. */
const NOT_HELMET = new Set(["content-type", "content-length", "date", "connection", "keep-alive"]);

/**
 * The headers helmet writes with our options, found once by asking it on a throwaway instance:
 * they are the same for every answer, and @fastify/helmet would build a new helmet (parse every
 * option and directive again) on each request.
 */
export async function helmetHeaders(): Promise<[string, string][]> {
  const probe = Fastify({ logger: false });
  await probe.register(helmet, HELMET_OPTIONS);
  probe.get("/", async () => "");
  const res = await probe.inject({ method: "GET", url: "/" });
  await probe.close();
  return Object.entries(res.headers)
    .filter(([k]) => !NOT_HELMET.has(k))
    .map(([k, v]) => [k, String(v)]);
}

/**
 * Security headers on every answer, the SPA's and the API's alike (written on the raw response in
 * onRequest, so streamed and hijacked answers carry them too). HSTS only when the request came
 * over TLS (directly, or via X-Forwarded-Proto from a trusted proxy): on plain http (the quick
 * start, a LAN address) it would lock browsers out.
 */
export const securityHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    const headers = await helmetHeaders();
    app.addHook("onRequest", (request, reply, done) => {
      const raw = reply.raw;
      for (const [name, value] of headers) raw.setHeader(name, value);
      if (request.protocol === "https") raw.setHeader("strict-transport-security", HSTS);
      done();
    });
    // The API reference page (Scalar) starts itself with an inline script: allowed by its hash,
    // not by 'unsafe-inline'. A first one turns off the eval probe of the zod inside Scalar, which
    // the policy (no eval) would report. Only the docs' routes get this hook, not every answer.
    const docsPage = async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
      if (typeof payload !== "string") return payload;
      if (!/text\/html/.test(String(reply.getHeader("content-type") ?? ""))) return payload;
      const page = payload.replace(/<head>/i, `<head>\n    <script>${ZOD_JITLESS}</script>`);
      const hashes = inlineScriptHashes(page);
      if (hashes.length) {
        const directives = { ...CSP_DIRECTIVES, "script-src": [...CSP_DIRECTIVES["script-src"]!, ...hashes] };
        reply.header("content-security-policy", policy(directives));
      }
      return page;
    };
    app.addHook("onRoute", (route) => {
      if (route.url.startsWith("/api/docs")) route.onSend = [...[route.onSend ?? []].flat(), docsPage];
    });
  },
  { name: "security-headers" },
);
