import { spawn } from "node:child_process";
import { performance } from "node:perf_hooks";

/** Wall times of repeated runs of one measurement, in milliseconds. */
export interface Timing {
  runs: number[];
  median: number;
  min: number;
}

export function summarise(runs: number[]): Timing {
  const sorted = [...runs].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { runs, median, min: sorted[0] ?? 0 };
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** A run stopped at the bench's per-run limit (BENCH_TIMEOUT_S): its time is reported as "> limit". */
export class RunTimeout extends Error {
  constructor(
    readonly what: string,
    readonly limitMs: number,
  ) {
    super(`${what} did not finish within ${seconds(limitMs)}`);
  }
}

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Spawns a process and collects its output; the caller times it (wall time includes process start).
 * Past `limitMs` the process is killed and RunTimeout is thrown.
 */
export function runProcess(
  command: string,
  args: string[],
  what: string,
  limitMs: number,
): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill("SIGKILL");
    }, limitMs);
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new RunTimeout(what, limitMs));
      else resolve({ code, stdout: Buffer.concat(out).toString(), stderr: Buffer.concat(err).toString() });
    });
  });
}

/** Like runProcess, but a non-zero exit is an error naming the command's last output line. */
export async function runChecked(
  command: string,
  args: string[],
  what: string,
  limitMs: number,
): Promise<ProcessResult> {
  const result = await runProcess(command, args, what, limitMs);
  if (result.code !== 0) {
    const last = (result.stderr || result.stdout).trim().split("\n").pop() ?? "";
    throw new Error(`${what} exited with ${result.code}: ${last}`);
  }
  return result;
}

export function seconds(ms: number): string {
  return ms >= 100 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}
