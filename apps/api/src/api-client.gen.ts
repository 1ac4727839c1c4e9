// Writes what is derived from the OpenAPI document and committed: the typed client's types
// (packages/api-client) and the API guide (docs/api.md).
// Run `npx -y pnpm@10.34.9 api-client` after changing a route; apps/api/src/openapi.test.ts fails
// while the committed files differ from what this would write.
import { randomBytes } from "node:crypto";
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { DbHandle } from "@crm/db";
import openapiTS, { astToString } from "openapi-typescript";
import { buildApp } from "./app.js";
import { loadConfig } from "./config.js";
import { API_GUIDE } from "./plugins/openapi-guide.js";
import { settingsFrom } from "./settings.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");

/** The OpenAPI document as the app serves it; the app is built without a database (none is needed). */
export async function openapiDocument(): Promise<Record<string, unknown>> {
  const config = loadConfig({ DEMO: "1", WEBHOOK_POLL_MS: "0", NOTIFY_SWEEP_MS: "0" });
  const settings = settingsFrom(config, randomBytes(32).toString("hex"), null);
  const db = {
    kind: "pglite",
    db: {},
    migrate: async () => {},
    close: async () => {},
  } as unknown as DbHandle;
  const app = await buildApp({ settings, db });
  try {
    const res = await app.inject("/api/openapi.json");
    if (res.statusCode !== 200) throw new Error(`/api/openapi.json answered ${res.statusCode}: ${res.body}`);
    return res.json();
  } finally {
    await app.close();
  }
}

const HEADER = `// Generated from the CRM's OpenAPI document by openapi-typescript: do not edit.
// Regenerate with \`npx -y pnpm@10.34.9 api-client\`.
`;

/** Every generated file, as repository path → content. */
export async function generatedFiles(): Promise<Record<string, string>> {
  const doc = await openapiDocument();
  const types = astToString(await openapiTS(doc as never, { alphabetize: false }));
  return {
    "packages/api-client/src/schema.ts": HEADER + types,
    "docs/api.md": `<!-- Written from apps/api/src/plugins/openapi-guide.ts by \`pnpm api-client\`: edit it there. -->

# CRM REST API

Every operation, with its parameters, answers and errors, is in the interactive reference at
\`/api/docs\` of a running server, from its OpenAPI document at \`/api/openapi.json\`; this is the guide
that page opens with. A typed TypeScript client of the document is in \`packages/api-client\`.

${API_GUIDE.replace(/^## /gm, "## ").trim()}
`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  for (const [path, content] of Object.entries(await generatedFiles())) {
    writeFileSync(join(root, path), content);
    console.log(`wrote ${path}`);
  }
}
