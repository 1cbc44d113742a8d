import type { TransactionLog } from "./writers.js";

export interface LatencySummary {
  transactions: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Nearest-rank percentile of an ascending array (p in 0–100). */
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/**
 * Which transactions a window holds: those that overlap it at all, or those that ended inside it. A client
 * blocked by a step's lock is released when that step commits, so ending inside a step's window attributes
 * a wait to the step that caused it.
 */
export interface LatencyWindow {
  fromMs: number;
  toMs: number;
  by: "overlap" | "end";
}

function inWindow(start: number, latency: number, window: LatencyWindow): boolean {
  const end = start + latency;
  if (window.by === "end") return end >= window.fromMs && end <= window.toMs;
  return start <= window.toMs && end >= window.fromMs;
}

/** Latency percentiles of the transactions in `window`, or of all of them. */
export function summariseLatency(log: TransactionLog, window?: LatencyWindow): LatencySummary {
  const picked: number[] = [];
  for (let i = 0; i < log.latencies.length; i++) {
    const latency = log.latencies[i]!;
    if (window && !inWindow(log.starts[i]!, latency, window)) continue;
    picked.push(latency);
  }
  picked.sort((a, b) => a - b);
  return {
    transactions: picked.length,
    p50Ms: percentile(picked, 50),
    p99Ms: percentile(picked, 99),
    maxMs: picked.at(-1) ?? 0,
  };
}

/** The longest stretch of [fromMs, toMs] in which no transaction completed. */
export function longestStall(log: TransactionLog, fromMs: number, toMs: number): number {
  const ends: number[] = [];
  for (let i = 0; i < log.latencies.length; i++) {
    const end = log.starts[i]! + log.latencies[i]!;
    if (end >= fromMs && end <= toMs) ends.push(end);
  }
  ends.sort((a, b) => a - b);
  let longest = 0;
  let previous = fromMs;
  for (const end of [...ends, toMs]) {
    longest = Math.max(longest, end - previous);
    previous = end;
  }
  return longest;
}
