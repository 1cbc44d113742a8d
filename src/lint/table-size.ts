import type { TableFacts } from "./catalog-facts.js";
import type { Severity, SizeEffect } from "./hazards.js";

/** Below this (heap + indexes + TOAST) a rewrite, scan or index build takes milliseconds. */
const TINY_TABLE_BYTES = 10 * 1024 * 1024;

const ONE_LEVEL_DOWN: Record<Severity, Severity> = { error: "warning", warning: "info", info: "info" };

export interface Sized {
  severity: Severity;
  message: string;
}

/**
 * Sharpens a finding with the table's size from pg_class: a hazard whose lock lasts as long as a scan or
 * rewrite is one level less severe on a tiny table, and a NOT NULL column without default is harmless on
 * an empty one. The message always says how big the table is.
 */
export function sizedFinding(effect: SizeEffect, finding: Sized, table: TableFacts): Sized {
  const size = describeSize(table);
  if (effect === "fails-if-rows") {
    const empty = table.rows === 0 || table.heapBytes === 0;
    return empty
      ? { severity: "info", message: `${finding.message}; ${table.name} is empty now, so it succeeds` }
      : { severity: finding.severity, message: `${finding.message} (${table.name}: ${size})` };
  }
  if (effect === "scales" && table.totalBytes < TINY_TABLE_BYTES) {
    return {
      severity: ONE_LEVEL_DOWN[finding.severity],
      message: `${finding.message}; ${table.name} is small (${size}), so the lock is brief`,
    };
  }
  return { severity: finding.severity, message: `${finding.message} (${table.name}: ${size})` };
}

function describeSize(table: TableFacts): string {
  const rows =
    table.rows === null
      ? "row count unknown (never analyzed)"
      : `~${Math.round(table.rows).toLocaleString("en-US")} rows`;
  return `${rows}, ${formatBytes(table.totalBytes)}`;
}

function formatBytes(bytes: number): string {
  const units = ["bytes", "kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${value} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
