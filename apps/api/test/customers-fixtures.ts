import Papa from "papaparse";
import { type Inject, multipart } from "./helper.js";

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

/**
 * Uploads a CSV of customers (name, class, province, city per row) as an import and commits it;
 * the commit runs in the background. Returns the import job (its id).
 */
export async function commitImport(as: Inject, rows: string[][]): Promise<{ id: string }> {
  const body = multipart({
    name: "c.csv",
    content: Papa.unparse([["客户名称", "客户类别", "省份", "城市"], ...rows]),
  });
  const job = (
    await as({
      method: "POST",
      url: "/api/v1/customers/imports",
      payload: body.payload,
      headers: body.headers,
    })
  ).json() as { id: string };
  const commit = await as({ method: "POST", url: `/api/v1/customers/imports/${job.id}/commit` });
  if (commit.statusCode >= 300) throw new Error(`import commit failed: ${commit.statusCode} ${commit.body}`);
  return job;
}
