import { type DbClient, databaseName, withClient } from "../db/connect.js";
import { findLockHolder, type LockHolder } from "../db/lock.js";
import { errorText } from "../errors.js";
import { type LoadedPlan, readPlan } from "../plan/read.js";
import {
  loadState,
  type PlanJournal,
  type RunRow,
  readPlanJournal,
  recentRuns,
  type StepRow,
} from "./journal.js";
import { journalVersion } from "./journal-schema.js";
import { loadPlanModels } from "./plan-models.js";
import { RUNNER_LOCK } from "./session.js";
import { type Snapshot, shortFingerprint, takeSnapshot } from "./snapshot.js";
import { checkState, expectedState } from "./state.js";

export interface StepStatusLine {
  id: string;
  summary: string;
  status: StepRow["status"];
  attempts: number;
  rowsDone: number;
  rowsTotal: number | null;
  percent: number | null;
  checkpoint: string[] | null;
  startedAt: string | null;
  finishedAt: string | null;
  lockRetries: number;
  error: string | null;
}

export interface PlanState {
  id: string;
  name: string;
  state: "not started" | "in progress" | "paused" | "failed" | "applied" | "rolling back" | "rolled back";
  /** The step a runner is on, or stopped at (running, paused or failed). */
  current: string | null;
  done: number;
  total: number;
  steps: StepStatusLine[];
  rollback: StepStatusLine[];
}

export interface StatusReport {
  database: string;
  journalVersion: number | null;
  /** The session holding the runner lock: an apply or rollback in progress. */
  lockHolder: LockHolder | null;
  history: RunRow[];
  plan: PlanState | null;
  drift: { checked: boolean; drifted: boolean; fingerprint: string; detail: string };
}

const HISTORY_LIMIT = 20;

/**
 * What the journal and the catalog say about a database: recent history, the lock holder, and whether the
 * schema is where the journal says (drift). With a plan directory, that plan's steps and progress. Reads
 * only, on a read-only session.
 */
export async function planStatus(databaseUrl: string, dir?: string): Promise<StatusReport> {
  const loaded = dir === undefined ? null : await readPlan(dir);
  return withClient(
    databaseUrl,
    async (client) => {
      const version = await journalVersion(client);
      const lockHolder = await findLockHolder(client, RUNNER_LOCK);
      const current = await takeSnapshot(client);
      const report: StatusReport = {
        database: databaseName(databaseUrl),
        journalVersion: version,
        lockHolder,
        history: [],
        plan: null,
        drift: { checked: false, drifted: false, fingerprint: current.fingerprint, detail: "" },
      };
      if (!loaded) {
        report.history = await recentRuns(client, HISTORY_LIMIT);
        report.drift = driftFromHistory(report.history, current);
        return report;
      }
      const journal = await readPlanJournal(client, loaded.plan.id);
      report.history = journal.runs.slice(-HISTORY_LIMIT).reverse();
      report.plan = planState(loaded, journal);
      report.drift = await driftFromJournal(client, loaded, journal, current);
      return report;
    },
    { readOnly: true, applicationName: "migrate-mcp status" },
  );
}

function line(row: StepRow): StepStatusLine {
  return {
    id: row.stepId,
    summary: row.summary,
    status: row.status,
    attempts: row.attempts,
    rowsDone: row.rowsDone,
    rowsTotal: row.rowsTotal,
    percent: row.rowsTotal ? Math.min(100, Math.round((row.rowsDone / row.rowsTotal) * 1000) / 10) : null,
    checkpoint: row.checkpoint,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    lockRetries: row.lockRetries,
    error: row.error,
  };
}

function planState(loaded: LoadedPlan, journal: PlanJournal): PlanState {
  const { plan } = loaded;
  const rows = new Map(journal.forward.map((row) => [row.stepId, row]));
  const steps = plan.steps.map((step) =>
    line(rows.get(step.id) ?? ({ stepId: step.id, summary: step.summary, ...EMPTY_ROW } as StepRow)),
  );
  const active = [...journal.rollback, ...journal.forward].find((row) =>
    ["running", "paused", "failed"].includes(row.status),
  );
  const done = steps.filter((s) => s.status === "done").length;
  const lastRollback = journal.runs.filter((run) => run.operation === "rollback").at(-1);
  let state: PlanState["state"] = "not started";
  if (journal.rollback.some((row) => row.status !== "done")) state = "rolling back";
  else if (active?.status === "failed") state = "failed";
  else if (active?.status === "paused") state = "paused";
  else if (done === steps.length && steps.length > 0) state = "applied";
  else if (steps.some((s) => s.status === "rolled_back") && lastRollback?.status === "succeeded")
    state = "rolled back";
  else if (done > 0 || active) state = "in progress";
  return {
    id: plan.id,
    name: plan.name,
    state,
    current: active?.stepId ?? null,
    done,
    total: steps.length,
    steps,
    rollback: journal.rollback.map(line),
  };
}

const EMPTY_ROW: Omit<StepRow, "stepId" | "summary"> = {
  planId: "",
  direction: "forward",
  position: 0,
  sha256: "",
  definition: null,
  status: "pending",
  attempts: 0,
  runId: null,
  startedAt: null,
  finishedAt: null,
  rowsDone: 0,
  rowsTotal: null,
  checkpoint: null,
  statementsDone: 0,
  lockRetries: 0,
  lockWaitMs: 0,
  fingerprintAfter: null,
  error: null,
};

/** Without a plan: the schema should still be where the last successful apply or rollback left it. */
function driftFromHistory(history: RunRow[], current: Snapshot): StatusReport["drift"] {
  const last = history.find(
    (run) => run.operation !== "verify" && run.status === "succeeded" && run.endFingerprint,
  );
  if (!last?.endFingerprint) {
    return {
      checked: false,
      drifted: false,
      fingerprint: current.fingerprint,
      detail: "no finished run to compare with",
    };
  }
  const drifted = last.endFingerprint !== current.fingerprint;
  return {
    checked: true,
    drifted,
    fingerprint: current.fingerprint,
    detail: drifted
      ? `the schema (${shortFingerprint(current.fingerprint)}) is not where the last ${last.operation} of plan ${last.planId} left it (${shortFingerprint(last.endFingerprint)}); pass the plan directory to see what changed`
      : `the schema is where the last ${last.operation} of plan ${last.planId} left it`,
  };
}

/** With a plan: the same recognition apply uses before it changes anything. */
async function driftFromJournal(
  client: DbClient,
  loaded: LoadedPlan,
  journal: PlanJournal,
  current: Snapshot,
): Promise<StatusReport["drift"]> {
  const { plan } = loaded;
  const models = await loadPlanModels(loaded);
  const rollingBack = journal.rollback.some((row) => row.status !== "done");
  const start = rollingBack
    ? journal.runs.filter((run) => run.operation === "rollback").at(-1)?.startFingerprint
    : plan.source.fingerprint;
  const rows = rollingBack ? journal.rollback : journal.forward;
  const steps = rollingBack
    ? new Map(journal.rollback.map((row) => [row.stepId, row.definition!]))
    : new Map(plan.steps.map((step) => [step.id, step]));
  const expected = expectedState(
    {
      fingerprint: start ?? plan.source.fingerprint,
      label: rollingBack ? "the rollback's start" : "the plan's source",
    },
    rows,
    steps,
  );
  const allDone = plan.steps.every(
    (step) => journal.forward.find((r) => r.stepId === step.id)?.status === "done",
  );
  if (current.fingerprint === plan.target.fingerprint && (allDone || journal.forward.length === 0)) {
    return {
      checked: true,
      drifted: false,
      fingerprint: current.fingerprint,
      detail: "the schema is the plan's target",
    };
  }
  const known =
    expected.fingerprint === plan.source.fingerprint
      ? models.source
      : ((await loadState(client, expected.fingerprint)) ?? models.source);
  try {
    const verdict = checkState(
      plan.id,
      current,
      expected,
      known,
      rollingBack ? models.source : models.target,
    );
    return {
      checked: true,
      drifted: false,
      fingerprint: current.fingerprint,
      detail:
        verdict === "exact"
          ? `the schema is ${expected.label}`
          : `the schema is part way through an interrupted step after ${expected.label}`,
    };
  } catch (error) {
    return { checked: true, drifted: true, fingerprint: current.fingerprint, detail: errorText(error) };
  }
}
