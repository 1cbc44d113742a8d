import type { MigrationPlan } from "./plan.js";
import type { Step } from "./step.js";

function stepLines(steps: Step[]): string[] {
  if (steps.length === 0) return ["_No changes._"];
  return steps.map(
    (s) =>
      `${s.id}. ${s.summary}${s.destructive ? " — **destroys data**" : ""}${s.transactional ? "" : " — runs outside a transaction"}`,
  );
}

/** A first runbook: what changes, what is dangerous, and the exact commands to apply, verify and undo. */
export function renderRunbook(plan: MigrationPlan): string {
  const destructive = plan.forwardSteps.filter((s) => s.destructive);
  return [
    `# Runbook: ${plan.name}`,
    "",
    `- Plan id: \`${plan.id}\``,
    `- Source: ${plan.source.label} (\`${plan.source.fingerprint}\`)`,
    `- Target: ${plan.target.label} (\`${plan.target.fingerprint}\`)`,
    `- Forward steps: ${plan.forwardSteps.length}; rollback steps: ${plan.rollbackSteps.length}`,
    `- Destructive steps: ${destructive.length ? destructive.map((s) => s.id).join(", ") : "none"}`,
    "",
    "## Forward",
    "",
    ...stepLines(plan.forwardSteps),
    "",
    "## Rollback",
    "",
    ...stepLines(plan.rollbackSteps),
    "",
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
