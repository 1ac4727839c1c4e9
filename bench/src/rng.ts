/**
 * Deterministic randomness. Every row is generated from a generator seeded by a hash of
 * (seed, stream, index), so a row does not depend on how work is split between threads or on the
 * order chunks finish in: same seed, same rows.
 */

/** murmur3's 32-bit finaliser. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A 32-bit hash of a few integers (and strings, hashed char by char). */
export function hash(...parts: (number | string)[]): number {
  let h = 0x9e3779b9;
  for (const p of parts) {
    if (typeof p === "number") {
      h = fmix(h ^ (p >>> 0));
      h = fmix(h ^ Math.floor(p / 2 ** 32));
    } else {
      for (let i = 0; i < p.length; i++) h = fmix(h ^ p.charCodeAt(i));
    }
  }
  return h;
}

/** sfc32: small, fast, good enough for test data. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 12; i++) this.next32();
  }

  next32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.next32() / 4294967296;
  }

  /** Integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.float() * items.length)]!;
  }

  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String(this.next32() % 10);
    return s;
  }

  /** A version-4 UUID. */
  uuid(): string {
    const h = (n: number) => n.toString(16).padStart(8, "0");
    const a = h(this.next32());
    const b = h(((this.next32() & 0xffff0fff) | 0x00004000) >>> 0);
    const c = h(((this.next32() & 0x3fffffff) | 0x80000000) >>> 0);
    const d = h(this.next32());
    return `${a}-${b.slice(0, 4)}-${b.slice(4)}-${c.slice(0, 4)}-${c.slice(4)}${d}`;
  }
}

/**
 * A version-4 UUID from 128 bits of hash of its parts: for ids that streams of different or
 * multi-part keys share (a generator seeded with one 32-bit hash repeats itself after some 65,000
 * keys on average: ten million sales would meet a few thousand of those).
 */
export function uid(...parts: (number | string)[]): string {
  // Four chains that differ from their first step (salted at the end, four words would still
  // come from one 32-bit chain state).
  const h = (k: number) =>
    hash(k, ...parts)
      .toString(16)
      .padStart(8, "0");
  const a = h(0);
  const b = h(1);
  const c = h(2);
  const d = h(3);
  return `${a}-${b.slice(0, 4)}-4${b.slice(5)}-${((Number.parseInt(c[0]!, 16) & 3) | 8).toString(16)}${c.slice(1, 4)}-${c.slice(4)}${d}`;
}

/** Picks by weight with a binary search over the cumulative weights; built once, used a million times. */
export class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) {
      sum += w;
      this.cumulative.push(sum);
    }
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo]!;
  }
}

/** Zipf-like weights 1/(i+1)^s: a few items common, a long tail rare. */
export const zipf = (n: number, s = 1) => Array.from({ length: n }, (_, i) => 1 / (i + 1) ** s);
