import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  numeric,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
};

/** 部门 — one node of the N-level organisation (group → subsidiary → department → team). */
export const departments = pgTable(
  "departments",
  {
    id: uuid().primaryKey().defaultRandom(),
    code: text().notNull(),
    name: text().notNull(),
    parentId: uuid().references((): AnyPgColumn => departments.id),
    headUserId: uuid(),
    disabled: boolean().notNull().default(false),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("departments_code_uq").on(t.code), index("departments_parent_idx").on(t.parentId)],
);

/** 用户 — a person who logs in. Disabled users keep their records but cannot log in. */
export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    username: text().notNull(),
    displayName: text().notNull(),
    passwordHash: text().notNull(),
    email: text(),
    phone: text(),
    departmentId: uuid().references(() => departments.id),
    managerId: uuid().references((): AnyPgColumn => users.id),
    disabled: boolean().notNull().default(false),
    /** 业务员信息 (SPEC §5): gender, level A/B/C, salary (field-level permission), code A级-01. */
    gender: text({ enum: ["male", "female", "other"] }),
    salesLevel: text({ enum: ["A", "B", "C"] }),
    salespersonCode: text(),
    salary: numeric({ precision: 14, scale: 2 }),
    lastLoginAt: timestamp({ withTimezone: true }),
    mustChangePassword: boolean().notNull().default(false),
    passwordChangedAt: timestamp({ withTimezone: true }),
    /** Bumped when all of a user's sessions must end (password change, reset, disable). */
    tokenEpoch: integer().notNull().default(0),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("users_username_uq").on(sql`lower(${t.username})`),
    uniqueIndex("users_salesperson_code_uq").on(t.salespersonCode),
    index("users_department_idx").on(t.departmentId),
    index("users_manager_idx").on(t.managerId),
  ],
);

/**
 * Rotating refresh tokens. Each login starts a family; each refresh replaces the token with a new
 * one of the same family. Presenting a token that was already replaced revokes the whole family.
 */
export const refreshTokens = pgTable(
  "refresh_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    familyId: uuid().notNull(),
    tokenHash: text().notNull(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    usedAt: timestamp({ withTimezone: true }),
    revokedAt: timestamp({ withTimezone: true }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("refresh_tokens_hash_uq").on(t.tokenHash),
    index("refresh_tokens_family_idx").on(t.familyId),
    index("refresh_tokens_user_idx").on(t.userId),
  ],
);

/**
 * Failed-login counters per username (whether or not the user exists, so a lock does not reveal
 * which usernames are real). Kept in the database so several API processes share them.
 */
export const loginThrottle = pgTable(
  "login_throttle",
  {
    key: text().primaryKey(),
    failures: integer().notNull().default(0),
    lockedUntil: timestamp({ withTimezone: true }),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("login_throttle_failures_nonneg", sql`${t.failures} >= 0`)],
);

/** 角色 — a set of permissions plus a data scope, defined by the company's administrators. */
export const roles = pgTable(
  "roles",
  {
    id: uuid().primaryKey().defaultRandom(),
    name: text().notNull(),
    description: text(),
    builtin: boolean().notNull().default(false),
    permissions: text().array().notNull().default(sql`'{}'::text[]`),
    dataScope: text({ enum: ["own", "department", "department_tree", "all", "custom"] }).notNull(),
    scopeDepartmentIds: uuid().array().notNull().default(sql`'{}'::uuid[]`),
    deletedAt: timestamp({ withTimezone: true }),
    version: integer().notNull().default(1),
    ...timestamps,
  },
  (t) => [uniqueIndex("roles_name_uq").on(sql`lower(${t.name})`).where(sql`${t.deletedAt} is null`)],
);

export const userRoles = pgTable(
  "user_roles",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    roleId: uuid()
      .notNull()
      .references(() => roles.id),
  },
  (t) => [primaryKey({ columns: [t.userId, t.roleId] }), index("user_roles_role_idx").on(t.roleId)],
);
