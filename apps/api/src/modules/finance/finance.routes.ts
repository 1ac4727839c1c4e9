import {
  CollectionAction,
  CollectionActionCreate,
  CollectionRow,
  IdParams,
  Payable,
  Payment,
  PaymentCreate,
  PaymentReversal,
  page,
  RECEIVABLE_STATUSES,
  Receivable,
  ReceivableQuery,
  SupplierPaymentCreate,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { shanghaiDate } from "../../shared/days.js";
import * as collections from "./collections.service.js";
import * as payablesService from "./payables.service.js";
import * as money from "./receivables.service.js";
import * as payments from "./receivables-payments.service.js";
import { reconcile } from "./reconciliation.service.js";

const tags = ["finance"];
// Finance reads everything in its scope; salespeople read their own customers' (order:read).
const readFinance = { anyOf: ["finance:read" as const, "order:read" as const] };

const Margin = z
  .object({
    productId: z.uuid(),
    productCode: z.string(),
    productName: z.string(),
    quantity: z.string(),
    revenue: z.string(),
    cost: z.string(),
    costKnown: z.boolean().meta({ description: "false when a product has no standard cost (counted as 0)" }),
    margin: z.string(),
    marginPercent: z.string().nullable(),
  })
  .meta({ id: "Margin" });

export const financeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/receivables",
    {
      config: { access: readFinance },
      schema: {
        tags,
        summary: "应收款, by due date",
        querystring: ReceivableQuery,
        response: { 200: page(Receivable) },
      },
    },
    async (request) => money.listReceivables(app.db, callerOf(request), request.query),
  );
  app.get(
    "/payments",
    {
      config: { access: readFinance },
      schema: {
        tags,
        summary: "Payments received, newest first (reversals are negative entries)",
        querystring: z.object({
          customerId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
        response: { 200: page(Payment) },
      },
    },
    async (request) => payments.listPayments(app.db, callerOf(request), request.query),
  );
  app.get(
    "/payments/:id",
    {
      config: { access: readFinance },
      schema: {
        tags,
        summary: "One payment with its allocations",
        params: IdParams,
        response: { 200: Payment },
      },
    },
    async (request) => payments.getPayment(app.db, callerOf(request), request.params.id),
  );
  app.post(
    "/payments",
    {
      config: { access: { permission: "finance:create" } },
      schema: {
        tags,
        summary: "Record money received against open receivables (never more than is open)",
        body: PaymentCreate,
        response: { 201: Payment },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await payments.recordPayment(app.db, callerOf(request), request.body, contextOf(request))),
  );
  app.post(
    "/payments/:id/reverse",
    {
      config: { access: { permission: "finance:update" } },
      schema: {
        tags,
        summary: "Reverse a payment with a new negative entry (the original is never edited)",
        params: IdParams,
        body: PaymentReversal,
        response: { 201: Payment },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await payments.reversePayment(
            app.db,
            callerOf(request),
            request.params.id,
            request.body.reason,
            contextOf(request),
          ),
        ),
  );

  app.get(
    "/payables",
    {
      config: { access: { permission: "finance:read" } },
      schema: {
        tags,
        summary: "应付款 (from purchase orders), by due date; filter by supplier for its bill",
        querystring: z.object({
          supplier: z.string().max(50).optional(),
          status: z.enum(RECEIVABLE_STATUSES).optional(),
          limit: z.coerce.number().int().min(1).max(500).default(100),
          cursor: z.string().max(500).optional(),
        }),
        response: { 200: page(Payable) },
      },
    },
    async (request) => payablesService.listPayables(app.db, request.query),
  );
  app.post(
    "/payables/:id/payments",
    {
      config: { access: { permission: "finance:create" } },
      schema: {
        tags,
        summary: "Pay a supplier against a payable (never more than is open)",
        params: IdParams,
        body: SupplierPaymentCreate,
        response: { 200: Payable },
      },
    },
    async (request) =>
      payablesService.paySupplier(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        contextOf(request),
      ),
  );

  app.get(
    "/collections",
    {
      config: { access: readFinance },
      schema: {
        tags,
        summary: "欠款催收: customers with open balances, overdue amounts and aging buckets",
        querystring: z.object({
          on: z.iso.date().optional().meta({ description: "As of this day; today by default" }),
        }),
        response: {
          200: z.object({
            on: z.string(),
            items: z
              .array(CollectionRow)
              .meta({ description: "The 500 customers with the most overdue, then open" }),
            totals: z
              .object({ customers: z.int(), open: z.string(), overdue: z.string() })
              .meta({ description: "Every customer in the caller's scope, listed or not" }),
          }),
        },
      },
    },
    async (request) => {
      const on = request.query.on ?? shanghaiDate();
      const caller = callerOf(request);
      const [items, totals] = await Promise.all([
        collections.collectionRows(app.db, caller, on),
        collections.collectionTotals(app.db, caller, on),
      ]);
      return { on, items, totals };
    },
  );
  app.get(
    "/collections/:id",
    {
      config: { access: readFinance },
      schema: {
        tags,
        summary: "催收账单 of a customer (id): open receivables, totals, aging and the actions taken",
        params: IdParams,
        response: {
          200: z.object({
            on: z.string(),
            customer: z.object({
              id: z.uuid(),
              name: z.string(),
              code: z.string(),
              address: z.string().nullable(),
              phone: z.string().nullable(),
            }),
            receivables: z.array(Receivable),
            open: z.string(),
            overdue: z.string(),
            aging: CollectionRow.shape.aging,
            actions: z.array(CollectionAction),
          }),
        },
      },
    },
    async (request) => collections.dunningBill(app.db, callerOf(request), request.params.id),
  );
  app.post(
    "/collections/:id/actions",
    {
      config: { access: { permission: "finance:create" } },
      schema: {
        tags,
        summary: "Log a collection action for a customer (id): call, letter, visit or promise to pay",
        params: IdParams,
        body: CollectionActionCreate,
        response: { 201: CollectionAction },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await collections.logCollectionAction(
            app.db,
            callerOf(request),
            request.params.id,
            request.body,
            contextOf(request),
          ),
        ),
  );

  app.get(
    "/finance/margins",
    {
      config: { access: { permission: "finance:read" } },
      schema: {
        tags,
        summary: "Gross margin per product (or for one order): revenue against standard cost",
        querystring: z.object({ orderId: z.uuid().optional(), productId: z.uuid().optional() }),
        response: { 200: z.object({ items: z.array(Margin) }) },
      },
    },
    async (request) => ({ items: await collections.margins(app.db, callerOf(request), request.query) }),
  );
  app.get(
    "/finance/reconciliation",
    {
      config: { access: { permission: "audit:read" } },
      schema: {
        tags,
        summary:
          "Proves the books: paid = allocations ≤ amount, payments = their allocations, aging = balances",
        response: {
          200: z.object({
            ok: z.boolean(),
            checked: z.object({ receivables: z.number().int(), payments: z.number().int() }),
            problems: z.array(z.object({ kind: z.string(), id: z.string(), detail: z.string() })),
          }),
        },
      },
    },
    async () => reconcile(app.db),
  );
};
