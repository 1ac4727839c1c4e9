import { rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { GenContext, Task, TaskResult, TaskTable } from "./context.js";
import type { Batch } from "./copy.js";
import { type Generate, generators } from "./generators.js";

/**
 * The worker's code. Compiled JS runs as is; under tsx the worker (and the workspace packages it
 * imports) is bundled into one file first, because loading hundreds of modules through tsx's
 * loader in every thread takes longer than generating a few hundred thousand rows.
 */
async function workerFile(): Promise<URL> {
  if (!import.meta.url.endsWith(".ts")) return new URL("./worker.js", import.meta.url);
  const { build } = await import("esbuild");
  const outfile = join(tmpdir(), `crm-bench-worker-${process.pid}.mjs`);
  await build({
    entryPoints: [fileURLToPath(new URL("./worker.ts", import.meta.url))],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "error",
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  process.once("exit", () => rmSync(outfile, { force: true }));
  return pathToFileURL(outfile);
}

/**
 * Runs tasks on `threads` worker threads (0: on this thread) and yields their output in task
 * order. At most two tasks per thread are in flight, and a new one starts only when the consumer
 * (the COPY stream) takes a result, so memory stays at a few chunks.
 */
export class GeneratorPool {
  private readonly workers: Worker[] = [];
  private readonly waiting = new Map<number, (r: TaskResult) => void>();
  private readonly inline?: (table: TaskTable) => Generate;

  static async start(ctx: GenContext, threads: number): Promise<GeneratorPool> {
    return new GeneratorPool(ctx, threads, threads ? await workerFile() : undefined);
  }

  private constructor(ctx: GenContext, threads: number, file: URL | undefined) {
    if (!file) {
      this.inline = generators(ctx);
      return;
    }
    for (let i = 0; i < threads; i++) {
      const w = new Worker(file, { workerData: ctx });
      w.on("message", (r: TaskResult) => {
        this.waiting.get(r.id)?.(r);
        this.waiting.delete(r.id);
      });
      w.on("error", (e) => {
        console.error("generator thread failed:", e);
        process.exit(1);
      });
      this.workers.push(w);
    }
  }

  async *run(tasks: Task[]): AsyncGenerator<Batch> {
    if (this.inline) {
      for (const t of tasks) yield this.inline(t.table)(t);
      return;
    }
    const ahead = this.workers.length * 2;
    const pending: Promise<TaskResult>[] = [];
    let next = 0;
    const dispatch = () => {
      const task = tasks[next]!;
      const worker = this.workers[next % this.workers.length]!;
      pending.push(new Promise((resolve) => this.waiting.set(task.id, resolve)));
      worker.postMessage(task);
      next++;
    };
    while (next < tasks.length && pending.length < ahead) dispatch();
    while (pending.length) {
      const r = await pending.shift()!;
      if (next < tasks.length) dispatch();
      yield { text: r.bytes, rows: r.rows };
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
