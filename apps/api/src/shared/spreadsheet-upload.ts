import { createInflateRaw } from "node:zlib";
import { ErrorCode } from "@crm/contracts";
import { AppError } from "./errors.js";

/** The largest upload a spreadsheet import takes (the multipart limit of its route). */
export const UPLOAD_MAX_BYTES = 50 * 1024 * 1024;
/** What an XLSX may inflate to in all: 200,000 rows of a wide sheet stay well below. */
export const XLSX_MAX_INFLATED = 256 * 1024 * 1024;
/**
 * Inflated/compressed ratio an XLSX part may not pass once it is over 1 MiB (Apache POI refuses
 * past 100; spreadsheet XML compresses 5-30 times, deflate at most about 1,000).
 */
const MAX_RATIO = 200;
const RATIO_FLOOR = 1024 * 1024;
const MAX_ENTRIES = 10_000;

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

const notSpreadsheet = () =>
  new AppError(400, ErrorCode.validation, { fields: [{ field: "file", code: "import_file_type" }] });
const bomb = () =>
  new AppError(413, ErrorCode.payloadTooLarge, {
    fields: [{ field: "file", code: "file_inflates_too_large" }],
  });

/**
 * Checks an uploaded spreadsheet before any parser sees it: the content must be what the name
 * says (an XLSX is a zip with a workbook, a CSV is text), and an XLSX may not inflate past
 * XLSX_MAX_INFLATED nor at a zip bomb's ratio, whatever its headers claim. Parts are inflated as a
 * stream and counted, never held, so a bomb costs at most a few megabytes of work.
 */
export async function checkSpreadsheetUpload(fileName: string, buffer: Buffer): Promise<void> {
  if (/\.xlsx$/i.test(fileName)) return checkXlsx(buffer);
  // A CSV is text: no NUL byte (binary, UTF-16) and not a zip renamed.
  const head = buffer.subarray(0, 64 * 1024);
  if (head.includes(0) || (buffer.length >= 4 && buffer.readUInt32LE(0) === LOCAL)) throw notSpreadsheet();
}

interface Entry {
  name: string;
  method: number;
  compressed: number;
  size: number;
  local: number;
}

async function checkXlsx(buffer: Buffer): Promise<void> {
  if (buffer.length < 22 || buffer.readUInt32LE(0) !== LOCAL) throw notSpreadsheet();
  let end = -1;
  for (let i = buffer.length - 22; i >= Math.max(0, buffer.length - 22 - 0xffff); i--) {
    if (buffer.readUInt32LE(i) === END) {
      end = i;
      break;
    }
  }
  if (end < 0) throw notSpreadsheet();
  const count = buffer.readUInt16LE(end + 10);
  const offset = buffer.readUInt32LE(end + 16);
  // ZIP64 markers: no upload under the size limit needs them.
  if (count === 0xffff || offset === 0xffffffff) throw notSpreadsheet();
  if (count > MAX_ENTRIES) throw bomb();

  const entries: Entry[] = [];
  for (let p = offset, n = 0; n < count; n++) {
    if (p + 46 > buffer.length || buffer.readUInt32LE(p) !== CENTRAL) throw notSpreadsheet();
    const nameLength = buffer.readUInt16LE(p + 28);
    entries.push({
      method: buffer.readUInt16LE(p + 10),
      compressed: buffer.readUInt32LE(p + 20),
      size: buffer.readUInt32LE(p + 24),
      name: buffer.toString("utf8", p + 46, p + 46 + nameLength),
      local: buffer.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + buffer.readUInt16LE(p + 30) + buffer.readUInt16LE(p + 32);
  }
  const names = new Set(entries.map((e) => e.name));
  if (!names.has("[Content_Types].xml") || !names.has("xl/workbook.xml")) throw notSpreadsheet();
  // What the headers declare first (cheap), then what the data really inflates to (they may lie).
  if (entries.reduce((sum, e) => sum + e.size, 0) > XLSX_MAX_INFLATED) throw bomb();
  let total = 0;
  for (const e of entries) {
    if (e.local + 30 > buffer.length || buffer.readUInt32LE(e.local) !== LOCAL) throw notSpreadsheet();
    const start = e.local + 30 + buffer.readUInt16LE(e.local + 26) + buffer.readUInt16LE(e.local + 28);
    const data = buffer.subarray(start, start + e.compressed);
    if (data.length !== e.compressed) throw notSpreadsheet();
    if (e.method === 0) {
      if (e.size !== e.compressed) throw notSpreadsheet();
      total += e.size;
    } else if (e.method === 8) {
      const cap = Math.min(XLSX_MAX_INFLATED - total, Math.max(RATIO_FLOOR, e.compressed * MAX_RATIO));
      total += await inflatedSize(data, cap);
    } else throw notSpreadsheet();
  }
}

/** Inflates a raw deflate stream, counting and discarding; refuses it as a bomb past `cap` bytes. */
function inflatedSize(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > cap) {
        inflate.destroy();
        reject(bomb());
      }
    });
    inflate.on("end", () => resolve(size));
    inflate.on("error", () => reject(notSpreadsheet()));
    inflate.end(data);
  });
}
