import {
  IdParams,
  MaterialRequest,
  MaterialRequestCreate,
  MaterialRequestQuery,
  MaterialRequestTransition,
  PurchaseOrder,
  PurchaseOrderCreate,
  PurchaseOrderQuery,
  PurchaseReceipt,
  page,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as service from "./purchasing.service.js";

const materialTags = ["material requests"];
const purchaseTags = ["purchase orders"];

export const purchasingRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/material-requests",
    {
      config: { access: { permission: "product:read" } },
      schema: {
        tags: materialTags,
        summary: "材料单, newest first",
        querystring: MaterialRequestQuery,
        response: { 200: page(MaterialRequest) },
      },
    },
    async (request) => service.listMaterialRequests(app.db, request.query),
  );
  app.get(
    "/material-requests/:id",
    {
      config: { access: { permission: "product:read" } },
      schema: {
        tags: materialTags,
        summary: "One material request",
        params: IdParams,
        response: { 200: MaterialRequest },
      },
    },
    async (request, reply) => {
      const r = await service.getMaterialRequest(app.db, request.params.id);
      etag(reply, r.version);
      return r;
    },
  );
  app.post(
    "/material-requests",
    {
      config: { access: { permission: "order:create" } },
      schema: {
        tags: materialTags,
        summary: "Ask production for material (supply & sales)",
        body: MaterialRequestCreate,
        response: { 201: MaterialRequest },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await service.createMaterialRequest(app.db, callerOf(request), request.body, contextOf(request)),
        ),
  );
  app.post(
    "/material-requests/:id/transitions",
    {
      config: { access: { permission: "product:update" } },
      schema: {
        tags: materialTags,
        summary: "Production answers: accept, reject, or done",
        params: IdParams,
        body: MaterialRequestTransition,
        response: { 200: MaterialRequest },
      },
    },
    async (request) =>
      service.transitionMaterialRequest(
        app.db,
        callerOf(request),
        request.params.id,
        request.body.action,
        ifMatch(request),
        contextOf(request),
      ),
  );

  app.get(
    "/purchase-orders",
    {
      config: { access: { permission: "inventory:read" } },
      schema: {
        tags: purchaseTags,
        summary: "采购订单, newest first",
        querystring: PurchaseOrderQuery,
        response: { 200: page(PurchaseOrder) },
      },
    },
    async (request) => service.listPurchaseOrders(app.db, request.query),
  );
  app.get(
    "/purchase-orders/:id",
    {
      config: { access: { permission: "inventory:read" } },
      schema: {
        tags: purchaseTags,
        summary: "One purchase order",
        params: IdParams,
        response: { 200: PurchaseOrder },
      },
    },
    async (request, reply) => {
      const po = await service.getPurchaseOrder(app.db, request.params.id);
      etag(reply, po.version);
      return po;
    },
  );
  app.post(
    "/purchase-orders",
    {
      config: { access: { permission: "inventory:adjust" } },
      schema: {
        tags: purchaseTags,
        summary: "Order goods from a supplier; amounts and total are computed exactly",
        body: PurchaseOrderCreate,
        response: { 201: PurchaseOrder },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await service.createPurchaseOrder(app.db, callerOf(request), request.body, contextOf(request))),
  );
  app.post(
    "/purchase-orders/:id/receipts",
    {
      config: { access: { permission: "inventory:adjust" } },
      schema: {
        tags: purchaseTags,
        summary: "Receive some or all lines: the goods enter stock through the ledger",
        params: IdParams,
        body: PurchaseReceipt,
        response: { 200: PurchaseOrder },
      },
    },
    async (request) =>
      service.receivePurchase(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      ),
  );
  app.post(
    "/purchase-orders/:id/cancel",
    {
      config: { access: { permission: "inventory:adjust" } },
      schema: {
        tags: purchaseTags,
        summary: "Cancel an order nothing was received of",
        params: IdParams,
        response: { 200: PurchaseOrder },
      },
    },
    async (request) =>
      service.cancelPurchase(
        app.db,
        callerOf(request),
        request.params.id,
        ifMatch(request),
        contextOf(request),
      ),
  );
};
