import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app.js";
import { freshDatabase, testSettings } from "./helper.js";

describe("the request log", () => {
  it("writes one line per request, with its id, status and time, and none of Fastify's own", async () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    const db = await freshDatabase();
    const app = await buildApp({ settings: testSettings(), db, logger: { level: "info", stream } });
    await app.ready();
    // Closed here, not in an afterAll: a hook registered inside a running test never runs, and
    // left this database on the server after every run.
    try {
      const res = await app.inject({ url: "/api/health", headers: { "x-request-id": "req-log-test-1" } });
      expect(res.statusCode).toBe(200);
      const missing = await app.inject({
        url: "/api/v1/no-such-route",
        headers: { "x-request-id": "req-log-test-2" },
      });
      expect(missing.statusCode).toBe(404);
      await new Promise((r) => setImmediate(r));
      const of = (id: string) => lines.filter((l) => l.reqId === id);
      for (const [id, status] of [
        ["req-log-test-1", 200],
        ["req-log-test-2", 404],
      ] as const) {
        expect(of(id).filter((l) => l.msg === "incoming request")).toHaveLength(0);
        const done = of(id).filter((l) => l.msg === "request completed");
        expect(done).toHaveLength(1);
        expect((done[0]!.res as { statusCode: number }).statusCode).toBe(status);
        expect(typeof done[0]!.responseTime).toBe("number");
      }
    } finally {
      await app.close();
      await db.drop();
    }
  });
});
