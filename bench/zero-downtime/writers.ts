import { performance } from "node:perf_hooks";
import { connect, type DbClient } from "../../src/db/index.js";
import { ACCOUNTS } from "./scenario.js";

export type TransactionKind = "insert" | "update" | "select";

const KINDS: TransactionKind[] = ["insert", "update", "select"];

export interface WriterOptions {
  url: string;
  clients: number;
  /** Seeded keys are 1..rows; updates and selects pick among them. */
  rows: number;
  /** Pause between one client's transactions, so the clients load the server without saturating it. */
  thinkMs: number;
  /** Seed of the key choice, so two runs issue the same sequence of transactions. */
  seed?: number;
}

/** Every transaction the clients ran, in columns: start (performance.now() ms), latency (ms), kind. */
export interface TransactionLog {
  starts: number[];
  latencies: number[];
  kinds: TransactionKind[];
}

export interface WriterFailure {
  client: number;
  kind: TransactionKind;
  atMs: number;
  code: string | null;
  message: string;
}

export interface WriterRun {
  log: TransactionLog;
  failures: WriterFailure[];
  /** Rows the clients inserted (committed). */
  inserted: number;
  /** Committed updates per seeded key: each added one to its score. */
  updates: Map<number, number>;
}

export interface Writers {
  /** Lets each client finish its current transaction, closes the connections and returns what they did. */
  stop(): Promise<WriterRun>;
}

/** Keys of inserted rows start far above the seeded ones; each client has its own range. */
const INSERT_BASE = 1_000_000_000;
const CLIENT_RANGE = 100_000_000;

/** mulberry32: a tiny seeded generator, enough to spread keys evenly and repeatably. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts `clients` pgbench-style sessions, each looping over single-row transactions by key (insert,
 * update, select) until stopped. Sessions run without statement_timeout or lock_timeout, so a transaction
 * blocked by the migration waits, and its latency shows for how long.
 */
export async function startWriters(options: WriterOptions): Promise<Writers> {
  const sessions: DbClient[] = [];
  try {
    for (let i = 0; i < options.clients; i++) {
      const client = await connect(options.url, { applicationName: `zero-downtime writer ${i + 1}` });
      sessions.push(client);
      await client.query("SET statement_timeout = 0; SET lock_timeout = 0");
    }
  } catch (error) {
    await Promise.all(sessions.map((client) => client.end().catch(() => {})));
    throw error;
  }
  const run: WriterRun = {
    log: { starts: [], latencies: [], kinds: [] },
    failures: [],
    inserted: 0,
    updates: new Map(),
  };
  let stopping = false;
  const loops = sessions.map(async (client, index) => {
    const next = random((options.seed ?? 1) * 7919 + index);
    let inserts = 0;
    while (!stopping) {
      const kind = KINDS[Math.floor(next() * KINDS.length)]!;
      const key = 1 + Math.floor(next() * options.rows);
      const start = performance.now();
      try {
        if (kind === "insert") {
          const id = INSERT_BASE + index * CLIENT_RANGE + inserts;
          await client.query(
            "INSERT INTO public.events (id, account_id, note, score) VALUES ($1, $2, $3, $4)",
            [id, 1 + (id % ACCOUNTS), `note ${id}`, 0],
          );
          inserts++;
          run.inserted++;
        } else if (kind === "update") {
          const { rowCount } = await client.query(
            "UPDATE public.events SET score = score + 1 WHERE id = $1",
            [key],
          );
          if (rowCount === 1) run.updates.set(key, (run.updates.get(key) ?? 0) + 1);
        } else {
          await client.query("SELECT id, note, score FROM public.events WHERE id = $1", [key]);
        }
      } catch (error) {
        const failure = error as { code?: string; message?: string };
        run.failures.push({
          client: index + 1,
          kind,
          atMs: start,
          code: failure.code ?? null,
          message: failure.message ?? String(error),
        });
      }
      run.log.starts.push(start);
      run.log.latencies.push(performance.now() - start);
      run.log.kinds.push(kind);
      if (options.thinkMs > 0) await sleep(options.thinkMs);
    }
  });
  return {
    async stop() {
      stopping = true;
      await Promise.all(loops);
      await Promise.all(sessions.map((client) => client.end().catch(() => {})));
      return run;
    },
  };
}
