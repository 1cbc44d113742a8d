import { type Measurement, totalCpuMs } from "../lib/measure.js";
import { seconds } from "../lib/timing.js";
import type { ScriptCheck } from "./correctness.js";
import type { SchemaBenchResult } from "./index.js";

/** Targets from issue 3 ("Performance"). */
export const TARGETS = { wallMs: 1500, fasterThanMigra: 8, pgDumpRatio: 2 };

function verdict(ok: boolean): string {
  return ok ? "met" : "MISSED";
}

/** A figure, marked as a lower bound when its run was stopped at the limit. */
function at(ms: number, timedOut = false): string {
  return `${timedOut ? "> " : ""}${seconds(ms)}`;
}

function wall(m: Measurement): string {
  return at(m.wall.median, m.timedOut);
}

function cpu(m: Measurement): string {
  const total = totalCpuMs(m);
  return total === null ? "n/a" : at(total, m.timedOut);
}

/** How many times `fast` fits into `slow`; "<" or ">" when one side is a lower bound. */
function times(slow: number | null, fast: number | null, slowCut = false, fastCut = false): string {
  if (slow === null || fast === null || fast <= 0 || (slowCut && fastCut)) return "n/a";
  return `${fastCut ? "< " : slowCut ? "> " : ""}${(slow / fast).toFixed(1)}×`;
}

function runs(m: Measurement): string {
  return m.wall.runs.length === 1 ? "1 run" : `median of ${m.wall.runs.length} runs`;
}

function row(cells: string[], widths: number[]): string {
  return `  ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 10)).join(" ")}`.trimEnd();
}

function engineSection(result: SchemaBenchResult): string[] {
  const { migra } = result;
  const widths = [10, 9, 9, 8, 9, 9, 8];
  const lines = ["analyze and generate: CLI processes from start to exit, on the same two databases"];
  if ("error" in migra) {
    lines.push(`  @pgkit/migra failed: ${migra.error}`);
    for (const [name, m] of [
      ["analyze", result.analyze],
      ["generate", result.generate],
    ] as const) {
      lines.push(`  ${name}: ${wall(m)} wall, ${cpu(m)} cpu (${runs(m)})`);
    }
    return lines;
  }
  const theirs = migra.measurement;
  lines.push(
    row(["", "wall", "", "", "cpu (client + server)"], widths),
    row(["", "ours", "migra", "faster", "ours", "migra", "faster"], widths),
  );
  const verdicts: string[] = [];
  for (const [name, ours] of [
    ["analyze", result.analyze],
    ["generate", result.generate],
  ] as const) {
    lines.push(
      row(
        [
          name,
          wall(ours),
          wall(theirs),
          times(theirs.wall.median, ours.wall.median, theirs.timedOut, ours.timedOut),
          cpu(ours),
          cpu(theirs),
          times(totalCpuMs(theirs), totalCpuMs(ours), theirs.timedOut, ours.timedOut),
        ],
        widths,
      ),
    );
    const fast = !ours.timedOut && ours.wall.median <= TARGETS.wallMs;
    const faster = !ours.timedOut && theirs.wall.median >= TARGETS.fasterThanMigra * ours.wall.median;
    verdicts.push(`${name} ≤ 1.5 s ${verdict(fast)}, ≥ 8× ${verdict(faster)}`);
  }
  lines.push(
    `  targets: ${verdicts.join("; ")}`,
    `  ours: ${runs(result.analyze)} each; @pgkit/migra ${migra.version} (migra run A B --unsafe): ${runs(theirs)}, ${migra.outputLines} lines of SQL`,
  );
  return lines;
}

function introspectionSection(result: SchemaBenchResult): string[] {
  const { introspection } = result;
  if ("skipped" in introspection) return [`introspection vs pg_dump -s: skipped (${introspection.skipped})`];
  const { ours, pgDumpMeasurement: dump } = introspection;
  const widths = [12, 9, 9];
  const within = !ours.timedOut && ours.wall.median <= TARGETS.pgDumpRatio * dump.wall.median;
  return [
    `introspection vs pg_dump -s of A, on ${introspection.server} with ${introspection.pgDump}`,
    row(["", "wall", "cpu"], widths),
    row(["introspect", wall(ours), cpu(ours)], widths),
    row(["pg_dump -s", wall(dump), cpu(dump)], widths),
    row(
      [
        "ratio",
        times(ours.wall.median, dump.wall.median, ours.timedOut, dump.timedOut),
        times(totalCpuMs(ours), totalCpuMs(dump), ours.timedOut, dump.timedOut),
      ],
      widths,
    ),
    `  target ≤ 2× of pg_dump: ${verdict(within)} (introspect: ${runs(ours)}, ${introspection.objects} objects; pg_dump: ${runs(dump)})`,
  ];
}

function hotSection(result: SchemaBenchResult): string[] {
  const { hot } = result;
  if ("skipped" in hot) return [`CPU profile of generate: skipped (${hot.skipped})`];
  const lines = ["CPU profile of one generate run, our functions (self = in the function itself):"];
  for (const fn of hot.self.slice(0, 8)) {
    lines.push(row([seconds(fn.selfMs), `${fn.name} ${fn.location}`], [10, 60]));
  }
  lines.push("  including callees:");
  for (const fn of hot.total.slice(0, 8)) {
    lines.push(row([seconds(fn.totalMs), `${fn.name} ${fn.location}`], [10, 60]));
  }
  return lines;
}

function scriptLine(name: string, check: ScriptCheck | null): string {
  if (!check) return `  ${name}: not run (forward.sql failed)`;
  if (check.error) return `  ${name}: FAILED at ${check.error}`;
  const replan =
    check.leftover.length === 0
      ? "re-plan empty"
      : `re-plan NOT empty (${check.leftover.length}): ${check.leftover.slice(0, 5).join("; ")}`;
  return `  ${name}: applied, ${replan}, catalog digest ${check.digestMatches ? "matches" : "DIFFERS"}`;
}

export function renderSchemaReport(result: SchemaBenchResult): string {
  const { schema, machine } = result;
  const counts = Object.entries(schema.counts)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([kind, actions]) => `${kind} ${Object.values(actions).reduce((a, b) => a + b, 0)}`)
    .join(", ");
  const share = ((100 * schema.changedObjects) / schema.objectsSource).toFixed(1);
  const lines = [
    "Schema engine: synthetic schema, version A → version B",
    `  server   PostgreSQL ${result.server.version} (${result.server.label}); ${machine.cpus} CPUs, load average ${machine.loadAverage.map((l) => l.toFixed(1)).join(" ")}`,
    `  schema   ${schema.tablesSource} → ${schema.tablesTarget} tables, ${schema.objectsSource} → ${schema.objectsTarget} catalog objects (loaded in ${seconds(result.loadMs.source)} / ${seconds(result.loadMs.target)})`,
    `  changes  ${schema.changes} changes to ${schema.changedObjects} objects (${share}% of A's objects): ${counts}`,
    "",
    ...engineSection(result),
    "",
    ...introspectionSection(result),
    "",
    "stages of every plan (each alone, in sequence; cpu = this process, so db time is wall − cpu):",
    row(["", "wall", "cpu"], [38, 9, 9]),
  ];
  for (const phase of result.phases) {
    const cells = [phase.name, at(phase.ms, phase.timedOut), at(phase.clientCpuMs, phase.timedOut)];
    lines.push(row([...cells, phase.timedOut ? "stopped at the limit" : ""], [38, 9, 9, 10]));
  }
  lines.push("", "catalog queries on A, slowest first (cpu = the server backend):");
  for (const query of [...result.queries].sort((a, b) => b.ms - a.ms).slice(0, 8)) {
    const serverCpu = query.serverCpuMs === null ? "n/a" : seconds(query.serverCpuMs);
    lines.push(row([query.name, seconds(query.ms), serverCpu, `${query.rows} rows`], [16, 9, 9, 10]));
  }
  lines.push("", ...hotSection(result));
  const { correctness } = result;
  lines.push("", "correctness: generate's scripts applied to a copy of A");
  if ("skipped" in correctness) lines.push(`  skipped: ${correctness.skipped}`);
  else {
    lines.push(
      scriptLine("forward.sql", correctness.forward),
      scriptLine("rollback.sql", correctness.rollback),
    );
  }
  lines.push("", `total bench time ${seconds(result.totalMs)}`);
  return lines.join("\n");
}
