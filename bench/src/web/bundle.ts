import { gzipSync } from "node:zlib";

/** One entry of Vite's `.vite/manifest.json` (build.manifest). */
export interface ManifestChunk {
  file: string;
  src?: string;
  name?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

/** The key of the HTML entry (index.html). */
export function entryKey(manifest: Manifest): string {
  const keys = Object.keys(manifest).filter((k) => manifest[k]?.isEntry);
  if (keys.length !== 1) throw new Error(`expected one entry chunk in the manifest, found ${keys.length}`);
  return keys[0] as string;
}

/**
 * What the browser must download before `keys` run: each chunk and, transitively, what it imports
 * statically. Dynamic imports (lazy routes, lazily loaded components) are not followed.
 */
export function staticClosure(manifest: Manifest, keys: readonly string[]): { js: string[]; css: string[] } {
  const seen = new Set<string>();
  const js: string[] = [];
  const css = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key)) return;
    seen.add(key);
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the manifest`);
    if (chunk.file.endsWith(".js")) js.push(chunk.file);
    for (const c of chunk.css ?? []) css.add(c);
    for (const i of chunk.imports ?? []) visit(i);
  };
  for (const k of keys) visit(k);
  return { js, css: [...css] };
}

/** The manifest key of a source module, by its path's end (`features/auth/login-page.tsx`). */
export function keyOf(manifest: Manifest, srcSuffix: string): string {
  const keys = Object.keys(manifest).filter((k) => k === srcSuffix || k.endsWith(`/${srcSuffix}`));
  if (keys.length !== 1) throw new Error(`${srcSuffix}: ${keys.length} manifest entries match`);
  return keys[0] as string;
}

/** Bytes after gzip at level 9 (what a server that pre-compresses sends). */
export function gzipSize(data: Uint8Array | string): number {
  return gzipSync(data, { level: 9 }).length;
}

export interface InitialJs {
  /** JS files (relative to the build output) the pages need before they render, the entry's first. */
  files: { file: string; bytes: number; gzip: number }[];
  bytes: number;
  gzip: number;
}

/**
 * The initial JavaScript of some routes: the entry and each route module with their static imports,
 * every file counted once. `read` gives a file's contents from the build output.
 */
export function initialJs(
  manifest: Manifest,
  routeModules: readonly string[],
  read: (file: string) => Uint8Array,
): InitialJs {
  const keys = [entryKey(manifest), ...routeModules.map((m) => keyOf(manifest, m))];
  const { js } = staticClosure(manifest, keys);
  const files = js.map((file) => {
    const data = read(file);
    return { file, bytes: data.length, gzip: gzipSize(data) };
  });
  return {
    files,
    bytes: files.reduce((s, f) => s + f.bytes, 0),
    gzip: files.reduce((s, f) => s + f.gzip, 0),
  };
}

/** Frame-time summary from requestAnimationFrame deltas (ms). */
export function frameStats(deltas: readonly number[]) {
  const sorted = [...deltas].sort((a, b) => a - b);
  const pct = (p: number) =>
    sorted.length === 0
      ? 0
      : (sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    frames: sorted.length,
    p50: round(pct(50)),
    p95: round(pct(95)),
    p99: round(pct(99)),
    max: round(sorted.at(-1) ?? 0),
    /** Frames that took longer than two 60 Hz frames (a visible stutter). */
    over33: sorted.filter((d) => d > 33.4).length,
    /** Frames over 50 ms (a long frame: the page did not respond for that long). */
    over50: sorted.filter((d) => d > 50).length,
  };
}
