import { randomBytes } from "node:crypto";
import { type DbHandle, seedDemo, seedFirstAdmin } from "@crm/db";
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

/** Migrates, then seeds: the demo company in demo mode, otherwise only a first administrator. */
export async function bootstrapDatabase(
  handle: DbHandle,
  options: { demo: boolean; adminPassword?: string | undefined; demoCustomers?: boolean },
): Promise<BootstrapResult> {
  await handle.migrate();
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
