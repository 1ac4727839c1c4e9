import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

/** A value as COPY's text format wants it. */
export type Cell = string | number | boolean | Date | null | undefined | readonly string[];

const SPECIAL = /[\\\t\n\r]/;
const escapeText = (s: string) =>
  SPECIAL.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!)
    : s;

/** A text[] literal: every element quoted, backslashes and quotes escaped. */
export function arrayLiteral(items: readonly string[]): string {
  return `{${items.map((s) => `"${s.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(",")}}`;
}

export function cell(v: Cell): string {
  if (v === null || v === undefined) return "\\N";
  if (typeof v === "string") return escapeText(v);
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "t" : "f";
  if (v instanceof Date) return v.toISOString();
  return escapeText(arrayLiteral(v));
}

/** One line of COPY text. */
export const line = (cells: readonly Cell[]) => `${cells.map(cell).join("\t")}\n`;

export interface Batch {
  text: string | Uint8Array;
  rows: number;
}

export interface CopyResult {
  table: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
}

/** COPY statements end every this many rows: a statement queues one foreign-key check per row and key. */
const ROWS_PER_STATEMENT = 1_000_000;

/**
 * Streams batches (each a string of COPY lines and its row count) into `table` with COPY, one
 * statement per million rows. The batches come from an async iterable that is only pulled when
 * the socket has room, so nothing piles up in memory whatever the table's size.
 */
export async function copyInto(
  client: pg.PoolClient | pg.Client,
  table: string,
  columns: readonly string[],
  batches: AsyncIterable<Batch> | Iterable<Batch>,
  onProgress?: (rows: number) => void,
): Promise<CopyResult> {
  const started = performance.now();
  let rows = 0;
  const source = (async function* () {
    yield* batches;
  })();
  let pending = await source.next();
  while (!pending.done) {
    const limit = rows + ROWS_PER_STATEMENT;
    async function* texts() {
      while (!pending.done && rows < limit) {
        const b = pending.value;
        rows += b.rows;
        onProgress?.(rows);
        yield b.text;
        pending = await source.next();
      }
    }
    const sink = client.query(copyFrom(`copy ${table} (${columns.join(", ")}) from stdin`));
    await pipeline(Readable.from(texts(), { objectMode: false, highWaterMark: 1 }), sink);
  }
  const seconds = (performance.now() - started) / 1000;
  return { table, rows, seconds, rowsPerSecond: Math.round(rows / seconds) };
}

/** Batches of rows from a synchronous row source (small tables). */
export function* batchesOf<T>(items: Iterable<T>, toLine: (item: T) => string, size = 2000) {
  let text = "";
  let rows = 0;
  for (const item of items) {
    text += toLine(item);
    if (++rows === size) {
      yield { text, rows };
      text = "";
      rows = 0;
    }
  }
  if (rows) yield { text, rows };
}
