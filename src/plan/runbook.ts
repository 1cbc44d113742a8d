import { hazard, isHazardCode } from "../lint/hazards.js";
import { describeSize } from "./annotate/describe.js";
import type { ModelParts } from "./annotate/facts.js";
import { lockDescriber } from "./annotate.js";
import type { MigrationPlan } from "./plan.js";
import type { Step } from "./step.js";

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

function timeouts(step: Step): string {
  const lock =
    step.lockTimeoutMs > 0
      ? `lock_timeout ${seconds(step.lockTimeoutMs)}`
      : "no lock_timeout (waits for its locks)";
  const statement =
    step.statementTimeoutMs === null
      ? "no statement_timeout"
      : `statement_timeout ${seconds(step.statementTimeoutMs)}`;
  return `${lock}; ${statement}`;
}

function estimate(step: Step): string {
  if (!step.estimate) return "touches no existing table";
  const work = step.estimate.rewrite
    ? "; rewrites the table"
    : step.estimate.scan
      ? "; reads the whole table"
      : "";
  return `${describeSize(step.estimate)}${work}`;
}

/** Each hazard with its catalog entry: what goes wrong and the safe way to get the same result. */
function hazardLines(step: Step): string[] {
  return step.hazards.map((code) => {
    if (!isHazardCode(code)) return `  - **${code}**`;
    const info = hazard(code);
    return `  - **${code}** ${info.name} (${info.severity}): ${info.summary}. Safe rewrite: ${info.rewrite}.`;
  });
}

function stepSection(step: Step, describeLock: (step: Step) => string): string[] {
  const notes = [
    step.destructive ? "**destroys data**" : "",
    step.transactional ? "" : "runs outside a transaction",
    step.backfill ? `backfills in batches of ${step.backfill.batchSize.toLocaleString("en-US")} rows` : "",
  ].filter(Boolean);
  return [
    `### ${step.id} · ${step.phase} · ${step.summary}`,
    "",
    `- Lock: ${describeLock(step)}`,
    `- Timeouts: ${timeouts(step)}`,
    `- Estimate: ${estimate(step)}`,
    ...(notes.length ? [`- Note: ${notes.join("; ")}`] : []),
    ...(step.hazards.length ? ["- Hazards:", ...hazardLines(step)] : ["- Hazards: none"]),
    "",
  ];
}

/** `before` is the schema the steps start from: the source for forward steps, the target for rollback. */
function stepSections(steps: Step[], before: ModelParts): string[] {
  if (steps.length === 0) return ["_No changes._", ""];
  const describeLock = lockDescriber(before);
  return steps.flatMap((step) => stepSection(step, describeLock));
}

/**
 * The runbook: what changes, step by step with its phase, the lock it takes and for how long, its hazards
 * with the safe rewrite, and its size estimate; then the exact commands to apply, verify and undo.
 */
export function renderRunbook(
  plan: Pick<
    MigrationPlan,
    "id" | "name" | "source" | "target" | "forwardSteps" | "rollbackSteps" | "models"
  >,
): string {
  const destructive = plan.forwardSteps.filter((s) => s.destructive);
  const hazardous = plan.forwardSteps.filter((s) => s.hazards.length > 0);
  return [
    `# Runbook: ${plan.name}`,
    "",
    `- Plan id: \`${plan.id}\``,
    `- Source: ${plan.source.label} (\`${plan.source.fingerprint}\`)`,
    `- Target: ${plan.target.label} (\`${plan.target.fingerprint}\`)`,
    `- Forward steps: ${plan.forwardSteps.length}; rollback steps: ${plan.rollbackSteps.length}`,
    `- Destructive steps: ${destructive.length ? destructive.map((s) => s.id).join(", ") : "none"}`,
    `- Steps with hazards: ${hazardous.length ? hazardous.map((s) => `${s.id} (${s.hazards.join(", ")})`).join(", ") : "none"}`,
    "",
    "## Forward",
    "",
    ...stepSections(plan.forwardSteps, plan.models.source),
    "## Rollback",
    "",
    ...stepSections(plan.rollbackSteps, plan.models.target),
    "## Commands",
    "",
    "```sh",
    'psql -v ON_ERROR_STOP=1 -d "$DATABASE_URL" -f forward.sql   # apply',
    'psql -v ON_ERROR_STOP=1 -d "$DATABASE_URL" -f verify.sql    # assert the target schema',
    'psql -v ON_ERROR_STOP=1 -d "$DATABASE_URL" -f rollback.sql  # undo (schema; dropped data is not restored)',
    "```",
    "",
    "Review `forward.sql` and `rollback.sql` before running them; `plan.yaml` records the SHA-256 of every",
    "script and step so a changed file is detected.",
    "",
  ].join("\n");
}
