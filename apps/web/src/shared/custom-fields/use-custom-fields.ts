import type { CustomFieldDefinition, CustomFieldEntity } from "@crm/contracts";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { fetchCustomFields } from "./custom-fields-api";

export const customFieldKeys = {
  all: ["custom-fields"] as const,
  list: (entity: CustomFieldEntity, archived: boolean) => ["custom-fields", entity, { archived }] as const,
};

/**
 * The custom fields (自定义字段) of customers or contacts, in form order. Forms, lists and filters
 * use the active ones; the admin page asks for the archived ones too.
 */
export function useCustomFields(entity: CustomFieldEntity, options: { archived?: boolean } = {}) {
  const archived = options.archived ?? false;
  return useQuery({
    queryKey: customFieldKeys.list(entity, archived),
    queryFn: () => fetchCustomFields(entity, archived),
    staleTime: 60_000,
  });
}

/** The active fields, or an empty list while they load (or failed to). */
export function activeFields(data: readonly CustomFieldDefinition[] | undefined): CustomFieldDefinition[] {
  return (data ?? []).filter((d) => !d.archived);
}

/** After a definition changed: every form, list and filter asks again. */
export function useInvalidateCustomFields() {
  const client = useQueryClient();
  return useCallback(() => client.invalidateQueries({ queryKey: customFieldKeys.all }), [client]);
}
