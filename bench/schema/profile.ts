import { Worker } from "node:worker_threads";
import { catalogDigestQuery, factsQuery } from "../../src/catalog/digest.js";
import { readCatalog } from "../../src/catalog/introspect.js";
import { columnPositionsQuery } from "../../src/catalog/kinds/columns.js";
import { dependenciesQuery, endpointsQuery } from "../../src/catalog/kinds/dependencies.js";
import { CATALOG_KINDS } from "../../src/catalog/kinds/index.js";
import { tableStatsQuery } from "../../src/catalog/kinds/relations.js";
import type { SchemaModel } from "../../src/catalog/model.js";
import { withClient } from "../../src/db/index.js";
import { diffSchemas } from "../../src/diff/diff.js";
import { processCpuMs } from "../lib/cpu.js";
import { timed } from "../lib/timing.js";

/**
 * The catalog queries readCatalog runs, in its order, then the digest query alone, which verify.sql runs
 * and the plan does not need.
 */
const QUERIES: Record<string, string> = {
  "table stats": tableStatsQuery,
  ...Object.fromEntries(CATALOG_KINDS.map((kind) => [kind.name, factsQuery(kind)])),
  "column positions": columnPositionsQuery,
  dependencies: dependenciesQuery,
  "dependency endpoints": endpointsQuery,
  "verify.sql digest": catalogDigestQuery,
};

export interface QueryTiming {
  name: string;
  ms: number;
  /** CPU of the backend that ran it, when the server is local. */
  serverCpuMs: number | null;
  rows: number;
}

/** Each catalog query on its own, under the same snapshot and search_path as introspection uses. */
export async function profileQueries(url: string, local: boolean): Promise<QueryTiming[]> {
  return withClient(url, async (client) => {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    await client.query("SET LOCAL search_path = ''");
    const pid = (await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid")).rows[0]?.pid ?? 0;
    const timings: QueryTiming[] = [];
    for (const [name, query] of Object.entries(QUERIES)) {
      const before = local ? processCpuMs(pid) : null;
      const { ms, value } = await timed(() => client.query(query));
      const after = local ? processCpuMs(pid) : null;
      const serverCpuMs = before === null || after === null ? null : after - before;
      // A kind's facts come as one row that carries their count.
      const counted = value.rows[0]?.count;
      const rows = typeof counted === "number" ? counted : (value.rowCount ?? 0);
      timings.push({ name, ms, serverCpuMs, rows });
    }
    await client.query("COMMIT");
    return timings;
  });
}

export interface Phase {
  name: string;
  ms: number;
  /** CPU of this process during the phase: JavaScript work, as opposed to waiting for the server. */
  clientCpuMs: number;
  /** The phase was still running at the limit and was stopped; its figures are lower bounds. */
  timedOut?: boolean;
}

/**
 * The stages every plan goes through, one at a time and in sequence (the library overlaps the two sides'
 * introspection): which are database time and which are JavaScript. What comes after the diff (steps,
 * annotations, files) is seen in the CPU profile of a whole generate run instead, so this list stays true
 * while the planner changes. `starting` names each phase before it runs and `done` reports it, so a
 * caller that stops a runaway phase still knows which one it was.
 */
export async function profilePhases(
  sourceUrl: string,
  targetUrl: string,
  starting: (name: string) => void,
  done: (phase: Phase) => void,
): Promise<void> {
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    starting(name);
    const before = process.cpuUsage();
    const { ms, value } = await timed(fn);
    const used = process.cpuUsage(before);
    done({ name, ms, clientCpuMs: (used.user + used.system) / 1000 });
    return value;
  };
  const read = async (url: string): Promise<SchemaModel> =>
    (await withClient(url, (client) => readCatalog(client), { readOnly: true })).model;
  const source = await phase("read catalog source: model + digest (db + js)", () => read(sourceUrl));
  const target = await phase("read catalog target: model + digest (db + js)", () => read(targetUrl));
  await phase("diff source → target (js)", async () => diffSchemas(source, target));
  await phase("diff target → source (js)", async () => diffSchemas(target, source));
}

/** profilePhases in a worker thread, stopped after `limitMs`; the phase still running is marked timedOut. */
export function runPhases(sourceUrl: string, targetUrl: string, limitMs: number): Promise<Phase[]> {
  const worker = new Worker(new URL("./phases-worker.js", import.meta.url), {
    workerData: { sourceUrl, targetUrl },
  });
  const phases: Phase[] = [];
  let current: { name: string; started: number; cpu: NodeJS.CpuUsage } | null = null;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      if (current) {
        const used = process.cpuUsage(current.cpu);
        phases.push({
          name: current.name,
          ms: performance.now() - current.started,
          clientCpuMs: (used.user + used.system) / 1000,
          timedOut: true,
        });
      }
      void worker.terminate().then(() => resolve(phases));
    }, limitMs);
    worker.on("message", (message: { starting?: string; done?: Phase }) => {
      if (message.starting) {
        current = { name: message.starting, started: performance.now(), cpu: process.cpuUsage() };
      }
      if (message.done) {
        phases.push(message.done);
        current = null;
      }
    });
    worker.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    worker.on("exit", () => {
      clearTimeout(timer);
      resolve(phases);
    });
  });
}
