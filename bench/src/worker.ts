import { parentPort, workerData } from "node:worker_threads";
import { contactGenerator } from "./contacts.js";
import type { GenContext, Task, TaskResult } from "./context.js";
import { customerGenerator } from "./customers.js";

/** A generator thread: turns tasks into COPY text, encoded here so the main thread only forwards bytes. */
const ctx = workerData as GenContext;
const generators = { customers: customerGenerator(ctx), contacts: contactGenerator(ctx) };
const encoder = new TextEncoder();

parentPort!.on("message", (task: Task) => {
  const { text, rows } = generators[task.table](task);
  const bytes = encoder.encode(text);
  const result: TaskResult = { id: task.id, bytes, rows };
  parentPort!.postMessage(result, [bytes.buffer]);
});
