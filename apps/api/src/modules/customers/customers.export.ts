import { type CustomerQuery, customValueText, defuseCell } from "@crm/contracts";
import { customers, type Db, dictionaryItems } from "@crm/db";
import { and, asc, gt } from "drizzle-orm";
import ExcelJS from "exceljs";
import type { FastifyReply } from "fastify";
import Papa from "papaparse";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import type { Lang } from "../../shared/i18n.js";
import { listDefinitions } from "../custom-fields/custom-fields.service.js";
import { FILE_COLUMNS, headerOf } from "./customers.columns.js";
import { listWhere } from "./customers.query.js";
import { customerColumns, present } from "./customers.service.js";

const BATCH = 2000;
const DICT_FIELDS = {
  class: "customer_class",
  industry: "industry",
  source: "source",
  status: "customer_status",
  creditRating: "credit_rating",
} as const;

/**
 * Streams the caller's filtered customer list as CSV (UTF-8 with BOM, so Excel reads Chinese) or
 * XLSX, in keyset batches so memory stays flat at any size. Scoped, permission-checked, audited.
 */
export async function exportCustomers(
  db: Db,
  caller: Caller,
  filters: Omit<CustomerQuery, "sort" | "limit" | "cursor">,
  format: "csv" | "xlsx",
  lang: Lang,
  reply: FastifyReply,
  ctx: RequestContext,
) {
  const dict = new Map(
    (await db.select().from(dictionaryItems)).map((d) => [
      `${d.type}:${d.code}`,
      lang === "en" ? (d.labelEn ?? d.label) : d.label,
    ]),
  );
  const where = await listWhere(db, caller, filters);
  const custom = await listDefinitions(db, "customer");
  const fields = FILE_COLUMNS.map((c) => c[0]);
  const headers = [
    ...fields.map((f) => headerOf(f, lang)),
    ...custom.map((d) => (lang === "en" ? (d.labelEn ?? d.label) : d.label)),
  ].map(defuseCell);
  const toRow = (c: ReturnType<typeof present>) => [
    ...fields.map((f) => {
      if (f in DICT_FIELDS) {
        const v = c[f as keyof typeof DICT_FIELDS];
        return v ? (dict.get(`${DICT_FIELDS[f as keyof typeof DICT_FIELDS]}:${v}`) ?? v) : "";
      }
      const v = (c as Record<string, unknown>)[f];
      return v === null || v === undefined ? "" : String(v);
    }),
    ...custom.map((d) => customValueText(d, c.customFields[d.key], lang)),
  ];

  async function* batches() {
    let after: string | undefined;
    for (;;) {
      const rows = await db
        .select(customerColumns)
        .from(customers)
        .where(and(where, after ? gt(customers.id, after) : undefined))
        .orderBy(asc(customers.id))
        .limit(BATCH);
      if (!rows.length) return;
      // Every cell through the one formula defuser, for CSV and XLSX alike.
      yield rows.map((r) => toRow(present(r)).map(defuseCell));
      after = rows[rows.length - 1]!.id;
    }
  }

  const stamp = new Date().toISOString().slice(0, 10);
  reply.hijack();
  const out = reply.raw;
  out.setHeader("content-disposition", `attachment; filename="customers-${stamp}.${format}"`);
  let count = 0;
  if (format === "csv") {
    out.setHeader("content-type", "text/csv; charset=utf-8");
    out.write(`\uFEFF${Papa.unparse([headers])}\r\n`);
    for await (const rows of batches()) {
      count += rows.length;
      if (!out.write(`${Papa.unparse(rows)}\r\n`)) await new Promise((r) => out.once("drain", r));
    }
    out.end();
  } else {
    out.setHeader("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
    const sheet = workbook.addWorksheet(lang === "en" ? "Customers" : "客户");
    sheet.addRow(headers).commit();
    for await (const rows of batches()) {
      count += rows.length;
      for (const r of rows) sheet.addRow(r).commit();
    }
    sheet.commit();
    await workbook.commit();
  }
  await writeAudit(db, ctx, {
    action: "export",
    entityType: "customer",
    actorId: caller.userId,
    actorName: caller.displayName,
    detail: { format, count, filters },
  });
}
