import {
  IdParams,
  Order,
  OrderCreate,
  OrderDelivery,
  OrderQuery,
  OrderSummary,
  OrderTransition,
  OrderUpdate,
  page,
  Transaction,
  TransactionCreate,
  TransactionQuery,
  TransactionUpdate,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as orders from "./orders.service.js";
import * as lifecycle from "./orders-lifecycle.service.js";
import * as sales from "./transactions.service.js";

const tags = ["orders"];
const saleTags = ["transactions"];

export const orderRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/orders",
    {
      config: { access: { permission: "order:read" } },
      schema: {
        tags,
        summary: "合同订单 within the caller's scope, newest first",
        querystring: OrderQuery,
        response: { 200: page(OrderSummary) },
      },
    },
    async (request) => orders.listOrders(app.db, callerOf(request), request.query),
  );
  app.get(
    "/orders/:id",
    {
      config: { access: { permission: "order:read" } },
      schema: { tags, summary: "One order with its lines", params: IdParams, response: { 200: Order } },
    },
    async (request, reply) => {
      const order = await orders.getOrder(app.db, callerOf(request), request.params.id);
      etag(reply, order.version);
      return order;
    },
  );
  app.post(
    "/orders",
    {
      config: { access: { permission: "order:create" } },
      schema: {
        tags,
        summary: "A draft order; the server prices every line and the total exactly",
        body: OrderCreate,
        response: { 201: Order },
      },
    },
    async (request, reply) => {
      const order = await orders.createOrder(app.db, callerOf(request), request.body, contextOf(request));
      etag(reply, order.version);
      return reply.status(201).send(order);
    },
  );
  app.patch(
    "/orders/:id",
    {
      config: { access: { permission: "order:update" } },
      schema: {
        tags,
        summary: "Change a draft (If-Match)",
        params: IdParams,
        body: OrderUpdate,
        response: { 200: Order },
      },
    },
    async (request, reply) => {
      const order = await orders.updateOrder(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, order.version);
      return order;
    },
  );
  app.post(
    "/orders/:id/transitions",
    {
      config: { access: { permission: "order:update" } },
      schema: {
        tags,
        summary: "sign (draft → signed), complete (delivered → completed) or cancel (draft or signed)",
        params: IdParams,
        body: OrderTransition,
        response: { 200: Order },
      },
    },
    async (request, reply) => {
      const order = await lifecycle.transitionOrder(
        app.db,
        callerOf(request),
        request.params.id,
        request.body.action,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, order.version);
      return order;
    },
  );
  app.post(
    "/orders/:id/deliveries",
    {
      config: { access: { permission: "order:update" } },
      schema: {
        tags,
        summary:
          "Deliver some or all lines: stock is issued and transaction records written, or nothing (409)",
        params: IdParams,
        body: OrderDelivery,
        response: { 200: Order },
      },
    },
    async (request, reply) => {
      const order = await lifecycle.deliverOrder(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, order.version);
      return order;
    },
  );
  for (const [deleted, method, url] of [
    [true, "DELETE", "/orders/:id"],
    [false, "POST", "/orders/:id/restore"],
  ] as const) {
    app.route({
      method,
      url,
      config: { access: { permission: "order:delete" } },
      schema: {
        tags,
        summary: deleted ? "Move a draft or cancelled order to the recycle bin" : "Restore an order",
        params: IdParams,
        response: { 200: Order },
      },
      handler: async (request) =>
        orders.setOrderDeleted(
          app.db,
          callerOf(request),
          request.params.id,
          deleted,
          ifMatch(request),
          contextOf(request),
        ),
    });
  }

  app.get(
    "/transactions",
    {
      config: { access: { permission: "order:read" } },
      schema: {
        tags: saleTags,
        summary: "交易记录 within the caller's scope",
        querystring: TransactionQuery,
        response: { 200: page(Transaction) },
      },
    },
    async (request) => sales.listTransactions(app.db, callerOf(request), request.query),
  );
  app.get(
    "/transactions/:id",
    {
      config: { access: { permission: "order:read" } },
      schema: {
        tags: saleTags,
        summary: "One transaction",
        params: IdParams,
        response: { 200: Transaction },
      },
    },
    async (request, reply) => {
      const t = await sales.getTransaction(app.db, callerOf(request), request.params.id);
      etag(reply, t.version);
      return t;
    },
  );
  app.post(
    "/transactions",
    {
      config: { access: { permission: "order:create" } },
      schema: {
        tags: saleTags,
        summary: "Record a sale (input screen 3): stock leaves (409 when short), the amount is computed",
        body: TransactionCreate,
        response: { 201: Transaction },
      },
    },
    async (request, reply) => {
      const t = await sales.createTransaction(app.db, callerOf(request), request.body, contextOf(request));
      etag(reply, t.version);
      return reply.status(201).send(t);
    },
  );
  app.patch(
    "/transactions/:id",
    {
      config: { access: { permission: "order:update" } },
      schema: {
        tags: saleTags,
        summary: "Correct a sale; a quantity change moves stock accordingly",
        params: IdParams,
        body: TransactionUpdate,
        response: { 200: Transaction },
      },
    },
    async (request, reply) => {
      const t = await sales.updateTransaction(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, t.version);
      return t;
    },
  );
  for (const [deleted, method, url] of [
    [true, "DELETE", "/transactions/:id"],
    [false, "POST", "/transactions/:id/restore"],
  ] as const) {
    app.route({
      method,
      url,
      config: { access: { permission: "order:delete" } },
      schema: {
        tags: saleTags,
        summary: deleted
          ? "Delete a sale (its goods return to stock)"
          : "Restore a sale (stock leaves again)",
        params: IdParams,
        response: { 200: Transaction },
      },
      handler: async (request) =>
        sales.setTransactionDeleted(
          app.db,
          callerOf(request),
          request.params.id,
          deleted,
          ifMatch(request),
          contextOf(request),
        ),
    });
  }
};
