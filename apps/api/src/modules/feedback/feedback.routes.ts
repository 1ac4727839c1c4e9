import {
  Feedback,
  FeedbackCreate,
  FeedbackQuery,
  FeedbackUpdate,
  IdParams,
  page,
  ReturnVisit,
  ReturnVisitComplete,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as service from "./feedback.service.js";
import * as visits from "./return-visits.service.js";

const tags = ["feedback"];

export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/feedback",
    {
      config: { access: { permission: "feedback:read" } },
      schema: {
        tags,
        summary: "服务反馈 the caller reaches, newest first",
        querystring: FeedbackQuery,
        response: { 200: page(Feedback) },
      },
    },
    async (request) => service.listFeedback(app.db, callerOf(request), request.query),
  );
  app.get(
    "/feedback/:id",
    {
      config: { access: { permission: "feedback:read" } },
      schema: { tags, summary: "One feedback", params: IdParams, response: { 200: Feedback } },
    },
    async (request, reply) => {
      const f = await service.getFeedback(app.db, callerOf(request), request.params.id);
      etag(reply, f.version);
      return f;
    },
  );
  app.post(
    "/feedback",
    {
      config: { access: { permission: "feedback:create" } },
      schema: {
        tags,
        summary: "Record feedback (input screen 2): customer, contact and product checked to belong together",
        body: FeedbackCreate,
        response: { 201: Feedback },
      },
    },
    async (request, reply) => {
      const f = await service.createFeedback(app.db, callerOf(request), request.body, contextOf(request));
      etag(reply, f.version);
      return reply.status(201).send(f);
    },
  );
  app.patch(
    "/feedback/:id",
    {
      config: { access: { permission: "feedback:update" } },
      schema: {
        tags,
        summary: "Edit, assign, respond, close (resolution required) or re-open (If-Match)",
        params: IdParams,
        body: FeedbackUpdate,
        response: { 200: Feedback },
      },
    },
    async (request, reply) => {
      const f = await service.updateFeedback(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, f.version);
      return f;
    },
  );
  for (const [deleted, method, url] of [
    [true, "DELETE", "/feedback/:id"],
    [false, "POST", "/feedback/:id/restore"],
  ] as const) {
    app.route({
      method,
      url,
      config: { access: { permission: "feedback:delete" } },
      schema: {
        tags,
        summary: deleted ? "Move to the recycle bin" : "Restore",
        params: IdParams,
        response: { 200: Feedback },
      },
      handler: async (request) =>
        service.setFeedbackDeleted(
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
    "/return-visits",
    {
      config: { access: { permission: "feedback:read" } },
      schema: {
        tags,
        summary: "回访: scheduled when a feedback closes, by due date",
        querystring: z.object({
          status: z.enum(["pending", "done"]).optional(),
          feedbackId: z.uuid().optional(),
          limit: z.coerce.number().int().min(1).max(500).default(500),
          cursor: z.string().max(500).optional(),
        }),
        response: { 200: page(ReturnVisit) },
      },
    },
    async (request) => visits.listReturnVisits(app.db, callerOf(request), request.query),
  );
  app.post(
    "/return-visits/:id/complete",
    {
      config: { access: { permission: "feedback:update" } },
      schema: {
        tags,
        summary: "Record the customer's satisfaction (1–5) and comment",
        params: IdParams,
        body: ReturnVisitComplete,
        response: { 200: ReturnVisit },
      },
    },
    async (request) =>
      visits.completeReturnVisit(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        contextOf(request),
      ),
  );
};
