import { setTimeout as delay } from "node:timers/promises";
import { type DbClient, withClient } from "../db/connect.js";
import { MigrateError } from "../errors.js";

// SQLSTATE query_canceled: what a statement stopped by pg_cancel_backend fails with. statement_timeout
// raises it too, which is why it only counts as a cancellation when the run's signal has fired.
const QUERY_CANCELED = "57014";

/** Where a cancelled run stopped: before a step started, or inside a step (its open work rolled back). */
export interface CancelPoint {
  stepId: string;
  summary: string;
  during: boolean;
  /** What of the step is kept, e.g. "4,000 of 20,000 rows committed"; empty when nothing is worth saying. */
  kept: string;
}

/**
 * Thrown inside the executor where a cancelled run stops. It is internal: runners catch it, record the run
 * as interrupted and throw a MigrateError with code CANCELLED naming the step and how to resume.
 */
export class Cancelled extends Error {
  constructor(
    readonly at: CancelPoint | null = null,
    options?: { cause?: unknown },
  ) {
    super(at ? `cancelled ${at.during ? "during" : "before"} step ${at.stepId}` : "cancelled", options);
  }
}

/**
 * A run's cancellation: the executor calls `check()` at safe boundaries (between steps, batches and
 * standalone statements), and runs long statements under `guard()`, which cancels the statement on the
 * server when the signal fires, so a long UPDATE or index build stops instead of running to its end.
 */
export class Cancellation {
  // The backend pid of each session guarded so far, asked once per session.
  private readonly pids = new WeakMap<DbClient, number>();

  constructor(
    private readonly signal: AbortSignal | undefined,
    private readonly databaseUrl: string,
  ) {}

  get requested(): boolean {
    return this.signal?.aborted === true;
  }

  check(): void {
    if (this.requested) throw new Cancelled();
  }

  /** Sleeps `ms`, waking early when the run is cancelled (the caller's next check then stops it). */
  sleep(ms: number): Promise<void> {
    // An abort rejects the timer; the sleep just ends.
    return delay(ms, undefined, { signal: this.signal }).catch(() => {});
  }

  /**
   * Runs `fn`, whose statements go through `client`; if the signal fires meanwhile, the statement running
   * on `client` is cancelled from a second connection (pg_cancel_backend) and `fn`'s failure becomes
   * `Cancelled`. Callers wrap only work whose interruption is safe: a transaction's body (the caller rolls
   * it back), a standalone statement the executor redoes check-then-act, a read.
   */
  async guard<T>(client: DbClient, fn: () => Promise<T>): Promise<T> {
    const signal = this.signal;
    if (!signal) return fn();
    this.check();
    const pid = this.pids.get(client) ?? (await backendPid(client));
    this.pids.set(client, pid);
    const cancelling: Promise<void>[] = [];
    const onAbort = () => {
      cancelling.push(cancelBackend(this.databaseUrl, pid));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    try {
      return await fn();
    } catch (error) {
      if (error instanceof Cancelled) throw error;
      if (signal.aborted && isQueryCanceled(error)) throw new Cancelled(null, { cause: error });
      throw error;
    } finally {
      signal.removeEventListener("abort", onAbort);
      // The cancel request must reach the server before this session's next statement (a ROLLBACK, a
      // journal write): one that arrived late would cancel that statement instead. pg_cancel_backend has
      // signalled the backend when it returns, and an idle backend ignores the signal.
      await Promise.all(cancelling);
    }
  }
}

/** The error of a run cancelled before it changed anything. */
export function cancelledBeforeStart(what: string): MigrateError {
  return new MigrateError("CANCELLED", `${what} was cancelled before it started; nothing was changed`);
}

/**
 * The error of a journaled run (apply or rollback) that stopped at `point`: which step, what of it is
 * kept, that everything committed before it stays recorded, and the commands that go on from there.
 */
export function cancelledRunError(
  what: string,
  stopped: Cancelled,
  next: { resume: string; undo?: string },
): MigrateError {
  const at = stopped.at;
  const where = at
    ? `${at.during ? "during" : "before"} step ${at.stepId} (${at.summary})${at.kept ? `: ${at.kept}` : ""}`
    : "between steps";
  const from = at ? ` from step ${at.stepId}` : "";
  const undo = next.undo ? `, or undo with ${next.undo}` : "";
  return new MigrateError(
    "CANCELLED",
    `${what} was cancelled ${where}; the steps before it are committed and recorded in the journal and the runner lock is released — resume${from} with ${next.resume}${undo}`,
    { cause: stopped },
  );
}

/** A cancellation that never fires, for runs without a signal. */
export const NEVER_CANCELLED = new Cancellation(undefined, "");

export function isQueryCanceled(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === QUERY_CANCELED;
}

async function backendPid(client: DbClient): Promise<number> {
  const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
  return rows[0]!.pid;
}

async function cancelBackend(databaseUrl: string, pid: number): Promise<void> {
  try {
    await withClient(databaseUrl, (client) => client.query("SELECT pg_cancel_backend($1)", [pid]), {
      applicationName: "migrate-mcp cancel",
      connectTimeoutMs: 5_000,
    });
  } catch {
    // Without a second connection the statement runs to its end; the run still stops at the next boundary.
  }
}
