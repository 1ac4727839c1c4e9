import autocannon from "autocannon";
import type { RssSampler } from "./processes.js";

/** One RSS reading of the soak: seconds since its start, largest API process and all of them (MB). */
export interface SoakSample {
  t: number;
  processMb: number;
  totalMb: number;
}

export interface SoakResult {
  minutes: number;
  connections: number;
  /** the reads driven, in turn on every connection */
  paths: string[];
  requests: number;
  rps: number;
  errors: number;
  non2xx: number;
  sampleSeconds: number;
  samples: SoakSample[];
  /** largest API process: first sample, last sample, highest sample */
  startMb: number;
  endMb: number;
  maxMb: number;
  /** all API processes together: first, last, highest */
  startTotalMb: number;
  endTotalMb: number;
  maxTotalMb: number;
  /**
   * Growth of the largest process after the warm-up (the first minute, or the first fifth of a
   * shorter soak): the least-squares slope of its samples, MB per minute, and that slope over the
   * warm part's length.
   */
  slopeMbPerMin: number;
  growthMb: number;
  /** the same slope over the second half of the soak only: still rising, or levelled off? */
  lastHalfSlopeMbPerMin: number;
  /** growthMb above both 15 MB and 10% of the warm start: memory is not flat */
  growing: boolean;
}

/** Least-squares slope of y over x. */
function slope(points: { x: number; y: number }[]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, p) => a + p.x, 0) / n;
  const my = points.reduce((a, p) => a + p.y, 0) / n;
  const num = points.reduce((a, p) => a + (p.x - mx) * (p.y - my), 0);
  const den = points.reduce((a, p) => a + (p.x - mx) ** 2, 0);
  return den === 0 ? 0 : num / den;
}

/** Is the series flat? (see SoakResult) */
export function growthOf(samples: SoakSample[], seconds: number) {
  const warmFrom = Math.min(60, seconds / 5);
  const warm = samples.filter((s) => s.t >= warmFrom);
  const perSecond = slope(warm.map((s) => ({ x: s.t, y: s.processMb })));
  const span = warm.length > 1 ? warm[warm.length - 1]!.t - warm[0]!.t : 0;
  const growthMb = perSecond * span;
  const base = warm[0]?.processMb ?? 0;
  const lastHalf = samples.filter((s) => s.t >= seconds / 2);
  return {
    slopeMbPerMin: perSecond * 60,
    lastHalfSlopeMbPerMin: slope(lastHalf.map((s) => ({ x: s.t, y: s.processMb }))) * 60,
    growthMb,
    growing: growthMb > Math.max(15, 0.1 * base),
  };
}

/**
 * Drives a mix of reads against the API for `minutes` at `connections`, in runs of at most a
 * minute each with a fresh token (a soak may outlast an access token), and reads the API's RSS
 * every `sampleSeconds`.
 */
export async function soak(o: {
  base: string;
  paths: string[];
  minutes: number;
  connections: number;
  sampleSeconds: number;
  sampler: RssSampler;
  token: () => Promise<string>;
  log: (line: string) => void;
}): Promise<SoakResult> {
  const samples: SoakSample[] = [];
  const started = performance.now();
  const read = () => {
    const now = o.sampler.snapshot();
    samples.push({ t: Math.round((performance.now() - started) / 1000), ...now });
  };
  read();
  const timer = setInterval(read, o.sampleSeconds * 1000);
  timer.unref();
  const total = o.minutes * 60;
  let requests = 0;
  let errors = 0;
  let non2xx = 0;
  try {
    while ((performance.now() - started) / 1000 < total - 0.5) {
      const left = total - (performance.now() - started) / 1000;
      const duration = Math.max(1, Math.min(60, Math.round(left)));
      const headers = { authorization: `Bearer ${await o.token()}` };
      const res = await new Promise<autocannon.Result>((resolve, reject) => {
        autocannon(
          {
            url: o.base,
            connections: o.connections,
            duration,
            timeout: 30,
            headers,
            requests: o.paths.map((path) => ({ method: "GET" as const, path })),
          },
          (err, r) => (err ? reject(err) : resolve(r)),
        );
      });
      requests += res.requests.total;
      errors += res.errors + res.timeouts;
      non2xx += res.non2xx;
      const last = samples[samples.length - 1]!;
      o.log(
        `soak ${Math.round((performance.now() - started) / 1000)} s: ${Math.round(res.requests.total / (res.duration || duration))} req/s, RSS ${last.processMb.toFixed(0)} MB (all ${last.totalMb.toFixed(0)} MB), errors ${errors}, non-2xx ${non2xx}`,
      );
    }
  } finally {
    clearInterval(timer);
  }
  read();
  const seconds = (performance.now() - started) / 1000;
  const max = (k: "processMb" | "totalMb") => Math.max(...samples.map((s) => s[k]));
  return {
    minutes: o.minutes,
    connections: o.connections,
    paths: o.paths,
    requests,
    rps: requests / seconds,
    errors,
    non2xx,
    sampleSeconds: o.sampleSeconds,
    samples,
    startMb: samples[0]!.processMb,
    endMb: samples[samples.length - 1]!.processMb,
    maxMb: max("processMb"),
    startTotalMb: samples[0]!.totalMb,
    endTotalMb: samples[samples.length - 1]!.totalMb,
    maxTotalMb: max("totalMb"),
    ...growthOf(samples, seconds),
  };
}
