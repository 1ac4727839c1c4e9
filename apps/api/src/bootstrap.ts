import { randomBytes } from "node:crypto";
import { type DbHandle, seedDemo, seedFirstAdmin } from "@crm/db";
import { sql } from "drizzle-orm";
import { seedDemoBusiness } from "./demo-business.js";
import { seedDemoCustomers } from "./demo-customers.js";
import { hashPassword } from "./modules/auth/passwords.js";
import { seedDictionaries } from "./modules/dictionaries/dictionaries.service.js";
import { DEMO_ROLE_OF, seedRoles } from "./modules/roles/builtin-roles.js";

export interface BootstrapResult {
  demoUsersCreated: number;
  /** A generated first-admin password, to print once. */
  generatedAdminPassword?: string;
}

type BootstrapOptions = { demo: boolean; adminPassword?: string | undefined; demoCustomers?: boolean };

/** Any number held by no other advisory lock of ours (the migrations' is 7_272_026). */
const BOOTSTRAP_LOCK = 7_272_027;

/**
 * Migrates, then seeds: the demo company in demo mode, otherwise only a first administrator.
 * On PostgreSQL several API processes (replicas) may start at once on a new database: the
 * migrations take their own lock; then one seeds while the others wait on an advisory lock (held
 * by a transaction of its own, while the seeding runs on another connection of the pool), then
 * find everything there. Each process holds at most two connections at once: behind PgBouncer's
 * transaction pooling, N replicas starting together need N + 1 server connections.
 */
export async function bootstrapDatabase(
  handle: DbHandle,
  options: BootstrapOptions,
): Promise<BootstrapResult> {
  await handle.migrate();
  if (handle.kind !== "postgres") return seed(handle, options);
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK})`);
    return seed(handle, options);
  });
}

async function seed(handle: DbHandle, options: BootstrapOptions): Promise<BootstrapResult> {
  await seedDictionaries(handle.db);
  if (options.demo) {
    const { created } = await seedDemo(handle.db, hashPassword);
    // Roles go to the demo users only when they are first created; later edits stay.
    await seedRoles(handle.db, created > 0 ? DEMO_ROLE_OF : {});
    // Only with a freshly created demo company, so a demo that was emptied stays empty.
    if (options.demoCustomers && created > 0) {
      await seedDemoCustomers(handle.db);
      await seedDemoBusiness(handle.db);
    }
    return { demoUsersCreated: created };
  }
  const password = options.adminPassword ?? randomBytes(12).toString("base64url");
  const created = await seedFirstAdmin(handle.db, hashPassword, password, !options.adminPassword);
  await seedRoles(handle.db, created ? { admin: "admin" } : {});
  return {
    demoUsersCreated: 0,
    ...(created && !options.adminPassword ? { generatedAdminPassword: password } : {}),
  };
}
