import type { Batch } from "./copy.js";
import { line } from "./copy.js";
import { orderPlan, yearlyNumber } from "./orders.js";
import { hash, Rng, uid } from "./rng.js";
import { directSale } from "./sales.js";
import { DAY, dayOf, iso, qty } from "./timeline.js";
import type { World } from "./world.js";

/**
 * The stock ledger, as postMovement keeps it: every sale issues its goods (directly recorded sales
 * and orders' deliveries, merged in time order), a deleted sale's goods come back, and production
 * receipts arrive just before a product would run out, so stock never goes below zero and every
 * movement's balance_after is the running total. Built on the main thread, one pass in time order.
 */

/** Every delivery of every order, in time order (about 1 per 3 orders' lines). */
export interface OrderSales {
  count: number;
  at: Float64Array;
  product: Uint16Array;
  qtyMilli: Float64Array;
  order: Int32Array;
  lineNo: Uint8Array;
  k: Uint8Array;
  owner: string[];
}

export function indexOrderSales(world: World): OrderSales {
  const at: number[] = [];
  const product: number[] = [];
  const qtyMilli: number[] = [];
  const order: number[] = [];
  const lineNo: number[] = [];
  const k: number[] = [];
  const owner: string[] = [];
  for (let j = 0; j < world.ctx.counts.orders; j++) {
    const o = orderPlan(world, j);
    for (const l of o.lines)
      for (const d of l.deliveries) {
        at.push(d.at);
        product.push(l.product);
        qtyMilli.push(d.qtyMilli);
        order.push(j);
        lineNo.push(l.lineNo);
        k.push(d.k);
        owner.push(o.ownerId);
      }
  }
  const perm = at.map((_, i) => i).sort((a, b) => at[a]! - at[b]! || a - b);
  return {
    count: perm.length,
    at: Float64Array.from(perm, (i) => at[i]!),
    product: Uint16Array.from(perm, (i) => product[i]!),
    qtyMilli: Float64Array.from(perm, (i) => qtyMilli[i]!),
    order: Int32Array.from(perm, (i) => order[i]!),
    lineNo: Uint8Array.from(perm, (i) => lineNo[i]!),
    k: Uint8Array.from(perm, (i) => k[i]!),
    owner: perm.map((i) => owner[i]!),
  };
}

export const MOVEMENT_COLUMNS = [
  "id",
  "product_id",
  "kind",
  "quantity",
  "balance_after",
  "reason",
  "reference",
  "production_date",
  "created_by",
  "created_at",
] as const;

interface Pending {
  at: number;
  product: number;
  qtyMilli: number;
  id: string;
  createdBy: string;
}

/** A binary min-heap on `at` (the returns of deleted sales, due later than the sale). */
class Heap {
  private readonly items: Pending[] = [];
  get size() {
    return this.items.length;
  }
  peek(): Pending | undefined {
    return this.items[0];
  }
  push(p: Pending) {
    const a = this.items;
    a.push(p);
    let i = a.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (a[parent]!.at <= a[i]!.at) break;
      [a[parent], a[i]] = [a[i]!, a[parent]!];
      i = parent;
    }
  }
  pop(): Pending {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.at < a[m]!.at) m = l;
        if (r < a.length && a[r]!.at < a[m]!.at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}

export interface StockResult {
  /** Per product: quantity in thousandths and the last movement's instant. */
  balance: Float64Array;
  lastAt: Float64Array;
  rows: number;
}

export function* movementBatches(world: World, sales: OrderSales, result: StockResult): Generator<Batch> {
  const { ctx } = world;
  const products = ctx.products;
  const balance = result.balance;
  const lastAt = result.lastAt;
  const rng = new Rng(hash(ctx.seed, "receipts"));
  const returns = new Heap();
  let receipts = 0;
  let text = "";
  let rows = 0;
  const emit = (
    id: string,
    p: number,
    kind: string,
    delta: number,
    reason: string | null,
    reference: string | null,
    productionDate: string | null,
    createdBy: string,
    when: number,
  ) => {
    // A product's movements get strictly increasing times (a millisecond apart at the least), so
    // the ledger's order by time is the order the balances were computed in.
    const at = Math.max(when, lastAt[p]! + 1);
    balance[p] = balance[p]! + delta;
    lastAt[p] = at;
    text += line([
      id,
      products[p]!.id,
      kind,
      qty(delta),
      qty(balance[p]!),
      reason,
      reference,
      productionDate,
      createdBy,
      iso(at),
    ]);
    rows++;
  };
  const issue = (p: number, q: number, at: number, id: string, reference: string | null, by: string) => {
    if (balance[p]! < q) {
      // Made to stock: a batch of a few dozen typical sales arrives just before it is needed.
      const receiptAt = Math.min(at, Math.max(lastAt[p]! + 1, at - rng.int(1, 120) * 60_000));
      const amount = q - balance[p]! + products[p]!.typicalMilli * rng.int(15, 60);
      receipts++;
      emit(
        rng.uuid(),
        p,
        "production_receipt",
        amount,
        "生产入库",
        `SC${dayOf(receiptAt).replaceAll("-", "")}-${String(receipts).padStart(6, "0")}`,
        dayOf(receiptAt),
        rng.pick(ctx.staff.production),
        receiptAt,
      );
    }
    emit(id, p, "sale_issue", -q, null, reference, null, by, at);
  };

  // 期初库存: the opening balance of every product the day before the data starts.
  const openingAt = ctx.startMs - DAY + 9 * 3_600_000;
  products.forEach((p, i) => {
    emit(
      rng.uuid(),
      i,
      "adjustment",
      p.typicalMilli * rng.int(20, 80),
      "期初库存",
      null,
      null,
      ctx.staff.production[0]!,
      openingAt,
    );
  });

  const n = ctx.counts.directSales;
  let i = 0;
  let b = 0;
  let next = i < n ? directSale(world, i) : null;
  while (next || b < sales.count || returns.size) {
    const tA = next ? next.at : Number.POSITIVE_INFINITY;
    const tB = b < sales.count ? sales.at[b]! : Number.POSITIVE_INFINITY;
    const tR = returns.peek()?.at ?? Number.POSITIVE_INFINITY;
    if (tR < tA && tR < tB) {
      const r = returns.pop();
      emit(r.id, r.product, "return", r.qtyMilli, "交易记录删除", null, null, r.createdBy, r.at);
    } else if (next && tA <= tB) {
      const s = next;
      const owner = world.buyers.ownerOf(s.customer);
      issue(s.product, s.qtyMilli, s.at, s.movementId, null, owner);
      if (s.deletedAt !== null)
        returns.push({
          at: s.deletedAt,
          product: s.product,
          qtyMilli: s.qtyMilli,
          id: uid(ctx.seed, "sale-return", i),
          createdBy: owner,
        });
      i++;
      next = i < n ? directSale(world, i) : null;
    } else {
      const j = sales.order[b]!;
      issue(
        sales.product[b]!,
        sales.qtyMilli[b]!,
        tB,
        uid(ctx.seed, "order-sale-movement", j, sales.lineNo[b]!, sales.k[b]!),
        yearlyNumber("HT", ctx.orderYears, j),
        sales.owner[b]!,
      );
      b++;
    }
    if (rows >= 5000) {
      yield { text, rows };
      result.rows += rows;
      text = "";
      rows = 0;
    }
  }
  if (rows) {
    yield { text, rows };
    result.rows += rows;
  }
}
