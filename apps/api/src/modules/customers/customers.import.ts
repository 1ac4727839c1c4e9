import { randomUUID } from "node:crypto";
import {
  CustomerCreate,
  type CustomFieldDefinition,
  checkCustomValues,
  customValueFromText,
  ErrorCode,
  type FieldError,
} from "@crm/contracts";
import {
  customerImportRows,
  customerImports,
  customers,
  type Db,
  dictionaryItems,
  nameKey,
  phoneKey,
} from "@crm/db";
import { and, isNull, or, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import type { Caller } from "../../plugins/access.js";
import { AppError } from "../../shared/errors.js";
import { customMessage, isCustomMessage, issueMessage, type Lang } from "../../shared/i18n.js";
import { scopeWhere } from "../../shared/scope.js";
import { listDefinitions } from "../custom-fields/custom-fields.service.js";
import { type FileField, fieldOfHeader } from "./customers.columns.js";
import { CUSTOM_PICK } from "./customers.fields.js";

export type DuplicatePolicy = "skip" | "update" | "create";
export type MatchKey = "code" | "creditCode" | "name" | "phone";

const MAX_ROWS = 200_000;
/** Keys looked up in the database per statement (one jsonb parameter). */
const LOOKUP_BATCH = 10_000;
/** Parsed rows stored per statement. */
const STORE_BATCH = 5_000;

/** `column` is one of `keys`: the keys as one jsonb array parameter, so a statement has any number. */
const inKeys = (column: AnyPgColumn, keys: string[]) =>
  sql`${column} in (select jsonb_array_elements_text(${JSON.stringify(keys)}::jsonb))`;
const DICT_FIELDS = {
  class: "customer_class",
  industry: "industry",
  source: "source",
  status: "customer_status",
  creditRating: "credit_rating",
} as const;

/** Reads a CSV (UTF-8, BOM or not) or XLSX file into header-keyed rows of strings. */
export async function parseFile(fileName: string, buffer: Buffer): Promise<Record<string, string>[]> {
  if (/\.xlsx$/i.test(fileName)) {
    const workbook = new ExcelJS.Workbook();
    // The zip was checked (checkSpreadsheetUpload); a broken workbook inside it is still the file's fault.
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer).catch(() => {
      throw new AppError(400, ErrorCode.validation, {
        fields: [{ field: "file", code: "import_file_type" }],
      });
    });
    const sheet = workbook.worksheets[0];
    if (!sheet) return [];
    const rows: Record<string, string>[] = [];
    let headers: string[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, n) => {
      const values = (row.values as unknown[])
        .slice(1)
        .map((v) =>
          v === null || v === undefined
            ? ""
            : String(typeof v === "object" && v && "text" in v ? (v as { text: string }).text : v),
        );
      if (n === 1) headers = values;
      else rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ""])));
    });
    return rows;
  }
  const text = buffer.toString("utf8").replace(/^\uFEFF/, "");
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: "greedy" });
  return parsed.data;
}

const fieldError = (lang: Lang, field: string, code: string): FieldError => ({
  field,
  code,
  message: customMessage(lang, code),
});

/**
 * The dry run: maps and validates every row, finds duplicates inside the file and against the
 * database on the chosen key, and stores what a commit would do. Writes no customer.
 */
export async function validateImport(
  db: Db,
  caller: Caller,
  file: { name: string; buffer: Buffer },
  options: {
    duplicatePolicy: DuplicatePolicy;
    matchKey: MatchKey;
    mapping?: Record<string, string> | undefined;
  },
  lang: Lang,
) {
  const rawRows = await parseFile(file.name, file.buffer);
  if (rawRows.length === 0) {
    throw new AppError(400, ErrorCode.validation, { fields: [{ field: "file", code: "import_empty" }] });
  }
  if (rawRows.length > MAX_ROWS) {
    throw new AppError(400, ErrorCode.validation, { fields: [{ field: "file", code: "import_too_large" }] });
  }
  if (options.duplicatePolicy === "create" && !caller.permissions.has("customer:merge")) {
    throw new AppError(403, ErrorCode.forbidden, {
      fields: [{ field: "duplicatePolicy", code: "forbidden_field" }],
    });
  }
  const customDefs = await listDefinitions(db, "customer");
  const headerMap = new Map<string, FileField | `customFields.${string}`>();
  for (const header of Object.keys(rawRows[0] ?? {})) {
    const mapped =
      options.mapping?.[header] ?? fieldOfHeader(header) ?? customFieldOfHeader(customDefs, header);
    if (mapped) headerMap.set(header, mapped as FileField);
  }
  const missing = (["name", "class", "province", "city"] as const).filter(
    (f) => ![...headerMap.values()].includes(f),
  );
  if (missing.length) {
    throw new AppError(400, ErrorCode.validation, {
      fields: missing.map((f) => ({ field: `mapping.${f}`, code: "import_column_missing" })),
    });
  }

  // Dictionary values may be given as codes or as labels in either language.
  const dict = new Map<string, string>();
  for (const d of await db.select().from(dictionaryItems)) {
    if (!d.active) continue;
    for (const key of [d.code, d.label, d.labelEn].filter(Boolean) as string[]) {
      dict.set(`${d.type}:${key.trim().toLowerCase()}`, d.code);
    }
  }

  const rows = rawRows.map((raw, i) => {
    const values: Record<string, unknown> = {};
    const customInput: Record<string, unknown> = {};
    for (const [header, field] of headerMap) {
      const v = (raw[header] ?? "").trim();
      if (v === "") continue;
      if (field.startsWith(CUSTOM_PICK)) {
        const key = field.slice(CUSTOM_PICK.length);
        const def = customDefs.find((d) => d.key === key);
        customInput[key] = def ? customValueFromText(def, v) : v;
      } else values[field] = v;
    }
    const errors: FieldError[] = [];
    const custom = checkCustomValues(customDefs, customInput, null);
    for (const issue of custom.issues) errors.push(fieldError(lang, `customFields.${issue.key}`, issue.code));
    if (Object.keys(custom.values).length) values.customFields = custom.values;
    for (const [field, type] of Object.entries(DICT_FIELDS)) {
      const v = values[field];
      if (typeof v !== "string") continue;
      const code = dict.get(`${type}:${v.toLowerCase()}`);
      if (code) values[field] = code;
      else errors.push(fieldError(lang, field, "not_in_dictionary"));
    }
    if (typeof values.annualRevenue === "string")
      values.annualRevenue = values.annualRevenue.replace(/[,，\s]/g, "");
    if (typeof values.employeeCount === "string") {
      const n = Number(values.employeeCount.replace(/[,，\s]/g, ""));
      values.employeeCount = Number.isInteger(n) ? n : values.employeeCount;
    }
    const matchCode = values.code as string | undefined;
    const { code: _c, ownerName: _o, createdAt: _d, ...input } = values;
    const parsed = CustomerCreate.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path.join(".") || "(row)";
        if (errors.some((e) => e.field === field)) continue;
        const required = issue.code === "invalid_type" && !(field in input);
        errors.push({
          field,
          code: required ? "required" : isCustomMessage(issue.message) ? issue.message : issue.code,
          message: required ? customMessage(lang, "required") : issueMessage(lang, issue as never),
        });
      }
    }
    return { rowNo: i + 2, raw, data: parsed.success ? parsed.data : null, errors, matchCode };
  });

  // Duplicates inside the file, by normalised name and credit code.
  const seen = new Map<string, number>();
  for (const r of rows) {
    if (!r.data) continue;
    const keys = [`n:${nameKey(r.data.name)}`, r.data.creditCode ? `c:${r.data.creditCode}` : null];
    for (const k of keys.filter(Boolean) as string[]) {
      if (seen.has(k))
        r.errors.push(
          fieldError(lang, k.startsWith("c:") ? "creditCode" : "name", "import_duplicate_in_file"),
        );
      else seen.set(k, r.rowNo);
    }
  }

  // Matches in the database on the chosen key (scope decides whether an update is allowed).
  const keyOf = (r: (typeof rows)[number]): string | null => {
    if (!r.data) return null;
    if (options.matchKey === "code") return r.matchCode ?? null;
    if (options.matchKey === "creditCode") return r.data.creditCode ?? null;
    if (options.matchKey === "phone") return phoneKey(r.data.phone);
    return nameKey(r.data.name);
  };
  const column = {
    code: customers.code,
    creditCode: customers.creditCode,
    name: customers.nameKey,
    phone: customers.phoneKey,
  }[options.matchKey];
  const keys = [...new Set(rows.map(keyOf).filter(Boolean) as string[])];
  const matches = new Map<string, { id: string; visible: boolean }>();
  const scope = scopeWhere(caller.scope, customers.ownerId);
  // One statement per LOOKUP_BATCH keys: the keys as one jsonb parameter, each looked up in the
  // key's index.
  for (let i = 0; i < keys.length; i += LOOKUP_BATCH) {
    const chunk = keys.slice(i, i + LOOKUP_BATCH);
    const found = await db
      .select({
        id: customers.id,
        key: column,
        visible: scope ? sql<boolean>`coalesce(${scope}, false)` : sql<boolean>`true`,
      })
      .from(customers)
      .where(and(inKeys(column, chunk), isNull(customers.deletedAt)));
    for (const f of found) if (f.key) matches.set(f.key, { id: f.id, visible: f.visible });
  }
  // Credit codes must stay unique whatever the policy.
  const creditCodes = [...new Set(rows.map((r) => r.data?.creditCode).filter(Boolean) as string[])];
  const takenCredit = new Map<string, string>();
  for (let i = 0; i < creditCodes.length; i += LOOKUP_BATCH) {
    for (const c of await db
      .select({ id: customers.id, creditCode: customers.creditCode })
      .from(customers)
      .where(
        and(
          inKeys(customers.creditCode, creditCodes.slice(i, i + LOOKUP_BATCH)),
          isNull(customers.deletedAt),
        ),
      )) {
      takenCredit.set(c.creditCode!, c.id);
    }
  }

  const planned = rows.map((r) => {
    if (r.errors.length || !r.data) return { ...r, action: "error" as const, customerId: null };
    const key = keyOf(r);
    const match = key ? matches.get(key) : undefined;
    if (options.matchKey === "code" && r.matchCode && !match) {
      return {
        ...r,
        action: "error" as const,
        errors: [fieldError(lang, "code", "import_code_unknown")],
        customerId: null,
      };
    }
    if (match && !match.visible) {
      return {
        ...r,
        action: "error" as const,
        errors: [fieldError(lang, "name", "import_match_out_of_scope")],
        customerId: null,
      };
    }
    const credit = r.data.creditCode ? takenCredit.get(r.data.creditCode) : undefined;
    const action = match
      ? options.duplicatePolicy === "create"
        ? "create"
        : options.duplicatePolicy
      : "create";
    if (credit && !(action === "update" && credit === match?.id)) {
      if (action !== "skip") {
        return {
          ...r,
          action: "error" as const,
          errors: [fieldError(lang, "creditCode", "credit_code_taken")],
          customerId: null,
        };
      }
    }
    return { ...r, action, customerId: match && action === "update" ? match.id : null };
  });

  await checkUniqueCustomValues(db, customDefs, planned, lang);
  const count = (a: string) => planned.filter((p) => p.action === a).length;
  const [job] = await db
    .insert(customerImports)
    .values({
      createdBy: caller.userId,
      fileName: file.name.slice(0, 200),
      status: "validated",
      options: { duplicatePolicy: options.duplicatePolicy, matchKey: options.matchKey },
      totalRows: planned.length,
      errorRows: count("error"),
      toCreate: count("create"),
      toUpdate: count("update"),
      toSkip: count("skip"),
    })
    .returning();
  // The rows as one jsonb parameter per statement, the next one built while this one is written.
  // A row to create is given the id its customer will have, so the commit need not come back to it.
  let storing: Promise<unknown> | null = null;
  for (let i = 0; i < planned.length; i += STORE_BATCH) {
    const payload = JSON.stringify(
      planned.slice(i, i + STORE_BATCH).map((p) => ({
        row_no: p.rowNo,
        raw: p.raw,
        data: p.data,
        errors: p.errors.length ? p.errors : null,
        action: p.action,
        customer_id: p.action === "create" ? randomUUID() : p.customerId,
      })),
    );
    await storing;
    // then() sets the statement going now; the next payload is built meanwhile.
    storing = db
      .execute(sql`insert into ${customerImportRows} (import_id, row_no, raw, data, errors, action, customer_id)
      select ${job!.id}::uuid, v.row_no, v.raw, v.data, v.errors, v.action, v.customer_id
      from jsonb_to_recordset(${payload}::jsonb)
        as v(row_no int, raw jsonb, data jsonb, errors jsonb, action text, customer_id uuid)`)
      .then(() => undefined);
  }
  await storing;
  return job!.id;
}

/** A file header naming a custom field by its label (either language) or key. */
function customFieldOfHeader(defs: CustomFieldDefinition[], header: string): string | undefined {
  const h = header.normalize("NFKC").trim().toLowerCase();
  const def = defs.find((d) =>
    [d.key, d.label, d.labelEn].some((n) => n && n.normalize("NFKC").toLowerCase() === h),
  );
  return def ? `${CUSTOM_PICK}${def.key}` : undefined;
}

/**
 * Unique custom fields: a value may appear once in the file and must not belong to another
 * customer already (rows that update their own match are checked again at commit by the lock).
 */
async function checkUniqueCustomValues(
  db: Db,
  defs: CustomFieldDefinition[],
  rows: {
    data: { customFields?: Record<string, unknown> } | null;
    errors: FieldError[];
    action: string;
    customerId: string | null;
  }[],
  lang: Lang,
) {
  const refuse = (r: (typeof rows)[number], field: string, code: string) => {
    r.errors = [...r.errors, fieldError(lang, field, code)];
    r.action = "error";
    r.customerId = null;
  };
  for (const def of defs.filter((d) => d.unique)) {
    const field = `customFields.${def.key}`;
    const byValue = new Map<string, (typeof rows)[number][]>();
    for (const r of rows) {
      const v = r.data?.customFields?.[def.key];
      if (v === undefined || r.action === "error" || r.action === "skip") continue;
      const k = JSON.stringify(v);
      if (byValue.has(k)) refuse(r, field, "import_duplicate_in_file");
      else byValue.set(k, [r]);
    }
    const values = [...byValue.keys()];
    for (let i = 0; i < values.length; i += 200) {
      const chunk = values.slice(i, i + 200);
      const taken = await db
        .select({ id: customers.id, value: sql<unknown>`${customers.customFields} -> ${def.key}` })
        .from(customers)
        .where(
          and(
            isNull(customers.deletedAt),
            isNull(customers.mergedIntoId),
            or(
              ...chunk.map(
                (v) => sql`${customers.customFields} @> ${`{${JSON.stringify(def.key)}:${v}}`}::jsonb`,
              ),
            ),
          ),
        );
      for (const t of taken) {
        for (const r of byValue.get(JSON.stringify(t.value)) ?? [])
          if (r.customerId !== t.id) refuse(r, field, "custom_value_taken");
      }
    }
  }
}
