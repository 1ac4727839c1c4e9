import {
  ContactRecordCreate,
  CustomerUpdate,
  FeedbackCreate,
  OrderCreate,
  PaymentCreate,
  ProductCreate,
  StockMovementCreate,
  TransactionCreate,
} from "@crm/contracts";
import { customers, type Db, feedback, orders, receivables, returnVisits, users } from "@crm/db";
import { and, asc, eq, sql } from "drizzle-orm";
import {
  CONTACTS,
  FEEDBACK,
  KEYS,
  ORDERS,
  PRODUCTS,
  PROFILES,
  type ProductKey,
  SALES,
} from "./demo-business-data.js";
import { createContactRecord } from "./modules/activities/records.service.js";
import { updateCustomer } from "./modules/customers/customers.service.js";
import { createFeedback, updateFeedback } from "./modules/feedback/feedback.service.js";
import { completeReturnVisit } from "./modules/feedback/return-visits.service.js";
import { recordPayment } from "./modules/finance/receivables-payments.service.js";
import { createOrder } from "./modules/orders/orders.service.js";
import { deliverOrder, transitionOrder } from "./modules/orders/orders-lifecycle.service.js";
import { createTransaction } from "./modules/orders/transactions.service.js";
import { createProduct } from "./modules/products/products.service.js";
import { createCategory } from "./modules/products/products-categories.service.js";
import { createMovement } from "./modules/products/products-stock.service.js";
import type { Caller } from "./plugins/access.js";
import type { RequestContext } from "./shared/audit.js";
import { addDays, shanghaiDate } from "./shared/days.js";
import { computeScope, loadGrants } from "./shared/scope.js";

/**
 * A year of business for the demo company, so the reports, the workbench and finance have
 * something to show: products with stock, contract orders signed, delivered, paid (some late),
 * direct sales, service feedback with return-visit ratings, and contact records. Deterministic
 * (dates count back from today), made through the services a user's requests go through, so
 * stock ledger, receivables and audit hold as they would. Only the timestamps no request can set
 * (when a feedback was answered and closed, when a return visit was made) are moved back after.
 */

const ctx: RequestContext = { ip: "127.0.0.1", requestId: "demo-seed" };

async function callerFor(db: Db, username: string): Promise<Caller> {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`demo user ${username} missing`);
  const grants = await loadGrants(db, u.id);
  return {
    userId: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentId: u.departmentId,
    mustChangePassword: false,
    permissions: new Set(grants.flatMap((g) => g.permissions)),
    grants,
    scope: await computeScope(db, u.id, u.departmentId, grants),
  };
}

export async function seedDemoBusiness(db: Db): Promise<void> {
  const [already] = await db.select({ id: orders.id }).from(orders).limit(1);
  if (already) return;
  const today = shanghaiDate();
  const ago = (days: number) => addDays(today, -days);
  const as = new Map<string, Caller>();
  for (const u of ["admin", "prod1", "finance1", "service1", "sales1", "sales2", "sales3", "mgr1"])
    as.set(u, await callerFor(db, u));
  const who = (u: string) => as.get(u)!;

  const owners = await db
    .select({ id: customers.id, name: customers.name, owner: users.username })
    .from(customers)
    .innerJoin(users, eq(users.id, customers.ownerId));
  const customer = (prefix: string) => {
    const c = owners.find((o) => o.name.startsWith(prefix));
    if (!c) throw new Error(`demo customer ${prefix} missing`);
    return c;
  };

  for (const [name, creditRating, annualRevenue] of PROFILES) {
    const c = customer(name);
    await updateCustomer(
      db,
      who(c.owner),
      c.id,
      CustomerUpdate.parse({ creditRating, annualRevenue }),
      { allowDuplicate: true, expectedVersion: undefined },
      ctx,
    );
  }

  // Products and their stock (产品单 from production).
  const categories = new Map<string, string>();
  const product = new Map<ProductKey, { id: string; price: string }>();
  for (const [
    i,
    [letter, categoryName, name, specification, unit, price, cost, stock],
  ] of PRODUCTS.entries()) {
    if (!categories.has(letter)) {
      const c = await createCategory(db, who("admin"), { letter, name: categoryName }, ctx);
      categories.set(letter, c.id);
    }
    const p = await createProduct(
      db,
      who("prod1"),
      ProductCreate.parse({
        categoryId: categories.get(letter),
        name,
        specification,
        unit,
        listPrice: price,
        standardCost: cost,
        lowStockThreshold: String(Math.ceil(Number(stock) / 10)),
      }),
      ctx,
    );
    product.set(KEYS[i]!, { id: p.id, price });
    await createMovement(
      db,
      who("prod1"),
      StockMovementCreate.parse({
        productId: p.id,
        kind: "production_receipt",
        quantity: stock,
        reference: `产品单-${String(i + 1).padStart(3, "0")}`,
        productionDate: ago(365),
      }),
      ctx,
    );
  }

  for (const [name, key, days, quantity] of SALES) {
    const c = customer(name);
    const p = product.get(key)!;
    await createTransaction(
      db,
      who(c.owner),
      TransactionCreate.parse({
        customerId: c.id,
        productId: p.id,
        date: ago(days),
        unitPrice: p.price,
        quantity,
      }),
      ctx,
    );
  }

  for (const o of ORDERS) {
    const c = customer(o.customer);
    const seller = who(c.owner);
    const created = await createOrder(
      db,
      seller,
      OrderCreate.parse({
        customerId: c.id,
        signingDate: o.signedAgo === null ? null : ago(o.signedAgo),
        deliveryDate: o.signedAgo === null ? null : ago(o.signedAgo - 15),
        paymentTerms: "货到 30 天内付款",
        lines: o.lines.map(([key, quantity]) => ({
          productId: product.get(key)!.id,
          unitPrice: product.get(key)!.price,
          quantity,
        })),
      }),
      ctx,
    );
    if (o.signedAgo === null) continue;
    let order = await transitionOrder(db, seller, created.id, "sign", undefined, ctx);
    if (o.cancel) {
      await transitionOrder(db, seller, order.id, "cancel", undefined, ctx);
      continue;
    }
    if (o.deliverAfter !== undefined) {
      const lines = o.partial ? order.lines.slice(0, 1) : order.lines;
      order = await deliverOrder(
        db,
        seller,
        order.id,
        {
          date: ago(o.signedAgo - o.deliverAfter),
          lines: lines.map((l) => ({ lineId: l.id, quantity: l.quantity })),
        },
        undefined,
        ctx,
      );
      if (o.complete) await transitionOrder(db, seller, order.id, "complete", undefined, ctx);
    }
    if (o.paid) {
      const [due] = await db
        .select()
        .from(receivables)
        .where(eq(receivables.orderId, order.id))
        .orderBy(asc(receivables.instalmentNo));
      if (!due) continue;
      const amount = o.paid === "all" ? due.amount : (Math.round(Number(due.amount) * 50) / 100).toFixed(2);
      await recordPayment(
        db,
        who("finance1"),
        PaymentCreate.parse({
          customerId: c.id,
          receivedOn: ago(Math.max(0, o.signedAgo - 40)),
          amount,
          method: "bank_transfer",
          reference: `回单-${order.number}`,
          allocations: [{ receivableId: due.id, amount }],
        }),
        ctx,
      );
    }
  }

  for (const [name, type, key, subject, days, handler, answerHours, closeHours, rating] of FEEDBACK) {
    const c = customer(name);
    const f = await createFeedback(
      db,
      who("service1"),
      FeedbackCreate.parse({
        customerId: c.id,
        type,
        productId: key ? product.get(key)!.id : null,
        subject,
        occurredOn: ago(days),
        handlerId: who(handler).userId,
        priority: type === "complaint" ? "high" : "normal",
      }),
      ctx,
    );
    const opened = new Date(`${ago(days)}T09:00:00+08:00`);
    const at = (hours: number) => new Date(opened.getTime() + hours * 3_600_000);
    if (answerHours !== null)
      await updateFeedback(db, who(handler), f.id, { status: "in_progress" }, undefined, ctx);
    if (closeHours !== null)
      await updateFeedback(
        db,
        who(handler),
        f.id,
        { status: "closed", resolution: type === "fault" ? "已上门检修，故障排除" : "已与客户沟通处理完毕" },
        undefined,
        ctx,
      );
    // When it really happened: a request can only say "now".
    await db
      .update(feedback)
      .set({
        createdAt: opened,
        firstResponseAt: answerHours === null ? null : at(answerHours),
        closedAt: closeHours === null ? null : at(closeHours),
        ...(closeHours === null ? {} : { endDate: shanghaiDate(at(closeHours)) }),
      })
      .where(eq(feedback.id, f.id));
    if (closeHours === null || rating === null) continue;
    const [visit] = await db.select().from(returnVisits).where(eq(returnVisits.feedbackId, f.id));
    if (!visit) continue;
    await completeReturnVisit(db, who("service1"), visit.id, { rating, comment: "回访完成" }, ctx);
    const visited = at(closeHours + 72);
    await db
      .update(returnVisits)
      .set({ dueOn: shanghaiDate(visited), doneAt: visited })
      .where(and(eq(returnVisits.id, visit.id), sql`${returnVisits.doneAt} is not null`));
  }

  for (const [name, channel, days, content, result, followUp] of CONTACTS) {
    const c = customer(name);
    await createContactRecord(
      db,
      who(c.owner),
      ContactRecordCreate.parse({
        customerId: c.id,
        channel,
        occurredAt: `${ago(days)}T10:00:00+08:00`,
        content,
        result,
        nextFollowUpOn: followUp === null ? null : addDays(today, followUp),
      }),
      ctx,
    );
  }
}
