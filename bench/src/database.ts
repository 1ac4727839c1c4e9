import { DEMO_USERS } from "@crm/db";
import type pg from "pg";
import { BUILTIN_ROLES } from "../../apps/api/src/modules/roles/builtin-roles.js";
import { BENCH_EMAIL_DOMAIN, LAST_DEPARTMENT } from "./org.js";

/** The API's default dictionary codes (apps/api/src/modules/dictionaries), used when the table is empty. */
const DEFAULT_DICTIONARIES = {
  industry:
    "manufacturing wholesale construction energy it logistics agriculture healthcare education government other",
  source: "exhibition referral website cold_call advertising partner other",
  customer_status: "potential following signed active dormant lost",
  credit_rating: "AAA AA A B C",
  feedback_type: "consultation complaint suggestion fault praise other",
};
type DictType = keyof typeof DEFAULT_DICTIONARIES;

const NOT_READY = `The database is not ready. Start the API against it once so it migrates and seeds the demo company:
  DATABASE_URL=… DEMO=1 JWT_SECRET=<32+ chars> PORT=3300 node apps/api/dist/server.js   (then stop it)`;

/** What the generator builds on: the demo company, the built-in roles, the dictionaries. */
export async function readDatabase(client: pg.Client) {
  const { rows: ready } = await client.query<{ t: string | null }>(
    "select to_regclass('public.customers') as t",
  );
  if (!ready[0]?.t) throw new Error(NOT_READY);

  const { rows: roleRows } = await client.query<{ name: string; id: string }>(
    "select name, id from roles where deleted_at is null",
  );
  const roleIds = new Map(roleRows.map((r) => [r.name, r.id]));
  const { rows: userRows } = await client.query<{
    username: string;
    id: string;
    department_id: string | null;
    password_hash: string;
  }>("select username, id, department_id, password_hash from users where username = any($1)", [
    DEMO_USERS.map((u) => u.username),
  ]);
  const users = new Map(userRows.map((u) => [u.username, { id: u.id, departmentId: u.department_id }]));
  const { rows: deptRows } = await client.query<{ code: string; id: string }>(
    "select code, id from departments where code = any($1)",
    [["Dep-00", "Dep-01", "Dep-02", "Dep-03", "Dep-04", "Dep-05"]],
  );
  const departments = new Map(deptRows.map((d) => [d.code, d.id]));
  if (
    BUILTIN_ROLES.some((r) => !roleIds.has(r.name)) ||
    ["gm", "mgr1", "sales1", "sales2", "sales3"].some((u) => !users.has(u)) ||
    departments.size < 6
  ) {
    throw new Error(NOT_READY);
  }

  const { rows: existing } = await client.query<{ n: number }>(
    `select (select count(*) from customers)::int + (select count(*) from departments where code = $1)::int
       + (select count(*) from product_categories)::int as n`,
    [`Dep-${LAST_DEPARTMENT}`],
  );
  if (existing[0]!.n > 0)
    throw new Error(
      "The database already has customers, products or generated data: run with --reset to replace them.",
    );

  // Salesperson codes continue after those of the users that exist (not after earlier runs' codes).
  const { rows: seqRows } = await client.query<{ level: string; n: number }>(
    `select sales_level as level, max(split_part(salesperson_code, '-', 2)::int) as n from users
     where salesperson_code ~ '^[ABC]级-[0-9]+$' group by 1`,
  );
  const seqOf = (l: string) => seqRows.find((r) => r.level === l)?.n ?? 0;

  const { rows: dictRows } = await client.query<{ type: string; code: string }>(
    "select type, code from dictionary_items where active order by sort_order, code",
  );
  const dictionaries = Object.fromEntries(
    (Object.keys(DEFAULT_DICTIONARIES) as DictType[]).map((t) => {
      const codes = dictRows.filter((r) => r.type === t).map((r) => r.code);
      return [t, codes.length ? codes : DEFAULT_DICTIONARIES[t].split(" ")];
    }),
  ) as Record<DictType, string[]>;

  return {
    roleIds,
    users,
    departments,
    passwordHash: userRows.find((u) => u.username === "sales1")!.password_hash,
    salespersonSeq: { A: seqOf("A"), B: seqOf("B"), C: seqOf("C") },
    dictionaries,
  };
}

/**
 * Removes what an earlier run generated: every customer and product (and everything that
 * references them: orders, sales, the stock ledger, finance, activities, feedback), the bench
 * users (marked by their e-mail domain) and departments Dep-06..Dep-39 that have no other users.
 */
export async function resetBenchData(client: pg.Client): Promise<void> {
  const t0 = performance.now();
  await client.query("begin");
  await client.query(
    "truncate contacts, customer_merges, customers, stock_movements, stock_levels, products, product_categories cascade",
  );
  // Numbers the generated rows used (the next run makes the same ones again).
  await client.query(
    "delete from code_sequences where scope like 'product:%' or scope like 'order:%' or scope like 'feedback:%'",
  );
  const bench = `select id from users where email like '%@${BENCH_EMAIL_DOMAIN}'`;
  await client.query(`delete from user_roles where user_id in (${bench})`);
  await client.query(`delete from refresh_tokens where user_id in (${bench})`);
  await client.query(`update departments set head_user_id = null where head_user_id in (${bench})`);
  await client.query(`delete from users where id in (${bench})`);
  const codes = Array.from(
    { length: LAST_DEPARTMENT - 5 },
    (_, i) => `Dep-${String(i + 6).padStart(2, "0")}`,
  );
  await client.query(
    "delete from departments d where code = any($1) and not exists (select 1 from users u where u.department_id = d.id)",
    [codes],
  );
  await client.query("commit");
  console.log(`reset: earlier bench data removed in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Lets the app continue numbering after the generated codes. */
export async function writeSequences(
  client: pg.Client,
  customerSeq: Record<"1" | "2" | "3", number>,
  salespersonSeq: Record<"A" | "B" | "C", number>,
  more: Record<string, number>,
): Promise<void> {
  const values: [string, number][] = [
    ...Object.entries(more),
    ["customer:1", customerSeq["1"]],
    ["customer:2", customerSeq["2"]],
    ["customer:3", customerSeq["3"]],
    ["department", LAST_DEPARTMENT],
    ["salesperson:A", salespersonSeq.A],
    ["salesperson:B", salespersonSeq.B],
    ["salesperson:C", salespersonSeq.C],
  ];
  for (const [scope, value] of values) {
    await client.query(
      `insert into code_sequences (scope, last_value) values ($1, $2)
       on conflict (scope) do update set last_value = greatest(code_sequences.last_value, excluded.last_value)`,
      [scope, value],
    );
  }
}
