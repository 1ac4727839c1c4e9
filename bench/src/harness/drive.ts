import autocannon from "autocannon";

/** One autocannon step: a fixed time or a fixed number of requests at one concurrency. */
export interface Step {
  url: string;
  connections: number;
  /** seconds (used when amount is 0) */
  duration: number;
  /** requests in all (0: run for `duration`) */
  amount: number;
  method?: "GET" | "POST";
  headers?: Record<string, string>;
  /** a fresh body per request (unique names), or one body for all */
  body?: string | (() => string);
}

export interface Measured {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** bytes of the last response body seen (to compare the endpoint with its floor and ceiling) */
  bytes: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : Number.NaN;

export async function drive(step: Step): Promise<Measured> {
  const latencies: number[] = [];
  let bytes = 0;
  const headers = { ...(step.headers ?? {}), ...(step.body ? { "content-type": "application/json" } : {}) };
  const body = step.body;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: step.url,
        connections: step.connections,
        // A fixed amount ends at the next sample tick: 50 ms instead of autocannon's default second.
        ...(step.amount > 0 ? { amount: step.amount, sampleInt: 50 } : { duration: step.duration }),
        timeout: 30,
        method: step.method ?? "GET",
        headers,
        ...(typeof body === "function"
          ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: body() }) }] }
          : body
            ? { body }
            : {}),
      },
      (err, res) => (err ? reject(err) : resolve(res)),
    );
    // autocannon reports p50/p90/p97.5/p99; every response time is kept to compute p95 exactly.
    instance.on("response", (_client, _status, resBytes, ms) => {
      latencies.push(ms);
      bytes = resBytes;
    });
  });
  const seconds = result.duration || (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    requests: result.requests.total,
    seconds,
    rps: result.requests.total / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    bytes,
  };
}
