import { type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "./client.js";
import { codeSequences } from "./schema/index.js";

/**
 * Takes the next number of a code scope (e.g. `department`, `customer:1`). Atomic: the upsert
 * locks the scope's row until the surrounding transaction ends, so concurrent callers queue, and
 * a rolled-back transaction gives its number back only if nobody took a later one.
 */
export async function nextSequence(db: DbOrTx, scope: string): Promise<number> {
  const [row] = await db
    .insert(codeSequences)
    .values({ scope, lastValue: 1 })
    .onConflictDoUpdate({
      target: codeSequences.scope,
      set: { lastValue: sql`${codeSequences.lastValue} + 1` },
    })
    .returning({ value: codeSequences.lastValue });
  if (!row) throw new Error(`code sequence ${scope} returned nothing`);
  return row.value;
}

/**
 * nextSequence as a common table expression `name` of the statement that uses the number, its
 * column `code` the number padded (padSequence) after `prefix`: the counter's row is locked from
 * that statement on, not from an earlier one, and the number needs no round trip of its own.
 */
export function nextCodeCte(name: string, scope: string, prefix: string): SQL {
  return sql`${sql.identifier(name)} as (
    insert into ${codeSequences} (scope, last_value) values (${scope}::text, 1)
    on conflict (scope) do update set last_value = ${codeSequences}.last_value + 1
    returning ${prefix}::text || lpad(last_value::text, greatest(2, length(last_value::text)), '0') as code)`;
}

/** Two digits at least, as the spec's examples (01, 07), and never a limit (100 follows 99). */
export function padSequence(n: number): string {
  return String(n).padStart(2, "0");
}

/** Makes sure a scope's counter is at least `value` (used when seeding fixed codes). */
export async function reserveSequence(db: DbOrTx, scope: string, value: number): Promise<void> {
  await db
    .insert(codeSequences)
    .values({ scope, lastValue: value })
    .onConflictDoUpdate({
      target: codeSequences.scope,
      set: { lastValue: sql`greatest(${codeSequences.lastValue}, ${value})` },
    });
}
