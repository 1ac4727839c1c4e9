import { SavedView, type SavedViewCreate } from "@crm/contracts";
import { z } from "zod";
import { API_BASE, ApiError, apiRequest, ClientErrorCode, refreshSession } from "../../shared/api";
import { toApiError } from "../../shared/api/api-error";
import { getAccessToken } from "../../shared/api/session-store";
import { currentLanguage } from "../../shared/i18n/i18n";
import type { CustomerFilters } from "./customers-api";

export const DUPLICATE_POLICIES = ["skip", "update", "create"] as const;
export type DuplicatePolicy = (typeof DUPLICATE_POLICIES)[number];
export const MATCH_KEYS = ["name", "code", "creditCode", "phone"] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];
export type ExportFormat = "csv" | "xlsx";

/** An import (导入): the dry run's report, then the commit's status and progress. */
export const ImportJob = z.object({
  id: z.string(),
  fileName: z.string(),
  status: z.enum(["validated", "committing", "committed", "failed", "undone"]),
  totalRows: z.number().int(),
  errorRows: z.number().int(),
  toCreate: z.number().int(),
  toUpdate: z.number().int(),
  toSkip: z.number().int(),
  processed: z.number().int(),
  error: z.string().nullable().optional(),
  errors: z.array(
    z.object({
      row: z.number().int(),
      errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })),
    }),
  ),
});
export type ImportJob = z.infer<typeof ImportJob>;

const SavedViews = z.object({ items: z.array(SavedView) });

/**
 * A request the JSON client cannot make (a multipart body, a file back): the same bearer token and
 * language, one refresh and retry on 401, failures thrown as ApiError.
 */
async function sendRaw(path: string, init: { method?: "GET" | "POST"; body?: FormData } = {}) {
  const attempt = async () => {
    const headers = new Headers({ "Accept-Language": currentLanguage() });
    const token = getAccessToken();
    if (token) headers.set("Authorization", `Bearer ${token}`);
    try {
      return await fetch(`${API_BASE}${path}`, { method: init.method ?? "GET", headers, body: init.body });
    } catch (error) {
      throw new ApiError({ status: 0, code: ClientErrorCode.network, title: String(error) });
    }
  };
  let response = await attempt();
  if (response.status === 401 && (await refreshSession())) response = await attempt();
  if (!response.ok) throw await toApiError(response);
  return response;
}

/** The file name of `Content-Disposition` (RFC 5987 `filename*` first), or the fallback. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8'')?([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ""));
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/** Hands a Blob to the browser as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function download(path: string, fallback: string): Promise<string> {
  const response = await sendRaw(path);
  const name = fileNameOf(response.headers.get("Content-Disposition"), fallback);
  saveBlob(await response.blob(), name);
  return name;
}

/** Downloads the list under these filters (the caller's scope) as CSV or Excel; resolves to the file name. */
export function exportCustomers(filters: CustomerFilters, format: ExportFormat): Promise<string> {
  const search = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filters)) if (value) search.set(key, value);
  return download(`/customers/export?${search.toString()}`, `customers.${format}`);
}

export interface ImportOptions {
  duplicatePolicy: DuplicatePolicy;
  matchKey: MatchKey;
}

/**
 * Uploads a file for the dry run: nothing is written to customers yet. `mapping` (JSON: header →
 * field, "" to leave a column out) overrides how the server maps the headers by itself.
 */
export async function uploadImport(file: File, options: ImportOptions, mapping?: string): Promise<ImportJob> {
  const body = new FormData();
  body.set("duplicatePolicy", options.duplicatePolicy);
  body.set("matchKey", options.matchKey);
  if (mapping) body.set("mapping", mapping);
  body.set("file", file, file.name);
  const response = await sendRaw("/customers/imports", { method: "POST", body });
  return ImportJob.parse(await response.json());
}

export const fetchImport = (id: string) => apiRequest(`/customers/imports/${id}`, { schema: ImportJob });

export const commitImport = (id: string) =>
  apiRequest(`/customers/imports/${id}/commit`, { method: "POST", body: {}, schema: ImportJob });

export const undoImport = (id: string) =>
  apiRequest(`/customers/imports/${id}/undo`, { method: "POST", body: {}, schema: ImportJob });

export const downloadImportErrors = (id: string) =>
  download(`/customers/imports/${id}/errors.csv`, `import-errors-${id}.csv`);

// Saved views (我的视图)

export const fetchSavedViews = async () =>
  (await apiRequest("/saved-views?resource=customers", { schema: SavedViews })).items;

export const createSavedView = (body: Omit<z.input<typeof SavedViewCreate>, "resource">) =>
  apiRequest("/saved-views", { method: "POST", body: { ...body, resource: "customers" }, schema: SavedView });

export const deleteSavedView = (view: Pick<z.infer<typeof SavedView>, "id" | "version">) =>
  apiRequest(`/saved-views/${view.id}`, { method: "DELETE", ifMatch: view.version });
