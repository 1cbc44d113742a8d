import { clientCpuMs, type ServerCpu } from "./cpu.js";
import { RunTimeout, summarise, type Timing, timed } from "./timing.js";

/** Medians over the runs of one measurement: wall time, and CPU time where /proc can tell. */
export interface Measurement {
  wall: Timing;
  /** This process plus the child processes it ran (a CLI, migra, pg_dump). */
  clientCpuMs: number | null;
  /** The database server's processes; null when the server is not local. */
  serverCpuMs: number | null;
  /** Set when a run hit the per-run limit: the figures are then lower bounds ("> limit"). */
  timedOut: boolean;
}

export interface MeasureOptions {
  runs: number;
  /** Stop repeating once the runs so far took this long, so a slow engine still finishes in minutes. */
  budgetMs: number;
  server: ServerCpu | null;
}

/** Backends end a moment after their client disconnects; their CPU is counted once the postmaster reaps them. */
const SETTLE_MS = 150;

/** The median run, or after a timeout the run that hit the limit (a lower bound for every figure). */
function pick(values: number[], timedOut: boolean): number {
  return timedOut ? (values[values.length - 1] ?? 0) : summarise(values).median;
}

/**
 * Runs `fn` up to `runs` times (the first run always happens) and reports medians. A run that throws
 * RunTimeout ends the measurement, which then reports that run; other errors propagate.
 */
export async function measure(
  options: MeasureOptions,
  fn: (run: number) => Promise<void>,
): Promise<Measurement> {
  const walls: number[] = [];
  const clients: number[] = [];
  const servers: number[] = [];
  let spent = 0;
  let timedOut = false;
  for (let run = 0; run < options.runs && (run === 0 || spent < options.budgetMs) && !timedOut; run++) {
    const client0 = clientCpuMs();
    const server0 = options.server?.sample() ?? 0;
    let ms: number;
    try {
      ms = (await timed(() => fn(run))).ms;
    } catch (error) {
      if (!(error instanceof RunTimeout)) throw error;
      ms = error.limitMs;
      timedOut = true;
    }
    walls.push(ms);
    clients.push(clientCpuMs() - client0);
    if (options.server) {
      await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      servers.push(options.server.sample() - server0);
    }
    spent += ms;
  }
  return {
    wall: { ...summarise(walls), median: pick(walls, timedOut) },
    clientCpuMs: process.platform === "linux" ? pick(clients, timedOut) : null,
    serverCpuMs: options.server ? pick(servers, timedOut) : null,
    timedOut,
  };
}

export function totalCpuMs(m: Measurement): number | null {
  return m.clientCpuMs === null ? null : m.clientCpuMs + (m.serverCpuMs ?? 0);
}
