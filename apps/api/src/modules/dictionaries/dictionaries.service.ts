import { type DictionaryItemCreate, type DictionaryType, ErrorCode } from "@crm/contracts";
import { type Db, type DbOrTx, dictionaryItems } from "@crm/db";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { Caller } from "../../plugins/access.js";
import { type RequestContext, writeAudit } from "../../shared/audit.js";
import { AppError, notFound } from "../../shared/errors.js";
import { checkVersion, diff } from "../../shared/versioning.js";

type Seed = [code: string, label: string, labelEn: string];

/** What a new company starts with; admins edit, add and retire items (codes never change). */
export const DEFAULT_DICTIONARIES: Record<DictionaryType, Seed[]> = {
  customer_class: [
    ["1", "1类 重点客户", "Class 1 — key account"],
    ["2", "2类 普通客户", "Class 2 — regular"],
    ["3", "3类 潜在客户", "Class 3 — prospect"],
  ],
  industry: [
    ["manufacturing", "制造业", "Manufacturing"],
    ["wholesale", "批发零售", "Wholesale and retail"],
    ["construction", "建筑工程", "Construction"],
    ["energy", "能源化工", "Energy and chemicals"],
    ["it", "信息技术", "Information technology"],
    ["logistics", "物流运输", "Logistics"],
    ["agriculture", "农林牧渔", "Agriculture"],
    ["healthcare", "医疗健康", "Healthcare"],
    ["education", "教育", "Education"],
    ["government", "政府机构", "Government"],
    ["other", "其他", "Other"],
  ],
  source: [
    ["exhibition", "展会", "Trade fair"],
    ["referral", "客户介绍", "Referral"],
    ["website", "官网", "Website"],
    ["cold_call", "电话开发", "Cold call"],
    ["advertising", "广告", "Advertising"],
    ["partner", "合作伙伴", "Partner"],
    ["other", "其他", "Other"],
  ],
  customer_status: [
    ["potential", "潜在", "Potential"],
    ["following", "跟进中", "Following up"],
    ["signed", "已签约", "Signed"],
    ["active", "活跃", "Active"],
    ["dormant", "休眠", "Dormant"],
    ["lost", "流失", "Lost"],
  ],
  feedback_type: [
    ["consultation", "咨询", "Consultation"],
    ["complaint", "投诉", "Complaint"],
    ["suggestion", "建议", "Suggestion"],
    ["fault", "故障报修", "Fault / repair"],
    ["praise", "表扬", "Praise"],
    ["other", "其他", "Other"],
  ],
  credit_rating: [
    ["AAA", "AAA 极好", "AAA — excellent"],
    ["AA", "AA 优良", "AA — very good"],
    ["A", "A 良好", "A — good"],
    ["B", "B 一般", "B — fair"],
    ["C", "C 较差", "C — poor"],
  ],
};

/** Adds the default items that are missing; an admin's edits are never overwritten. */
export async function seedDictionaries(db: Db): Promise<void> {
  const rows = Object.entries(DEFAULT_DICTIONARIES).flatMap(([type, items]) =>
    items.map(([code, label, labelEn], i) => ({ type, code, label, labelEn, sortOrder: (i + 1) * 10 })),
  );
  await db.insert(dictionaryItems).values(rows).onConflictDoNothing();
}

const columns = {
  id: dictionaryItems.id,
  type: dictionaryItems.type,
  code: dictionaryItems.code,
  label: dictionaryItems.label,
  labelEn: dictionaryItems.labelEn,
  sortOrder: dictionaryItems.sortOrder,
  active: dictionaryItems.active,
  version: dictionaryItems.version,
};

export async function listDictionary(db: DbOrTx, types: string[]) {
  const rows = await db
    .select(columns)
    .from(dictionaryItems)
    .where(types.length ? inArray(dictionaryItems.type, types) : undefined)
    .orderBy(asc(dictionaryItems.type), asc(dictionaryItems.sortOrder), asc(dictionaryItems.code));
  return rows as (Omit<(typeof rows)[number], "type"> & { type: DictionaryType })[];
}

/**
 * Checks that each given code is an active item of its dictionary; answers 400 naming every
 * offending field. `fields` maps a field name to [dictionary type, value].
 */
export async function assertDictionaryCodes(
  db: DbOrTx,
  fields: Record<string, readonly [DictionaryType, string | null | undefined]>,
): Promise<void> {
  const wanted = Object.entries(fields).filter(([, [, v]]) => v !== null && v !== undefined) as [
    string,
    readonly [DictionaryType, string],
  ][];
  if (!wanted.length) return;
  const rows = await db
    .select({ type: dictionaryItems.type, code: dictionaryItems.code })
    .from(dictionaryItems)
    .where(
      and(
        eq(dictionaryItems.active, true),
        inArray(
          sql`(${dictionaryItems.type} || ':' || ${dictionaryItems.code})`,
          wanted.map(([, [t, v]]) => `${t}:${v}`),
        ),
      ),
    );
  const found = new Set(rows.map((r) => `${r.type}:${r.code}`));
  const bad = wanted.filter(([, [t, v]]) => !found.has(`${t}:${v}`));
  if (bad.length) {
    throw new AppError(400, ErrorCode.validation, {
      fields: bad.map(([field]) => ({ field, code: "not_in_dictionary" })),
    });
  }
}

export async function createItem(db: Db, caller: Caller, input: DictionaryItemCreate, ctx: RequestContext) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(dictionaryItems)
      .values({ ...input, labelEn: input.labelEn ?? null, sortOrder: input.sortOrder ?? 1000 })
      .onConflictDoNothing()
      .returning(columns);
    if (!row) {
      throw new AppError(409, ErrorCode.conflict, {
        fields: [{ field: "code", code: "dictionary_code_taken" }],
      });
    }
    await writeAudit(tx, ctx, {
      action: "create",
      entityType: "dictionary_item",
      entityId: row.id,
      actorId: caller.userId,
      actorName: caller.displayName,
      changes: diff({}, input),
    });
    return row;
  });
}

export async function updateItem(
  db: Db,
  caller: Caller,
  id: string,
  input: {
    label?: string | undefined;
    labelEn?: string | null | undefined;
    sortOrder?: number | undefined;
    active?: boolean | undefined;
  },
  expectedVersion: number | undefined,
  ctx: RequestContext,
) {
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(dictionaryItems).where(eq(dictionaryItems.id, id)).for("update");
    if (!current) throw notFound();
    checkVersion(expectedVersion, current.version);
    const changes = diff(current as Record<string, unknown>, input);
    if (Object.keys(changes).length) {
      await tx
        .update(dictionaryItems)
        .set({ ...input, version: sql`${dictionaryItems.version} + 1`, updatedAt: new Date() })
        .where(eq(dictionaryItems.id, id));
      await writeAudit(tx, ctx, {
        action: "update",
        entityType: "dictionary_item",
        entityId: id,
        actorId: caller.userId,
        actorName: caller.displayName,
        changes,
      });
    }
    const [row] = await tx.select(columns).from(dictionaryItems).where(eq(dictionaryItems.id, id));
    return row!;
  });
}
