import { readFileSync, writeFileSync } from "node:fs";
import { type BenchResult, markdown, summary, targetsOf } from "./harness/report.js";

const HELP = `Writes the markdown of a results JSON again (bench/results/<date>-<scale>.json -> .md), or with
--summary prints only the per-scenario summary and the targets (the root README's table).
  npx tsx bench/src/markdown.ts bench/results/2026-11-26-0.05.json [--summary]`;

const [file, flag] = process.argv.slice(2);
if (!file || file === "--help") {
  console.log(HELP);
  process.exit(file ? 0 : 2);
}
const result = JSON.parse(readFileSync(file, "utf8")) as BenchResult;
result.targets = targetsOf(result);
if (flag === "--summary") {
  console.log(summary(result));
  console.log("");
  console.log("| target | row | value | |\n|---|---|---:|---|");
  for (const t of result.targets)
    console.log(`| ${t.target} | ${t.row} | ${t.value} | ${t.pass ? "PASS" : "MISS"} |`);
} else {
  writeFileSync(file.replace(/\.json$/, ".md"), markdown(result));
}
