import type { Change, ChangeAction, Statement } from "../diff/change.js";

export type Phase = "expand" | "backfill" | "contract";

/** PostgreSQL table lock modes, weakest first; a step records the strongest one it takes. */
export const LOCK_LEVELS = [
  "none",
  "ACCESS SHARE",
  "ROW EXCLUSIVE",
  "SHARE UPDATE EXCLUSIVE",
  "SHARE",
  "SHARE ROW EXCLUSIVE",
  "EXCLUSIVE",
  "ACCESS EXCLUSIVE",
] as const;

export type LockLevel = (typeof LOCK_LEVELS)[number];

export interface StepEstimate {
  rows: number;
  bytes: number;
  /** The step rewrites the whole table (new relfilenode). */
  rewrite: boolean;
  /** The step reads the whole table while holding its lock. */
  scan: boolean;
}

/** A batched UPDATE run by the executor with a checkpoint per batch, instead of statements. */
export interface Backfill {
  /** Qualified table name, ready for SQL. */
  table: string;
  /** Key columns (quoted) used to walk the table in order; a primary key or unique not-null key. */
  key: string[];
  /** SET clause body, e.g. `"note_new" = "note"::bigint`. */
  set: string;
  /** Rows that still need the update, e.g. `"note_new" IS NULL AND "note" IS NOT NULL`. */
  pending: string;
  batchSize: number;
}

/** One unit of work in a plan: the statements of one change, with an id the scripts and journal share. */
export interface Step {
  id: string;
  summary: string;
  objectId: string;
  kind: Change["kind"];
  action: ChangeAction;
  phase: Phase;
  statements: Statement[];
  /** Runs batch by batch instead of `statements` (which then hold the equivalent single UPDATE for psql). */
  backfill: Backfill | null;
  /** SQL returning one boolean column `ok`: true when the step's effect is in place. */
  verify: string | null;
  lockLevel: LockLevel;
  lockTimeoutMs: number;
  statementTimeoutMs: number | null;
  hazards: string[];
  estimate: StepEstimate | null;
  destructive: boolean;
  /** False when any statement must run outside a transaction block. */
  transactional: boolean;
}

export const DEFAULT_LOCK_TIMEOUT_MS = 2000;
