import { join } from "node:path";
import { migrateHome } from "../db/embedded.js";
import type { LoadedPlan } from "../plan/read.js";
import type { BackfillOptions } from "./backfill.js";
import type { BackupMethod, BackupSettings } from "./backup.js";
import { Cancellation } from "./cancel.js";
import { type EventSink, ignoreEvents } from "./events.js";
import type { PlanModels } from "./plan-models.js";
import { DEFAULT_RETRY, type RetryPolicy } from "./retry.js";
import { DEFAULT_LOCK_WAIT_MS } from "./session.js";

/** Options every runner (apply, rollback) shares. */
export interface RunnerOptions {
  databaseUrl: string;
  /** How long to wait for another runner's lock before giving up (default 30 s). */
  lockWaitMs?: number;
  onEvent?: EventSink;
  /** Lock-timeout retries per step (default 6 attempts, 250 ms base, 8 s cap, full jitter). */
  retry?: RetryPolicy;
  /** auto (default): pg_dump when a matching one is installed, else an in-database copy. */
  backupMethod?: BackupMethod;
  /** Where pg_dump backups go (default `.migrate/backups` under MIGRATE_HOME or the working directory). */
  backupDir?: string;
  /** Backfill batch size, overriding the plan's. */
  batchSize?: number;
  /** Sleep between backfill batches (default 100 ms). */
  throttleMs?: number;
  /**
   * Stops the run at the next safe boundary (between steps, backfill batches or standalone statements),
   * cancelling a running step statement on the server; the run then fails with code CANCELLED.
   */
  signal?: AbortSignal;
}

export const DEFAULT_THROTTLE_MS = 100;

/** Everything a run needs about its plan and how to behave, built once per command. */
export interface PlanContext {
  loaded: LoadedPlan;
  models: PlanModels;
  databaseUrl: string;
  lockWaitMs: number;
  emit: EventSink;
  retry: RetryPolicy;
  backup: BackupSettings;
  backfill: BackfillOptions;
  cancel: Cancellation;
}

export function planContext(
  loaded: LoadedPlan,
  models: PlanModels,
  options: RunnerOptions,
  pauseAt: number | null = null,
): PlanContext {
  return {
    loaded,
    models,
    databaseUrl: options.databaseUrl,
    lockWaitMs: options.lockWaitMs ?? DEFAULT_LOCK_WAIT_MS,
    emit: options.onEvent ?? ignoreEvents,
    retry: options.retry ?? DEFAULT_RETRY,
    backup: {
      method: options.backupMethod ?? "auto",
      dir: options.backupDir ?? join(migrateHome(), "backups"),
      databaseUrl: options.databaseUrl,
    },
    backfill: {
      batchSize: options.batchSize,
      throttleMs: options.throttleMs ?? DEFAULT_THROTTLE_MS,
      pauseAt,
    },
    cancel: new Cancellation(options.signal, options.databaseUrl),
  };
}

/** The script hashes history records for a run. */
export function scriptHashes(loaded: LoadedPlan): Record<string, string> {
  return loaded.plan.files;
}
