import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchImport, fetchSavedViews, type ImportJob } from "./customers-io-api";

export const customerIoKeys = {
  import: (id: string) => ["customer-imports", id] as const,
  views: ["saved-views", "customers"] as const,
};

/** One import; polled every second while it is being written. */
export function useImportJob(id: string | null) {
  return useQuery({
    queryKey: customerIoKeys.import(id ?? ""),
    queryFn: () => fetchImport(id ?? ""),
    enabled: id !== null,
    staleTime: Number.POSITIVE_INFINITY,
    refetchInterval: (query) => (query.state.data?.status === "committing" ? 1000 : false),
  });
}

/** Puts a job the server just returned into the cache, so the wizard shows it at once. */
export function useStoreImportJob() {
  const client = useQueryClient();
  return useCallback((job: ImportJob) => client.setQueryData(customerIoKeys.import(job.id), job), [client]);
}

/** The caller's saved views of the customer list. */
export function useSavedViews() {
  return useQuery({ queryKey: customerIoKeys.views, queryFn: fetchSavedViews });
}
