import fc from "fast-check";

/** A JSON Schema node of the OpenAPI document (the subset our zod schemas produce). */
// biome-ignore lint/suspicious/noExplicitAny: the document is untyped JSON
export type Schema = Record<string, any>;

export interface OpenApiDoc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; parameters: Record<string, Schema> };
}

export interface Operation {
  operationId: string;
  description?: string;
  parameters?: Schema[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Schema }> };
}

export interface Param {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  schema: Schema;
}

export function deref<T extends Schema>(doc: OpenApiDoc, node: T): T {
  let n: Schema = node;
  while (n && typeof n.$ref === "string") {
    const [, , section, name] = n.$ref.split("/") as [string, string, string, string];
    const target = (doc.components as unknown as Record<string, Record<string, Schema>>)[section]?.[name];
    if (!target) throw new Error(`unresolved ${n.$ref}`);
    // A $ref beside other keywords (description): the referenced schema is what validates.
    n = target;
  }
  return n as T;
}

export function paramsOf(doc: OpenApiDoc, op: Operation): Param[] {
  return (op.parameters ?? []).map((p) => deref(doc, p) as unknown as Param);
}

export function jsonBodySchema(doc: OpenApiDoc, op: Operation): Schema | undefined {
  const content = op.requestBody?.content["application/json"];
  return content ? deref(doc, content.schema) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Hostile values: what a careless or malicious client sends.

const HUGE = "x".repeat(100_000);
const HUGE_CJK = "中".repeat(20_000);

/** Strings that break naive code: control and invisible characters, lone surrogates, RTL, SQL, HTML. */
export const EVIL_STRINGS: readonly string[] = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "x\udfffy",
  "\ud83d",
  "\u202eevil\u202c",
  "مرحبا بالعالم",
  "😀👨‍👩‍👧‍👦🏳️‍🌈",
  "ＡＢＣ１２３",
  "１２３",
  "\ufeff",
  "\u200b\u200d",
  "\r\n\t",
  "'; drop table customers; --",
  "' OR '1'='1",
  "1; select pg_sleep(0)",
  "%' and 1=1 --",
  "\\",
  "\\x00",
  "$1",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "{{7*7}}",
  "../../etc/passwd",
  "%00",
  "%",
  "NaN",
  "Infinity",
  "-Infinity",
  "-1",
  "-0",
  "0",
  "1e309",
  "0x1F",
  "1_000",
  "99999999999999999999999",
  "12.345",
  "true",
  "null",
  "undefined",
  "[]",
  "{}",
  "2026-02-30",
  "2026-13-01",
  "0000-00-00",
  "9999-12-31",
  "-000001-01-01",
  "2026-01-01T25:61:61Z",
  "2026-1-1",
  "20260101",
  "00000000-0000-0000-0000-000000000000",
  "ffffffff-ffff-ffff-ffff-ffffffffffff",
  "6F1C2D7E-0C1B-4D8A-9F43-2B6F1F4F9A10",
  "6f1c2d7e0c1b4d8a9f432b6f1f4f9a10",
  HUGE,
  HUGE_CJK,
];

export const EVIL_NUMBERS: readonly number[] = [
  -1,
  -0,
  0,
  0.5,
  -1.5,
  2 ** 31,
  -(2 ** 31) - 1,
  2 ** 53 + 2,
  -(2 ** 63),
  1e21,
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
];

function deepArray(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Any hostile JSON value: evil strings and numbers, wrong types, deep nesting, random unicode. */
export const evilValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...EVIL_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...EVIL_NUMBERS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      true,
      false,
      null,
      [],
      {},
      [null],
      { $gt: "" },
      JSON.parse('{"__proto__":{"x":1}}'),
    ),
  },
  { weight: 1, arbitrary: fc.constant(deepArray(200)) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 12 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

// ---------------------------------------------------------------------------------------------
// Valid values derived from a schema.

const date = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2035-12-31T00:00:00Z"), noInvalidDate: true })
  .map((d) => d.toISOString());

/** Characters that are valid text yet trip naive code: NUL, lone surrogates, RTL, emoji, SQL/HTML. */
const EDGE_CHARS = ["\u0000", "\ud800", "\u202e", "😀", "Ａ", "'", '"', "<", ">", "%", "_", "\\", "\n", "\t"];

/** Text a user would type (CJK and ASCII letters), now and then with an edge character in it. */
const text = (min: number, max: number) =>
  fc.string({
    minLength: min,
    maxLength: Math.max(min, max),
    unit: fc.oneof(
      { weight: 10, arbitrary: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789 ") },
      { weight: 10, arbitrary: fc.constantFrom(..."张伟刘洋陈静杭州宏达机械有限公司客户销售") },
      { weight: 1, arbitrary: fc.constantFrom(...EDGE_CHARS) },
    ),
  });

function stringArb(s: Schema, key?: string): fc.Arbitrary<string> {
  if (s.enum) return fc.constantFrom(...(s.enum as string[]));
  const min: number = s.minLength ?? 0;
  const max: number = Math.min(s.maxLength ?? 30, 30);
  if (s.format === "uuid") {
    const known = key ? REFERENCES.get(key) : undefined;
    return known?.length
      ? fc.oneof(
          { weight: 3, arbitrary: fc.constantFrom(...known) },
          { weight: 1, arbitrary: fc.uuid({ version: 4 }) },
        )
      : fc.uuid({ version: 4 });
  }
  if (s.format === "date") return date.map((d) => d.slice(0, 10));
  if (s.format === "date-time") return date;
  if (s.format === "email")
    return fc.constantFrom("a@example.com", "li.wei@example.cn", "x_y+z@sub.example.org");
  if (s.format === "uri") return fc.constantFrom("https://example.com/hook", "http://example.org:8080/a?b=1");
  if (s.pattern) {
    try {
      const re = new RegExp(s.pattern as string);
      return fc
        .stringMatching(re, { maxLength: Math.max(min, s.maxLength ?? 40) })
        .filter((v) => v.length >= min && v.length <= (s.maxLength ?? Number.POSITIVE_INFINITY));
    } catch {
      return text(min, max);
    }
  }
  return text(min, max);
}

function numberArb(s: Schema, integer: boolean): fc.Arbitrary<number> {
  const lo = Math.max(
    s.minimum ?? -1_000_000,
    s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1e15,
  );
  const hi = Math.min(
    s.maximum ?? 1_000_000,
    s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1e15,
  );
  const bounds = fc.constantFrom(
    ...[lo, hi, 0].filter((n) => n >= lo && n <= hi && (!integer || Number.isInteger(n))),
  );
  const inside = integer
    ? fc.integer({ min: Math.ceil(lo), max: Math.floor(Math.max(lo, hi)) })
    : fc.integer({ min: Math.ceil(lo) * 100, max: Math.floor(hi) * 100 }).map((n) => n / 100);
  return fc.oneof({ weight: 4, arbitrary: inside }, { weight: 1, arbitrary: bounds });
}

/**
 * Ids of existing rows by the field name that refers to them (`customerId`, `ownerId`, …), so a
 * valid body or query reaches real records instead of answering 404 or 422 every time.
 */
export const REFERENCES = new Map<string, string[]>();

/** Values the schema accepts (as far as JSON Schema says: service rules may still refuse them). */
export function validArb(doc: OpenApiDoc, node: Schema, depth = 0, key?: string): fc.Arbitrary<unknown> {
  const s = deref(doc, node);
  if (depth > 6) return fc.constant(null);
  if ("const" in s) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...(s.enum as unknown[]));
  const alternatives = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validArb(doc, a, depth + 1, key)));
  if (s.allOf) {
    const parts = (s.allOf as Schema[]).map((p) => deref(doc, p));
    if (!parts.some((p) => p.properties)) {
      // Extra rules on a value (a password's "a letter" and "a digit" patterns): keep the values
      // of the base schema that meet them all.
      const { allOf: _, ...base } = s;
      const patterns = parts.flatMap((p) => (p.pattern ? [new RegExp(p.pattern as string)] : []));
      return validArb(doc, base, depth + 1, key).filter(
        (v) => typeof v !== "string" || patterns.every((re) => re.test(v)),
      );
    }
    const merged: Schema = { type: "object", properties: {}, required: [] };
    for (const p of parts) {
      Object.assign(merged.properties, p.properties ?? {});
      merged.required.push(...(p.required ?? []));
    }
    return validArb(doc, merged, depth + 1);
  }
  if (Array.isArray(s.type))
    return fc.oneof(...(s.type as string[]).map((t) => validArb(doc, { ...s, type: t }, depth + 1, key)));
  switch (s.type) {
    case "null":
      return fc.constant(null);
    case "boolean":
      return fc.boolean();
    case "string":
      return stringArb(s, key);
    case "integer":
      return numberArb(s, true);
    case "number":
      return numberArb(s, false);
    case "array": {
      const minLength: number = s.minItems ?? 0;
      const maxLength = Math.max(minLength, Math.min(s.maxItems ?? 3, 3));
      return fc.array(validArb(doc, s.items ?? {}, depth + 1, key), { minLength, maxLength });
    }
    case "object":
      return objectArb(doc, s, depth);
    default:
      if (s.properties) return objectArb(doc, s, depth);
      return fc.jsonValue({ maxDepth: 1 });
  }
}

function objectArb(doc: OpenApiDoc, s: Schema, depth: number): fc.Arbitrary<unknown> {
  const props = (s.properties ?? {}) as Record<string, Schema>;
  const required = new Set<string>(s.required ?? []);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [k, v] of Object.entries(props)) model[k] = validArb(doc, v, depth + 1, k);
  const record = fc.record(model, { requiredKeys: [...required].filter((k) => k in model) });
  if (s.additionalProperties && typeof s.additionalProperties === "object" && !Object.keys(props).length) {
    const keys = s.propertyNames ? stringArb({ type: "string", ...s.propertyNames }) : text(1, 10);
    return fc.dictionary(keys, validArb(doc, s.additionalProperties, depth + 1), {
      maxKeys: 2,
      noNullPrototype: true,
    });
  }
  return record;
}

// ---------------------------------------------------------------------------------------------
// Invalid values: a valid value with one thing broken.

export type Mutation = "replace" | "delete" | "extra" | "root";

function pathsOf(v: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  if (v && typeof v === "object") {
    for (const [k, child] of Object.entries(v)) {
      const p = [...prefix, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      if (out.length < 200) pathsOf(child, p, out);
    }
  }
  return out;
}

const clone = (v: unknown): unknown => (v === undefined ? v : structuredClone(v));

function parentOf(root: unknown, path: (string | number)[]) {
  let cur = root as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, unknown>;
  return cur;
}

/** Breaks one thing in `value`: a field replaced by a hostile value, removed, or an unknown one added. */
export function mutate(value: unknown, kind: Mutation, pick: number, evil: unknown, extraKey: string) {
  const v = clone(value);
  const paths = pathsOf(v);
  if (kind === "root" || (paths.length === 0 && kind !== "extra")) return { value: evil, where: "(root)" };
  if (kind === "extra") {
    const objects = [[], ...paths].filter((p) => {
      const target = p.length ? parentOf(v, [...p, "_"]) : v;
      return target && typeof target === "object" && !Array.isArray(target);
    });
    if (!objects.length) return { value: evil, where: "(root)" };
    const p = objects[pick % objects.length] as (string | number)[];
    const target = (p.length ? parentOf(v, [...p, "_"]) : v) as Record<string, unknown>;
    // defineProperty: an own "__proto__" key that JSON.stringify sends, not a prototype change.
    Object.defineProperty(target, extraKey, {
      value: evil,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return { value: v, where: [...p, extraKey].join(".") };
  }
  const p = paths[pick % paths.length] as (string | number)[];
  const parent = parentOf(v, p);
  const key = p[p.length - 1] as string | number;
  if (kind === "delete" && !Array.isArray(parent)) delete parent[key];
  else parent[key] = evil;
  return { value: v, where: p.join(".") };
}

export const mutationArb = fc.record({
  kind: fc.constantFrom<Mutation>("replace", "replace", "replace", "delete", "extra", "root"),
  pick: fc.nat(),
  evil: evilValue,
  extraKey: fc.constantFrom(
    "unknownField",
    "__proto__",
    "constructor",
    "id",
    "deletedAt",
    "version",
    "创建人",
  ),
});
