import {
  ApiKey,
  type ApiKeyCreate,
  ApiKeyCreated,
  page,
  type WebhookCreate,
  WebhookDelivery,
  type WebhookDeliveryStatus,
  WebhookSubscription,
  type WebhookUpdate,
  WebhookWithSecret,
} from "@crm/contracts";
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { z } from "zod";
import { apiRequest } from "../../shared/api";

/** 开放接口: API keys and webhooks (both behind role:manage). */

const ApiKeyList = z.object({ items: z.array(ApiKey) });
const WebhookList = z.object({ items: z.array(WebhookSubscription) });
const DeliveryPage = page(WebhookDelivery);

export const fetchApiKeys = async () => (await apiRequest("/api-keys", { schema: ApiKeyList })).items;

export const createApiKey = (body: ApiKeyCreate) =>
  apiRequest("/api-keys", { method: "POST", body, schema: ApiKeyCreated });

export const revokeApiKey = (key: Pick<ApiKey, "id" | "version">) =>
  apiRequest(`/api-keys/${key.id}`, { method: "DELETE", ifMatch: key.version, schema: ApiKey });

export const fetchWebhooks = async (includeDeleted: boolean) =>
  (await apiRequest(`/webhooks${includeDeleted ? "?includeDeleted=true" : ""}`, { schema: WebhookList }))
    .items;

export const fetchWebhook = (id: string) => apiRequest(`/webhooks/${id}`, { schema: WebhookSubscription });

export const createWebhook = (body: WebhookCreate) =>
  apiRequest("/webhooks", { method: "POST", body, schema: WebhookWithSecret });

export const updateWebhook = (id: string, version: number, body: WebhookUpdate) =>
  apiRequest(`/webhooks/${id}`, { method: "PATCH", body, ifMatch: version, schema: WebhookSubscription });

export const deleteWebhook = (id: string, version: number) =>
  apiRequest(`/webhooks/${id}`, { method: "DELETE", ifMatch: version, schema: WebhookSubscription });

export const restoreWebhook = (id: string, version: number) =>
  apiRequest(`/webhooks/${id}/restore`, {
    method: "POST",
    body: {},
    ifMatch: version,
    schema: WebhookSubscription,
  });

export const rotateWebhookSecret = (id: string) =>
  apiRequest(`/webhooks/${id}/rotate-secret`, { method: "POST", body: {}, schema: WebhookWithSecret });

export const sendTestEvent = (id: string) =>
  apiRequest(`/webhooks/${id}/test`, {
    method: "POST",
    body: {},
    schema: z.object({ deliveryId: z.uuid() }),
  });

export const fetchDeliveries = (id: string, status: WebhookDeliveryStatus | undefined, cursor?: string) => {
  const search = new URLSearchParams({ limit: "20" });
  if (status) search.set("status", status);
  if (cursor) search.set("cursor", cursor);
  return apiRequest(`/webhooks/${id}/deliveries?${search}`, { schema: DeliveryPage });
};

export const redeliver = (id: string, deliveryId: string) =>
  apiRequest(`/webhooks/${id}/deliveries/${deliveryId}/redeliver`, {
    method: "POST",
    body: {},
    schema: z.object({ queued: z.boolean() }),
  });

export const integrationKeys = {
  apiKeys: ["admin", "api-keys"] as const,
  webhooks: (includeDeleted: boolean) => ["admin", "webhooks", { includeDeleted }] as const,
  deliveries: (id: string, status: WebhookDeliveryStatus | undefined) =>
    ["admin", "webhooks", id, "deliveries", { status }] as const,
};

export function useApiKeys() {
  return useQuery({ queryKey: integrationKeys.apiKeys, queryFn: fetchApiKeys });
}

export function useWebhooks(includeDeleted: boolean) {
  return useQuery({
    queryKey: integrationKeys.webhooks(includeDeleted),
    queryFn: () => fetchWebhooks(includeDeleted),
    placeholderData: keepPreviousData,
  });
}

/** A pending delivery whose next attempt is within a minute (a backoff of hours is not watched). */
const dueSoon = (d: WebhookDelivery) =>
  d.status === "pending" && (!d.nextAttemptAt || new Date(d.nextAttemptAt).getTime() < Date.now() + 60_000);

/**
 * One subscription's delivery log, page by page; while something is still pending it polls, so
 * a retry or a redelivery shows its outcome without a reload.
 */
export function useDeliveries(id: string, status: WebhookDeliveryStatus | undefined) {
  const query = useInfiniteQuery({
    queryKey: integrationKeys.deliveries(id, status),
    queryFn: ({ pageParam }) => fetchDeliveries(id, status, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some(dueSoon)) ? 2000 : false),
  });
  return { ...query, items: query.data?.pages.flatMap((p) => p.items) ?? [] };
}

/** After a change: the keys or webhooks load again, and the audit log that records it. */
export function useInvalidateIntegrations() {
  const client = useQueryClient();
  return useCallback(
    (list: "api-keys" | "webhooks") =>
      Promise.all([
        client.invalidateQueries({ queryKey: ["admin", list] }),
        client.invalidateQueries({ queryKey: ["admin", "audit"] }),
      ]),
    [client],
  );
}
