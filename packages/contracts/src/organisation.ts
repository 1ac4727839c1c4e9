import { z } from "zod";
import { Money } from "./money.js";
import { DATA_SCOPES, isPermission } from "./permissions.js";

const Name = z.string().trim().min(1).max(50);

export const Department = z
  .object({
    id: z.uuid(),
    code: z.string().meta({ description: "Dep-NN, generated" }),
    name: z.string(),
    parentId: z.uuid().nullable(),
    headUserId: z.uuid().nullable(),
    headName: z.string().nullable(),
    disabled: z.boolean(),
    memberCount: z.number().int(),
    version: z.number().int(),
  })
  .meta({ id: "Department" });
export type Department = z.infer<typeof Department>;

export const DepartmentCreate = z
  .strictObject({
    name: Name,
    parentId: z.uuid().nullable(),
    headUserId: z.uuid().nullable().optional(),
  })
  .meta({ id: "DepartmentCreate" });
export type DepartmentCreate = z.infer<typeof DepartmentCreate>;

export const DepartmentUpdate = z
  .strictObject({
    name: Name.optional(),
    parentId: z.uuid().nullable().optional(),
    headUserId: z.uuid().nullable().optional(),
  })
  .meta({ id: "DepartmentUpdate" });
export type DepartmentUpdate = z.infer<typeof DepartmentUpdate>;

export const Gender = z.enum(["male", "female", "other"]);
export const SalesLevel = z.enum(["A", "B", "C"]);

export const User = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    departmentId: z.uuid().nullable(),
    departmentName: z.string().nullable(),
    managerId: z.uuid().nullable(),
    managerName: z.string().nullable(),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    gender: Gender.nullable(),
    salesLevel: SalesLevel.nullable(),
    salespersonCode: z.string().nullable().meta({ description: "A级-01: level + sequence, generated" }),
    salary: Money.nullable().optional().meta({ description: "Only with user:salary_read" }),
    roleIds: z.array(z.uuid()),
    roleNames: z.array(z.string()),
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: "User" });
export type User = z.infer<typeof User>;

const Email = z.email().max(100);
const Phone = z.string().regex(/^[0-9+\-() ]{5,20}$/, { error: "phone_format" });

export const UserCreate = z
  .strictObject({
    username: z
      .string()
      .trim()
      .min(2)
      .max(64)
      .regex(/^[A-Za-z0-9._-]+$/, { error: "username_format" }),
    displayName: z.string().trim().min(1).max(50),
    email: Email.nullable().optional(),
    phone: Phone.nullable().optional(),
    departmentId: z.uuid(),
    managerId: z.uuid().nullable().optional(),
    roleIds: z.array(z.uuid()).max(20).default([]),
    gender: Gender.nullable().optional(),
    salesLevel: SalesLevel.nullable().optional(),
    salary: Money.nullable().optional(),
    password: z.string().min(8).max(128).optional().meta({
      description:
        "Initial password; generated and returned once when omitted. Must be changed at first login.",
    }),
  })
  .meta({ id: "UserCreate" });
export type UserCreate = z.infer<typeof UserCreate>;

export const UserUpdate = UserCreate.omit({ username: true, password: true, roleIds: true })
  .partial()
  .extend({ roleIds: z.array(z.uuid()).max(20).optional() })
  .strict()
  .meta({ id: "UserUpdate" });
export type UserUpdate = z.infer<typeof UserUpdate>;

export const UserCreated = z
  .object({ user: User, initialPassword: z.string().nullable() })
  .meta({ id: "UserCreated" });

export const PasswordReset = z
  .strictObject({ password: z.string().min(8).max(128).optional() })
  .meta({ id: "PasswordReset" });
export const PasswordResetResult = z
  .object({ temporaryPassword: z.string() })
  .meta({ id: "PasswordResetResult" });

export const UserQuery = z.object({
  q: z.string().trim().max(50).optional(),
  departmentId: z.uuid().optional(),
  disabled: z.enum(["true", "false"]).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const DataScopeSchema = z.enum(DATA_SCOPES);

export const Role = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    builtin: z.boolean(),
    permissions: z.array(z.string()),
    dataScope: DataScopeSchema,
    scopeDepartmentIds: z.array(z.uuid()),
    userCount: z.number().int(),
    deleted: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: "Role" });
export type Role = z.infer<typeof Role>;

const PermissionName = z.string().refine(isPermission, { error: "unknown_permission" });

export const RoleCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(50),
    description: z.string().trim().max(200).nullable().optional(),
    permissions: z.array(PermissionName).max(200),
    dataScope: DataScopeSchema,
    scopeDepartmentIds: z.array(z.uuid()).max(200).default([]),
  })
  .meta({ id: "RoleCreate" });
export type RoleCreate = z.infer<typeof RoleCreate>;

export const RoleUpdate = RoleCreate.partial().strict().meta({ id: "RoleUpdate" });
export type RoleUpdate = z.infer<typeof RoleUpdate>;

export const AuditEntry = z
  .object({
    id: z.uuid(),
    at: z.string(),
    actorId: z.uuid().nullable(),
    actorName: z.string().nullable(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string().nullable(),
    ip: z.string().nullable(),
    changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })).nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEntry" });
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  actorId: z.uuid().optional(),
  entityType: z.string().max(50).optional(),
  entityId: z.string().max(100).optional(),
  action: z.string().max(50).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
