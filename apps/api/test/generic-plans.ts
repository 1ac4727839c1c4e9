// For tests of the generic-plan pool (queryGeneric): one app with it and one without, on the
// same database, so that every answer can be compared between the two.
import { createDb } from "@crm/db";
import { afterAll, expect } from "vitest";
import { buildApp } from "../src/app.js";
import { clientsFor, type Inject, setupApp } from "./helper.js";

/**
 * setupApp's app (with the generic-plan pool, as in production) and the same database and
 * settings served without it, with logged-in clients of each for `usernames`.
 */
export async function withAndWithoutGenericPlans<const T extends readonly string[]>(usernames: T) {
  const context = await setupApp();
  if (!context.db.url)
    throw new Error("these tests need TEST_DATABASE_URL: the generic-plan pool is PostgreSQL's");
  const plainHandle = createDb({ databaseUrl: context.db.url, poolSize: 3, onPoolError: () => undefined });
  const plain = await buildApp({ settings: context.settings, db: plainHandle, ownsDb: true });
  await plain.ready();
  afterAll(async () => {
    await plain.close();
  });
  return {
    ...context,
    plainDb: plainHandle.db,
    generic: await clientsFor(context.app, usernames),
    usual: await clientsFor(plain, usernames),
  };
}

/** Pages of the customer list for `query` (`limit` each), following the cursor, at most `count`. */
export async function customerPages<P extends { nextCursor: string | null }>(
  as: Inject,
  query: string,
  limit: number,
  count: number,
): Promise<P[]> {
  const all: P[] = [];
  let cursor: string | null = null;
  do {
    const res = await as({
      url: `/api/v1/customers?limit=${limit}&${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    });
    expect(res.statusCode, res.body).toBe(200);
    const page = res.json() as P;
    all.push(page);
    cursor = page.nextCursor;
  } while (cursor && all.length < count);
  return all;
}
