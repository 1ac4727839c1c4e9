import { ALL_PERMISSIONS, type DataScope, type Permission } from "@crm/contracts";
import { type Db, roles, userRoles, users } from "@crm/db";
import { and, eq, isNull, sql } from "drizzle-orm";

const every = (module: string) => ALL_PERMISSIONS.filter((p) => p.startsWith(`${module}:`));
const reads = ALL_PERMISSIONS.filter((p) => p.endsWith(":read"));

interface BuiltinRole {
  key: string;
  name: string;
  description: string;
  permissions: Permission[];
  dataScope: DataScope;
}

/** The editable roles a new company starts with (SPEC §8: administrators define the rest). */
export const BUILTIN_ROLES: BuiltinRole[] = [
  {
    key: "admin",
    name: "系统管理员",
    description: "全部权限,全部数据",
    permissions: ALL_PERMISSIONS,
    dataScope: "all",
  },
  {
    key: "gm",
    name: "总经理",
    description: "查看全公司的业务与报表",
    permissions: [
      ...reads,
      ...every("customer"),
      ...every("contact"),
      ...every("activity"),
      ...every("order"),
      ...every("report"),
      "user:salary_read",
    ].filter((p, i, all) => all.indexOf(p) === i) as Permission[],
    dataScope: "all",
  },
  {
    key: "manager",
    name: "部门经理",
    description: "管理本部门及下级部门的客户与业务",
    permissions: [
      ...every("customer"),
      ...every("contact"),
      ...every("activity"),
      ...every("order"),
      ...every("report"),
      "product:read",
      "inventory:read",
      "finance:read",
      "feedback:read",
      "department:read",
      "user:read",
    ],
    dataScope: "department_tree",
  },
  {
    key: "sales",
    name: "业务员",
    description: "维护自己的客户、联系人、活动与订单",
    permissions: [
      "customer:read",
      "customer:create",
      "customer:update",
      "customer:export",
      ...every("contact"),
      ...every("activity"),
      "product:read",
      "inventory:read",
      "order:read",
      "order:create",
      "order:update",
      "feedback:read",
      "feedback:create",
      "report:read",
    ],
    dataScope: "own",
  },
  {
    key: "service",
    name: "客服",
    description: "处理服务反馈与客户关怀",
    permissions: [
      "customer:read",
      "contact:read",
      ...every("activity"),
      ...every("feedback"),
      "product:read",
      "report:read",
      // To assign feedback to colleagues (the user list, without salaries).
      "user:read",
    ],
    dataScope: "all",
  },
  {
    key: "finance",
    name: "财务",
    description: "应收、应付与催收",
    permissions: [
      ...every("finance"),
      "customer:read",
      "order:read",
      "product:read",
      "report:read",
      "report:export",
    ],
    dataScope: "all",
  },
  {
    key: "production",
    name: "生产",
    description: "产品与库存",
    // Production handles fault and repair feedback assigned to it (技术处理).
    permissions: [
      ...every("product"),
      ...every("inventory"),
      "order:read",
      "feedback:read",
      "feedback:update",
    ],
    dataScope: "department",
  },
];

export const DEMO_ROLE_OF: Record<string, string> = {
  admin: "admin",
  gm: "gm",
  mgr1: "manager",
  sales1: "sales",
  sales2: "sales",
  sales3: "sales",
  prod1: "production",
  finance1: "finance",
  service1: "service",
};

/**
 * Creates the built-in roles that do not exist yet (matched by name; an admin's edits are kept),
 * and gives each listed user their role if they have no role at all. Idempotent.
 */
export async function seedRoles(db: Db, assignments: Record<string, string>): Promise<void> {
  await db.transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const r of BUILTIN_ROLES) {
      const [existing] = await tx
        .select({ id: roles.id })
        .from(roles)
        .where(and(sql`lower(${roles.name}) = lower(${r.name})`, isNull(roles.deletedAt)));
      if (existing) {
        ids.set(r.key, existing.id);
        continue;
      }
      const [created] = await tx
        .insert(roles)
        .values({
          name: r.name,
          description: r.description,
          builtin: true,
          permissions: r.permissions,
          dataScope: r.dataScope,
        })
        .returning({ id: roles.id });
      if (created) ids.set(r.key, created.id);
    }
    for (const [username, key] of Object.entries(assignments)) {
      const roleId = ids.get(key);
      const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username));
      if (!roleId || !user) continue;
      const [hasAny] = await tx.select().from(userRoles).where(eq(userRoles.userId, user.id)).limit(1);
      if (!hasAny) await tx.insert(userRoles).values({ userId: user.id, roleId });
    }
  });
}
