import { ErrorCode, lineAmount, sumAmounts } from "@crm/contracts";
import type { FormRule } from "antd";
import { errorMessage, isApiError } from "../../shared/api";
import { i18n } from "../../shared/i18n/i18n";

export { formatMoney } from "../customers/customer-format";

const MONEY = /^\d{1,14}(\.\d{1,2})?$/;
const QUANTITY = /^\d{1,12}(\.\d{1,3})?$/;
const SIGNED_QUANTITY = /^-?\d{1,12}(\.\d{1,3})?$/;
const ZERO = /^-?0+(\.0+)?$/;
const DISCOUNT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

export const isMoney = (v: unknown): v is string => typeof v === "string" && MONEY.test(v.trim());
export const isQuantity = (v: unknown): v is string =>
  typeof v === "string" && QUANTITY.test(v.trim()) && !ZERO.test(v.trim());
export const isDiscount = (v: unknown): v is string => typeof v === "string" && DISCOUNT.test(v.trim());

/** "12.500" → "12.5", "10.000" → "10": quantities as people write them (no float involved). */
export function formatQuantity(value: string | null | undefined): string {
  if (!value) return "";
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}

/** A line's amount while typing, or null while an input is not a valid decimal yet. */
export function liveAmount(unitPrice: unknown, quantity: unknown, discount: unknown = "0"): string | null {
  const d = discount === undefined || discount === null || discount === "" ? "0" : discount;
  if (!isMoney(unitPrice) || !isQuantity(quantity) || !isDiscount(d)) return null;
  return lineAmount(unitPrice.trim(), quantity.trim(), d.trim());
}

/** The exact total of the valid amounts. */
export const liveTotal = (amounts: readonly (string | null)[]) =>
  sumAmounts(amounts.filter((a): a is string => a !== null));

export const moneyRule = (field: string, optional = false): FormRule => ({
  validator: async (_r, value: unknown) => {
    if (optional && (value === undefined || value === null || value === "")) return;
    if (!isMoney(value)) throw new Error(i18n.t("products.common.moneyFormat", { field }));
  },
});

export const quantityRule = (field: string, optional = false): FormRule => ({
  validator: async (_r, value: unknown) => {
    if (optional && (value === undefined || value === null || value === "")) return;
    if (optional && value === "0") return;
    if (!isQuantity(value)) throw new Error(i18n.t("products.common.quantityFormat", { field }));
  },
});

export const signedQuantityRule = (field: string): FormRule => ({
  validator: async (_r, value: unknown) => {
    if (typeof value !== "string" || !SIGNED_QUANTITY.test(value.trim()) || ZERO.test(value.trim()))
      throw new Error(i18n.t("products.movement.signedFormat", { field }));
  },
});

export const isInsufficientStock = (error: unknown) =>
  isApiError(error) && error.code === ErrorCode.insufficientStock;

/** The error for people; "not enough stock" says how much there is (the server's `available`). */
export function stockErrorMessage(error: unknown): string {
  if (isInsufficientStock(error) && isApiError(error)) {
    const available = error.extensions.available;
    const requested = error.extensions.requested;
    if (typeof available === "string" && typeof requested === "string")
      return i18n.t("products.movement.insufficient", {
        available: formatQuantity(available),
        requested: formatQuantity(requested),
      });
    if (typeof available === "string")
      return i18n.t("products.movement.insufficientShort", { available: formatQuantity(available) });
  }
  return errorMessage(error);
}

/** Someone else saved the record since we loaded it (If-Match did not match). */
export const isConflict = (error: unknown) =>
  isApiError(error) && error.code === ErrorCode.preconditionFailed;

/** Server errors of line inputs (`lines.<i>.<field>`) as antd Form.List field names. */
// biome-ignore lint/suspicious/noExplicitAny: antd types field names per form; these are built from the server's paths.
export function lineFieldErrors(error: unknown): { name: any; errors: string[] }[] {
  if (!isApiError(error)) return [];
  return error.fieldErrors.flatMap((e) => {
    const m = /^lines\.(\d+)\.(\w+)$/.exec(e.field);
    return m ? [{ name: ["lines", Number(m[1]), m[2] as string], errors: [e.message] }] : [];
  });
}

export const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
