import { customerSearchColumns, padSequence, pinyinOf } from "@crm/db";
import type { GenContext, Task } from "./context.js";
import { line } from "./copy.js";
import { contactPlan } from "./records.js";
import { hash, Rng, Weighted } from "./rng.js";
import {
  address,
  brand,
  CITY,
  companyName,
  freeEmail,
  INDUSTRY,
  landline,
  mobile,
  postcode,
} from "./vocab.js";

export const CUSTOMER_COLUMNS = [
  "id",
  "code",
  "name",
  "class",
  "province",
  "city",
  "area_code",
  "postcode",
  "address",
  "phone",
  "fax",
  "email",
  "homepage",
  "annual_revenue",
  "employee_count",
  "industry",
  "source",
  "status",
  "credit_rating",
  "credit_code",
  "owner_id",
  "last_contact_at",
  "letter",
  "pinyin",
  "initials",
  "name_search",
  "search_tokens",
  "name_key",
  "phone_key",
  "homepage_key",
  "deleted_at",
  "deleted_by",
  "created_by",
  "created_at",
  "updated_at",
] as const;

/** Class 1 (key accounts) 15%, 2 45%, 3 40%: from its own hash so chunks can count codes ahead. */
export function classOf(seed: number, j: number): "1" | "2" | "3" {
  const x = hash(seed, "class", j) / 2 ** 32;
  return x < 0.15 ? "1" : x < 0.6 ? "2" : "3";
}

/** The parts of customer j that its contacts need too; the rest continues from the same generator. */
export function skeleton(ctx: GenContext, owners: Weighted<string>, j: number) {
  const rng = new Rng(hash(ctx.seed, "customer", j));
  const id = rng.uuid();
  const createdAt = Math.floor(ctx.startMs + ((j + rng.float()) / ctx.customers) * (ctx.endMs - ctx.startMs));
  const ownerId = owners.pick(rng);
  const city = CITY.pick(rng);
  return { rng, id, createdAt, ownerId, city };
}

export const ownersOf = (ctx: GenContext) => new Weighted(ctx.owners, ctx.ownerWeights);

const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid, unique 统一社会信用代码: 91 + region + a base-31 permutation of the index + check. */
function creditCode(regionCode: string, j: number): string {
  let n = (j * 1_000_003 + 7_777_777) % 31 ** 9;
  let body = "";
  for (let i = 0; i < 9; i++) {
    body = CREDIT_CHARS[n % 31] + body;
    n = Math.floor(n / 31);
  }
  const first17 = `91${regionCode}${body}`;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return first17 + CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

const STATUS_BY_CLASS: Record<string, [string[], number[]]> = {
  "1": [
    ["signed", "active", "following", "dormant"],
    [30, 50, 15, 5],
  ],
  "2": [
    ["signed", "active", "following", "dormant", "lost", "potential"],
    [20, 30, 25, 12, 5, 8],
  ],
  "3": [
    ["potential", "following", "dormant", "lost"],
    [55, 30, 8, 7],
  ],
};
const SOURCE_WEIGHTS: Record<string, number> = {
  exhibition: 25,
  referral: 25,
  website: 15,
  cold_call: 15,
  advertising: 8,
  partner: 10,
  other: 2,
};
const RATING_WEIGHTS: Record<string, number> = { AAA: 5, AA: 15, A: 35, B: 35, C: 10 };
const REVENUE: Record<string, [number, number]> = { "1": [5e7, 5e9], "2": [5e6, 3e8], "3": [1e6, 5e7] };

const TLD = [".com", ".cn", ".com.cn"];
const MAILBOX = ["sales", "info", "service", "contact", "purchase"];
const pinyinCache = new Map<string, string>();
/** Full pinyin of a short word (brands, cities), cached: there are only a few thousand. */
function py(word: string): string {
  let v = pinyinCache.get(word);
  if (v === undefined) {
    v = pinyinOf(word).pinyin;
    pinyinCache.set(word, v);
  }
  return v;
}

/** Picks among the codes the dictionary really has, by the weights we know (unknown codes weigh 1). */
function dictPicker(codes: string[], weights: Record<string, number>) {
  return new Weighted(
    codes,
    codes.map((c) => weights[c] ?? 1),
  );
}

export function customerGenerator(ctx: GenContext) {
  const owners = ownersOf(ctx);
  const source = dictPicker(ctx.dict.source, SOURCE_WEIGHTS);
  const rating = dictPicker(ctx.dict.credit_rating, RATING_WEIGHTS);
  const statuses = Object.fromEntries(
    Object.entries(STATUS_BY_CLASS).map(([cls, [codes, w]]) => {
      const known = codes.filter((c) => ctx.dict.customer_status.includes(c));
      return [
        cls,
        new Weighted(
          known,
          known.map((c) => w[codes.indexOf(c)]!),
        ),
      ];
    }),
  );
  const industries = new Set(ctx.dict.industry);

  return function generate(task: Task): { text: string; rows: number } {
    const seq = { ...task.classStart! };
    let text = "";
    for (let j = task.from; j < task.to; j++) {
      const { rng, id, createdAt, ownerId, city } = skeleton(ctx, owners, j);
      const cls = classOf(ctx.seed, j);
      seq[cls] += 1;
      const b = brand(rng);
      const ind = INDUSTRY.pick(rng);
      const name = companyName(rng, city, b, ind.word);
      const phone = rng.chance(0.85) ? landline(rng, city) : rng.chance(0.5) ? mobile(rng) : null;
      const domain = rng.chance(0.3)
        ? `${py(b)}${rng.chance(0.5) ? py(city.short).slice(0, 2) : ""}${rng.chance(0.3) ? rng.int(1, 99) : ""}${rng.pick(TLD)}`
        : null;
      const email = domain ? `${rng.pick(MAILBOX)}@${domain}` : rng.chance(0.35) ? freeEmail(rng) : null;
      const homepage = domain ? `https://www.${domain}` : null;
      const [lo, hi] = REVENUE[cls]!;
      const revenue = rng.chance(cls === "3" ? 0.6 : 0.9)
        ? Math.exp(Math.log(lo) + rng.float() * Math.log(hi / lo))
        : null;
      const employees = revenue ? Math.max(5, Math.round(revenue / rng.int(300_000, 1_500_000))) : null;
      const updatedAt = createdAt + Math.floor(rng.float() * (ctx.endMs - createdAt));
      // The latest of its contact records (records.ts), as the API keeps it.
      const lastContact = contactPlan(ctx, j, createdAt).lastAt;
      const deleted = rng.chance(0.005) ? updatedAt : null;
      const s = customerSearchColumns({ name, email, phone, homepage });
      text += line([
        id,
        `${cls}类-${padSequence(seq[cls])}`,
        name,
        cls,
        city.province,
        city.city,
        city.areaCode,
        postcode(rng, city),
        address(rng, city),
        phone,
        rng.chance(0.2) ? landline(rng, city) : null,
        email,
        homepage,
        revenue === null ? null : revenue.toFixed(2),
        employees,
        industries.has(ind.code) ? ind.code : industries.has("other") ? "other" : null,
        source.pick(rng),
        statuses[cls]!.pick(rng),
        rng.chance(0.8) ? rating.pick(rng) : null,
        rng.chance(0.8) ? creditCode(city.regionCode, j) : null,
        ownerId,
        lastContact === null ? null : new Date(lastContact),
        s.letter,
        s.pinyin,
        s.initials,
        s.nameSearch,
        s.searchTokens,
        s.nameKey,
        s.phoneKey,
        s.homepageKey,
        deleted === null ? null : new Date(deleted),
        deleted === null ? null : ownerId,
        ownerId,
        new Date(createdAt),
        new Date(updatedAt),
      ]);
    }
    return { text, rows: task.to - task.from };
  };
}
