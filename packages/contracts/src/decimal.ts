/**
 * Exact decimal arithmetic on strings (money, quantities, rates) with BigInt: no float ever
 * touches an amount. Shared by the API (which decides every amount) and the web (live totals).
 */
export interface Dec {
  units: bigint;
  scale: number;
}

export function dec(s: string | number | bigint): Dec {
  const text = String(s).trim();
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) throw new Error(`not a decimal: ${text}`);
  const frac = m[3] ?? "";
  const units = BigInt(`${m[2]}${frac}`) * (m[1] ? -1n : 1n);
  return { units, scale: frac.length };
}

const rescale = (d: Dec, scale: number): bigint => d.units * 10n ** BigInt(scale - d.scale);

export function add(a: Dec, b: Dec): Dec {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

export const sub = (a: Dec, b: Dec): Dec => add(a, { units: -b.units, scale: b.scale });

export const mul = (a: Dec, b: Dec): Dec => ({ units: a.units * b.units, scale: a.scale + b.scale });

/** Rounds half away from zero (四舍五入) to `scale` decimals. */
export function round(d: Dec, scale: number): Dec {
  if (d.scale <= scale) return { units: rescale(d, scale), scale };
  const factor = 10n ** BigInt(d.scale - scale);
  const half = factor / 2n;
  const negative = d.units < 0n;
  const abs = negative ? -d.units : d.units;
  const q = (abs + half) / factor;
  return { units: negative ? -q : q, scale };
}

export function str(d: Dec): string {
  const negative = d.units < 0n;
  const digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, "0");
  const body = d.scale ? `${digits.slice(0, -d.scale)}.${digits.slice(-d.scale)}` : digits;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}

export const cmp = (a: Dec, b: Dec): number => {
  const scale = Math.max(a.scale, b.scale);
  const x = rescale(a, scale);
  const y = rescale(b, scale);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** A line's amount: unit price × quantity × (1 − discount %), to the fen (2 decimals). */
export function lineAmount(unitPrice: string, quantity: string, discountPercent = "0"): string {
  const gross = mul(dec(unitPrice), dec(quantity));
  const kept = sub(dec(100), dec(discountPercent));
  return str(round({ units: gross.units * kept.units, scale: gross.scale + kept.scale + 2 }, 2));
}

/** The exact sum of amounts, to the fen. */
export const sumAmounts = (amounts: readonly string[]): string =>
  str(
    round(
      amounts.reduce((acc, a) => add(acc, dec(a)), dec(0)),
      2,
    ),
  );
