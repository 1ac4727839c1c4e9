import { add, cmp, dec, lineAmount, round, str, sub, sumAmounts } from "@crm/contracts";
import type { Task, YearStart } from "./context.js";
import { line } from "./copy.js";
import { hash, Rng, uid, Weighted } from "./rng.js";
import { saleQuantity, TRANSACTION_COLUMNS } from "./sales.js";
import { businessHours, DAY, dayOf, iso, money, qty } from "./timeline.js";
import type { World } from "./world.js";

/**
 * 合同订单, a time-ordered stream like the sales, and everything that follows from each order the
 * way the API makes it: lines priced with lineAmount, receivables from the payment terms at
 * signing (createReceivables' rounding: the last instalment takes the rest), deliveries that
 * become transactions (and stock issues), payments allocated to receivables (a few reversed and
 * paid again), and the status an order of that age would have reached.
 */

type Status = "draft" | "signed" | "partially_delivered" | "delivered" | "completed" | "cancelled";

export interface Delivery {
  k: number;
  at: number;
  qtyMilli: number;
  amount: string;
  transactionId: string;
  movementId: string;
}
export interface OrderLine {
  id: string;
  lineNo: number;
  product: number;
  unitPrice: string;
  qtyMilli: number;
  discount: string;
  amount: string;
  deliveries: Delivery[];
}
export interface Payment {
  id: string;
  receivedOn: string;
  amount: string;
  method: string;
  reference: string | null;
  notes: string | null;
  reversesId: string | null;
  createdBy: string;
  createdAt: number;
}
export interface Receivable {
  id: string;
  instalmentNo: number;
  amount: string;
  paid: string;
  dueDate: string;
  status: "open" | "paid" | "cancelled";
  createdAt: number;
  updatedAt: number;
  payments: Payment[];
}
export interface OrderPlan {
  id: string;
  number: string;
  customer: number;
  customerId: string;
  ownerId: string;
  status: Status;
  createdAt: number;
  signedAt: number | null;
  signingDate: string | null;
  deliveryDate: string | null;
  paymentTerms: string;
  instalments: { percent: string; dueInDays: number }[];
  total: string;
  lines: OrderLine[];
  receivables: Receivable[];
  deletedAt: number | null;
  updatedAt: number;
  version: number;
}

const TERMS: [instalments: [string, number][], text: string, weight: number][] = [
  [[["100", 30]], "货到30天内付清", 38],
  [
    [
      ["30", 0],
      ["70", 30],
    ],
    "预付30%,货到30天内付70%",
    30,
  ],
  [
    [
      ["30", 0],
      ["60", 30],
      ["10", 365],
    ],
    "预付30%,验收后付60%,质保金10%一年后付清",
    20,
  ],
  [
    [
      ["50", 0],
      ["50", 60],
    ],
    "预付50%,余款60天内付清",
    12,
  ],
];
const TERM = new Weighted(
  TERMS.map((_, i) => i),
  TERMS.map((t) => t[2]),
);
const LINE_COUNT = new Weighted([1, 2, 3, 4, 5], [35, 30, 18, 10, 7]);
const DISCOUNT = new Weighted(["0", "5", "10", "3.5"], [70, 20, 8, 2]);
const METHOD = new Weighted(
  ["bank_transfer", "acceptance_bill", "check", "cash", "other"],
  [70, 14, 6, 4, 6],
);
const NOTES = ["含运费", "含税价", "分批发货", "需提供检测报告", "包装需防潮", null, null, null, null, null];

/** Statuses an order reaches by its age in days. */
const BY_AGE: [maxAge: number, statuses: Weighted<Status>][] = [
  [
    45,
    new Weighted<Status>(
      ["draft", "signed", "partially_delivered", "delivered", "completed", "cancelled"],
      [22, 38, 20, 12, 2, 6],
    ),
  ],
  [
    120,
    new Weighted<Status>(
      ["draft", "signed", "partially_delivered", "delivered", "completed", "cancelled"],
      [4, 13, 18, 22, 35, 8],
    ),
  ],
  [
    Number.POSITIVE_INFINITY,
    new Weighted<Status>(
      ["draft", "signed", "partially_delivered", "delivered", "completed", "cancelled"],
      [2, 2, 3, 9, 76, 8],
    ),
  ],
];

/** The instant order j was created (its stream's j-th quantile): also what its number's year comes from. */
export function orderCreatedAt(world: World, j: number): number {
  return world.timeline.at(j, world.ctx.counts.orders, new Rng(hash(world.ctx.seed, "order", j)).float());
}

/** A yearly document number (HT2026-0001) from the index's place in its year. */
export function yearlyNumber(prefix: string, years: YearStart[], j: number): string {
  let y = years[0]!;
  for (const candidate of years) if (candidate.start <= j) y = candidate;
  return `${prefix}${y.year}-${String(j - y.start + 1).padStart(4, "0")}`;
}

const fen = (s: string) => Math.round(Number(s) * 100);

/** The share of a total an instalment is, as createReceivables computes it. */
function receivableAmounts(total: string, instalments: { percent: string }[]): string[] {
  let allocated = dec(0);
  return instalments.map((i, n) => {
    const amount =
      n === instalments.length - 1
        ? sub(dec(total), allocated)
        : round(
            {
              units: dec(total).units * dec(i.percent).units,
              scale: dec(total).scale + dec(i.percent).scale + 2,
            },
            2,
          );
    allocated = add(allocated, amount);
    return str(round(amount, 2));
  });
}

export function orderPlan(world: World, j: number): OrderPlan {
  const { ctx } = world;
  const rng = new Rng(hash(ctx.seed, "order", j));
  const createdAt = world.timeline.at(j, ctx.counts.orders, rng.float());
  const customer = world.buyers.pick(rng, createdAt);
  const ownerId = world.buyers.ownerOf(customer);
  const id = rng.uuid();
  const age = (ctx.endMs - createdAt) / DAY;
  let status = BY_AGE.find(([max]) => age < max)![1].pick(rng);
  const cancelledAfterSigning = status === "cancelled" && rng.chance(0.5);
  const signs = status !== "draft" && (status !== "cancelled" || cancelledAfterSigning);
  const last = world.lastMoment;

  // Lines: distinct products at the customer's price, whole units or weights, some discounted.
  const lines: OrderLine[] = [];
  const chosen = new Set<number>();
  const count = LINE_COUNT.pick(rng);
  for (let n = 0; n < count; n++) {
    const product = world.products.pick(rng);
    if (chosen.has(product)) continue;
    chosen.add(product);
    const p = ctx.products[product]!;
    const raw = p.priceFen * (0.9 + rng.float() * 0.1);
    const unitPrice = money(p.priceFen >= 10_000 ? Math.round(raw / 100) * 100 : Math.round(raw));
    const qtyMilli = saleQuantity(rng, p.typicalMilli * 3, p.fractional);
    const discount = DISCOUNT.pick(rng);
    lines.push({
      id: rng.uuid(),
      lineNo: lines.length + 1,
      product,
      unitPrice,
      qtyMilli,
      discount,
      amount: lineAmount(unitPrice, qty(qtyMilli), discount),
      deliveries: [],
    });
  }
  const total = sumAmounts(lines.map((l) => l.amount));
  const term = TERMS[TERM.pick(rng)]!;
  const instalments = term[0].map(([percent, dueInDays]) => ({ percent, dueInDays }));

  let signedAt: number | null = null;
  let updatedAt = createdAt;
  let version = 1;
  if (signs) {
    signedAt = Math.min(
      last,
      Math.max(createdAt + 600_000, businessHours(createdAt + rng.int(0, 7) * DAY, rng.float())),
    );
    updatedAt = signedAt;
    version++;
  }
  const signingDate = signedAt === null ? null : dayOf(signedAt);
  const deliveryDate = dayOf((signedAt ?? createdAt) + rng.int(15, 60) * DAY);

  // Deliveries: every line in full (delivered, completed), or some of it (partially delivered).
  if (
    signedAt !== null &&
    (status === "partially_delivered" || status === "delivered" || status === "completed")
  ) {
    const firstAt = businessHours(signedAt + rng.int(2, 30) * DAY, rng.float());
    lines.forEach((l, n) => {
      const p = ctx.products[l.product]!;
      const unit = p.fractional ? 10 : 1000;
      const splittable = l.qtyMilli >= 2 * unit;
      let parts: number[];
      if (status === "partially_delivered" && n === 0) {
        parts = [splittable ? Math.round((l.qtyMilli * (0.3 + rng.float() * 0.4)) / unit) * unit : 0];
      } else if (status === "partially_delivered" && rng.chance(0.5)) {
        parts = [];
      } else if (splittable && rng.chance(0.3)) {
        const first = Math.round((l.qtyMilli * (0.3 + rng.float() * 0.4)) / unit) * unit;
        parts = [first, l.qtyMilli - first];
      } else {
        parts = [l.qtyMilli];
      }
      let at = firstAt;
      parts.forEach((q, k) => {
        if (q <= 0) return;
        if (k > 0) at = Math.max(at + 60_000, businessHours(at + rng.int(5, 30) * DAY, rng.float()));
        // A delivery due after the data's last moment has not happened yet.
        const when = Math.max(at, signedAt! + 60_000);
        if (when > last) return;
        l.deliveries.push({
          k,
          at: when,
          qtyMilli: q,
          amount: lineAmount(l.unitPrice, qty(q), l.discount),
          transactionId: uid(ctx.seed, "order-sale", j, l.lineNo, k),
          movementId: uid(ctx.seed, "order-sale-movement", j, l.lineNo, k),
        });
      });
    });
    const deliveries = lines.flatMap((l) => l.deliveries);
    const complete = lines.every((l) => l.deliveries.reduce((sum, d) => sum + d.qtyMilli, 0) === l.qtyMilli);
    if (!deliveries.length) status = "signed";
    else if (!complete) status = "partially_delivered";
    if (deliveries.length) {
      updatedAt = Math.max(...deliveries.map((d) => d.at));
      version += new Set(deliveries.map((d) => d.at)).size;
      if (status === "completed") {
        updatedAt = Math.min(last, updatedAt + rng.int(1, 20) * DAY);
        version++;
      }
    }
  }
  let cancelledAt: number | null = null;
  if (status === "cancelled") {
    cancelledAt = Math.min(last, (signedAt ?? createdAt) + rng.int(1, 20) * DAY);
    updatedAt = cancelledAt;
    version++;
  }
  const deletedAt =
    status === "draft" && rng.chance(0.1) ? Math.min(last, createdAt + rng.int(1, 10) * DAY) : null;

  // Receivables from the terms at signing, then what was received against each.
  const receivables: Receivable[] = [];
  if (signedAt !== null && signingDate !== null) {
    const amounts = receivableAmounts(total, instalments);
    instalments.forEach((inst, n) => {
      const amount = amounts[n]!;
      if (cmp(dec(amount), dec(0)) <= 0) return;
      const due = Date.parse(`${signingDate}T00:00:00+08:00`) + inst.dueInDays * DAY;
      const r: Receivable = {
        id: rng.uuid(),
        instalmentNo: n + 1,
        amount,
        paid: "0.00",
        dueDate: dayOf(due),
        status: "open",
        createdAt: signedAt!,
        updatedAt: signedAt!,
        payments: [],
      };
      receivables.push(r);
      if (cancelledAt !== null) {
        r.status = "cancelled";
        r.updatedAt = cancelledAt;
        return;
      }
      const isDue = due < ctx.endMs;
      const x = rng.float();
      const full = isDue
        ? x < (inst.dueInDays === 0 ? 0.97 : status === "completed" ? 0.96 : 0.8)
        : x < (inst.dueInDays === 0 ? 0.9 : 0.15);
      const partial = !full && isDue && x < (status === "completed" ? 0.98 : 0.88);
      let paidFen = full
        ? fen(amount)
        : partial
          ? Math.floor((fen(amount) * (0.3 + rng.float() * 0.5)) / 10_000) * 10_000
          : 0;
      if (paidFen <= 0) return;
      if (paidFen > fen(amount)) paidFen = fen(amount);
      // When: around the due date (early for the not-yet-due), never before signing or after today.
      const around = isDue ? due + rng.int(-10, 45) * DAY : signedAt! + rng.float() * (last - signedAt!);
      let at = Math.min(last, Math.max(signedAt! + 3_600_000, businessHours(around, rng.float())));
      const method = METHOD.pick(rng);
      const pay = (
        amountFen: number,
        reversesId: string | null = null,
        notes: string | null = null,
      ): Payment => {
        const p: Payment = {
          id: rng.uuid(),
          receivedOn: dayOf(at),
          amount: money(amountFen),
          method,
          reference: reference(rng, method),
          notes,
          reversesId,
          createdBy: rng.pick(ctx.staff.finance),
          createdAt: at,
        };
        r.payments.push(p);
        return p;
      };
      const split = paidFen >= 20_000 && rng.chance(0.12) ? Math.floor(paidFen / 200) * 100 : 0;
      if (split) {
        pay(split);
        at = Math.min(last, at + rng.int(5, 30) * DAY);
        pay(paidFen - split);
      } else if (rng.chance(0.004)) {
        // Entered against the wrong receivable or bounced: reversed, then received again.
        const wrong = pay(paidFen);
        at = Math.min(last, at + rng.int(1, 5) * DAY);
        pay(-paidFen, wrong.id, "冲销:银行退票");
        at = Math.min(last, at + rng.int(1, 10) * DAY);
        pay(paidFen);
      } else pay(paidFen);
      r.paid = money(paidFen);
      r.status = paidFen === fen(amount) ? "paid" : "open";
      r.updatedAt = at;
    });
  }

  return {
    id,
    number: yearlyNumber("HT", ctx.orderYears, j),
    customer,
    customerId: world.buyers.idOf(customer),
    ownerId,
    status,
    createdAt,
    signedAt,
    signingDate,
    deliveryDate,
    paymentTerms: term[1],
    instalments,
    total,
    lines,
    receivables,
    deletedAt,
    updatedAt: deletedAt ?? updatedAt,
    version: deletedAt ? version + 1 : version,
  };
}

function reference(rng: Rng, method: string): string | null {
  if (method === "bank_transfer") return `银行回单 ${rng.digits(12)}`;
  if (method === "acceptance_bill") return `银承 ${rng.digits(16)}`;
  if (method === "check") return `支票 ${rng.digits(8)}`;
  return null;
}

export const ORDER_COLUMNS = [
  "id",
  "number",
  "customer_id",
  "owner_id",
  "status",
  "signing_date",
  "delivery_date",
  "payment_terms",
  "notes",
  "total",
  "instalments",
  "signed_at",
  "deleted_at",
  "created_by",
  "created_at",
  "updated_at",
  "version",
] as const;
export const ORDER_LINE_COLUMNS = [
  "id",
  "order_id",
  "line_no",
  "product_id",
  "unit_price",
  "quantity",
  "discount",
  "amount",
  "delivered_quantity",
] as const;
export const RECEIVABLE_COLUMNS = [
  "id",
  "order_id",
  "customer_id",
  "owner_id",
  "instalment_no",
  "amount",
  "paid",
  "due_date",
  "status",
  "created_at",
  "updated_at",
] as const;
export const PAYMENT_COLUMNS = [
  "id",
  "customer_id",
  "received_on",
  "amount",
  "method",
  "reference",
  "notes",
  "reverses_id",
  "created_by",
  "created_at",
] as const;
export const ALLOCATION_COLUMNS = ["id", "payment_id", "receivable_id", "amount"] as const;
export { TRANSACTION_COLUMNS };

/** One generator per table over a range of orders; each replays the orders' plans and writes its part. */
export function orderGenerators(world: World) {
  const { ctx } = world;
  const over = (emit: (o: OrderPlan, j: number) => string[]) => (task: Task) => {
    let text = "";
    let rows = 0;
    for (let j = task.from; j < task.to; j++) {
      for (const l of emit(orderPlan(world, j), j)) {
        text += l;
        rows++;
      }
    }
    return { text, rows };
  };
  return {
    orders: over((o) => [
      line([
        o.id,
        o.number,
        o.customerId,
        o.ownerId,
        o.status,
        o.signingDate,
        o.deliveryDate,
        o.paymentTerms,
        pickNote(ctx.seed, o.id),
        o.total,
        JSON.stringify(o.instalments),
        o.signedAt === null ? null : iso(o.signedAt),
        o.deletedAt === null ? null : iso(o.deletedAt),
        o.ownerId,
        iso(o.createdAt),
        iso(o.updatedAt),
        o.version,
      ]),
    ]),
    order_lines: over((o) =>
      o.lines.map((l) =>
        line([
          l.id,
          o.id,
          l.lineNo,
          ctx.products[l.product]!.id,
          l.unitPrice,
          qty(l.qtyMilli),
          l.discount,
          l.amount,
          qty(l.deliveries.reduce((s, d) => s + d.qtyMilli, 0)),
        ]),
      ),
    ),
    receivables: over((o) =>
      o.receivables.map((r) =>
        line([
          r.id,
          o.id,
          o.customerId,
          o.ownerId,
          r.instalmentNo,
          r.amount,
          r.paid,
          r.dueDate,
          r.status,
          iso(r.createdAt),
          iso(r.updatedAt),
        ]),
      ),
    ),
    payments: over((o) =>
      o.receivables.flatMap((r) =>
        r.payments.map((p) =>
          line([
            p.id,
            o.customerId,
            p.receivedOn,
            p.amount,
            p.method,
            p.reference,
            p.notes,
            p.reversesId,
            p.createdBy,
            iso(p.createdAt),
          ]),
        ),
      ),
    ),
    payment_allocations: over((o, j) =>
      o.receivables.flatMap((r) =>
        r.payments.map((p, k) =>
          line([uid(ctx.seed, "allocation", j, r.instalmentNo, k), p.id, r.id, p.amount]),
        ),
      ),
    ),
    order_sales: over((o) =>
      o.lines.flatMap((l) =>
        l.deliveries.map((d) =>
          line([
            d.transactionId,
            dayOf(d.at),
            o.customerId,
            ctx.products[l.product]!.id,
            o.id,
            l.id,
            o.number,
            l.unitPrice,
            qty(d.qtyMilli),
            d.amount,
            o.ownerId,
            d.movementId,
            null,
            iso(d.at),
            iso(d.at),
            1,
          ]),
        ),
      ),
    ),
  };
}

const pickNote = (seed: number, id: string) => NOTES[hash(seed, "note", id) % NOTES.length] ?? null;
