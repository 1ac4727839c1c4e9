import {
  Feedback,
  type FeedbackCreate,
  type FeedbackQuery,
  type FeedbackUpdate,
  Product,
  page,
  ReturnVisit,
} from "@crm/contracts";
import { z } from "zod";
import { apiRequest } from "../../shared/api";
import { query } from "../relationship/relationship-api";

/** The list filters of /feedback as the API takes them (days are YYYY-MM-DD). */
export type FeedbackFilters = Partial<Omit<FeedbackQuery, "limit" | "cursor">>;

const FeedbackPage = page(Feedback);
const ReturnVisits = z.object({ items: z.array(ReturnVisit) });
export type ReturnVisitItem = z.infer<typeof ReturnVisit>;

export const fetchFeedbackPage = (filters: FeedbackFilters, cursor?: string, limit = 50) =>
  apiRequest(`/feedback${query({ limit, ...filters, cursor })}`, { schema: FeedbackPage });

export const fetchFeedback = (id: string) => apiRequest(`/feedback/${id}`, { schema: Feedback });

export const createFeedback = (body: FeedbackCreate) =>
  apiRequest("/feedback", { method: "POST", body, schema: Feedback });

/** A change with If-Match; send only what changed (a handler may lack the customer's permissions). */
export const updateFeedback = (id: string, version: number, body: FeedbackUpdate) =>
  apiRequest(`/feedback/${id}`, { method: "PATCH", body, ifMatch: version, schema: Feedback });

export const deleteFeedback = (id: string, version: number) =>
  apiRequest(`/feedback/${id}`, { method: "DELETE", ifMatch: version, schema: Feedback });

export const restoreFeedback = (id: string, version: number) =>
  apiRequest(`/feedback/${id}/restore`, { method: "POST", body: {}, ifMatch: version, schema: Feedback });

// 回访 (return visits): scheduled when a feedback closes

export const fetchReturnVisits = async (params: { status?: "pending" | "done"; feedbackId?: string }) =>
  (await apiRequest(`/return-visits${query(params)}`, { schema: ReturnVisits })).items;

export const completeReturnVisit = (id: string, body: { rating: number; comment?: string | null }) =>
  apiRequest(`/return-visits/${id}/complete`, { method: "POST", body, schema: ReturnVisit });

// Product picker (needs product:read)

const ProductOptions = page(Product.pick({ id: true, code: true, name: true, specification: true }));

export const searchProducts = async (q: string) =>
  (await apiRequest(`/products${query({ q, active: "true", limit: 30 })}`, { schema: ProductOptions })).items;
