import { ngrams, normaliseText } from "@crm/db";
import type { GenContext, Task } from "./context.js";
import { line } from "./copy.js";
import { ownersOf, skeleton } from "./customers.js";
import { hash, Rng } from "./rng.js";
import { DEPARTMENTS, freeEmail, landline, mobile, NOTES, personName, TITLES } from "./vocab.js";

export const CONTACT_COLUMNS = [
  "id",
  "customer_id",
  "name",
  "title",
  "department",
  "mobile",
  "phone",
  "email",
  "wechat",
  "birthday",
  "notes",
  "is_primary",
  "search_tokens",
  "created_by",
  "created_at",
  "updated_at",
] as const;

/**
 * How many contacts customer j has: 1 to 5, and the two customers of each pair add up to 6, so
 * there are exactly 3 per customer overall (3,000,000 at scale 1) whatever the chunking.
 */
export function contactCount(ctx: GenContext, j: number): number {
  if (j === ctx.customers - 1 && j % 2 === 0) return 3;
  const c = 1 + (hash(ctx.seed, "contacts", j >> 1) % 5);
  return j % 2 === 0 ? c : 6 - c;
}

export function totalContacts(ctx: GenContext): number {
  return ctx.customers % 2 === 0 ? ctx.customers * 3 : (ctx.customers - 1) * 3 + 3;
}

const pad2 = (n: number) => String(n).padStart(2, "0");

export function contactGenerator(ctx: GenContext) {
  const owners = ownersOf(ctx);
  return function generate(task: Task): { text: string; rows: number } {
    let text = "";
    let rows = 0;
    for (let j = task.from; j < task.to; j++) {
      const customer = skeleton(ctx, owners, j);
      const rng = new Rng(hash(ctx.seed, "contact", j));
      // Ids from a stream of their own, so records can point at a contact without replaying this one.
      const ids = new Rng(hash(ctx.seed, "contact-ids", j));
      const n = contactCount(ctx, j);
      for (let k = 0; k < n; k++) {
        const { name } = personName(rng);
        const cell = mobile(rng);
        const createdAt =
          k === 0
            ? customer.createdAt
            : customer.createdAt + Math.floor(rng.float() * (ctx.endMs - customer.createdAt) * 0.5);
        const birthday = rng.chance(0.2)
          ? `${rng.int(1960, 2000)}-${pad2(rng.int(1, 12))}-${pad2(rng.int(1, 28))}`
          : null;
        text += line([
          ids.uuid(),
          customer.id,
          name,
          TITLES.pick(rng),
          rng.chance(0.6) ? rng.pick(DEPARTMENTS) : null,
          rng.chance(0.95) ? cell : null,
          rng.chance(0.4) ? landline(rng, customer.city) : null,
          rng.chance(0.5) ? freeEmail(rng) : null,
          rng.chance(0.4) ? (rng.chance(0.5) ? cell : `wxid_${rng.digits(10)}`) : null,
          birthday,
          rng.chance(0.1) ? rng.pick(NOTES) : null,
          k === 0,
          ngrams(normaliseText(name)),
          customer.ownerId,
          new Date(createdAt),
          new Date(createdAt),
        ]);
        rows++;
      }
    }
    return { text, rows };
  };
}
