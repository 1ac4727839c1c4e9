import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type DbHandle } from "./client.js";

/** `url`: the database's on the server (none for PGlite), to open other connections to it. */
export type TestDatabase = DbHandle & { url: string | null; drop(): Promise<void> };

/**
 * A fresh, migrated database for one test file: a new database on the server named by
 * TEST_DATABASE_URL when it is set (dropped by `drop`), an in-memory PGlite otherwise.
 */
export async function freshTestDatabase(serverUrl = process.env.TEST_DATABASE_URL): Promise<TestDatabase> {
  if (!serverUrl) {
    const handle = createDb({ dataDir: "memory://" });
    await handle.migrate();
    return { ...handle, url: null, drop: () => handle.close() };
  }
  // The test runner (scripts/test.mjs) gives its run a prefix, to find and drop what a killed
  // test process left behind.
  const prefix = process.env.TEST_DATABASE_PREFIX ?? "crm_test_";
  const name = `${prefix}${process.pid}_${randomBytes(4).toString("hex")}`;
  await adminQuery(serverUrl, `create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  // Dropping the database terminates its sessions; that is expected here, not worth a warning.
  // With the generic-plan pool, as the app has it by default (DB_GENERIC_PLANS).
  const handle = createDb({
    databaseUrl: url.toString(),
    poolSize: 5,
    genericPlans: true,
    onPoolError: () => undefined,
  });
  await handle.migrate();
  return {
    ...handle,
    url: url.toString(),
    async drop() {
      await handle.close();
      await adminQuery(serverUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(serverUrl: string, text: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
