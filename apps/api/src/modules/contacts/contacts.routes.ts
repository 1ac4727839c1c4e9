import { Contact, ContactCreate, ContactQuery, ContactUpdate, IdParams, page } from "@crm/contracts";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { callerOf } from "../../plugins/access.js";
import { contextOf } from "../../shared/audit.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import * as service from "./contacts.service.js";

const tags = ["contacts"];

export const contactRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/contacts",
    {
      config: { access: { permission: "contact:read" } },
      schema: {
        tags,
        summary: "Contacts of the customers in the caller's scope; by customer or search",
        querystring: ContactQuery,
        response: { 200: page(Contact) },
      },
    },
    async (request) => service.listContacts(app.db, callerOf(request), request.query),
  );

  app.get(
    "/contacts/:id",
    {
      config: { access: { permission: "contact:read" } },
      schema: { tags, summary: "One contact", params: IdParams, response: { 200: Contact } },
    },
    async (request, reply) => {
      const c = await service.getContact(app.db, callerOf(request), request.params.id);
      etag(reply, c.version);
      return c;
    },
  );

  app.post(
    "/contacts",
    {
      config: { access: { permission: "contact:create" } },
      schema: {
        tags,
        summary: "Add a contact to a customer (the first becomes primary)",
        body: ContactCreate,
        response: { 201: Contact },
      },
    },
    async (request, reply) => {
      const c = await service.createContact(app.db, callerOf(request), request.body, contextOf(request));
      etag(reply, c.version);
      return reply.status(201).send(c);
    },
  );

  app.patch(
    "/contacts/:id",
    {
      config: { access: { permission: "contact:update" } },
      schema: {
        tags,
        summary: "Change a contact (isPrimary: true makes it the customer's only primary)",
        params: IdParams,
        body: ContactUpdate,
        response: { 200: Contact },
      },
    },
    async (request, reply) => {
      const c = await service.updateContact(
        app.db,
        callerOf(request),
        request.params.id,
        request.body,
        ifMatch(request),
        contextOf(request),
      );
      etag(reply, c.version);
      return c;
    },
  );

  app.delete(
    "/contacts/:id",
    {
      config: { access: { permission: "contact:delete" } },
      schema: { tags, summary: "Delete a contact (soft)", params: IdParams, response: { 200: Contact } },
    },
    async (request) =>
      service.setContactDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        true,
        ifMatch(request),
        contextOf(request),
      ),
  );

  app.post(
    "/contacts/:id/restore",
    {
      config: { access: { permission: "contact:delete" } },
      schema: { tags, summary: "Restore a deleted contact", params: IdParams, response: { 200: Contact } },
    },
    async (request) =>
      service.setContactDeleted(
        app.db,
        callerOf(request),
        request.params.id,
        false,
        ifMatch(request),
        contextOf(request),
      ),
  );
};
