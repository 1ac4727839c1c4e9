import type { Department } from "@crm/contracts";

export interface DepartmentNode {
  department: Department;
  children: DepartmentNode[];
}

const byCode = (a: DepartmentNode, b: DepartmentNode) =>
  a.department.code.localeCompare(b.department.code, "en", { numeric: true });

/** The flat list from the API as a forest, children sorted by code; orphans become roots. */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentNode[] {
  const nodes = new Map(departments.map((d) => [d.id, { department: d, children: [] as DepartmentNode[] }]));
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.department.parentId ? nodes.get(node.department.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  const sort = (list: DepartmentNode[]) => {
    list.sort(byCode);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** `id` and everything below it: where a department may not be moved to. */
export function selfAndDescendants(departments: readonly Department[], id: string): Set<string> {
  const result = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const d of departments) {
      if (d.parentId && result.has(d.parentId) && !result.has(d.id)) {
        result.add(d.id);
        grew = true;
      }
    }
  }
  return result;
}

export interface DepartmentOption {
  value: string;
  title: string;
  disabled?: boolean;
  children?: DepartmentOption[];
}

/**
 * TreeSelect data. Disabled departments are left out unless `includeDisabled` (then shown disabled);
 * `exclude` (e.g. a department and its descendants when moving it) is shown but cannot be chosen.
 */
export function departmentOptions(
  departments: readonly Department[],
  options: { includeDisabled?: boolean; exclude?: ReadonlySet<string> } = {},
): DepartmentOption[] {
  const convert = (nodes: DepartmentNode[]): DepartmentOption[] =>
    nodes
      .filter((n) => options.includeDisabled || !n.department.disabled)
      .map((n) => {
        const blocked = n.department.disabled || options.exclude?.has(n.department.id);
        const children = convert(n.children);
        return {
          value: n.department.id,
          title: n.department.name,
          ...(blocked ? { disabled: true } : {}),
          ...(children.length ? { children } : {}),
        };
      });
  return convert(buildDepartmentTree(departments));
}
