import {
  CalendarEvent,
  CareRecord,
  type CareRecordCreate,
  type CareRecordUpdate,
  CareSuggestion,
  Contact,
  ContactRecord,
  type ContactRecordCreate,
  type ContactRecordUpdate,
  Customer,
  type EventCreate,
  type EventUpdate,
  FollowUp,
  Notification,
  page,
  Task,
  type TaskCreate,
  type TaskUpdate,
  User,
} from "@crm/contracts";
import { z } from "zod";
import { apiRequest } from "../../shared/api";

type Params = Record<string, string | number | boolean | undefined | null>;

/** Query string of the defined, non-empty values. */
export function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/** The list filters every activity endpoint takes (days are Asia/Shanghai dates, YYYY-MM-DD). */
export interface ActivityFilters {
  customerId?: string | undefined;
  ownerId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  q?: string | undefined;
  limit?: number | undefined;
}

export interface TaskFilters extends ActivityFilters {
  status?: "todo" | "doing" | "done" | "open" | undefined;
  overdue?: "true" | "false" | undefined;
}

const Deleted = { deleted: z.boolean() };

/**
 * One resource of the activities API (联系记录, 关怀记录, 工作计划, 工作日程): list, one, create,
 * change with If-Match, delete. The four share the same shape, so one factory serves them.
 */
function resource<
  Item extends z.ZodObject,
  One extends z.ZodObject,
  Create,
  Update,
  Filters extends ActivityFilters,
>(path: string, item: Item, one: One) {
  const list = page(item);
  return {
    list: (filters: Filters, cursor?: string) =>
      apiRequest(`${path}${query({ limit: 50, ...(filters as unknown as Params), cursor })}`, {
        schema: list,
      }),
    get: (id: string) => apiRequest(`${path}/${id}`, { schema: one }),
    create: (body: Create) => apiRequest(path, { method: "POST", body, schema: one }),
    update: (id: string, version: number, body: Update) =>
      apiRequest(`${path}/${id}`, { method: "PATCH", body, ifMatch: version, schema: one }),
    remove: (id: string, version: number) =>
      apiRequest(`${path}/${id}`, { method: "DELETE", ifMatch: version, schema: one }),
  };
}

const ContactRecordOne = ContactRecord.extend(Deleted);
const CareRecordOne = CareRecord.extend(Deleted);
const TaskOne = Task.extend(Deleted);
const EventOne = CalendarEvent.extend(Deleted);

export const contactRecordsApi = resource<
  typeof ContactRecord,
  typeof ContactRecordOne,
  ContactRecordCreate,
  ContactRecordUpdate,
  ActivityFilters
>("/contact-records", ContactRecord, ContactRecordOne);
export const careRecordsApi = resource<
  typeof CareRecord,
  typeof CareRecordOne,
  CareRecordCreate,
  CareRecordUpdate,
  ActivityFilters
>("/care-records", CareRecord, CareRecordOne);
export const tasksApi = resource<typeof Task, typeof TaskOne, TaskCreate, TaskUpdate, TaskFilters>(
  "/tasks",
  Task,
  TaskOne,
);
export const eventsApi = resource<
  typeof CalendarEvent,
  typeof EventOne,
  EventCreate,
  EventUpdate,
  ActivityFilters
>("/events", CalendarEvent, EventOne);

// Workbench (工作台)

const FollowUps = z.object({ items: z.array(FollowUp), days: z.number().int() });
const CareSuggestions = z.object({ items: z.array(CareSuggestion) });
export type FollowUpItem = z.infer<typeof FollowUp>;
export type CareSuggestionItem = z.infer<typeof CareSuggestion>;

/** The customers due and the no-contact interval applied (the 系统设置 value unless `days` is given). */
export const fetchFollowUps = (params: { on?: string; days?: number; ownerId?: string }) =>
  apiRequest(`/workbench/follow-ups${query(params)}`, { schema: FollowUps });

export const fetchCareSuggestions = async (params: { from?: string; days?: number }) =>
  (
    await apiRequest(`/workbench/care-suggestions${query({ days: 14, ...params })}`, {
      schema: CareSuggestions,
    })
  ).items;

const MonthFigures = z.object({
  newCustomers: z.number(),
  contactsMade: z.number(),
  ordersSigned: z.number(),
  orderAmount: z.string(),
  receivablesDue: z.string(),
});
const MonthStats = z.object({ month: z.string(), thisMonth: MonthFigures, lastMonth: MonthFigures });
export type MonthStats = z.infer<typeof MonthStats>;

/** The caller's month so far against the same days of last month. */
export const fetchMonthStats = () => apiRequest("/workbench/stats", { schema: MonthStats });

// Notifications (消息提醒)

const NotificationPage = page(Notification).extend({ unread: z.number().int() });
const Unread = z.object({ unread: z.number().int() });

export const fetchNotifications = (params: { unread?: "true"; limit?: number }) =>
  apiRequest(`/notifications${query({ limit: 20, ...params })}`, { schema: NotificationPage });

export const fetchUnreadCount = async () =>
  (await apiRequest("/notifications/unread-count", { schema: Unread })).unread;

export const markNotificationRead = (id: string) =>
  apiRequest(`/notifications/${id}/read`, { method: "POST", body: {}, schema: Unread });

export const markAllNotificationsRead = () =>
  apiRequest("/notifications/read-all", { method: "POST", body: {}, schema: Unread });

// Pickers: customers, their contacts, colleagues

const CustomerOptions = page(Customer.pick({ id: true, name: true, code: true }));
const ContactPage = page(Contact);
const UserPage = page(User);

export const searchCustomers = async (q: string) =>
  (await apiRequest(`/customers${query({ q, limit: 20 })}`, { schema: CustomerOptions })).items;

export const fetchCustomerContacts = async (customerId: string) =>
  (await apiRequest(`/contacts${query({ customerId, limit: 200 })}`, { schema: ContactPage })).items;

/** Active users in the caller's scope (needs user:read). */
export const fetchScopeUsers = async (q: string) =>
  (await apiRequest(`/users${query({ q, disabled: "false", limit: 50 })}`, { schema: UserPage })).items;
