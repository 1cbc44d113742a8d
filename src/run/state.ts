import type { SchemaModel } from "../catalog/model.js";
import type { Change } from "../diff/change.js";
import { diffSchemas } from "../diff/diff.js";
import { MigrateError } from "../errors.js";
import type { Step } from "../plan/step.js";
import type { StepRow } from "./journal.js";
import { type Snapshot, shortFingerprint } from "./snapshot.js";

/** Where the journal says the database is. */
export interface ExpectedState {
  fingerprint: string;
  /** For messages: "the plan's source", "the state after step 002". */
  label: string;
  /**
   * A step changed the schema after that state without a recorded fingerprint: it committed just before a
   * crash, or it runs outside a transaction and was interrupted part way.
   */
  uncertain: boolean;
  /** A done step whose fingerprint was never recorded (the runner died right after its commit). */
  unrecorded: StepRow | null;
}

/** Folds a direction's journal rows into the state the database should be in now. */
export function expectedState(
  start: { fingerprint: string; label: string },
  rows: StepRow[],
  steps: ReadonlyMap<string, Pick<Step, "transactional" | "backfill">>,
): ExpectedState {
  let state: ExpectedState = { ...start, uncertain: false, unrecorded: null };
  for (const row of rows) {
    // A failed step with a fingerprint committed its SQL; only its post-step verify failed.
    const committed = row.status === "done" || (row.status === "failed" && row.fingerprintAfter !== null);
    if (committed && row.fingerprintAfter) {
      state = {
        fingerprint: row.fingerprintAfter,
        label: `the state after step ${row.stepId}`,
        uncertain: false,
        unrecorded: null,
      };
    } else if (committed) {
      state = { ...state, uncertain: true, unrecorded: row };
    } else if (row.status === "running" || row.status === "failed" || row.status === "paused") {
      const step = steps.get(row.stepId);
      // Transactional steps and backfills leave the schema exactly as before when interrupted.
      if (step && !step.transactional && !step.backfill) state = { ...state, uncertain: true };
    }
  }
  return state;
}

/**
 * Proves the database is where the journal says: the expected fingerprint exactly, or, when a step's
 * effect is uncertain, a state whose only differences from the last known one are on objects the plan is
 * changing anyway (the run ends with an exact fingerprint check). Anything else is drift.
 */
export function checkState(
  planId: string,
  current: Snapshot,
  expected: ExpectedState,
  known: SchemaModel,
  goal: SchemaModel,
): "exact" | "uncertain" {
  if (current.fingerprint === expected.fingerprint) return "exact";
  const found = safeDiff(known, current.model);
  if (expected.uncertain && found) {
    const planned = new Set(safeDiff(known, goal)?.map((change) => change.objectId) ?? []);
    if (found.every((change) => planned.has(change.objectId))) return "uncertain";
  }
  throw new MigrateError(
    "DRIFT_DETECTED",
    `the database has drifted from plan ${planId}: expected ${expected.label} (${shortFingerprint(expected.fingerprint)}), found ${shortFingerprint(current.fingerprint)} — ${describeChanges(found)}; undo those changes, or generate a new plan from the current schema`,
  );
}

/**
 * A plan applied to a database that is not its source at all (rather than one that drifted a little):
 * fewer than half of the source's objects exist here.
 */
export function checkSameDatabase(
  planId: string,
  sourceLabel: string,
  databaseName: string,
  current: Snapshot,
  source: SchemaModel,
): void {
  const ids = Object.keys(source.objects);
  if (ids.length === 0) return;
  const shared = ids.filter((id) => id in current.model.objects).length;
  if (shared * 2 >= ids.length) return;
  throw new MigrateError(
    "WRONG_DATABASE",
    `database "${databaseName}" is not the source of plan ${planId} (${sourceLabel}): only ${shared} of its ${ids.length} objects exist here; point --db at the database the plan was generated from`,
  );
}

/** Why a run that should have reached `goal` did not, with what differs. */
export function targetMismatch(current: Snapshot, goal: SchemaModel, label: string): string {
  const differences = safeDiff(current.model, goal);
  return `the run ended at ${shortFingerprint(current.fingerprint)}, not at ${label} — ${describeChanges(differences, "still to do")}`;
}

function safeDiff(from: SchemaModel, to: SchemaModel): Change[] | null {
  try {
    return diffSchemas(from, to).filter((change) => change.statements.length > 0);
  } catch {
    return null;
  }
}

function describeChanges(changes: Change[] | null, what = "the plan did not make"): string {
  if (changes === null) return "objects of kinds the engine cannot compare differ";
  if (changes.length === 0) return "only details outside the schema model differ";
  const shown = changes.slice(0, 5).map((change) => change.summary);
  const more = changes.length > shown.length ? ` and ${changes.length - shown.length} more` : "";
  return `${changes.length} change(s) ${what}: ${shown.join("; ")}${more}`;
}
