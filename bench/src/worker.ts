import { parentPort, workerData } from "node:worker_threads";
import type { GenContext, Task, TaskResult } from "./context.js";
import { generators } from "./generators.js";

/** A generator thread: turns tasks into COPY text, encoded here so the main thread only forwards bytes. */
const generatorFor = generators(workerData as GenContext);
const encoder = new TextEncoder();

parentPort!.on("message", (task: Task) => {
  const { text, rows } = generatorFor(task.table)(task);
  const bytes = encoder.encode(text);
  const result: TaskResult = { id: task.id, bytes, rows };
  parentPort!.postMessage(result, [bytes.buffer]);
});
