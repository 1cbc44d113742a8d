import { readdirSync, readFileSync } from "node:fs";
import { withClient } from "../../src/db/index.js";

/**
 * CPU time from /proc (Linux), so figures stay comparable on a busy machine where wall time is inflated by
 * whatever else runs. Elsewhere every reader returns null and the report shows wall time only.
 */

const TICK_MS = 10; // USER_HZ is 100 on every Linux architecture Node supports

interface ProcStat {
  ppid: number;
  /** utime + stime of the process itself, in ms. */
  own: number;
  /** cutime + cstime: children it has waited for, in ms. */
  children: number;
}

function readStat(pid: number | "self"): ProcStat | null {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return null;
  }
  // Fields after the command name, which may itself contain spaces and parentheses.
  const fields = text.slice(text.lastIndexOf(")") + 2).split(" ");
  const field = (n: number) => Number(fields[n - 3]);
  return {
    ppid: field(4),
    own: (field(14) + field(15)) * TICK_MS,
    children: (field(16) + field(17)) * TICK_MS,
  };
}

/** utime + stime of one local process (a database backend), or null when /proc cannot tell. */
export function processCpuMs(pid: number): number | null {
  return readStat(pid)?.own ?? null;
}

/** This process and every child process it has finished (a spawned CLI run lands here when it exits). */
export function clientCpuMs(): number {
  const usage = process.cpuUsage();
  const self = readStat("self");
  return (usage.user + usage.system) / 1000 + (self?.children ?? 0);
}

/**
 * CPU of a PostgreSQL server running on this machine: its postmaster, the backends it has reaped, and the
 * processes still running under it. The difference across a measurement is the server's work for it,
 * provided nothing else uses the server meanwhile (the default embedded bench server is private).
 */
export interface ServerCpu {
  sample(): number;
}

/** Finds the postmaster through a backend's parent pid; null when the server is remote or not readable. */
export async function serverCpu(url: string): Promise<ServerCpu | null> {
  const backend = await withClient(url, async (client) => {
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return { pid: rows[0]?.pid ?? 0, stat: readStat(rows[0]?.pid ?? 0), comm: comm(rows[0]?.pid ?? 0) };
  });
  // A remote server's backend pid may name an unrelated local process; require a live postgres backend.
  if (!backend.stat || !backend.comm?.startsWith("postgres")) return null;
  const postmaster = backend.stat.ppid;
  if (!readStat(postmaster)) return null;
  return {
    sample() {
      const root = readStat(postmaster);
      let total = root ? root.own + root.children : 0;
      for (const entry of readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        const stat = readStat(Number(entry));
        if (stat?.ppid === postmaster) total += stat.own;
      }
      return total;
    },
  };
}

function comm(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return null;
  }
}
