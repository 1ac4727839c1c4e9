import { add, cmp, dec, type Receivable, str, sub, sumAmounts } from "@crm/contracts";

export { formatMoney } from "../customers/customer-format";

const MONEY = /^\d{1,14}(\.\d{1,2})?$/;
const ZERO = /^-?0+(\.0+)?$/;

/** A valid, positive money amount as typed (no float involved). */
export const isPositiveMoney = (v: unknown): v is string =>
  typeof v === "string" && MONEY.test(v.trim()) && !ZERO.test(v.trim());

export const isZero = (v: string) => ZERO.test(v);

/** a < b, exactly. */
export const lessThan = (a: string, b: string) => cmp(dec(a), dec(b)) < 0;

/** Two decimals, exactly: "12.5" → "12.50". */
export const fen = (v: string) => sumAmounts([v]);

type Open = Pick<Receivable, "id" | "balance" | "dueDate">;

/**
 * 自动分配: spreads an amount over the open receivables, the oldest due first, never more than a
 * receivable's balance. Returns receivableId → amount (only the ones that get something).
 */
export function autoAllocate(amount: string, open: readonly Open[]): Record<string, string> {
  let left = dec(amount);
  const result: Record<string, string> = {};
  const sorted = [...open].sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  for (const r of sorted) {
    if (cmp(left, dec(0)) <= 0) break;
    const take = cmp(left, dec(r.balance)) < 0 ? left : dec(r.balance);
    if (cmp(take, dec(0)) <= 0) continue;
    result[r.id] = fen(str(take));
    left = sub(left, take);
  }
  return result;
}

export interface AllocationCheck {
  /** The sum of the valid allocation inputs. */
  allocated: string;
  /** amount − allocated (negative when over-allocated); null while the amount is not valid. */
  remaining: string | null;
  /** Receivable ids whose input is not a valid amount or exceeds its balance. */
  invalid: Set<string>;
  exceedsBalance: Set<string>;
  /** Everything is fine: a valid amount, at least one allocation, adding up exactly. */
  balanced: boolean;
}

/** The live check of the payment form: allocations must add up to the amount, each ≤ its balance. */
export function checkAllocations(
  amount: unknown,
  allocations: Record<string, string | undefined>,
  open: readonly Open[],
): AllocationCheck {
  const invalid = new Set<string>();
  const exceedsBalance = new Set<string>();
  let allocated = dec(0);
  let count = 0;
  for (const r of open) {
    const raw = allocations[r.id]?.trim();
    if (!raw) continue;
    if (!MONEY.test(raw)) {
      invalid.add(r.id);
      continue;
    }
    if (ZERO.test(raw)) continue;
    if (cmp(dec(raw), dec(r.balance)) > 0) exceedsBalance.add(r.id);
    allocated = add(allocated, dec(raw));
    count += 1;
  }
  const amountOk = isPositiveMoney(amount);
  const remaining = amountOk ? fen(str(sub(dec(amount.trim()), allocated))) : null;
  return {
    allocated: fen(str(allocated)),
    remaining,
    invalid,
    exceedsBalance,
    balanced:
      amountOk &&
      count > 0 &&
      !invalid.size &&
      !exceedsBalance.size &&
      remaining !== null &&
      isZero(remaining),
  };
}

/** Aging bucket keys in display order. */
export const AGING_KEYS = ["notDue", "d1to30", "d31to60", "d61to90", "over90"] as const;
export type AgingKey = (typeof AGING_KEYS)[number];

/** Which bucket a receivable falls in by its days past due. */
export function agingKeyOf(overdueDays: number): AgingKey {
  if (overdueDays <= 0) return "notDue";
  if (overdueDays <= 30) return "d1to30";
  if (overdueDays <= 60) return "d31to60";
  if (overdueDays <= 90) return "d61to90";
  return "over90";
}

/** Sorter for decimal strings (antd Table). */
export const byMoney = (a: string, b: string) => cmp(dec(a), dec(b));
