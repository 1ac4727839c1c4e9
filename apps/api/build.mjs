// Bundles the API and the workspace packages it imports into dist/server.js; npm packages stay
// external and load from node_modules.
import { readFileSync } from "node:fs";
import { build } from "esbuild";

const deps = (path) =>
  Object.keys(JSON.parse(readFileSync(new URL(path, import.meta.url))).dependencies ?? {});
const external = [...new Set([...deps("./package.json"), ...deps("../../packages/db/package.json")])].filter(
  (d) => !d.startsWith("@crm/"),
);
// Keep @crm/db's package.json resolvable at run time (migrations are found through it).
external.push("@crm/db/package.json");

await build({
  entryPoints: ["src/server.ts"],
  outfile: "dist/server.js",
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  sourcemap: true,
  external: [...external, ...external.map((d) => `${d}/*`)],
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
  logLevel: "warning",
});
