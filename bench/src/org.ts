import { padSequence, pinyinOf } from "@crm/db";
import { BUILTIN_ROLES } from "../../apps/api/src/modules/roles/builtin-roles.js";
import { hash, Rng } from "./rng.js";
import { mobile, personName } from "./vocab.js";

/**
 * The organisation: 40 departments over 4 levels (the demo company's Dep-00..Dep-05 plus 34 more)
 * and 300 users (the 9 demo users plus 291), about 70% of them salespeople.
 */
type DeptSpec = [
  code: string,
  name: string,
  parent: string,
  staff: "sales" | "service" | "production" | "none",
];
const NEW_DEPARTMENTS: DeptSpec[] = [
  ["Dep-06", "华东分公司", "Dep-00", "none"],
  ["Dep-07", "华南分公司", "Dep-00", "none"],
  ["Dep-08", "华北分公司", "Dep-00", "none"],
  ["Dep-09", "西部分公司", "Dep-00", "none"],
  ["Dep-10", "销售一部", "Dep-01", "sales"],
  ["Dep-11", "销售二部", "Dep-01", "sales"],
  ["Dep-12", "大客户部", "Dep-01", "sales"],
  ["Dep-13", "电商部", "Dep-02", "sales"],
  ["Dep-14", "一车间", "Dep-03", "production"],
  ["Dep-15", "二车间", "Dep-03", "production"],
  ["Dep-16", "华东销售部", "Dep-06", "sales"],
  ["Dep-17", "华南销售部", "Dep-07", "sales"],
  ["Dep-18", "华北销售部", "Dep-08", "sales"],
  ["Dep-19", "西部销售部", "Dep-09", "sales"],
  ["Dep-20", "华东客服部", "Dep-06", "service"],
  ["Dep-21", "华南客服部", "Dep-07", "service"],
];
const TEAMS: [parent: string, prefix: string, count: number][] = [
  ["Dep-10", "销售一部", 3],
  ["Dep-11", "销售二部", 3],
  ["Dep-12", "大客户部", 2],
  ["Dep-16", "华东销售", 3],
  ["Dep-17", "华南销售", 3],
  ["Dep-18", "华北销售", 2],
  ["Dep-19", "西部销售", 2],
];
const NTH = "一二三四五";
for (const [parent, prefix, count] of TEAMS) {
  for (let i = 0; i < count; i++) {
    NEW_DEPARTMENTS.push([
      `Dep-${padSequence(22 + NEW_DEPARTMENTS.length - 16)}`,
      `${prefix}${NTH[i]}组`,
      parent,
      "sales",
    ]);
  }
}
export const LAST_DEPARTMENT = NEW_DEPARTMENTS.length + 5;
/** Marks the users the generator made, so --reset can find them again. */
export const BENCH_EMAIL_DOMAIN = "bench.crm.invalid";

export interface OrgInput {
  seed: number;
  createdAt: Date;
  passwordHash: string;
  demoDepartments: Map<string, string>;
  demoUsers: Map<string, { id: string; departmentId: string | null }>;
  roleIds: Map<string, string>;
  /** Last salesperson code number used per level (code_sequences salesperson:A|B|C). */
  salespersonSeq: Record<"A" | "B" | "C", number>;
  /** Share of all customers owned by these demo users. */
  demoShares: Record<string, number>;
}

export function buildOrg(input: OrgInput) {
  const rng = new Rng(hash(input.seed, "org"));
  const deptIds = new Map(input.demoDepartments);
  const heads = new Map<string, string>([
    ["Dep-00", input.demoUsers.get("gm")!.id],
    ["Dep-01", input.demoUsers.get("mgr1")!.id],
  ]);
  const parentOf = new Map(NEW_DEPARTMENTS.map(([code, , parent]) => [code, parent]));
  for (const [code] of NEW_DEPARTMENTS) deptIds.set(code, rng.uuid());
  const headOf = (code: string): string => heads.get(code) ?? headOf(parentOf.get(code) ?? "Dep-00");

  const users: Record<string, unknown>[] = [];
  const userRoles: [string, string][] = [];
  const owners: string[] = [];
  const staff = {
    service: [input.demoUsers.get("service1")!.id],
    production: [input.demoUsers.get("prod1")!.id],
    finance: [input.demoUsers.get("finance1")!.id],
  };
  const seq = { ...input.salespersonSeq };
  const roleId = (key: string) => input.roleIds.get(BUILTIN_ROLES.find((r) => r.key === key)!.name)!;

  function addUser(dept: string, roles: string[], sales: boolean, head: boolean) {
    const n = users.length + 1;
    const { name, gender } = personName(rng);
    const username = `${pinyinOf(name).pinyin}${String(n).padStart(3, "0")}`;
    const id = rng.uuid();
    const manager = head ? headOf(parentOf.get(dept) ?? "Dep-00") : headOf(dept);
    const level = sales ? (rng.chance(0.2) ? "A" : rng.chance(0.5) ? "B" : "C") : null;
    if (level) seq[level] += 1;
    users.push({
      id,
      username,
      display_name: name,
      password_hash: input.passwordHash,
      email: `${username}@${BENCH_EMAIL_DOMAIN}`,
      phone: mobile(rng),
      department_id: deptIds.get(dept)!,
      manager_id: manager,
      gender,
      sales_level: level,
      salesperson_code: level ? `${level}级-${padSequence(seq[level])}` : null,
      salary: sales || head ? (rng.int(60, 300) * 100).toFixed(2) : null,
      created_at: input.createdAt,
    });
    for (const r of roles) {
      userRoles.push([id, roleId(r)]);
      if (r === "service" || r === "production" || r === "finance") staff[r].push(id);
    }
    if (sales) owners.push(id);
    if (head) heads.set(dept, id);
    return id;
  }

  // Heads first (parents before children), then their staff.
  for (const [code, , , staff] of NEW_DEPARTMENTS) {
    const team = code >= "Dep-22";
    addUser(code, team ? ["manager", "sales"] : ["manager"], team && staff === "sales", true);
  }
  const sales = NEW_DEPARTMENTS.filter(([, , , s]) => s === "sales").map(([code]) => code);
  for (let i = 0; i < 189; i++) addUser(sales[i < 126 ? 8 + (i % 18) : i % 8]!, ["sales"], true, false);
  const others: [string, string, number][] = [
    ["Dep-05", "service", 8],
    ["Dep-20", "service", 6],
    ["Dep-21", "service", 6],
    ["Dep-04", "finance", 12],
    ["Dep-03", "production", 4],
    ["Dep-14", "production", 10],
    ["Dep-15", "production", 10],
    ["Dep-02", "service", 12],
  ];
  for (const [dept, role, count] of others)
    for (let i = 0; i < count; i++) addUser(dept, [role], false, false);

  const departments = NEW_DEPARTMENTS.map(([code, name, parent]) => ({
    id: deptIds.get(code)!,
    code,
    name,
    parent_id: deptIds.get(parent)!,
    head_user_id: heads.get(code) ?? null,
    created_at: input.createdAt,
  }));

  // Owners: the demo salespeople get fixed shares, the others 0.3..1.7 of an even share each.
  const weights = owners.map(() => 0.3 + rng.float() * 1.4);
  const rest = weights.reduce((a, b) => a + b, 0);
  const fixed = Object.values(input.demoShares).reduce((a, b) => a + b, 0);
  for (const [username, share] of Object.entries(input.demoShares)) {
    owners.push(input.demoUsers.get(username)!.id);
    weights.push((share * rest) / (1 - fixed));
  }
  return { departments, users, userRoles, owners, weights, staff, salespersonSeq: seq };
}
