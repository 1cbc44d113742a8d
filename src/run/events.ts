import type { Direction } from "./journal.js";

/**
 * Progress of a run as typed events, in the order they happen. The CLI draws them as progress bars; the
 * MCP server turns them into progress notifications. Listeners must not throw.
 */
export type RunEvent =
  | {
      type: "run-started";
      operation: "apply" | "rollback";
      planId: string;
      runId: number;
      total: number;
      done: number;
    }
  | {
      type: "step-started";
      direction: Direction;
      stepId: string;
      summary: string;
      index: number;
      total: number;
      attempt: number;
    }
  | { type: "step-skipped"; direction: Direction; stepId: string; reason: string }
  | { type: "step-finished"; direction: Direction; stepId: string; ms: number; rows: number | null }
  | { type: "step-failed"; direction: Direction; stepId: string; error: string }
  | { type: "lock-retry"; direction: Direction; stepId: string; attempt: number; waitMs: number }
  | {
      type: "backfill-progress";
      stepId: string;
      rows: number;
      total: number;
      percent: number;
      rowsPerSecond: number;
      etaSeconds: number | null;
    }
  | { type: "backup"; stepId: string; method: "pg_dump" | "copy"; location: string; tables: string[] }
  | { type: "invalid-index"; stepId: string; index: string }
  | { type: "paused"; stepId: string; percent: number }
  | { type: "rollback-started"; reason: string }
  | { type: "warning"; message: string };

export type EventSink = (event: RunEvent) => void;

export const ignoreEvents: EventSink = () => {};
