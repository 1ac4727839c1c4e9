import { type DbOrTx, nextSequence, users } from "@crm/db";
import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { shanghaiDate } from "./days.js";

/** An ILIKE pattern matching `text` anywhere, its wildcards escaped. */
export const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * A document number counted per year and never reused: HT2026-0001, FK2026-0002 … `counter`
 * names its code sequence (per year); by default the prefix.
 */
export async function yearlyNumber(tx: DbOrTx, prefix: string, counter = prefix): Promise<string> {
  const year = shanghaiDate().slice(0, 4);
  return `${prefix}${year}-${String(await nextSequence(tx, `${counter}:${year}`)).padStart(4, "0")}`;
}

/** The display name of the user a column points at (owner, handler, author …), read with the row. */
export const displayNameOf = (column: AnyPgColumn | SQL) =>
  sql<string | null>`(select ${users.displayName} from ${users} where ${users.id} = ${column})`;
