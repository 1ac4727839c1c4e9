/**
 * When things happen. Sales, orders and feedback are time-ordered streams: the k-th of n events
 * falls at the k/n quantile of a day-by-day activity curve (growing business, quiet weekends,
 * Spring Festival and National Day, a busier December), so an event's time is a function of its
 * index alone and increases with it.
 */
export const DAY = 86_400_000;
const SHANGHAI = 8 * 3_600_000;

/** Spring Festival (正月初一) of the years the data spans. */
const SPRING_FESTIVAL = ["2023-01-22", "2024-02-10", "2025-01-29", "2026-02-17", "2027-02-06", "2028-01-26"];
const MONTH = [1.05, 0.85, 1.0, 1.0, 1.0, 1.05, 0.95, 0.95, 1.05, 0.95, 1.05, 1.2];

export class Timeline {
  readonly days: number;
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(
    readonly startMs: number,
    readonly endMs: number,
  ) {
    this.days = Math.round((endMs - startMs) / DAY);
    this.cumulative = new Float64Array(this.days);
    const festivals = SPRING_FESTIVAL.map((d) =>
      Math.round((Date.parse(`${d}T00:00:00+08:00`) - startMs) / DAY),
    );
    let sum = 0;
    for (let d = 0; d < this.days; d++) {
      const at = new Date(startMs + d * DAY + SHANGHAI);
      const weekday = at.getUTCDay();
      let w = 0.15 + Math.sqrt((d + 0.5) / this.days);
      w *= weekday === 6 ? 0.35 : weekday === 0 ? 0.15 : 1;
      w *= MONTH[at.getUTCMonth()]!;
      if (festivals.some((f) => d >= f - 7 && d <= f + 10)) w *= 0.15;
      if (at.getUTCMonth() === 9 && at.getUTCDate() <= 7) w *= 0.2;
      sum += w;
      this.cumulative[d] = sum;
    }
    this.total = sum;
  }

  /** The instant of event k of n (u in [0, 1) jitters it within its slot), in business hours. */
  at(k: number, n: number, u: number): number {
    const x = ((k + u) / n) * this.total;
    let lo = 0;
    let hi = this.days - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const before = lo ? this.cumulative[lo - 1]! : 0;
    const within = (x - before) / (this.cumulative[lo]! - before);
    return this.startMs + lo * DAY + 30_600_000 + Math.floor(within * 36_000_000);
  }
}

/** A time of day in business hours (08:30–18:30) on the Shanghai day of `ms`. */
export const businessHours = (ms: number, u: number) =>
  dayStart(ms) + 30_600_000 + Math.floor(u * 36_000_000);

/** Midnight (Shanghai) of the day of `ms`. */
export const dayStart = (ms: number) => Math.floor((ms + SHANGHAI) / DAY) * DAY - SHANGHAI;

const dayCache = new Map<number, string>();
/** The Shanghai date (YYYY-MM-DD) of an instant. */
export function dayOf(ms: number): string {
  const n = Math.floor((ms + SHANGHAI) / DAY);
  let s = dayCache.get(n);
  if (s === undefined) {
    s = new Date(n * DAY).toISOString().slice(0, 10);
    dayCache.set(n, s);
  }
  return s;
}

export const yearOf = (ms: number) => Number(dayOf(ms).slice(0, 4));

export const iso = (ms: number) => new Date(ms).toISOString();

const pad = (n: number, w: number) => String(n).padStart(w, "0");
/** Fen (integer) as a money string: 12345 -> "123.45". */
export const money = (fen: number): string =>
  fen < 0 ? `-${money(-fen)}` : `${Math.floor(fen / 100)}.${pad(fen % 100, 2)}`;
/** Thousandths (integer) as a quantity string: 12500 -> "12.500". */
export const qty = (milli: number): string =>
  milli < 0 ? `-${qty(-milli)}` : `${Math.floor(milli / 1000)}.${pad(milli % 1000, 3)}`;
