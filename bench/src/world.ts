import { Buyers } from "./buyers.js";
import type { GenContext } from "./context.js";
import { Weighted } from "./rng.js";
import { Timeline } from "./timeline.js";

/** What the time-ordered streams share on one thread: the activity curve, who buys, what sells. */
export class World {
  readonly timeline: Timeline;
  readonly products: Weighted<number>;
  private buyerTable?: Buyers;

  constructor(readonly ctx: GenContext) {
    this.timeline = new Timeline(ctx.startMs, ctx.endMs);
    this.products = new Weighted(
      ctx.products.map((_, i) => i),
      ctx.products.map((p) => p.weight),
    );
  }

  /** Built on first use (about a second per million customers). */
  get buyers(): Buyers {
    this.buyerTable ??= new Buyers(this.ctx);
    return this.buyerTable;
  }

  /** The last instant anything may happen at: 19:00 of the day before `until` (after every stream's last event). */
  get lastMoment(): number {
    return this.ctx.endMs - 5 * 3_600_000;
  }
}
