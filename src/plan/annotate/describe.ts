import type { LockLevel, Step, StepEstimate } from "../step.js";
import { type LockEffect, longerWork, type Work } from "./context.js";

/** What other sessions can still do while a lock of this mode is held on a table. */
const BLOCKS: Record<Exclude<LockLevel, "none">, string> = {
  "ACCESS SHARE": "reads and writes continue",
  "ROW EXCLUSIVE": "reads and writes continue",
  "SHARE UPDATE EXCLUSIVE": "reads and writes continue",
  SHARE: "blocks writes, reads continue",
  "SHARE ROW EXCLUSIVE": "blocks writes, reads continue",
  EXCLUSIVE: "blocks writes, reads continue",
  "ACCESS EXCLUSIVE": "blocks reads and writes",
};

function heldFor(work: Work, step: Step): string {
  switch (work) {
    case "rewrite":
      return "held for a full table rewrite";
    case "index build":
      return "held for the whole index build";
    case "scan":
      return "held for a full table scan";
    case "batches":
      return `held one batch of ${(step.backfill?.batchSize ?? 0).toLocaleString("en-US")} rows at a time`;
    case "brief":
      return "held briefly (catalog change only)";
  }
}

/** ~2.1M rows: people read magnitudes, and reltuples is an estimate anyway. */
function formatRows(rows: number): string {
  const units: [number, string][] = [
    [1e9, "B"],
    [1e6, "M"],
    [1e3, "k"],
  ];
  for (const [size, suffix] of units) {
    if (rows >= size) return `~${Number((rows / size).toFixed(1))}${suffix} rows`;
  }
  return `~${Math.round(rows)} rows`;
}

function formatBytes(bytes: number): string {
  const units = ["bytes", "kB", "MB", "GB", "TB"];
  const exponent = bytes > 0 ? Math.min(units.length - 1, Math.floor(Math.log(bytes) / Math.log(1024))) : 0;
  const value = bytes / 1024 ** exponent;
  return `${exponent === 0 ? value : Number(value.toFixed(value < 10 ? 1 : 0))} ${units[exponent]}`;
}

/** The size in a lock description; pg_class says 0 both for empty tables and for ones never analyzed. */
export function describeSize(estimate: StepEstimate): string {
  if (estimate.rows === 0 && estimate.bytes === 0) return "empty or never analyzed";
  return `${formatRows(estimate.rows)}, ${formatBytes(estimate.bytes)}`;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * The step's own statements, read without the plan around them, cannot tell a free type change from a
 * rewrite or a proven NOT NULL from a scan; the step's estimate was made with the whole plan and both
 * models, so it has the last word on both. A type change found not to rewrite may still rebuild indexes
 * (a new collation), which the estimate records as a scan.
 */
function confirmedWork(work: Work, estimate: StepEstimate | null): Work {
  if (!estimate) return work;
  if (work === "rewrite") return estimate.rewrite ? work : estimate.scan ? "index build" : "brief";
  if (work === "scan" || work === "index build") return estimate.scan || estimate.rewrite ? work : "brief";
  return work;
}

/**
 * The step's strongest lock, on what, and for how long. In a transactional step a lock is held until the
 * step commits, so it lasts as long as the longest work from the statement that took it to the end.
 */
export function describeEffects(step: Step, effects: LockEffect[]): string {
  const level = step.lockLevel;
  if (level === "none") return "No lock on existing tables";
  const strongest = effects.filter((effect) => effect.lock === level);
  const names = [...new Set(strongest.map((effect) => effect.relation))];
  const first = Math.min(...strongest.map((effect) => effect.statement));
  const holding = step.transactional ? effects.filter((effect) => effect.statement >= first) : strongest;
  const work = holding.reduce<Work>(
    (longest, effect) => longerWork(longest, confirmedWork(effect.work, step.estimate)),
    "brief",
  );
  const size = step.estimate ? ` (${describeSize(step.estimate)})` : "";
  const on = names.length > 0 ? ` on ${listNames(names)}` : "";
  return `${level}${on}${size}, ${heldFor(work, step)}; ${BLOCKS[level]}`;
}
