import type { Inject } from "./helper.js";

let n = 0;
/** A valid customer body; `over` replaces fields. Names differ unless given, to avoid duplicates. */
export function customerBody(over: Record<string, unknown> = {}) {
  n += 1;
  return { name: `测试客户${n}号`, class: "1", province: "浙江省", city: "杭州市", ...over };
}

export async function createCustomer(as: Inject, over: Record<string, unknown> = {}, query = "") {
  const res = await as({ method: "POST", url: `/api/v1/customers${query}`, payload: customerBody(over) });
  if (res.statusCode !== 201) throw new Error(`create failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; code: string; name: string; version: number; ownerId: string };
}
