import {
  type BulkCustomerUpdate,
  Contact,
  type ContactCreate,
  type ContactUpdate,
  Customer,
  type CustomerCreate,
  type CustomerMerge,
  CustomerPage,
  type CustomerUpdate,
  DICTIONARY_TYPES,
  DictionaryItem,
  MergeResult,
  page,
  TimelineEntry,
  User,
} from "@crm/contracts";
import { z } from "zod";
import { apiRequest } from "../../shared/api";

/** Query string of the defined, non-empty values. */
function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}

/**
 * The list's filters, exactly as `GET /customers` and the bulk update's `filter` take them; custom
 * fields as `cf.<key>` (text: contains; choices: an option value; yes/no: true|false; numbers and
 * dates: `from..to`).
 */
export interface CustomerFilters {
  [param: `cf.${string}`]: string | undefined;
  q?: string | undefined;
  letter?: string | undefined;
  class?: string | undefined;
  status?: string | undefined;
  industry?: string | undefined;
  source?: string | undefined;
  creditRating?: string | undefined;
  province?: string | undefined;
  city?: string | undefined;
  ownerId?: string | undefined;
  createdFrom?: string | undefined;
  createdTo?: string | undefined;
}

export interface CustomerListParams extends CustomerFilters {
  deleted?: "true" | undefined;
  sort?: string | undefined;
}

const ContactPage = page(Contact);
const UserPage = page(User);
const Timeline = z.object({ items: z.array(TimelineEntry) });
const Dictionary = z.object({ items: z.array(DictionaryItem) });
const BulkResult = z.object({ updated: z.number().int() });

// Customers (客户)

export const fetchCustomers = (params: CustomerListParams, cursor?: string) =>
  apiRequest(`/customers${query({ ...params, limit: 50, cursor })}`, { schema: CustomerPage });

export const fetchCustomer = (id: string) => apiRequest(`/customers/${id}`, { schema: Customer });

export const createCustomer = (body: CustomerCreate, allowDuplicate: boolean) =>
  apiRequest(`/customers${query({ allowDuplicate: allowDuplicate || undefined })}`, {
    method: "POST",
    body,
    schema: Customer,
  });

export const updateCustomer = (id: string, version: number, body: CustomerUpdate, allowDuplicate: boolean) =>
  apiRequest(`/customers/${id}${query({ allowDuplicate: allowDuplicate || undefined })}`, {
    method: "PATCH",
    body,
    ifMatch: version,
    schema: Customer,
  });

export const deleteCustomer = (id: string, version: number) =>
  apiRequest(`/customers/${id}`, { method: "DELETE", ifMatch: version, schema: Customer });

export const restoreCustomer = (id: string, version: number) =>
  apiRequest(`/customers/${id}/restore`, { method: "POST", body: {}, ifMatch: version, schema: Customer });

export const fetchTimeline = async (id: string) =>
  (await apiRequest(`/customers/${id}/timeline`, { schema: Timeline })).items;

export const bulkUpdateCustomers = (body: BulkCustomerUpdate) =>
  apiRequest("/customers/bulk-update", { method: "POST", body, schema: BulkResult });

export const mergeCustomers = (body: CustomerMerge) =>
  apiRequest("/customers/merge", { method: "POST", body, schema: MergeResult });

export const undoMerge = (mergeId: string) =>
  apiRequest(`/customers/merges/${mergeId}/undo`, { method: "POST", body: {} });

// Contacts (联系人)

export const fetchContacts = async (customerId: string) =>
  (await apiRequest(`/contacts${query({ customerId, limit: 200 })}`, { schema: ContactPage })).items;

export const createContact = (body: ContactCreate) =>
  apiRequest("/contacts", { method: "POST", body, schema: Contact });

export const updateContact = (id: string, version: number, body: ContactUpdate) =>
  apiRequest(`/contacts/${id}`, { method: "PATCH", body, ifMatch: version, schema: Contact });

export const deleteContact = (id: string, version: number) =>
  apiRequest(`/contacts/${id}`, { method: "DELETE", ifMatch: version });

// Choices (字典) and people (负责人)

export const fetchDictionaries = async () =>
  (
    await apiRequest(`/dictionaries?${DICTIONARY_TYPES.map((t) => `type=${t}`).join("&")}`, {
      schema: Dictionary,
    })
  ).items;

export const fetchUsers = async (q: string) =>
  (await apiRequest(`/users${query({ q, disabled: "false", limit: 20 })}`, { schema: UserPage })).items;
