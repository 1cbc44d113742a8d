import { createHash } from "node:crypto";
import type { Change } from "../diff/change.js";
import { renderScript } from "./script.js";
import { type Step, stepsFromChanges } from "./step.js";
import { renderVerifyScript } from "./verify-script.js";

export interface SchemaState {
  /** What the user named (redacted). */
  label: string;
  /** Hash of the normalised model (see catalog/fingerprint.ts). */
  fingerprint: string;
  /** The same facts hashed by SQL in the server; what verify.sql asserts. */
  digest: string;
}

export interface PlanOptions {
  allowDestructive: boolean;
  downtimeAllowed: boolean;
  renames: string[];
}

export interface StepRecord {
  id: string;
  summary: string;
  kind: string;
  action: string;
  destructive: boolean;
  transactional: boolean;
  sha256: string;
}

/** Everything a plan directory holds, built without I/O from the two diffs. */
export interface MigrationPlan {
  id: string;
  name: string;
  source: SchemaState;
  target: SchemaState;
  options: PlanOptions;
  forwardSteps: Step[];
  rollbackSteps: Step[];
  scripts: { "forward.sql": string; "rollback.sql": string; "verify.sql": string };
}

export function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

export function stepHash(step: Step): string {
  return sha256(step.statements.map((s) => `${s.sql};`).join("\n"));
}

export function buildPlan(input: {
  id: string;
  name: string;
  source: SchemaState;
  target: SchemaState;
  options: PlanOptions;
  forward: Change[];
  rollback: Change[];
}): MigrationPlan {
  const forwardSteps = stepsFromChanges(input.forward);
  const rollbackSteps = stepsFromChanges(input.rollback);
  const header = (title: string, from: SchemaState, to: SchemaState) => ({
    title,
    lines: [
      `plan ${input.name}: ${from.fingerprint} -> ${to.fingerprint}`,
      "run with: psql -v ON_ERROR_STOP=1 -f <this file>",
    ],
  });
  return {
    ...input,
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
    },
  };
}

export function stepRecords(steps: Step[]): StepRecord[] {
  return steps.map((step) => ({
    id: step.id,
    summary: step.summary,
    kind: step.kind,
    action: step.action,
    destructive: step.destructive,
    transactional: step.transactional,
    sha256: stepHash(step),
  }));
}
