import { describe, expect, it } from "vitest";
import { entryKey, frameStats, gzipSize, initialJs, keyOf, type Manifest, staticClosure } from "./bundle.js";

const manifest: Manifest = {
  "index.html": {
    file: "assets/index-a.js",
    isEntry: true,
    imports: ["_react-b.js", "_api-c.js"],
    dynamicImports: ["src/features/auth/login-page.tsx", "src/features/reports/dashboard-page.tsx"],
    css: ["assets/index-a.css"],
  },
  "_react-b.js": { file: "assets/react-b.js" },
  "_api-c.js": { file: "assets/api-c.js", imports: ["_react-b.js"] },
  "_antd-form.js": { file: "assets/antd-form.js", imports: ["_react-b.js"], css: ["assets/form.css"] },
  "_echarts.js": { file: "assets/echarts.js" },
  "src/features/auth/login-page.tsx": {
    file: "assets/login-page-d.js",
    isDynamicEntry: true,
    imports: ["_antd-form.js", "_api-c.js"],
  },
  "src/features/workbench/workbench-page.tsx": {
    file: "assets/workbench-page-e.js",
    isDynamicEntry: true,
    imports: ["_antd-form.js"],
    dynamicImports: ["_echarts.js"],
  },
  "src/features/reports/dashboard-page.tsx": { file: "assets/dashboard-f.js", imports: ["_echarts.js"] },
};

describe("initial JavaScript from the Vite manifest", () => {
  it("finds the one entry", () => {
    expect(entryKey(manifest)).toBe("index.html");
    expect(() => entryKey({ a: { file: "a.js" } })).toThrow(/one entry/);
  });

  it("follows static imports once each and never dynamic ones", () => {
    const { js, css } = staticClosure(manifest, ["index.html", "src/features/auth/login-page.tsx"]);
    expect(js).toEqual([
      "assets/index-a.js",
      "assets/react-b.js",
      "assets/api-c.js",
      "assets/login-page-d.js",
      "assets/antd-form.js",
    ]);
    expect(css.sort()).toEqual(["assets/form.css", "assets/index-a.css"]);
    expect(js).not.toContain("assets/echarts.js");
    expect(js).not.toContain("assets/dashboard-f.js");
  });

  it("names a route module by the end of its path, and refuses an unknown or ambiguous one", () => {
    expect(keyOf(manifest, "workbench/workbench-page.tsx")).toBe("src/features/workbench/workbench-page.tsx");
    expect(() => keyOf(manifest, "nope.tsx")).toThrow(/0 manifest entries/);
    expect(() => staticClosure(manifest, ["missing"])).toThrow(/not in the manifest/);
  });

  it("sums the gzipped size of the union for login + workbench", () => {
    const contents: Record<string, string> = {
      "assets/index-a.js": "x".repeat(1000),
      "assets/react-b.js": "react ".repeat(500),
      "assets/api-c.js": "api",
      "assets/login-page-d.js": "login",
      "assets/antd-form.js": "form",
      "assets/workbench-page-e.js": "workbench",
    };
    const read = (f: string) => Buffer.from(contents[f] ?? "");
    const r = initialJs(manifest, ["auth/login-page.tsx", "workbench/workbench-page.tsx"], read);
    expect(r.files.map((f) => f.file)).toHaveLength(6); // antd-form shared by both pages, counted once
    expect(r.bytes).toBe(1000 + 3000 + 3 + 5 + 4 + 9);
    expect(r.gzip).toBe(Object.values(contents).reduce((s, c) => s + gzipSize(c), 0));
    expect(r.gzip).toBeLessThan(r.bytes); // repetitive text compresses
  });
});

describe("frame statistics", () => {
  it("takes percentiles and counts stutters and long frames", () => {
    const deltas = [...Array.from({ length: 95 }, () => 16.7), 20, 40, 60, 80, 100];
    const s = frameStats(deltas);
    expect(s).toMatchObject({ frames: 100, p50: 16.7, p95: 16.7, p99: 80, max: 100, over33: 4, over50: 3 });
    expect(frameStats([])).toMatchObject({ frames: 0, p95: 0, max: 0 });
  });
});
