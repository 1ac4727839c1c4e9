/**
 * Every permission of the product, `module:action`, in one place: the API checks them, the role
 * editor shows them as a matrix, the navigation hides what the user may not open.
 */
export const PERMISSION_CATALOGUE = {
  customer: ["read", "create", "update", "delete", "merge", "import", "export"],
  contact: ["read", "create", "update", "delete"],
  activity: ["read", "create", "update", "delete"],
  product: ["read", "create", "update", "delete"],
  inventory: ["read", "adjust"],
  order: ["read", "create", "update", "delete"],
  finance: ["read", "create", "update", "delete"],
  feedback: ["read", "create", "update", "delete"],
  report: ["read", "export"],
  department: ["read", "manage"],
  user: ["read", "create", "update", "reset_password", "salary_read"],
  role: ["read", "manage"],
  audit: ["read"],
  dictionary: ["manage"],
  /** 系统设置: company-wide values such as the follow-up interval. */
  settings: ["manage"],
} as const;

type Catalogue = typeof PERMISSION_CATALOGUE;
export type PermissionModule = keyof Catalogue;
export type Permission = { [M in PermissionModule]: `${M}:${Catalogue[M][number]}` }[PermissionModule];

export const ALL_PERMISSIONS: Permission[] = Object.entries(PERMISSION_CATALOGUE).flatMap(([m, actions]) =>
  actions.map((a) => `${m}:${a}` as Permission),
);

export const isPermission = (p: string): p is Permission => (ALL_PERMISSIONS as string[]).includes(p);

/** How far a role's records reach (数据范围). */
export const DATA_SCOPES = ["own", "department", "department_tree", "all", "custom"] as const;
export type DataScope = (typeof DATA_SCOPES)[number];
