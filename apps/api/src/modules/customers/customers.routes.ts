import {
  BulkCustomerUpdate,
  Customer,
  CustomerCreate,
  CustomerMerge,
  CustomerPage,
  CustomerQuery,
  CustomerUpdate,
  IdParams,
  MergeResult,
  TimelineEntry,
} from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { notFound } from "../../shared/errors.js";
import { explainAccess } from "../../shared/scope.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import { bulkUpdateCustomers } from "./customers.bulk.js";
import { listCustomers, serializeCustomerPage } from "./customers.list.js";
import { mergeCustomers, undoMerge } from "./customers.merge.js";
import * as service from "./customers.service.js";

const tags = ["customers"];
const AllowDuplicate = z.object({
  allowDuplicate: z
    .enum(["true", "false"])
    .optional()
    .meta({ description: "Create or save despite likely duplicates (needs customer:merge)" }),
});

export const customerRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/customers",
    {
      config: { access: { permission: "customer:read" } },
      schema: {
        tags,
        summary: "Customers within the caller's scope: search, A–Z letter, filters, sort, cursor pages",
        querystring: CustomerQuery,
        response: { 200: CustomerPage },
      },
      // The hottest route: its customers come from the database as JSON text (customerJson) and
      // are written as they are, without re-validating 50 records against the schema on every
      // request. The tests parse its pages with CustomerPage and compare them with the detail's.
      serializerCompiler: () => (data) =>
        serializeCustomerPage(data as Parameters<typeof serializeCustomerPage>[0]),
    },
    // Typed as the page the client receives: each CustomerItem is written as that Customer.
    async (request) =>
      (await listCustomers(app.db, callerOf(request), request.query)) as unknown as z.infer<
        typeof CustomerPage
      >,
  );

  app.get(
    "/customers/:id",
    {
      config: { access: { permission: "customer:read" } },
      schema: {
        tags,
        summary: "One customer (404 outside your scope)",
        params: IdParams,
        response: { 200: Customer },
      },
    },
    async (request, reply) => {
      const c = await service.getCustomer(app.db, callerOf(request), request.params.id);
      etag(reply, c.version);
      return c;
    },
  );

  app.get(
    "/customers/:id/timeline",
    {
      config: { access: { permission: "customer:read" } },
      schema: {
        tags,
        summary: "Everything that happened with a customer, newest first",
        params: IdParams,
        response: { 200: z.object({ items: z.array(TimelineEntry) }) },
      },
    },
    async (request) => ({ items: await service.timeline(app.db, callerOf(request), request.params.id) }),
  );

  app.get(
    "/customers/:id/access",
    {
      config: { access: { permission: "customer:read" } },
      schema: {
        tags,
        summary: "Why can I see this customer? (owner, or the role and data scope that reach it)",
        params: IdParams,
        response: {
          200: z
            .object({
              reason: z.enum(["owner", "all", "department", "department_tree", "custom"]),
              role: z.string().optional(),
            })
            .meta({ id: "AccessExplanation" }),
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const customer = await service.findInScope(app.db, caller, request.params.id);
      const why = await explainAccess(app.db, caller, customer.ownerId);
      if (!why) throw notFound();
      return why;
    },
  );

  app.post(
    "/customers",
    {
      config: { access: { permission: "customer:create" } },
      schema: {
        tags,
        summary: "Create a customer (code {class}类-{seq} generated)",
        description:
          "Likely duplicates (normalised name, credit code, phone, email, homepage domain) answer 409 " +
          "`duplicate_customer` with `duplicates`; a user with customer:merge may pass allowDuplicate=true.",
        querystring: AllowDuplicate,
        body: CustomerCreate,
        response: { 201: Customer },
      },
    },
    async (request, reply) => {
      const c = await service.createCustomer(
        app.db,
        callerOf(request),
        request.body,
        { allowDuplicate: request.query.allowDuplicate === "true" },
        contextOf(request),
      );
      etag(reply, c.version);
      return reply.status(201).send(c);
    },
  );

  app.patch(
    "/customers/:id",
    {
      config: { access: { permission: "customer:update" } },
      schema: {
        tags,
        summary: "Change a customer (partial; the code never changes)",
        description: "Honours If-Match: a stale version answers 412 and changes nothing.",
        params: IdParams,
        querystring: AllowDuplicate,
        body: CustomerUpdate,
        response: { 200: Customer },
      },
    },
    async (request, reply) => {
      const c = await service.updateCustomer(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        { allowDuplicate: request.query.allowDuplicate === "true", expectedVersion: ifMatch(request) },
        contextOf(request),
      );
      etag(reply, c.version);
      return c;
    },
  );

  app.delete(
    "/customers/:id",
    {
      config: { access: { permission: "customer:delete" } },
      schema: {
        tags,
        summary: "Move a customer to the recycle bin",
        params: IdParams,
        response: { 200: Customer },
      },
    },
    async (request) =>
      service.setCustomerDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        true,
        ifMatch(request),
        contextOf(request),
      ),
  );

  app.post(
    "/customers/:id/restore",
    {
      config: { access: { permission: "customer:delete" } },
      schema: {
        tags,
        summary: "Restore a customer from the recycle bin",
        params: IdParams,
        response: { 200: Customer },
      },
    },
    async (request) =>
      service.setCustomerDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        false,
        ifMatch(request),
        contextOf(request),
      ),
  );

  app.post(
    "/customers/bulk-update",
    {
      config: { access: { permission: "customer:update" } },
      schema: {
        tags,
        summary: "Set owner, status, class or industry on many customers at once (atomic, audited, scoped)",
        body: BulkCustomerUpdate,
        response: { 200: z.object({ updated: z.number().int() }) },
      },
    },
    async (request) => bulkUpdateCustomers(app.db, callerOf(request), request.body, contextOf(request)),
  );

  app.post(
    "/customers/merge",
    {
      config: { access: { permission: "customer:merge" } },
      schema: {
        tags,
        summary: "Merge customers into a survivor, choosing each field's value",
        body: CustomerMerge,
        response: { 200: MergeResult },
      },
    },
    async (request) => mergeCustomers(app.db, callerOf(request), request.body, contextOf(request)),
  );

  app.post(
    "/customers/merges/:id/undo",
    {
      config: { access: { permission: "customer:merge" } },
      schema: {
        tags,
        summary: "Undo a merge (while the survivor is unchanged since)",
        params: IdParams,
        response: { 200: Customer },
      },
    },
    async (request) => undoMerge(app.db, callerOf(request), request.params.id, contextOf(request)),
  );
};
