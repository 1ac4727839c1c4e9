import {
  type CustomFieldCreate,
  CustomFieldDefinition,
  type CustomFieldEntity,
  type CustomFieldUpdate,
} from "@crm/contracts";
import { z } from "zod";
import { apiRequest } from "../api";

const DefinitionList = z.object({ items: z.array(CustomFieldDefinition) });

/** The fields of customers or contacts in form order; archived ones only when asked for. */
export const fetchCustomFields = async (entity: CustomFieldEntity, archived = false) =>
  (
    await apiRequest(`/custom-fields?entity=${entity}${archived ? "&archived=true" : ""}`, {
      schema: DefinitionList,
    })
  ).items;

export const fetchCustomField = (id: string) =>
  apiRequest(`/custom-fields/${id}`, { schema: CustomFieldDefinition });

export const createCustomField = (body: CustomFieldCreate) =>
  apiRequest("/custom-fields", { method: "POST", body, schema: CustomFieldDefinition });

export const updateCustomField = (id: string, version: number, body: CustomFieldUpdate) =>
  apiRequest(`/custom-fields/${id}`, {
    method: "PATCH",
    body,
    ifMatch: version,
    schema: CustomFieldDefinition,
  });
