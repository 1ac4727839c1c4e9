import {
  ActivityQuery,
  CalendarEvent,
  CareRecord,
  CareRecordCreate,
  CareRecordUpdate,
  CareSuggestion,
  ContactRecord,
  ContactRecordCreate,
  ContactRecordUpdate,
  EventCreate,
  EventUpdate,
  FollowUp,
  IdParams,
  Notification,
  PersonalFigures,
  page,
  Task,
  TaskCreate,
  TaskQuery,
  TaskUpdate,
} from "@crm/contracts";
import type { Db } from "@crm/db";
import { tasks } from "@crm/db";
import { and, ne, type SQL, sql } from "drizzle-orm";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { type Caller, callerOf } from "../../plugins/access.js";
import { contextOf, type RequestContext } from "../../shared/audit.js";
import { shanghaiDate } from "../../shared/days.js";
import { etag, ifMatch } from "../../shared/versioning.js";
import { setting } from "../settings/settings.service.js";
import { getActivity, listActivities, type Resource, setActivityDeleted } from "./activities.resource.js";
import {
  createEvent,
  createTask,
  eventResource,
  taskResource,
  updateEvent,
  updateTask,
} from "./plans.service.js";
import {
  careRecordResource,
  contactRecordResource,
  createCareRecord,
  createContactRecord,
  updateCareRecord,
  updateContactRecord,
} from "./records.service.js";
import { monthFigures } from "./stats.service.js";
import * as workbench from "./workbench.service.js";

const Deleted = { deleted: z.boolean() };

interface Spec {
  path: string;
  tag: string;
  name: string;
  // biome-ignore lint/suspicious/noExplicitAny: one registration for four resources of different row types
  resource: Resource<any, unknown>;
  item: z.ZodObject;
  create: z.ZodType;
  update: z.ZodType;
  query: typeof ActivityQuery | typeof TaskQuery;
  filter?: (query: z.infer<typeof TaskQuery>) => SQL | undefined;
  createFn: (db: Db, caller: Caller, input: never, ctx: RequestContext) => Promise<{ version: number }>;
  updateFn: (
    db: Db,
    caller: Caller,
    id: string,
    input: never,
    version: number | undefined,
    ctx: RequestContext,
  ) => Promise<{ version: number }>;
}

const today = () => shanghaiDate();

const SPECS: Spec[] = [
  {
    path: "/contact-records",
    tag: "contact records",
    name: "contact record (联系记录)",
    resource: contactRecordResource,
    item: ContactRecord,
    create: ContactRecordCreate,
    update: ContactRecordUpdate,
    query: ActivityQuery,
    createFn: createContactRecord as Spec["createFn"],
    updateFn: updateContactRecord as Spec["updateFn"],
  },
  {
    path: "/care-records",
    tag: "care records",
    name: "care record (关怀记录)",
    resource: careRecordResource,
    item: CareRecord,
    create: CareRecordCreate,
    update: CareRecordUpdate,
    query: ActivityQuery,
    createFn: createCareRecord as Spec["createFn"],
    updateFn: updateCareRecord as Spec["updateFn"],
  },
  {
    path: "/tasks",
    tag: "tasks",
    name: "task (工作计划)",
    resource: taskResource,
    item: Task,
    create: TaskCreate,
    update: TaskUpdate,
    query: TaskQuery,
    filter: (q) =>
      and(
        q.status === "open"
          ? ne(tasks.status, "done")
          : q.status
            ? sql`${tasks.status} = ${q.status}`
            : undefined,
        q.overdue === "true"
          ? sql`${tasks.status} <> 'done' and ${tasks.dueOn} < ${today()}`
          : q.overdue === "false"
            ? sql`not (${tasks.status} <> 'done' and coalesce(${tasks.dueOn} < ${today()}, false))`
            : undefined,
      ),
    createFn: createTask as Spec["createFn"],
    updateFn: updateTask as Spec["updateFn"],
  },
  {
    path: "/events",
    tag: "schedule",
    name: "event (工作日程)",
    resource: eventResource,
    item: CalendarEvent,
    create: EventCreate,
    update: EventUpdate,
    query: ActivityQuery,
    createFn: createEvent as Spec["createFn"],
    updateFn: updateEvent as Spec["updateFn"],
  },
];

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  for (const s of SPECS) {
    const tags = [s.tag];
    app.get(
      s.path,
      {
        config: { access: { permission: "activity:read" } },
        schema: {
          tags,
          summary: `${s.name}: those the caller reaches (own scope, their customers' scope, or shared)`,
          querystring: s.query,
          response: { 200: page(s.item) },
        },
      },
      async (request) =>
        listActivities(
          app.db,
          callerOf(request),
          s.resource,
          request.query as z.infer<typeof ActivityQuery>,
          s.filter?.(request.query as z.infer<typeof TaskQuery>),
        ) as never,
    );
    app.get(
      `${s.path}/:id`,
      {
        config: { access: { permission: "activity:read" } },
        schema: {
          tags,
          summary: `One ${s.name}`,
          params: IdParams,
          response: { 200: s.item.extend(Deleted) },
        },
      },
      async (request, reply) => {
        const item = await getActivity(app.db, callerOf(request), s.resource, request.params.id);
        etag(reply, item.version);
        return item as never;
      },
    );
    app.post(
      s.path,
      {
        config: { access: { permission: "activity:create" } },
        schema: {
          tags,
          summary: `Record a ${s.name}`,
          body: s.create,
          response: { 201: s.item.extend(Deleted) },
        },
      },
      async (request, reply) => {
        const item = await s.createFn(app.db, callerOf(request), request.body as never, contextOf(request));
        etag(reply, item.version);
        return reply.status(201).send(item as never);
      },
    );
    app.patch(
      `${s.path}/:id`,
      {
        config: { access: { permission: "activity:update" } },
        schema: {
          tags,
          summary: `Change a ${s.name} (If-Match: its version); shared colleagues cannot`,
          params: IdParams,
          body: s.update,
          response: { 200: s.item.extend(Deleted) },
        },
      },
      async (request, reply) => {
        const item = await s.updateFn(
          app.db,
          callerOf(request),
          request.params.id,
          request.body as never,
          ifMatch(request),
          contextOf(request),
        );
        etag(reply, item.version);
        return item as never;
      },
    );
    for (const [verb, deleted] of [
      ["delete", true],
      ["restore", false],
    ] as const) {
      const route = {
        config: { access: { permission: "activity:delete" as const } },
        schema: {
          tags,
          summary: deleted ? `Move a ${s.name} to the recycle bin` : `Restore a ${s.name}`,
          params: IdParams,
          response: { 200: s.item.extend(Deleted) },
        },
      };
      const handler = async (request: { params: { id: string } }) =>
        setActivityDeleted(
          app.db,
          callerOf(request as never),
          s.resource,
          request.params.id,
          deleted,
          ifMatch(request as never),
          contextOf(request as never),
        ) as never;
      if (verb === "delete") app.delete(`${s.path}/:id`, route, handler);
      else app.post(`${s.path}/:id/restore`, route, handler);
    }
  }

  app.get(
    "/workbench/follow-ups",
    {
      config: { access: { permission: "activity:read" } },
      schema: {
        tags: ["workbench"],
        summary: "Customers due for follow-up: next follow-up date reached, or no contact for `days` days",
        querystring: z.object({
          on: z.iso.date().optional().meta({ description: "The day (Asia/Shanghai); today by default" }),
          days: z.coerce
            .number()
            .int()
            .min(1)
            .max(3650)
            .optional()
            .meta({ description: "The system setting followUpDays by default" }),
          ownerId: z.uuid().optional().meta({ description: "A salesperson in the caller's scope" }),
          limit: z.coerce.number().int().min(1).max(500).default(100),
        }),
        response: {
          200: z.object({
            items: z.array(FollowUp),
            days: z.number().int().meta({ description: "The no-contact interval applied" }),
          }),
        },
      },
    },
    async (request) => {
      const days = request.query.days ?? (await setting(app.db, "followUpDays"));
      return {
        items: await workbench.followUps(app.db, callerOf(request), {
          ...request.query,
          days,
          on: request.query.on ?? today(),
        }),
        days,
      };
    },
  );

  app.get(
    "/workbench/care-suggestions",
    {
      config: { access: { permission: "activity:read" } },
      schema: {
        tags: ["workbench"],
        summary: "Contacts' birthdays coming up, for the caller's own customers",
        querystring: z.object({
          from: z.iso.date().optional(),
          days: z.coerce.number().int().min(1).max(366).default(14),
        }),
        response: { 200: z.object({ items: z.array(CareSuggestion) }) },
      },
    },
    async (request) => ({
      items: await workbench.careSuggestions(app.db, callerOf(request), {
        from: request.query.from ?? today(),
        days: request.query.days,
      }),
    }),
  );

  app.get(
    "/workbench/stats",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["workbench"],
        summary: "The caller's month so far against the same days of last month",
        response: {
          200: z.object({
            month: z.string(),
            thisMonth: PersonalFigures,
            lastMonth: PersonalFigures,
          }),
        },
      },
    },
    async (request) => monthFigures(app.db, callerOf(request)),
  );

  app.get(
    "/notifications",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["notifications"],
        summary: "The caller's notifications, newest first, with the unread count",
        querystring: z.object({
          unread: z.enum(["true", "false"]).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          cursor: z.string().max(500).optional(),
        }),
        response: { 200: page(Notification).extend({ unread: z.number().int() }) },
      },
    },
    async (request) => workbench.listNotifications(app.db, callerOf(request), request.query),
  );
  app.get(
    "/notifications/unread-count",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["notifications"],
        summary: "How many are unread (cheap: for the badge to poll)",
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => ({ unread: await workbench.unreadCount(app.db, callerOf(request)) }),
  );
  app.post(
    "/notifications/:id/read",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["notifications"],
        summary: "Mark one read",
        params: IdParams,
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => workbench.markRead(app.db, callerOf(request), request.params.id),
  );
  app.post(
    "/notifications/read-all",
    {
      config: { access: "authenticated" },
      schema: {
        tags: ["notifications"],
        summary: "Mark all read",
        response: { 200: z.object({ unread: z.number().int() }) },
      },
    },
    async (request) => workbench.markRead(app.db, callerOf(request), null),
  );
};
