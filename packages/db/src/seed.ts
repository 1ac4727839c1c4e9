import { count, eq, sql } from "drizzle-orm";
import type { Db } from "./client.js";
import { reserveSequence } from "./codes.js";
import { departments, users } from "./schema/index.js";

export type PasswordHasher = (plain: string) => Promise<string>;

/** The demo password of every demo user. Exists only in demo mode. */
export const DEMO_PASSWORD = "Demo@2026";

/** The demo company of SPEC §1: 总公司 and its five departments. */
const DEMO_DEPARTMENTS = [
  { code: "Dep-00", name: "总公司", parent: null },
  { code: "Dep-01", name: "供销部", parent: "Dep-00" },
  { code: "Dep-02", name: "市场部", parent: "Dep-00" },
  { code: "Dep-03", name: "生产部", parent: "Dep-00" },
  { code: "Dep-04", name: "财务部", parent: "Dep-00" },
  { code: "Dep-05", name: "客服部", parent: "Dep-00" },
] as const;

export const DEMO_USERS = [
  { username: "admin", displayName: "系统管理员", dept: "Dep-00", manager: null, heads: null },
  { username: "gm", displayName: "王总经理", dept: "Dep-00", manager: null, heads: "Dep-00" },
  { username: "mgr1", displayName: "李经理", dept: "Dep-01", manager: "gm", heads: "Dep-01" },
  { username: "sales1", displayName: "张伟", dept: "Dep-01", manager: "mgr1", heads: null },
  { username: "sales2", displayName: "刘洋", dept: "Dep-01", manager: "mgr1", heads: null },
  { username: "sales3", displayName: "陈静", dept: "Dep-02", manager: "gm", heads: null },
  { username: "prod1", displayName: "赵强", dept: "Dep-03", manager: "gm", heads: null },
  { username: "finance1", displayName: "孙丽", dept: "Dep-04", manager: "gm", heads: null },
  { username: "service1", displayName: "周敏", dept: "Dep-05", manager: "gm", heads: null },
] as const;

/**
 * Creates the demo company on first start and repairs a partial one; running it again changes
 * nothing (rows are matched by department code and username). One transaction.
 */
export async function seedDemo(db: Db, hashPassword: PasswordHasher): Promise<{ created: number }> {
  const hashes = new Map<string, string>();
  for (const u of DEMO_USERS) hashes.set(u.username, await hashPassword(DEMO_PASSWORD));
  return db.transaction(async (tx) => {
    const deptIds = new Map<string, string>();
    for (const d of DEMO_DEPARTMENTS) {
      const parentId = d.parent ? (deptIds.get(d.parent) ?? null) : null;
      await tx.insert(departments).values({ code: d.code, name: d.name, parentId }).onConflictDoNothing();
      const [row] = await tx
        .select({ id: departments.id })
        .from(departments)
        .where(eq(departments.code, d.code));
      if (row) deptIds.set(d.code, row.id);
    }
    await reserveSequence(tx, "department", DEMO_DEPARTMENTS.length - 1);

    let created = 0;
    const userIds = new Map<string, string>();
    for (const u of DEMO_USERS) {
      const inserted = await tx
        .insert(users)
        .values({
          username: u.username,
          displayName: u.displayName,
          passwordHash: hashes.get(u.username)!,
          departmentId: deptIds.get(u.dept) ?? null,
          managerId: u.manager ? (userIds.get(u.manager) ?? null) : null,
        })
        .onConflictDoNothing()
        .returning({ id: users.id });
      created += inserted.length;
      const [row] = await tx
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.username}) = ${u.username}`);
      if (row) userIds.set(u.username, row.id);
      if (u.heads && row) {
        await tx
          .update(departments)
          .set({ headUserId: row.id })
          .where(sql`${departments.code} = ${u.heads} and ${departments.headUserId} is null`);
      }
    }
    return { created };
  });
}

/**
 * Outside demo mode: on an empty database create the root organisation and the first
 * administrator with the given password. Returns false when users already exist.
 */
export async function seedFirstAdmin(
  db: Db,
  hashPassword: PasswordHasher,
  password: string,
  mustChangePassword: boolean,
): Promise<boolean> {
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table ${users} in exclusive mode`);
    const [existing] = await tx.select({ n: count() }).from(users);
    if ((existing?.n ?? 0) > 0) return false;
    await tx.insert(departments).values({ code: "Dep-00", name: "总公司" }).onConflictDoNothing();
    const [root] = await tx
      .select({ id: departments.id })
      .from(departments)
      .where(eq(departments.code, "Dep-00"));
    await tx.insert(users).values({
      username: "admin",
      displayName: "系统管理员",
      passwordHash,
      departmentId: root?.id ?? null,
      mustChangePassword,
    });
    return true;
  });
}
