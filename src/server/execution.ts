import { join } from "node:path";
import type { ProgressToken } from "@modelcontextprotocol/sdk/types.js";
import { MigrateError } from "../errors.js";
import { hazard, isHazardCode } from "../lint/hazards.js";
import type { StepRecord } from "../plan/plan.js";
import type { EventSink, RunEvent } from "../run/index.js";
import type { ServerContext } from "./context.js";
import { plansDirectory, readPlanFile } from "./plans.js";
import type { ToolExtra } from "./tool.js";

/**
 * A plan id → its directory, checked the same way the plan resources check it, so an id that is not a
 * plan directory (or walks out of the plans directory) is refused with PLAN_INVALID.
 */
export async function planDirectory(context: ServerContext, id: string): Promise<string> {
  await readPlanFile(context.cwd, id, "plan.yaml");
  return join(await plansDirectory(context.cwd), id);
}

/**
 * Refuses to start a run the client already cancelled (during a confirmation, say). Once a run starts, the
 * tools hand `extra.signal` to the executor, which stops at its next safe boundary with code CANCELLED.
 */
export function refuseIfCancelled(extra: ToolExtra): void {
  if (extra.signal.aborted) {
    throw new MigrateError("CANCELLED", "the request was cancelled before it started; nothing was changed");
  }
}

/** Why running these steps needs a person's yes: data loss, or a hazard the catalog rates as an error. */
export function confirmationReasons(steps: readonly StepRecord[]): string[] {
  return steps.flatMap((step) => {
    const errors = step.hazards.filter((code) => isHazardCode(code) && hazard(code).severity === "error");
    const reasons = [
      ...(step.destructive ? [`step ${step.id} destroys data (${step.summary})`] : []),
      ...(errors.length ? [`step ${step.id} has error-level hazards ${errors.join(", ")}`] : []),
    ];
    return reasons;
  });
}

/**
 * Gets a person's yes before a risky run: the `confirm` argument equal to the plan id, else an elicitation
 * when the client supports it. Anything else refuses with DESTRUCTIVE before anything runs.
 */
export async function requireConfirmation(
  context: ServerContext,
  planId: string,
  confirm: string | undefined,
  reasons: readonly string[],
): Promise<void> {
  if (reasons.length === 0 || confirm === planId) return;
  const what = reasons.join("; ");
  const answer = await context.askConfirmation(`Plan ${planId}: ${what}. Run it?`);
  if (answer === "accepted") return;
  const fix =
    answer === "declined"
      ? "the user declined, so nothing was changed; ask them before trying again"
      : `nothing was changed; after the user agrees, call again with confirm: "${planId}"`;
  throw new MigrateError("DESTRUCTIVE", `${what}: confirmation needed; ${fix}`);
}

/**
 * Executor events → `notifications/progress` when the request carried a progressToken (else none). The
 * progress value counts notifications, so it always increases; the message says what is happening.
 */
export function progressSink(extra: ToolExtra): EventSink | undefined {
  const token: ProgressToken | undefined = extra._meta?.progressToken;
  if (token === undefined) return undefined;
  const summaries = new Map<string, string>();
  let progress = 0;
  return (event) => {
    if (event.type === "step-started") summaries.set(event.stepId, event.summary);
    const message = progressMessage(event, summaries);
    if (message === undefined) return;
    progress += 1;
    extra
      .sendNotification({
        method: "notifications/progress",
        params: { progressToken: token, progress, message },
      })
      .catch(() => {});
  };
}

function progressMessage(event: RunEvent, summaries: ReadonlyMap<string, string>): string | undefined {
  switch (event.type) {
    case "run-started":
      return `${event.operation} ${event.planId}: ${event.done} of ${event.total} steps already done`;
    case "step-started":
      return `step ${event.index}/${event.total} ${event.stepId}: ${event.summary}`;
    case "step-finished":
      return `step ${event.stepId} done in ${event.ms} ms`;
    case "step-failed":
      return `step ${event.stepId} failed: ${event.error}`;
    case "backfill-progress": {
      const what = summaries.get(event.stepId) ?? event.stepId;
      return `backfill ${what} ${Math.floor(event.percent)}% — ${rate(event.rowsPerSecond)} rows/s`;
    }
    case "lock-retry":
      return `step ${event.stepId}: lock busy, retry ${event.attempt} in ${event.waitMs} ms`;
    case "rollback-started":
      return `rolling back: ${event.reason}`;
    case "warning":
      return event.message;
    default:
      return undefined;
  }
}

function rate(rowsPerSecond: number): string {
  return rowsPerSecond >= 1000 ? `${Math.round(rowsPerSecond / 1000)}k` : `${Math.round(rowsPerSecond)}`;
}
