import type { Permission } from "./permissions.js";

/**
 * The subsystems of SPEC §3 plus administration, shared by the web navigation and the API.
 * `key` doubles as the URL segment and the i18n key (`nav.<key>`). A module opens for a user who
 * holds any one of `requires` (none: everyone).
 */
export const MODULES = [
  { key: "workbench", path: "/workbench", requires: [] },
  { key: "customers", path: "/customers", requires: ["customer:read"] },
  { key: "relationship", path: "/relationship", requires: ["activity:read"] },
  { key: "products", path: "/products", requires: ["product:read", "inventory:read"] },
  { key: "sales", path: "/sales", requires: ["order:read"] },
  // Salespeople (order:read) see their own customers' receivables there, read-only.
  { key: "finance", path: "/finance", requires: ["finance:read", "order:read"] },
  { key: "feedback", path: "/feedback", requires: ["feedback:read"] },
  { key: "reports", path: "/reports", requires: ["report:read"] },
  {
    key: "admin",
    path: "/admin",
    requires: [
      "department:read",
      "user:read",
      "role:read",
      "audit:read",
      "dictionary:manage",
      "settings:manage",
    ],
  },
] as const satisfies readonly { key: string; path: string; requires: readonly Permission[] }[];
export type ModuleKey = (typeof MODULES)[number]["key"];

export const canOpenModule = (module: (typeof MODULES)[number], permissions: readonly string[]) =>
  module.requires.length === 0 || module.requires.some((p) => permissions.includes(p));
