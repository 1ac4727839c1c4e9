import {
  AuditEntry,
  Department,
  type DepartmentCreate,
  type DepartmentUpdate,
  DictionaryItem,
  type DictionaryItemCreate,
  type DictionaryItemUpdate,
  type DictionaryType,
  PasswordResetResult,
  page,
  Role,
  type RoleCreate,
  type RoleUpdate,
  User,
  type UserCreate,
  UserCreated,
  type UserUpdate,
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

const UserPage = page(User);
const AuditPage = page(AuditEntry);
const DepartmentList = z.object({ items: z.array(Department) });
const RoleList = z.object({ items: z.array(Role) });
const DictionaryList = z.object({ items: z.array(DictionaryItem) });

// Departments (组织架构)

export const fetchDepartments = async () =>
  (await apiRequest("/departments", { schema: DepartmentList })).items;

export const createDepartment = (body: DepartmentCreate) =>
  apiRequest("/departments", { method: "POST", body, schema: Department });

export const updateDepartment = (id: string, version: number, body: DepartmentUpdate) =>
  apiRequest(`/departments/${id}`, { method: "PATCH", body, ifMatch: version, schema: Department });

export const setDepartmentDisabled = (id: string, version: number, disabled: boolean) =>
  apiRequest(`/departments/${id}/${disabled ? "disable" : "enable"}`, {
    method: "POST",
    body: {},
    ifMatch: version,
    schema: Department,
  });

// Users (用户)

export interface UserFilters {
  q?: string | undefined;
  departmentId?: string | undefined;
  disabled?: "true" | "false" | undefined;
  limit?: number | undefined;
}

export const fetchUsers = (filters: UserFilters, cursor?: string) =>
  apiRequest(`/users${query({ ...filters, cursor })}`, { schema: UserPage });

export const fetchUser = (id: string) => apiRequest(`/users/${id}`, { schema: User });

export const createUser = (body: UserCreate) =>
  apiRequest("/users", { method: "POST", body, schema: UserCreated });

export const updateUser = (id: string, version: number, body: UserUpdate) =>
  apiRequest(`/users/${id}`, { method: "PATCH", body, ifMatch: version, schema: User });

export const setUserDisabled = (id: string, version: number, disabled: boolean) =>
  apiRequest(`/users/${id}/${disabled ? "disable" : "enable"}`, {
    method: "POST",
    body: {},
    ifMatch: version,
    schema: User,
  });

export const resetPassword = (id: string) =>
  apiRequest(`/users/${id}/reset-password`, { method: "POST", body: {}, schema: PasswordResetResult });

// Roles (角色)

export const fetchRoles = async (includeDeleted: boolean) =>
  (await apiRequest(`/roles${query({ includeDeleted: includeDeleted || undefined })}`, { schema: RoleList }))
    .items;

export const fetchRole = (id: string) => apiRequest(`/roles/${id}`, { schema: Role });

export const createRole = (body: RoleCreate) => apiRequest("/roles", { method: "POST", body, schema: Role });

export const updateRole = (id: string, version: number, body: RoleUpdate) =>
  apiRequest(`/roles/${id}`, { method: "PATCH", body, ifMatch: version, schema: Role });

export const deleteRole = (id: string, version: number) =>
  apiRequest(`/roles/${id}`, { method: "DELETE", ifMatch: version, schema: Role });

export const restoreRole = (id: string, version: number) =>
  apiRequest(`/roles/${id}/restore`, { method: "POST", body: {}, ifMatch: version, schema: Role });

// Audit log (审计日志)

export interface AuditFilters {
  actorId?: string | undefined;
  entityType?: string | undefined;
  entityId?: string | undefined;
  action?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

export const fetchAuditLog = (filters: AuditFilters, cursor?: string) =>
  apiRequest(`/audit-log${query({ ...filters, limit: 30, cursor })}`, { schema: AuditPage });

// Dictionaries (数据字典)

/** One list's items in their order, inactive ones included (flagged). */
export const fetchDictionaryItems = async (type: DictionaryType) =>
  (await apiRequest(`/dictionaries?type=${type}`, { schema: DictionaryList })).items;

export const createDictionaryItem = (body: DictionaryItemCreate) =>
  apiRequest("/dictionaries", { method: "POST", body, schema: DictionaryItem });

export const updateDictionaryItem = (
  id: string,
  version: number,
  body: z.infer<typeof DictionaryItemUpdate>,
) => apiRequest(`/dictionaries/${id}`, { method: "PATCH", body, ifMatch: version, schema: DictionaryItem });
