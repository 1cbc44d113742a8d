import { withClient } from "../db/connect.js";
import { redactUrl } from "../db/redact.js";
import { errorText, MigrateError } from "../errors.js";
import { readPlan } from "../plan/read.js";
import { createShadowDatabase } from "../sources/shadow.js";
import { type ApplyResult, applyPlan } from "./apply.js";
import { Cancellation, cancelledBeforeStart } from "./cancel.js";
import { cloneDatabase } from "./clone.js";
import { type EventSink, ignoreEvents, type RunEvent } from "./events.js";
import { type RehearsalProof, recordRehearsal, type StepTiming, stepsDigest } from "./rehearsal-proof.js";
import { rollbackPlan } from "./rollback.js";
import type { StepReport } from "./run-steps.js";
import { shortFingerprint, takeSnapshot } from "./snapshot.js";
import { failures, verifyPlan } from "./verify.js";

export interface RehearseOptions {
  /** The database the plan will be applied to; only read. */
  databaseUrl: string;
  /** Copy up to this many rows of every table into the shadow (default: schema only). */
  withData?: number | null;
  /** Server for the shadow database (default: the target's own server). */
  shadowUrl?: string;
  onEvent?: EventSink;
  /**
   * Stops the rehearsal between phases and inside its runs (CANCELLED); the shadow is dropped and no proof
   * is recorded, since a rehearsal that did not finish proves nothing either way.
   */
  signal?: AbortSignal;
}

export const REHEARSAL_SHADOW_PREFIX = "migrate_mcp_rehearse_";

/**
 * Proves a plan on a shadow copy of the target before production sees it: clone the target's schema
 * (and with `withData` a sample of its rows), run forward, verify (thorough), roll back, check the
 * fingerprint is the original's, and run forward again. The proof, passed or failed, is written into
 * plan.yaml; a failed rehearsal then throws MIGRATION_FAILED.
 */
export async function rehearsePlan(dir: string, options: RehearseOptions): Promise<RehearsalProof> {
  const loaded = await readPlan(dir);
  const { plan } = loaded;
  const emit = options.onEvent ?? ignoreEvents;
  const signal = options.signal;
  if (signal?.aborted) throw cancelledBeforeStart(`rehearsal of plan ${plan.id}`);
  const started = Date.now();
  const original = await withClient(
    options.databaseUrl,
    async (client) => {
      const snapshot = await takeSnapshot(client);
      const { rows } = await client.query<{ version: string }>(
        "SELECT current_setting('server_version') AS version",
      );
      return { ...snapshot, version: rows[0]?.version ?? "unknown" };
    },
    { readOnly: true, applicationName: "migrate-mcp rehearse" },
  );
  const shadow = await createShadowDatabase(
    options.shadowUrl ?? options.databaseUrl,
    REHEARSAL_SHADOW_PREFIX,
    `rehearsing plan ${plan.id}`,
  );
  const proof: RehearsalProof = {
    status: "failed",
    at: new Date().toISOString(),
    stepsDigest: stepsDigest(plan),
    database: redactUrl(options.databaseUrl),
    serverVersion: original.version,
    withData: options.withData ?? null,
    originalFingerprint: original.fingerprint,
    forward: [],
    verify: { ok: false, ms: 0 },
    rollback: [],
    fingerprintRestored: false,
    forwardAgain: [],
    totalMs: 0,
    error: null,
  };
  let phase = "clone";
  // Each phase starts only when the rehearsal is still wanted; the runs inside stop on their own.
  const enter = (next: string): void => {
    phase = next;
    if (signal?.aborted) throw new Error("cancelled");
  };
  try {
    const clone = await cloneDatabase(
      options.databaseUrl,
      shadow.url,
      original.model,
      options.withData ?? null,
      new Cancellation(signal, shadow.url),
    );
    if (clone.fingerprint !== original.fingerprint) {
      throw new Error(
        `the shadow's schema (${shortFingerprint(clone.fingerprint)}) does not equal the target's (${shortFingerprint(original.fingerprint)})`,
      );
    }
    const run = { databaseUrl: shadow.url, throttleMs: 0, backupMethod: "copy" as const, signal };
    enter("forward");
    proof.forward = await timed(emit, (onEvent) =>
      applyPlan(loaded.dir, { ...run, onEvent, rollbackStrategy: "none" }),
    );
    enter("verify");
    const verifyStarted = Date.now();
    const report = await verifyPlan(loaded.dir, { databaseUrl: shadow.url, level: "thorough", signal });
    proof.verify = { ok: report.ok, ms: Date.now() - verifyStarted };
    if (!report.ok) throw new Error(failures(report).join("; "));
    enter("rollback");
    proof.rollback = await timed(emit, (onEvent) => rollbackPlan(loaded.dir, { ...run, onEvent }));
    const restored = await withClient(shadow.url, takeSnapshot);
    proof.fingerprintRestored = restored.fingerprint === original.fingerprint;
    if (!proof.fingerprintRestored) {
      throw new Error(
        `after rollback the schema is ${shortFingerprint(restored.fingerprint)}, not the original ${shortFingerprint(original.fingerprint)}`,
      );
    }
    enter("forward again");
    proof.forwardAgain = await timed(emit, (onEvent) =>
      applyPlan(loaded.dir, { ...run, onEvent, rollbackStrategy: "none" }),
    );
    proof.status = "passed";
  } catch (error) {
    proof.error = `${phase}: ${errorText(error)}`;
  } finally {
    proof.totalMs = Date.now() - started;
    await shadow.drop();
  }
  // Whatever failed after the signal fired failed because of it (a cancelled statement, a closed copy).
  if (signal?.aborted && proof.status !== "passed") {
    throw new MigrateError(
      "CANCELLED",
      `rehearsal of plan ${plan.id} was cancelled during ${phase}; its shadow database was dropped, the target was only read and plan.yaml is unchanged — rehearse again`,
    );
  }
  await recordRehearsal(loaded.dir, proof);
  if (proof.status !== "passed") {
    throw new MigrateError(
      "MIGRATION_FAILED",
      `rehearsal of plan ${plan.id} failed at ${proof.error}; the failed proof is recorded in plan.yaml — fix the plan and rehearse again`,
    );
  }
  return proof;
}

/** Runs an apply or rollback, returning each step's time and lock retries from its events. */
async function timed(
  emit: EventSink,
  run: (onEvent: EventSink) => Promise<ApplyResult | { steps: StepReport[] }>,
): Promise<StepTiming[]> {
  const waits = new Map<string, { retries: number; ms: number }>();
  const onEvent = (event: RunEvent): void => {
    if (event.type === "lock-retry") {
      const wait = waits.get(event.stepId) ?? { retries: 0, ms: 0 };
      waits.set(event.stepId, { retries: wait.retries + 1, ms: wait.ms + event.waitMs });
    }
    emit(event);
  };
  const result = await run(onEvent);
  return result.steps
    .filter((step) => step.outcome === "done")
    .map((step) => ({
      id: step.id,
      summary: step.summary,
      ms: step.ms,
      lockRetries: waits.get(step.id)?.retries ?? 0,
      lockWaitMs: waits.get(step.id)?.ms ?? 0,
    }));
}
