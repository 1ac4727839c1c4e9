/**
 * The subsystems of SPEC §3 plus administration, shared by the web navigation and the API.
 * `key` doubles as the URL segment and the i18n key (`nav.<key>`).
 */
export const MODULES = [
  { key: "workbench", path: "/workbench" },
  { key: "customers", path: "/customers" },
  { key: "relationship", path: "/relationship" },
  { key: "products", path: "/products" },
  { key: "sales", path: "/sales" },
  { key: "finance", path: "/finance" },
  { key: "feedback", path: "/feedback" },
  { key: "reports", path: "/reports" },
  { key: "admin", path: "/admin" },
] as const;
export type ModuleKey = (typeof MODULES)[number]["key"];
