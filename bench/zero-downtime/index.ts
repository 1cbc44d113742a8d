import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { withClient } from "../../src/db/index.js";
import { BenchDatabases, benchServer } from "../lib/databases.js";
import { timed } from "../lib/timing.js";
import { type LoadRunResult, migrateUnderLoad } from "./migrate-under-load.js";
import { seedSource, TARGET_SCHEMA } from "./scenario.js";

export interface ZeroDowntimeBenchOptions {
  rows: number;
  clients: number;
  /** Pause between one client's transactions. */
  thinkMs: number;
  /** Backfill batch size and pause between batches; the plan's and the executor's defaults when unset. */
  batchSize?: number;
  throttleMs?: number;
  log: (message: string) => void;
}

export interface ZeroDowntimeBenchResult {
  server: { label: string; version: string };
  machine: { cpus: number; loadAverage: number[] };
  rows: number;
  clients: number;
  thinkMs: number;
  batchSize: number | null;
  throttleMs: number | null;
  seedMs: number;
  naive: LoadRunResult;
  online: LoadRunResult;
  totalMs: number;
}

/** Writers run alone this long around each migration, so each run starts and ends under steady load. */
const SETTLE_MS = 1000;

/**
 * Issue 4's benchmark: the same migration on copies of the same seeded table, once with the naive plan
 * (downtime_allowed=true) and once with the online plan, each applied by the executor under the same
 * client load, one after the other.
 */
export async function runZeroDowntimeBench(
  options: ZeroDowntimeBenchOptions,
): Promise<ZeroDowntimeBenchResult> {
  const started = performance.now();
  const { log } = options;
  const { server, release } = await benchServer();
  const databases = new BenchDatabases();
  const work = await mkdtemp(join(tmpdir(), "mm-bench-zdt-"));
  try {
    log(`seeding ${options.rows.toLocaleString("en")} rows with generate_series`);
    const seed = await databases.create(server.url, "zdt_seed");
    const { ms: seedMs } = await timed(() => seedSource(seed.url, options.rows));
    const target = await databases.create(server.url, "zdt_target");
    await withClient(target.url, (client) => client.query(TARGET_SCHEMA));
    const run = async (downtimeAllowed: boolean): Promise<LoadRunResult> => {
      const label = downtimeAllowed ? "naive" : "online";
      const copy = await databases.create(server.url, `zdt_${label}`, seed.name);
      const { result } = await migrateUnderLoad({
        databaseUrl: copy.url,
        targetUrl: target.url,
        planDir: join(work, label),
        downtimeAllowed,
        rows: options.rows,
        clients: options.clients,
        thinkMs: options.thinkMs,
        settleMs: SETTLE_MS,
        batchSize: options.batchSize,
        throttleMs: options.throttleMs,
        log: (message) => log(`${label}: ${message}`),
      });
      return result;
    };
    const naive = await run(true);
    const online = await run(false);
    return {
      server: { label: server.label, version: server.version },
      machine: { cpus: cpus().length, loadAverage: loadavg() },
      rows: options.rows,
      clients: options.clients,
      thinkMs: options.thinkMs,
      batchSize: options.batchSize ?? null,
      throttleMs: options.throttleMs ?? null,
      seedMs,
      naive,
      online,
      totalMs: performance.now() - started,
    };
  } finally {
    await databases.dropAll();
    await rm(work, { recursive: true, force: true });
    await release();
  }
}

function integerFromEnv(name: string, min: number): number | undefined {
  const value = process.env[name];
  if (value === undefined || value === "") return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new Error(`${name} must be an integer ≥ ${min}`);
  return parsed;
}

/**
 * Knobs: BENCH_ZDT_ROWS (2,000,000), BENCH_ZDT_CLIENTS (6), BENCH_ZDT_THINK_MS (5), and the backfill's
 * BENCH_ZDT_BATCH (the plan's batch size by default) and BENCH_ZDT_THROTTLE_MS (10: the executor's 100 ms
 * pause between batches would add 80 s of sleep on 2M rows, and a shorter pause only presses the clients
 * harder, so it flatters nothing).
 */
export function zeroDowntimeOptionsFromEnv(log: (message: string) => void): ZeroDowntimeBenchOptions {
  return {
    rows: integerFromEnv("BENCH_ZDT_ROWS", 1) ?? 2_000_000,
    clients: integerFromEnv("BENCH_ZDT_CLIENTS", 1) ?? 6,
    thinkMs: integerFromEnv("BENCH_ZDT_THINK_MS", 0) ?? 5,
    batchSize: integerFromEnv("BENCH_ZDT_BATCH", 1),
    throttleMs: integerFromEnv("BENCH_ZDT_THROTTLE_MS", 0) ?? 10,
    log,
  };
}
