/**
 * The header row of a file to import, read in the browser so the columns can be mapped before the
 * upload: CSV (UTF-8, with or without a BOM) and XLSX (the first sheet, via the browser's own
 * inflate). Anything unreadable gives null, and the server maps the headers by itself.
 */
export async function readHeaders(file: Blob & { name: string }): Promise<string[] | null> {
  try {
    if (/\.csv$/i.test(file.name)) return csvHeaders(await file.slice(0, 64 * 1024).text());
    if (/\.xlsx$/i.test(file.name)) return await xlsxHeaders(await file.arrayBuffer());
  } catch {
    // Fall through: the server maps by itself.
  }
  return null;
}

/** The first record of a CSV text (quotes, doubled quotes and line breaks inside quotes honoured). */
export function csvHeaders(text: string): string[] {
  const source = text.replace(/^\uFEFF/, "");
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      cells.push(cell);
      cell = "";
    } else if (c === "\n" || c === "\r") break;
    else cell += c;
  }
  cells.push(cell);
  return tidy(cells);
}

/** Trimmed, without empty cells or repeats (a repeated header maps like its first one). */
const tidy = (cells: readonly string[]) => [...new Set(cells.map((c) => c.trim()).filter(Boolean))];

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decodeXml = (text: string) =>
  text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] !== "#") return XML_ENTITIES[e.toLowerCase()] ?? "";
    return String.fromCodePoint(
      e[1] === "x" || e[1] === "X" ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1)),
    );
  });
const textsOf = (xml: string) =>
  [...xml.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)].map((m) => decodeXml(m[1] ?? ""));

/** The first row of the workbook's first sheet. */
export async function xlsxHeaders(buffer: ArrayBuffer): Promise<string[] | null> {
  const zip = readZip(buffer);
  const workbook = await zip.text("xl/workbook.xml");
  const rels = await zip.text("xl/_rels/workbook.xml.rels");
  const firstSheet = /<sheet\b[^>]*\br:id="([^"]+)"/.exec(workbook ?? "")?.[1];
  const target = new RegExp(`<Relationship\\b[^>]*\\bId="${firstSheet}"[^>]*\\bTarget="([^"]+)"`).exec(
    rels ?? "",
  )?.[1];
  const path = target
    ? target.startsWith("/")
      ? target.slice(1)
      : `xl/${target}`
    : "xl/worksheets/sheet1.xml";
  const sheet = await zip.text(path);
  if (!sheet) return null;
  const shared = [...((await zip.text("xl/sharedStrings.xml")) ?? "").matchAll(/<si>([\s\S]*?)<\/si>/g)].map(
    (m) => textsOf(m[1] ?? "").join(""),
  );
  const row = /<row\b[^>]*>([\s\S]*?)<\/row>/.exec(sheet)?.[1] ?? "";
  const cells: string[] = [];
  for (const m of row.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
    const attrs = m[1] ?? "";
    const body = m[2] ?? "";
    const type = /\bt="([^"]+)"/.exec(attrs)?.[1];
    const value = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
    if (type === "s") cells.push(shared[Number(value)] ?? "");
    else if (type === "inlineStr") cells.push(textsOf(body).join(""));
    else cells.push(decodeXml(value ?? ""));
  }
  return tidy(cells);
}

/** A ZIP's entries by name: stored or deflated, read through DecompressionStream. */
function readZip(buffer: ArrayBuffer) {
  const view = new DataView(buffer);
  let end = -1;
  for (let i = buffer.byteLength - 22; i >= Math.max(0, buffer.byteLength - 65_557); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error("not a zip file");
  const entries = new Map<string, { method: number; size: number; offset: number }>();
  const decoder = new TextDecoder();
  let at = view.getUint32(end + 16, true);
  for (let n = view.getUint16(end + 10, true); n > 0; n--) {
    if (view.getUint32(at, true) !== 0x02014b50) break;
    const nameLength = view.getUint16(at + 28, true);
    const name = decoder.decode(new Uint8Array(buffer, at + 46, nameLength));
    entries.set(name, {
      method: view.getUint16(at + 10, true),
      size: view.getUint32(at + 20, true),
      offset: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return {
    async text(name: string): Promise<string | null> {
      const entry = entries.get(name);
      if (!entry) return null;
      const local = entry.offset;
      const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
      const data = new Uint8Array(buffer, start, entry.size);
      if (entry.method === 0) return decoder.decode(data);
      if (entry.method !== 8) return null;
      const stream = new Blob([data]).stream().pipeThrough(new DecompressionStream("deflate-raw"));
      return new Response(stream).text();
    },
  };
}
