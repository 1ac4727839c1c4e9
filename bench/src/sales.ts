import type { Task } from "./context.js";
import { line } from "./copy.js";
import { hash, Rng, uid } from "./rng.js";
import { DAY, dayOf, iso, money, qty } from "./timeline.js";
import type { World } from "./world.js";

/**
 * 交易记录 recorded directly (input screen 3), a time-ordered stream: sale i happens at the i-th
 * quantile of the activity curve. Sales come in baskets (a customer buys a few products at once):
 * a sale continues its predecessor's basket unless it starts a new one (at least every 8 sales),
 * and a basket's customer is picked among those that exist when it starts.
 */
export interface DirectSale {
  id: string;
  movementId: string;
  at: number;
  customer: number;
  product: number;
  priceFen: number;
  qtyMilli: number;
  amountFen: number;
  /** Soft-deleted (its goods came back to stock) at this instant, or null. */
  deletedAt: number | null;
}

const startsBasket = (seed: number, i: number) => i % 8 === 0 || hash(seed, "basket-start", i) % 10 < 3;

/** A customer's price level (their negotiated discount), and prices rising 3% a year. */
const priceLevel = (seed: number, customer: number) =>
  0.86 + (hash(seed, "price", customer) / 2 ** 32) * 0.14;

/** Quantity of a sale around the product's typical one, whole units unless sold by weight or length. */
export function saleQuantity(rng: Rng, typicalMilli: number, fractional: boolean): number {
  const q = typicalMilli * (0.25 + 1.75 * rng.float());
  return fractional ? Math.max(10, Math.round(q / 10) * 10) : Math.max(1000, Math.round(q / 1000) * 1000);
}

/** Price × quantity to the fen, rounded half up (amounts are positive): lineAmount without a discount. */
export const amountFen = (priceFen: number, qtyMilli: number) =>
  Math.floor((priceFen * qtyMilli + 500) / 1000);

export function directSale(world: World, i: number): DirectSale {
  const { ctx, timeline } = world;
  const n = ctx.counts.directSales;
  let start = i;
  while (!startsBasket(ctx.seed, start)) start--;
  const basket = new Rng(hash(ctx.seed, "basket", start));
  const basketAt = timeline.at(start, n, basket.float());
  const customer = world.buyers.pick(basket, basketAt);

  const rng = new Rng(hash(ctx.seed, "sale", i));
  const id = uid(ctx.seed, "sale", i);
  const movementId = uid(ctx.seed, "sale-movement", i);
  const at = Math.max(basketAt, timeline.at(i, n, rng.float()));
  const product = world.products.pick(rng);
  const p = ctx.products[product]!;
  const years = (at - ctx.startMs) / (365 * DAY);
  const raw = p.priceFen * priceLevel(ctx.seed, customer) * (1 + 0.03 * years);
  const priceFen = p.priceFen >= 10_000 ? Math.round(raw / 100) * 100 : Math.round(raw);
  const qtyMilli = saleQuantity(rng, p.typicalMilli, p.fractional);
  let deletedAt: number | null = null;
  if (rng.chance(0.003)) {
    const d = at + rng.int(1, 10) * DAY;
    if (d < world.lastMoment) deletedAt = d;
  }
  return {
    id,
    movementId,
    at,
    customer,
    product,
    priceFen,
    qtyMilli,
    amountFen: amountFen(priceFen, qtyMilli),
    deletedAt,
  };
}

export const TRANSACTION_COLUMNS = [
  "id",
  "date",
  "customer_id",
  "product_id",
  "order_id",
  "order_line_id",
  "order_number",
  "unit_price",
  "quantity",
  "amount",
  "owner_id",
  "movement_id",
  "deleted_at",
  "created_at",
  "updated_at",
  "version",
] as const;

export function directSaleGenerator(world: World) {
  const { ctx } = world;
  return function generate(task: Task): { text: string; rows: number } {
    let text = "";
    const buyers = world.buyers;
    for (let i = task.from; i < task.to; i++) {
      const s = directSale(world, i);
      text += line([
        s.id,
        dayOf(s.at),
        buyers.idOf(s.customer),
        ctx.products[s.product]!.id,
        null,
        null,
        null,
        money(s.priceFen),
        qty(s.qtyMilli),
        money(s.amountFen),
        buyers.ownerOf(s.customer),
        s.movementId,
        s.deletedAt === null ? null : iso(s.deletedAt),
        iso(s.at),
        iso(s.deletedAt ?? s.at),
        s.deletedAt === null ? 1 : 2,
      ]);
    }
    return { text, rows: task.to - task.from };
  };
}
