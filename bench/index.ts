/**
 * `npm run bench [-- --json] [-- schema] [-- zero-downtime]`: reproducible benchmarks on real databases.
 * The server is a private embedded PostgreSQL under .migrate/bench unless BENCH_DATABASE_URL names another;
 * every database the bench creates is dropped at the end. Knobs: BENCH_TABLES (1000), BENCH_RUNS (5),
 * BENCH_MIGRA_RUNS (1), and BENCH_TIMEOUT_S (60), the limit for any single run, so a regression cannot
 * stall the bench.
 */
import { runSchemaBench } from "./schema/index.js";
import { renderSchemaReport } from "./schema/report.js";
import { runZeroDowntimeBench, zeroDowntimeOptionsFromEnv } from "./zero-downtime/index.js";
import { renderZeroDowntimeReport } from "./zero-downtime/report.js";

function numberFromEnv(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === "") return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 1) throw new Error(`${name} must be a positive integer`);
  return parsed;
}

const SUITES = ["schema", "zero-downtime"] as const;

async function main(argv: string[]): Promise<void> {
  const json = argv.includes("--json");
  const asked = argv.filter((a) => !a.startsWith("--"));
  const unknown = asked.filter((a) => !(SUITES as readonly string[]).includes(a));
  if (unknown.length > 0) throw new Error(`unknown suite ${unknown.join(", ")}; known: ${SUITES.join(", ")}`);
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  const results: Record<string, unknown> = {};
  if (asked.length === 0 || asked.includes("schema")) {
    const result = await runSchemaBench({
      tables: numberFromEnv("BENCH_TABLES", 1000),
      runs: numberFromEnv("BENCH_RUNS", 5),
      migraRuns: numberFromEnv("BENCH_MIGRA_RUNS", 1),
      budgetMs: 15000,
      timeoutMs: numberFromEnv("BENCH_TIMEOUT_S", 60) * 1000,
      log,
    });
    results.schema = result;
    if (!json) process.stdout.write(`${renderSchemaReport(result)}\n`);
  }
  if (asked.length === 0 || asked.includes("zero-downtime")) {
    const result = await runZeroDowntimeBench(zeroDowntimeOptionsFromEnv(log));
    results["zero-downtime"] = result;
    if (!json) process.stdout.write(`${renderZeroDowntimeReport(result)}\n`);
  }
  if (json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
