import type { GenContext } from "./context.js";
import { classOf, ownersOf, skeleton } from "./customers.js";
import { hash, Rng } from "./rng.js";

/**
 * Who buys. Key accounts (class 1) buy often, regular customers (class 2) mostly some, prospects
 * (class 3) rarely; each customer's appetite is log-normal around its class, so revenue follows
 * Pareto (the ABC report finds a few A customers). An event at time t picks among the customers
 * that exist by then (index below t's share of the period: customers are created in index order),
 * by appetite. Per thread: 10 bytes per customer.
 */
export class Buyers {
  private readonly cumulative: Float64Array;
  private readonly ownerIndex: Uint16Array;
  private readonly owners: ReturnType<typeof ownersOf>;

  constructor(private readonly ctx: GenContext) {
    const n = ctx.customers;
    this.owners = ownersOf(ctx);
    this.cumulative = new Float64Array(n);
    this.ownerIndex = new Uint16Array(n);
    const index = new Map(ctx.owners.map((o, i) => [o, i]));
    let sum = 0;
    for (let j = 0; j < n; j++) {
      this.ownerIndex[j] = index.get(skeleton(ctx, this.owners, j).ownerId)!;
      sum += appetite(ctx.seed, j);
      this.cumulative[j] = sum;
    }
  }

  /** A buying customer that exists at `t`. */
  pick(rng: Rng, t: number): number {
    const n = this.ctx.customers;
    const exists = Math.min(
      n,
      Math.max(1, Math.floor((n * (t - this.ctx.startMs)) / (this.ctx.endMs - this.ctx.startMs))),
    );
    const total = this.cumulative[exists - 1]!;
    if (total === 0) return rng.int(0, exists - 1);
    const x = rng.float() * total;
    let lo = 0;
    let hi = exists - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  ownerOf(j: number): string {
    return this.ctx.owners[this.ownerIndex[j]!]!;
  }

  /** The customer's id (its generator's first draw). */
  idOf(j: number): string {
    return new Rng(hash(this.ctx.seed, "customer", j)).uuid();
  }
}

/** How much customer j buys relative to the others (0: never). */
export function appetite(seed: number, j: number): number {
  const rng = new Rng(hash(seed, "buyer", j));
  const normal = Math.sqrt(-2 * Math.log(1 - rng.float())) * Math.cos(2 * Math.PI * rng.float());
  const buys = rng.float();
  switch (classOf(seed, j)) {
    case "1":
      return 3 * Math.exp(0.9 * normal);
    case "2":
      return buys < 0.75 ? Math.exp(0.9 * normal) : 0;
    default:
      return buys < 0.12 ? 0.3 * Math.exp(0.6 * normal) : 0;
  }
}
