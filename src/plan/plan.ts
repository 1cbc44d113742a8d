import { createHash } from "node:crypto";
import { canonical } from "../catalog/definition.js";
import type { SchemaModel } from "../catalog/model.js";
import type { Change } from "../diff/change.js";
import { planSteps } from "./online.js";
import { refillsOf } from "./refill.js";
import { keptValueTables } from "./retype-values.js";
import { renderScript } from "./script.js";
import { DEFAULT_LOCK_TIMEOUT_MS, type Step } from "./step.js";
import { renderCleanupScript, type TrashRecord, trashRecords } from "./trash.js";
import { renderVerifyScript } from "./verify-script.js";

export interface SchemaState {
  /** What the user named (redacted). */
  label: string;
  /** SHA-256 of the catalog facts the model is built from (see hashFacts in catalog/digest.ts). */
  fingerprint: string;
  /** The same facts hashed by SQL in the server; what verify.sql asserts. */
  digest: string;
}

export interface PlanOptions {
  allowDestructive: boolean;
  downtimeAllowed: boolean;
  renames: string[];
  /** lock_timeout for every step that locks an existing table (default 2 s); the executor retries on timeout. */
  lockTimeoutMs?: number;
}

/** A step as plan.yaml records it: everything the executor needs, plus the hash of its SQL. */
export type StepRecord = Step & { sha256: string };

/** Everything a plan directory holds, built without I/O from the two diffs. */
export interface MigrationPlan {
  id: string;
  name: string;
  source: SchemaState;
  target: SchemaState;
  options: PlanOptions;
  forwardSteps: Step[];
  rollbackSteps: Step[];
  scripts: { "forward.sql": string; "rollback.sql": string; "verify.sql": string; "cleanup.sql": string };
  /** Data that destructive steps keep in migrate_mcp_trash until cleanup.sql runs. */
  kept: TrashRecord[];
  /** Both schemas, so rehearsal and rollback can rebuild or re-diff them without the original sources. */
  models: { source: SchemaModel; target: SchemaModel };
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

/** Hash of everything in a step that the executor acts on. */
export function stepHash(step: Step): string {
  const { sha256: _own, ...rest } = step as Step & { sha256?: string };
  return sha256(canonical(rest));
}

export function buildPlan(input: {
  id: string;
  name: string;
  source: SchemaState;
  target: SchemaState;
  options: PlanOptions;
  forward: Change[];
  rollback: Change[];
  models: { source: SchemaModel; target: SchemaModel };
  /**
   * The source after the declared renames, where the diff starts: the objects the changes name are looked
   * up in it (the source itself when there are no renames).
   */
  renamedSource?: SchemaModel;
}): MigrationPlan {
  const online = {
    downtimeAllowed: input.options.downtimeAllowed,
    lockTimeoutMs: input.options.lockTimeoutMs,
  };
  const { target } = input.models;
  const source = input.renamedSource ?? input.models.source;
  // Trash names come from the two schema states, so the same inputs give the same scripts.
  const scope = `${input.source.fingerprint}>${input.target.fingerprint}`;
  const kept = trashRecords(input.forward, source, target, scope);
  const refills = refillsOf(input.forward, source, target, scope);
  // Undoing a refill carries the rows back, written since included, unless the forward left columns
  // behind: then the trash's copy of the old rows is what has them.
  const unfills = refillsOf(input.rollback, target, source, `${scope}<`).filter(
    (back) => refills.find((forth) => forth.objectId === back.objectId)?.complete === true,
  );
  const forwardSteps = planSteps(input.forward, {
    ...online,
    source,
    target,
    keep: { planName: input.name, records: kept },
    refills,
    direction: { way: "forward", scope },
  });
  const rollbackSteps = planSteps(input.rollback, {
    ...online,
    source: target,
    target: source,
    restore: kept,
    refills: unfills,
    direction: { way: "rollback", scope },
  });
  const header = (title: string, from: SchemaState, to: SchemaState) => ({
    title,
    lines: [
      `plan ${input.name}: ${from.fingerprint} -> ${to.fingerprint}`,
      "run with: psql -v ON_ERROR_STOP=1 -f <this file>",
    ],
    // Without downtime, DDL must give up quickly rather than queue behind a long transaction and block
    // everyone queued behind it; a step that times out is retried (by apply) or rerun (by hand).
    lockTimeoutMs: input.options.downtimeAllowed
      ? null
      : (input.options.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS),
  });
  const { renamedSource: _diffStart, ...described } = input;
  return {
    ...described,
    forwardSteps,
    rollbackSteps,
    scripts: {
      "forward.sql": renderScript(
        header("migrate-mcp forward script", input.source, input.target),
        forwardSteps,
      ),
      "rollback.sql": renderScript(
        header("migrate-mcp rollback script", input.target, input.source),
        rollbackSteps,
      ),
      "verify.sql": renderVerifyScript(input.target),
      "cleanup.sql": renderCleanupScript(kept, [
        ...[...refills, ...unfills].map((refill) => refill.copy),
        ...keptValueTables(input.forward, { source, target }, scope),
      ]),
    },
    kept,
  };
}

export function stepRecords(steps: Step[]): StepRecord[] {
  return steps.map((step) => ({ ...step, sha256: stepHash(step) }));
}
