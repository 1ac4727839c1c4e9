import fc from "fast-check";
import Papa from "papaparse";
import { multipart } from "../helper.js";
import {
  EVIL_STRINGS,
  jsonBodySchema,
  mutate,
  mutationArb,
  type OpenApiDoc,
  type Operation,
  paramsOf,
  type Schema,
  validArb,
} from "./arbitraries.js";

/** One request to send, and what was broken in it (null: built to be valid). */
export interface FuzzCase {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  broken: null | { part: "path" | "query" | "header" | "body" | "raw-body" | "upload"; where: string };
}

/** Ids of existing records by collection path template (`/api/v1/webhooks/{id}/deliveries`). */
export type IdSource = (collection: string, pick: number) => string | undefined;

/** Percent-encodes like encodeURIComponent, but writes lone surrogates as their WTF-8 bytes. */
export function encodeSegment(s: string): string {
  let out = "";
  for (const ch of s) {
    const u = ch.codePointAt(0) ?? 0;
    if (u >= 0xd800 && u <= 0xdfff)
      out += [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join("");
    else out += encodeURIComponent(ch);
  }
  return out;
}

const asText = (v: unknown) => (typeof v === "string" ? v : (JSON.stringify(v) ?? ""));

/** Header values a client can send at all (HTTP forbids control characters and non-Latin-1). */
const HEADER_SAFE = EVIL_STRINGS.filter((s) => /^[\x20-\x7e]{0,200}$/.test(s));

/** Raw bodies no schema describes: broken JSON, the wrong media type, too large. */
const RAW_BODIES: readonly { payload: string; type: string; name: string }[] = [
  { payload: "{", type: "application/json", name: "truncated JSON" },
  { payload: '{"a":1,}', type: "application/json", name: "trailing comma" },
  { payload: "", type: "application/json", name: "empty JSON body" },
  { payload: "null", type: "application/json", name: "JSON null" },
  { payload: '"text"', type: "application/json", name: "JSON string" },
  { payload: "[1,2]", type: "application/json", name: "JSON array" },
  { payload: '{"__proto__":{"admin":true}}', type: "application/json", name: "__proto__ key" },
  {
    payload: '{"constructor":{"prototype":{"admin":true}}}',
    type: "application/json",
    name: "constructor key",
  },
  { payload: "name=x", type: "application/x-www-form-urlencoded", name: "form body" },
  { payload: "hello", type: "text/plain", name: "text body" },
  { payload: "<a/>", type: "application/xml", name: "XML body" },
  { payload: "--x\r\n\r\n--x--", type: "multipart/form-data; boundary=x", name: "junk multipart" },
  { payload: `{"a":"${"x".repeat(1_100_000)}"}`, type: "application/json", name: "body over 1 MB" },
  { payload: "\u0000\u0001\u0002", type: "application/octet-stream", name: "binary body" },
];

const RAW_QUERIES: readonly string[] = [
  "limit=1&limit=2",
  "%=1",
  "q=%zz",
  "q=%ED%A0%80",
  "q[]=1",
  "q[a]=b",
  "cursor=%00",
  "&&&",
  "==",
];

type Part = NonNullable<FuzzCase["broken"]>["part"];

const IMPORT_HEADER = ["客户名称", "客户类别", "省份", "城市", "电话", "邮箱", "年营业额", "行业"];

/**
 * A multipart upload (the document describes it in words only): a small CSV whose cells are
 * generated text, or, broken, a file that is not one or hostile form fields.
 */
function uploadArb() {
  const cell = fc.oneof(
    fc.constantFrom(
      "宏达机械",
      "1",
      "浙江省",
      "杭州市",
      "0571-86861234",
      "a@example.com",
      "1000.50",
      "制造业",
      "",
    ),
    fc.constantFrom(...EVIL_STRINGS.filter((x) => x.length < 1000)),
    fc.string({ unit: "binary", maxLength: 8 }),
  );
  const csv = fc
    .array(fc.array(cell, { minLength: 8, maxLength: 8 }), { minLength: 1, maxLength: 3 })
    .map((rows) => `\uFEFF${Papa.unparse([IMPORT_HEADER, ...rows])}`);
  const field = (values: string[]) => fc.oneof(fc.constantFrom(...values), fc.constantFrom(...HEADER_SAFE));
  return fc
    .record({
      csv,
      how: fc.constantFrom("content", "name", "fields"),
      junk: fc.oneof(
        fc.constantFrom("", "PK\u0003\u0004 not a zip", "\u0000\u0000\u0000", 'a,b\n"unclosed'),
        fc.uint8Array({ maxLength: 64 }).map((b) => Buffer.from(b)),
      ),
      name: fc.constantFrom("customers.csv", "customers.xlsx"),
      badName: fc.constantFrom("x.exe", "", "../../x.csv", "客户.csv", 'a"b.csv'),
      policy: field(["skip", "update", "create"]),
      matchKey: field(["code", "creditCode", "name", "phone"]),
      mapping: fc.constantFrom(undefined, '{"名称":"name"}', "{", "[]", '{"a":{"b":1}}'),
    })
    .map((r) => {
      const fields: Record<string, string> =
        r.how === "fields" ? { duplicatePolicy: r.policy, matchKey: r.matchKey } : {};
      if (r.how === "fields" && r.mapping !== undefined) fields.mapping = r.mapping;
      const name = r.how === "name" ? r.badName : r.how === "content" ? r.name : "customers.csv";
      const content = r.how === "content" ? r.junk : r.csv;
      return {
        good: multipart({ name: "customers.csv", content: r.csv }),
        bad: multipart({ name, content }, fields),
        how: r.how,
      };
    });
}

/**
 * The cases for one operation. `valid` ones follow the document; the others break one part:
 * a path id, a query parameter, a header, a body field, or the body as a whole.
 */
export function caseArb(
  doc: OpenApiDoc,
  method: string,
  path: string,
  op: Operation,
  ids: IdSource,
): fc.Arbitrary<FuzzCase> {
  const params = paramsOf(doc, op);
  const pathParams = params.filter((p) => p.in === "path");
  const queryParams = params.filter((p) => p.in === "query");
  const headerParams = params.filter((p) => p.in === "header");
  const body = jsonBodySchema(doc, op);
  const upload = method === "POST" && /multipart\/form-data/.test(op.description ?? "");
  const writes = method !== "GET" && method !== "DELETE";
  const queryObject: Schema = {
    type: "object",
    properties: Object.fromEntries(queryParams.map((p) => [p.name, p.schema])),
    required: queryParams.filter((p) => p.required).map((p) => p.name),
  };
  const parts: Part[] = [];
  if (pathParams.length) parts.push("path", "path");
  if (queryParams.length) parts.push("query", "query");
  if (headerParams.length) parts.push("header");
  if (body) parts.push("body", "body", "body");
  if (writes) parts.push("raw-body");
  if (upload) parts.push("upload", "upload", "upload");
  if (!parts.length) parts.push("query"); // unknown query parameters at least

  return fc
    .record({
      valid: fc.boolean(),
      part: fc.constantFrom(...parts),
      pathPicks: fc.array(
        fc.record({
          how: fc.constantFrom("pool", "pool", "uuid"),
          pick: fc.nat(),
          uuid: fc.uuid({ version: 4 }),
        }),
        { minLength: pathParams.length, maxLength: pathParams.length },
      ),
      badPath: fc.record({ index: fc.nat(), value: fc.oneof(fc.constantFrom(...EVIL_STRINGS), fc.string()) }),
      query: validArb(doc, queryObject),
      queryMutation: mutationArb,
      rawQuery: fc.option(fc.constantFrom(...RAW_QUERIES), { freq: 3 }),
      body: body ? validArb(doc, body) : fc.constant(undefined),
      bodyMutation: mutationArb,
      rawBody: fc.constantFrom(...RAW_BODIES),
      upload: upload ? uploadArb() : fc.constant(null),
      headerPicks: fc.record({
        index: fc.nat(),
        value: fc.constantFrom(...HEADER_SAFE),
        idempotencyKey: fc.option(fc.stringMatching(/^[\w.:-]{8,40}$/), { freq: 2 }),
      }),
      lang: fc.constantFrom("zh-CN", "en"),
    })
    .map((r): FuzzCase => {
      const broken = r.valid ? null : r.part;
      let where = "";
      // Path: real ids from the collection in front of each parameter when there are some.
      let url = path;
      const filled: string[] = [];
      pathParams.forEach((p, i) => {
        const pick = r.pathPicks[i] ?? { how: "uuid", pick: 0, uuid: "00000000-0000-4000-8000-000000000000" };
        const collection = path.slice(0, path.indexOf(`/{${p.name}}`));
        let value = (pick.how === "pool" ? ids(collection, pick.pick) : undefined) ?? pick.uuid;
        if (broken === "path" && r.badPath.index % pathParams.length === i) {
          value = r.badPath.value;
          where = p.name;
        }
        filled.push(value);
      });
      url = fillPath(url, pathParams, filled, true);

      // Query. A made-up cursor is refused (invalid_cursor) however valid its shape: only broken
      // cases send one.
      let query = r.query as Record<string, unknown>;
      if (!broken && query && "cursor" in query) {
        const { cursor: _, ...rest } = query;
        query = rest;
      }
      if (broken === "query") {
        if (r.rawQuery !== null || !queryParams.length) where = r.rawQuery ?? "unknownParam";
        else {
          const m = mutate(
            query,
            r.queryMutation.kind,
            r.queryMutation.pick,
            r.queryMutation.evil,
            "unknownParam",
          );
          query = (
            m.value && typeof m.value === "object" ? m.value : { [queryParams[0]?.name ?? "x"]: m.value }
          ) as Record<string, unknown>;
          where = m.where;
        }
      }
      const qs = Object.entries(query ?? {}).flatMap(([k, v]) =>
        (Array.isArray(v) ? v : [v])
          .filter((x) => x !== undefined)
          .map((x) => `${encodeSegment(k)}=${encodeSegment(asText(x))}`),
      );
      if (broken === "query" && (r.rawQuery !== null || !queryParams.length))
        qs.push(r.rawQuery ?? "unknownParam=1");
      if (qs.length) url += `?${qs.join("&")}`;

      // Headers.
      const headers: Record<string, string> = { "accept-language": r.lang };
      if (writes && r.headerPicks.idempotencyKey) headers["idempotency-key"] = r.headerPicks.idempotencyKey;
      if (broken === "header" && headerParams.length) {
        const h = headerParams[r.headerPicks.index % headerParams.length];
        if (h) {
          headers[h.name.toLowerCase()] = r.headerPicks.value;
          where = h.name;
        }
      }

      // Body.
      let payload: string | Buffer | undefined;
      if (r.upload && (broken === null || broken === "upload")) {
        const b = broken ? r.upload.bad : r.upload.good;
        payload = b.payload;
        Object.assign(headers, b.headers);
        if (broken) where = r.upload.how;
      } else if (broken === "raw-body") {
        payload = r.rawBody.payload;
        headers["content-type"] = r.rawBody.type;
        where = r.rawBody.name;
      } else if (body) {
        let value = r.body;
        if (broken === "body") {
          const m = mutate(
            value,
            r.bodyMutation.kind,
            r.bodyMutation.pick,
            r.bodyMutation.evil,
            r.bodyMutation.extraKey,
          );
          value = m.value;
          where = m.where;
        }
        payload = JSON.stringify(value) ?? "null";
        headers["content-type"] = "application/json";
      }
      return {
        method,
        url,
        headers,
        ...(payload !== undefined ? { payload } : {}),
        broken: broken ? { part: broken, where } : null,
      };
    });
}

/** Replaces the first `values.length` path parameters of `template` (encoded when `encode`). */
function fillPath(template: string, params: { name: string }[], values: string[], encode = false) {
  let out = template;
  values.forEach((v, i) => {
    const name = params[i]?.name;
    if (name) out = out.replace(`{${name}}`, encode ? encodeSegment(v) : v);
  });
  return out;
}
