import type { FastifyBaseLogger } from "fastify";

/**
 * Runs a background task every `everyMs` until the returned stop is called (the app's onClose):
 * never two runs of it at once in this process (a slow run makes the next ticks skip), a failure
 * logged under `what`, and the timer unref'd so it keeps no process alive.
 */
export function every(everyMs: number, log: FastifyBaseLogger, what: string, task: () => Promise<unknown>) {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    task()
      .catch((err: unknown) => log.error({ err }, what))
      .finally(() => {
        running = false;
      });
  }, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}
