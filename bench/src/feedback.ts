import type { Task } from "./context.js";
import { line } from "./copy.js";
import { yearlyNumber } from "./orders.js";
import { primaryContactId } from "./records.js";
import { hash, Rng, Weighted } from "./rng.js";
import { businessHours, DAY, dayOf, iso } from "./timeline.js";
import type { World } from "./world.js";

/**
 * 反馈信息 (input screen 2), a time-ordered stream, and their 回访: types from the feedback_type
 * dictionary, handlers from customer service (and production for repairs), the first response
 * and the closing timed as updateFeedback does, a return visit scheduled 3 days after closing and
 * rated 1–5 by customer service once it is due.
 */

const TYPE_WEIGHTS: Record<string, number> = {
  consultation: 32,
  complaint: 12,
  suggestion: 8,
  fault: 30,
  praise: 9,
  other: 9,
};
const SUBJECTS: Record<string, string[]> = {
  consultation: ["{p}选型咨询", "{p}安装方法咨询", "询问{p}价格", "{p}保修政策咨询", "{p}配件供应咨询"],
  complaint: ["交货延迟", "{p}质量问题", "服务响应太慢", "发票开具错误", "{p}包装破损", "送错型号"],
  suggestion: ["建议增加{p}规格", "建议优化包装", "建议提供电子版说明书", "建议缩短交货期"],
  fault: ["{p}运行异响", "{p}无法启动", "{p}漏油", "{p}温升过高", "{p}振动过大", "{p}报警停机"],
  praise: ["表扬售后工程师", "{p}质量稳定", "感谢及时交货"],
  other: ["索取产品资料", "更改收货地址", "其他事项"],
};
const RESOLUTIONS: Record<string, string[]> = {
  consultation: ["已电话解答", "已发送资料", "已安排销售跟进"],
  complaint: ["已致歉并补发", "已协调生产加急", "已重开发票", "已退换货"],
  suggestion: ["已转产品部门评估", "已记录,纳入改进计划"],
  fault: ["已上门维修,更换轴承", "已远程指导排除故障", "已更换密封件", "已返厂维修", "已更换整机"],
  praise: ["已转达相关人员"],
  other: ["已处理"],
};
const TECH_NOTES = [
  "轴承磨损,更换 6308-ZZ",
  "密封老化",
  "电源缺相导致",
  "安装不当,已指导",
  "负载过大,建议选型升级",
];
const PRIORITY = new Weighted(["low", "normal", "high", "urgent"], [15, 60, 20, 5]);
const RESPONSE_MINUTES: Record<string, number> = { urgent: 20, high: 45, normal: 120, low: 300 };
const RESOLUTION_HOURS: Record<string, number> = {
  consultation: 6,
  complaint: 30,
  suggestion: 72,
  fault: 60,
  praise: 2,
  other: 12,
};
const RATING: Record<string, number[]> = {
  complaint: [6, 12, 25, 35, 22],
  fault: [3, 6, 16, 40, 35],
  default: [1, 3, 12, 34, 50],
};
const COMMENTS = ["满意", "处理及时", "希望下次更快", "工程师很专业", "还需观察", null, null, null];

/** A log-normal amount around a median. */
const around = (rng: Rng, median: number, sigma = 0.8) =>
  median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - rng.float())) * Math.cos(2 * Math.PI * rng.float()));

export interface FeedbackPlan {
  id: string;
  customer: number;
  createdAt: number;
  createdBy: string;
  status: "open" | "in_progress" | "closed";
  closedAt: number | null;
  deletedAt: number | null;
  type: string;
  visit: null | {
    id: string;
    dueOn: string;
    status: "pending" | "done";
    rating: number | null;
    comment: string | null;
    doneAt: number | null;
  };
}

export function feedbackGenerators(world: World) {
  const { ctx } = world;
  const types = new Weighted(
    ctx.dict.feedback_type,
    ctx.dict.feedback_type.map((c) => TYPE_WEIGHTS[c] ?? 1),
  );
  const productNames = ctx.products.map((p) => p.name);

  function plan(f: number): FeedbackPlan & { row: string } {
    const rng = new Rng(hash(ctx.seed, "feedback", f));
    const createdAt = world.timeline.at(f, ctx.counts.feedback, rng.float());
    const customer = world.buyers.pick(rng, createdAt);
    const id = rng.uuid();
    const type = types.pick(rng);
    const known = type in SUBJECTS ? type : "other";
    const product = ["fault", "complaint", "consultation"].includes(known)
      ? rng.chance(0.85)
        ? world.products.pick(rng)
        : null
      : rng.chance(0.3)
        ? world.products.pick(rng)
        : null;
    const productName = product === null ? "产品" : productNames[product]!;
    const subject = rng.pick(SUBJECTS[known]!).replace("{p}", productName);
    let priority = PRIORITY.pick(rng);
    if (known === "complaint" && priority === "low") priority = "high";
    const createdBy = rng.pick(ctx.staff.service);
    const handler =
      known === "fault" && rng.chance(0.35) ? rng.pick(ctx.staff.production) : rng.pick(ctx.staff.service);
    const last = world.lastMoment;
    const firstResponse = createdAt + Math.round(around(rng, RESPONSE_MINUTES[priority]!) * 60_000) + 60_000;
    let closedAt: number | null =
      createdAt + Math.round(around(rng, RESOLUTION_HOURS[known]!) * 3_600_000) + 600_000;
    if (closedAt < firstResponse) closedAt = firstResponse + 600_000;
    const reopened = rng.chance(0.03);
    if (reopened) closedAt += rng.int(1, 10) * DAY;
    let status: FeedbackPlan["status"] = "closed";
    if (closedAt > last || rng.chance(0.005)) {
      closedAt = null;
      status = firstResponse > last ? "open" : "in_progress";
    }
    const responded = status === "open" ? null : firstResponse;
    const occurredOn = dayOf(rng.chance(0.2) ? createdAt - DAY : createdAt);
    const deletedAt = rng.chance(0.002) && createdAt + DAY < last ? createdAt + DAY : null;
    const updatedAt = deletedAt ?? closedAt ?? responded ?? createdAt;

    let visit: FeedbackPlan["visit"] = null;
    if (closedAt !== null) {
      const due = closedAt + 3 * DAY;
      const done = due < last && rng.chance(0.92);
      const weights = RATING[known] ?? RATING.default!;
      const rating = done ? new Weighted([1, 2, 3, 4, 5], weights).pick(rng) : null;
      visit = {
        id: rng.uuid(),
        dueOn: dayOf(due),
        status: done ? "done" : "pending",
        rating,
        comment: done ? rng.pick(COMMENTS) : null,
        doneAt: done
          ? Math.min(
              last,
              Math.max(closedAt + 3_600_000, businessHours(due + rng.int(-2, 2) * DAY, rng.float())),
            )
          : null,
      };
    }

    const row = line([
      id,
      yearlyNumber("FK", ctx.feedbackYears, f),
      subject,
      occurredOn,
      world.buyers.idOf(customer),
      rng.chance(0.6) ? primaryContactId(ctx.seed, customer) : null,
      product === null ? null : ctx.products[product]!.id,
      type,
      priority,
      rng.chance(0.7) ? `客户反映:${subject},请尽快处理。` : null,
      status === "open" && rng.chance(0.1) ? null : handler,
      status,
      closedAt === null ? null : rng.pick(RESOLUTIONS[known]!),
      known === "fault" && rng.chance(0.6) ? rng.pick(TECH_NOTES) : null,
      closedAt === null ? null : dayOf(closedAt),
      responded === null ? null : iso(responded),
      closedAt === null ? null : iso(closedAt),
      reopened ? 1 : 0,
      createdBy,
      deletedAt === null ? null : iso(deletedAt),
      iso(createdAt),
      iso(updatedAt),
      1 + (responded ? 1 : 0) + (closedAt ? 1 : 0) + (reopened ? 2 : 0) + (deletedAt ? 1 : 0),
    ]);
    return { id, customer, createdAt, createdBy, status, closedAt, deletedAt, type, visit, row };
  }

  return {
    feedback(task: Task) {
      let text = "";
      for (let f = task.from; f < task.to; f++) text += plan(f).row;
      return { text, rows: task.to - task.from };
    },
    return_visits(task: Task) {
      let text = "";
      let rows = 0;
      for (let f = task.from; f < task.to; f++) {
        const p = plan(f);
        const v = p.visit;
        if (!v) continue;
        text += line([
          v.id,
          p.id,
          world.buyers.idOf(p.customer),
          v.dueOn,
          p.createdBy,
          v.status,
          v.rating,
          v.comment,
          v.doneAt === null ? null : iso(v.doneAt),
          v.doneAt === null ? null : p.createdBy,
          iso(p.closedAt!),
        ]);
        rows++;
      }
      return { text, rows };
    },
  };
}

export const FEEDBACK_COLUMNS = [
  "id",
  "number",
  "subject",
  "occurred_on",
  "customer_id",
  "contact_id",
  "product_id",
  "type",
  "priority",
  "description",
  "handler_id",
  "status",
  "resolution",
  "technical_notes",
  "end_date",
  "first_response_at",
  "closed_at",
  "reopen_count",
  "created_by",
  "deleted_at",
  "created_at",
  "updated_at",
  "version",
] as const;
export const RETURN_VISIT_COLUMNS = [
  "id",
  "feedback_id",
  "customer_id",
  "due_on",
  "assigned_to",
  "status",
  "rating",
  "comment",
  "done_at",
  "done_by",
  "created_at",
] as const;

/** The instant feedback f was created (its number's year comes from it). */
export function feedbackCreatedAt(world: World, f: number): number {
  return world.timeline.at(
    f,
    world.ctx.counts.feedback,
    new Rng(hash(world.ctx.seed, "feedback", f)).float(),
  );
}
