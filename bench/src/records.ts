import type { GenContext, RecordScale, Task } from "./context.js";
import { line } from "./copy.js";
import { classOf, ownersOf, skeleton } from "./customers.js";
import { hash, Rng, Weighted } from "./rng.js";
import { businessHours, DAY, dayOf, iso } from "./timeline.js";

/**
 * 联系记录 and 关怀记录, per customer: key accounts are called and visited far more often than
 * prospects, and older customers have more history. A customer's latest contact record is its
 * last_contact_at (the customer generator asks contactPlan for it), as the API keeps it.
 */

const CONTACT_MEAN = { "1": 11, "2": 4, "3": 1.3 } as const;
const CARE_MEAN = { "1": 3.2, "2": 0.9, "3": 0.2 } as const;

/** The expected number of records of customer j before scaling (class and age). */
export function recordMean(kind: "contact" | "care", cls: "1" | "2" | "3", ageShare: number): number {
  return (kind === "contact" ? CONTACT_MEAN : CARE_MEAN)[cls] * (0.4 + 0.6 * ageShare);
}

/** The count before the exact-total correction; exponential around the mean. */
function baseCount(rng: Rng, mean: number, factor: number): number {
  return Math.round(mean * factor * -Math.log(1 - rng.float()));
}

/** Whether customer j takes part in the correction (never turns a customer's 0 into 1 or back). */
export const qualifies = (base: number, adjust: number) => (adjust > 0 ? base >= 1 : base >= 2);

function count(scale: RecordScale, base: number, j: number): number {
  return scale.adjust !== 0 && j < scale.until && qualifies(base, scale.adjust) ? base + scale.adjust : base;
}

interface Customer {
  createdAt: number;
  ownerId: string;
  id: string;
}

/** How many contact records customer j has, and when the latest was (null: never contacted). */
export function contactPlan(ctx: GenContext, j: number, createdAt: number) {
  const rng = new Rng(hash(ctx.seed, "records", j));
  const ageShare = (ctx.endMs - createdAt) / (ctx.endMs - ctx.startMs);
  const base = baseCount(rng, recordMean("contact", classOf(ctx.seed, j), ageShare), ctx.records.factor);
  const n = count(ctx.records, base, j);
  if (n === 0) return { rng, base, n, lastAt: null };
  // The latest contact leans towards the present; business hours, never before the customer existed.
  const v = rng.float();
  const raw = createdAt + Math.floor((ctx.endMs - createdAt) * (1 - v * v));
  const lastAt = Math.min(ctx.endMs - 60_000, Math.max(createdAt + 60_000, businessHours(raw, rng.float())));
  return { rng, base, n, lastAt };
}

export function carePlan(ctx: GenContext, j: number, createdAt: number) {
  const rng = new Rng(hash(ctx.seed, "care", j));
  const ageShare = (ctx.endMs - createdAt) / (ctx.endMs - ctx.startMs);
  const base = baseCount(rng, recordMean("care", classOf(ctx.seed, j), ageShare), ctx.care.factor);
  return { rng, base, n: count(ctx.care, base, j) };
}

/** The id of customer j's primary contact (contacts.ts draws contact ids from this stream). */
export const primaryContactId = (seed: number, j: number) => new Rng(hash(seed, "contact-ids", j)).uuid();

const CHANNEL = new Weighted(
  ["phone", "wechat", "visit", "meeting", "email", "other"],
  [42, 22, 16, 6, 10, 4],
);
const CONTENT: Record<string, string[]> = {
  phone: [
    "电话沟通{p}报价,客户表示需内部讨论",
    "电话回访{p}使用情况,运行正常",
    "电话确认{p}交货时间",
    "电话了解客户下季度采购计划",
    "电话催收上月货款,客户承诺月底前付款",
    "电话介绍新款{p},客户有兴趣",
  ],
  wechat: [
    "微信发送{p}产品资料和价格表",
    "微信沟通{p}技术参数",
    "微信发送合同草稿,请客户审核",
    "微信节日问候,顺带了解近期需求",
  ],
  visit: [
    "上门拜访采购经理,了解{p}年度需求",
    "现场查看{p}安装环境,提出改造建议",
    "拜访客户生产车间,演示{p}",
    "陪同技术人员上门处理{p}故障",
  ],
  meeting: ["商务洽谈,就{p}付款方式达成初步一致", "邀请客户来厂参观,介绍{p}生产线", "参加客户招标答疑会"],
  email: ["邮件发送{p}正式报价单", "邮件发送对账单,请客户确认", "邮件回复客户关于{p}的技术咨询"],
  other: ["展会上交流{p}新品", "通过代理商了解客户近况"],
};
const RESULTS = [
  "客户有意向,下周再联系",
  "已报价,等待回复",
  "客户暂无需求",
  "约定下次拜访时间",
  "已签订合同",
  "需提供技术方案",
  "客户比价中",
  "样品已寄出",
  null,
  null,
];
const CARE = new Weighted(["holiday", "birthday", "gift", "visit", "other"], [40, 18, 16, 16, 10]);
const CARE_CONTENT: Record<string, string[]> = {
  holiday: ["春节拜年短信", "中秋节赠送月饼礼盒", "端午节赠送粽子礼盒", "国庆节问候", "元旦贺卡"],
  birthday: ["生日祝福短信", "生日赠送蛋糕券", "生日鲜花"],
  gift: ["赠送公司定制台历", "赠送茶叶礼盒", "赠送行业年鉴"],
  visit: ["年终答谢走访", "新春走访慰问", "邀请参加客户答谢会"],
  other: ["寄送新品样册", "邀请参加技术交流会"],
};

const customerOf = (ctx: GenContext, owners: ReturnType<typeof ownersOf>, j: number): Customer => {
  const s = skeleton(ctx, owners, j);
  return { createdAt: s.createdAt, ownerId: s.ownerId, id: s.id };
};

export const CONTACT_RECORD_COLUMNS = [
  "id",
  "customer_id",
  "contact_id",
  "owner_id",
  "occurred_at",
  "channel",
  "content",
  "result",
  "next_follow_up_on",
  "deleted_at",
  "created_at",
  "updated_at",
] as const;

export function contactRecordGenerator(ctx: GenContext) {
  const owners = ownersOf(ctx);
  const products = new Weighted(
    ctx.products.map((p) => p.name),
    ctx.products.map((p) => p.weight),
  );
  return function generate(task: Task): { text: string; rows: number } {
    let text = "";
    let rows = 0;
    for (let j = task.from; j < task.to; j++) {
      const c = customerOf(ctx, owners, j);
      const { rng, n, lastAt } = contactPlan(ctx, j, c.createdAt);
      if (lastAt === null) continue;
      const contact = primaryContactId(ctx.seed, j);
      for (let k = 0; k < n; k++) {
        const at =
          k === n - 1
            ? lastAt
            : Math.min(
                lastAt,
                Math.max(
                  c.createdAt,
                  businessHours(c.createdAt + rng.float() * (lastAt - c.createdAt), rng.float()),
                ),
              );
        const channel = CHANNEL.pick(rng);
        const content = rng.pick(CONTENT[channel]!).replace("{p}", products.pick(rng));
        const followUp = rng.chance(k === n - 1 ? 0.5 : 0.25) ? dayOf(at + rng.int(3, 30) * DAY) : null;
        const deleted = rng.chance(0.002) ? at + DAY : null;
        const created = at + rng.int(1, 120) * 60_000;
        text += line([
          rng.uuid(),
          c.id,
          rng.chance(0.7) ? contact : null,
          c.ownerId,
          iso(at),
          channel,
          content,
          rng.pick(RESULTS),
          followUp,
          deleted === null ? null : iso(deleted),
          iso(created),
          iso(deleted ?? created),
        ]);
        rows++;
      }
    }
    return { text, rows };
  };
}

export const CARE_RECORD_COLUMNS = [
  "id",
  "customer_id",
  "contact_id",
  "owner_id",
  "care_date",
  "kind",
  "content",
  "created_at",
  "updated_at",
] as const;

export function careRecordGenerator(ctx: GenContext) {
  const owners = ownersOf(ctx);
  return function generate(task: Task): { text: string; rows: number } {
    let text = "";
    let rows = 0;
    for (let j = task.from; j < task.to; j++) {
      const c = customerOf(ctx, owners, j);
      const { rng, n } = carePlan(ctx, j, c.createdAt);
      if (n === 0) continue;
      const contact = primaryContactId(ctx.seed, j);
      for (let k = 0; k < n; k++) {
        const at = businessHours(c.createdAt + rng.float() * (ctx.endMs - DAY - c.createdAt), rng.float());
        const kind = CARE.pick(rng);
        const created = Math.max(at, c.createdAt) + rng.int(1, 240) * 60_000;
        text += line([
          rng.uuid(),
          c.id,
          kind === "birthday" || rng.chance(0.5) ? contact : null,
          c.ownerId,
          dayOf(Math.max(at, c.createdAt)),
          kind,
          rng.pick(CARE_CONTENT[kind]!),
          iso(created),
          iso(created),
        ]);
        rows++;
      }
    }
    return { text, rows };
  };
}
