import { mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { introspectUrl } from "../../src/catalog/introspect.js";
import type { SchemaModel } from "../../src/catalog/model.js";
import { diffSchemas } from "../../src/diff/diff.js";
import { serverCpu } from "../lib/cpu.js";
import { type HotFunction, hotFunctions, readCpuProfile } from "../lib/cpu-profile.js";
import {
  type BenchDatabase,
  BenchDatabases,
  type BenchServer,
  benchServer,
  findPgDump,
  loadStatements,
  pgDumpServer,
  settleDatabase,
} from "../lib/databases.js";
import { type Measurement, type MeasureOptions, measure } from "../lib/measure.js";
import { cliPath, migraBin } from "../lib/paths.js";
import { runChecked, runProcess, timed } from "../lib/timing.js";
import { type Correctness, checkPlan } from "./correctness.js";
import { type Phase, profileQueries, type QueryTiming, runPhases } from "./profile.js";
import { syntheticSchema } from "./synthetic.js";

export interface SchemaBenchOptions {
  tables: number;
  /** Most repetitions of each measurement; fewer when the runs so far exceed `budgetMs`. */
  runs: number;
  migraRuns: number;
  budgetMs: number;
  /** Limit for any single run (a CLI, migra, pg_dump, the phase profile); BENCH_TIMEOUT_S. */
  timeoutMs: number;
  log: (message: string) => void;
}

export interface SchemaBenchResult {
  server: { label: string; version: string };
  machine: { cpus: number; loadAverage: number[] };
  schema: {
    tablesSource: number;
    tablesTarget: number;
    objectsSource: number;
    objectsTarget: number;
    changes: number;
    changedObjects: number;
    counts: Record<string, Record<string, number>>;
  };
  loadMs: { source: number; target: number };
  analyze: Measurement;
  generate: Measurement;
  migra: { version: string; measurement: Measurement; outputLines: number } | { error: string };
  introspection:
    | { server: string; pgDump: string; ours: Measurement; pgDumpMeasurement: Measurement; objects: number }
    | { skipped: string };
  phases: Phase[];
  queries: QueryTiming[];
  hot: { self: HotFunction[]; total: HotFunction[] } | { skipped: string };
  correctness: Correctness | { skipped: string };
  totalMs: number;
}

export async function runSchemaBench(options: SchemaBenchOptions): Promise<SchemaBenchResult> {
  const started = performance.now();
  const { log } = options;
  const { server, release } = await benchServer();
  const databases = new BenchDatabases();
  const work = await mkdtemp(join(tmpdir(), "mm-bench-"));
  try {
    const pgDump = findPgDump();
    const dumpTarget = await pgDumpServer(server, pgDump?.major ?? null);
    const sourceSql = syntheticSchema(options.tables, "a");
    const targetSql = syntheticSchema(options.tables, "b");
    log(`loading the ${options.tables}-table schema: A, B, and a copy of A for the correctness check`);
    const [source, target, copy] = await Promise.all([
      databases.create(server.url, "a"),
      databases.create(server.url, "b"),
      databases.create(server.url, "copy"),
    ]);
    const dumpCopy =
      "server" in dumpTarget && dumpTarget.server.url !== server.url
        ? await databases.create(dumpTarget.server.url, "dump")
        : null;
    // allSettled: when one load fails the others must finish before their databases are dropped.
    const loads = await Promise.allSettled([
      timed(() => loadStatements(source.url, sourceSql)),
      timed(() => loadStatements(target.url, targetSql)),
      timed(() => loadStatements(copy.url, sourceSql)),
      timed(() => (dumpCopy ? loadStatements(dumpCopy.url, sourceSql) : Promise.resolve())),
    ]);
    const [loadSource, loadTarget] = loads.map((load) => {
      if (load.status === "rejected") throw load.reason;
      return load.value;
    });
    log("vacuuming and analysing the loaded databases, so autovacuum does not run during the timings");
    for (const db of [source, target, copy, ...(dumpCopy ? [dumpCopy] : [])]) await settleDatabase(db.url);

    const cpu = await serverCpu(server.url);
    const runs = { runs: options.runs, budgetMs: options.budgetMs, server: cpu };
    const limit = options.timeoutMs;
    const cli = cliPath();
    const specs = ["--source", source.url, "--target", target.url];
    const generateArgs = (out: string) => [
      cli,
      "generate",
      ...specs,
      ...["--out", out, "--name", "bench", "--allow-destructive"],
    ];
    log("timing migrate-mcp analyze (CLI)");
    const analyze = await measure(runs, async () => {
      await runChecked(process.execPath, [cli, "analyze", ...specs], "migrate-mcp analyze", limit);
    });
    log("timing migrate-mcp generate (CLI)");
    const planDir = (run: number) => join(work, `plan-${run}`);
    const generate = await measure(runs, async (run) => {
      await runChecked(process.execPath, generateArgs(planDir(run)), "migrate-mcp generate", limit);
    });

    log("timing @pgkit/migra");
    const migra = await timeMigra(source, target, { ...runs, runs: options.migraRuns }, limit);

    let introspection: SchemaBenchResult["introspection"];
    if ("server" in dumpTarget) {
      const dumpServer = dumpTarget.server;
      log(`timing introspection against pg_dump -s on PostgreSQL ${dumpServer.version}`);
      const dumpCpu = dumpServer.url === server.url ? cpu : await serverCpu(dumpServer.url);
      const url = dumpCopy?.url ?? source.url;
      introspection = await compareWithPgDump(dumpServer, url, { ...runs, server: dumpCpu }, limit);
    } else introspection = dumpTarget;

    log("profiling: phases, catalog queries, and a CPU profile of generate");
    const phases = await runPhases(source.url, target.url, limit);
    const queries = await profileQueries(source.url, cpu !== null);
    const hot = generate.timedOut
      ? { skipped: "generate did not finish within the limit" }
      : await profileGenerate(generateArgs(join(work, "plan-profile")), join(work, "cpu-profile"), limit);
    const [sourceModel, targetModel] = await Promise.all([
      introspectUrl(source.url),
      introspectUrl(target.url),
    ]);

    log("checking forward.sql and rollback.sql on a copy of A");
    const correctness = generate.timedOut
      ? { skipped: "generate did not finish within the limit" }
      : await checkPlan(copy, planDir(0), source, target);

    return {
      server: { label: server.label, version: server.version },
      machine: { cpus: cpus().length, loadAverage: loadavg() },
      schema: describeChanges(sourceModel, targetModel),
      loadMs: { source: loadSource?.ms ?? 0, target: loadTarget?.ms ?? 0 },
      analyze,
      generate,
      migra,
      introspection,
      phases,
      queries,
      hot,
      correctness,
      totalMs: performance.now() - started,
    };
  } finally {
    await databases.dropAll();
    await rm(work, { recursive: true, force: true });
    await release();
  }
}

/** `migra run A B --unsafe`, as the shared judge calls it; exit code 2 only means "differences found". */
async function timeMigra(
  source: BenchDatabase,
  target: BenchDatabase,
  runs: MeasureOptions,
  limitMs: number,
): Promise<SchemaBenchResult["migra"]> {
  const bin = migraBin();
  let output = "";
  let failure: string | null = null;
  const measurement = await measure(runs, async () => {
    const args = [bin.path, "run", source.url, target.url, "--unsafe"];
    const result = await runProcess(process.execPath, args, "@pgkit/migra", limitMs);
    if (result.code === null || result.code > 2 || (result.code !== 0 && !result.stdout)) {
      failure = `migra exited with ${result.code}: ${(result.stderr || result.stdout).trim().split("\n")[0]}`;
    }
    output = result.stdout;
  });
  if (failure) return { error: failure };
  const outputLines = output.split("\n").filter((line) => line.trim()).length;
  return { version: bin.version, measurement, outputLines };
}

/** Our introspection (connect, catalog queries, model) against `pg_dump -s` of the same database. */
async function compareWithPgDump(
  dumpServer: BenchServer,
  url: string,
  runs: MeasureOptions,
  limitMs: number,
): Promise<SchemaBenchResult["introspection"]> {
  const dump = findPgDump()!;
  let objects = 0;
  const ours = await measure(runs, async () => {
    objects = Object.keys((await introspectUrl(url)).objects).length;
  });
  const pgDumpMeasurement = await measure(runs, async () => {
    await runChecked(dump.path, ["-s", "-d", url], "pg_dump -s", limitMs);
  });
  return {
    server: `PostgreSQL ${dumpServer.version} (${dumpServer.label})`,
    pgDump: dump.version,
    ours,
    pgDumpMeasurement,
    objects,
  };
}

/** One more generate run under `node --cpu-prof`: the functions of src/ where its CPU time goes. */
async function profileGenerate(
  args: string[],
  dir: string,
  limitMs: number,
): Promise<SchemaBenchResult["hot"]> {
  try {
    await runChecked(process.execPath, [`--cpu-prof-dir=${dir}`, "--cpu-prof", ...args], "generate", limitMs);
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  const profile = await readCpuProfile(dir);
  return profile ? hotFunctions(profile, 10) : { skipped: "node wrote no CPU profile" };
}

function describeChanges(source: SchemaModel, target: SchemaModel): SchemaBenchResult["schema"] {
  const changes = diffSchemas(source, target);
  const counts: Record<string, Record<string, number>> = {};
  for (const change of changes) {
    const kind = counts[change.kind] ?? {};
    kind[change.action] = (kind[change.action] ?? 0) + 1;
    counts[change.kind] = kind;
  }
  const tables = (model: SchemaModel) =>
    Object.values(model.objects).filter((o) => o.kind === "table").length;
  return {
    tablesSource: tables(source),
    tablesTarget: tables(target),
    objectsSource: Object.keys(source.objects).length,
    objectsTarget: Object.keys(target.objects).length,
    changes: changes.length,
    changedObjects: new Set(changes.map((c) => c.objectId)).size,
    counts,
  };
}
