import createClient, { type Client, type ClientOptions } from "openapi-fetch";
import type { paths } from "./schema.js";

export type { components, operations, paths } from "./schema.js";

export type CrmClient = Client<paths>;

/**
 * A typed client of the CRM REST API. `baseUrl` is the server's origin (e.g. https://crm.example.com);
 * `token`, when given, is an API key (`crm_k_…`) or an access token, sent as `Authorization: Bearer <token>`.
 */
export function createCrmClient(
  baseUrl: string,
  token?: string,
  options: Omit<ClientOptions, "baseUrl"> = {},
): CrmClient {
  return createClient<paths>({
    ...options,
    baseUrl: baseUrl.replace(/\/$/, ""),
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(options.headers as Record<string, string> | undefined),
    },
  });
}
