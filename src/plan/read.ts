import { readFile } from "node:fs/promises";
import { basename, join, resolve } from "node:path";
import { parse } from "yaml";
import { z } from "zod";
import { MigrateError } from "../errors.js";
import { type StepRecord, sha256, stepHash } from "./plan.js";
import { LOCK_LEVELS } from "./step.js";

const statementSchema = z.object({ sql: z.string(), transactional: z.boolean() });

const stepSchema = z.object({
  id: z.string(),
  summary: z.string(),
  objectId: z.string(),
  kind: z.string(),
  action: z.enum(["create", "drop", "alter"]),
  phase: z.enum(["expand", "backfill", "contract"]),
  statements: z.array(statementSchema),
  backfill: z
    .object({
      table: z.string(),
      key: z.array(z.string()),
      set: z.string(),
      pending: z.string(),
      batchSize: z.number().int().positive(),
    })
    .nullable(),
  verify: z.string().nullable(),
  lockLevel: z.enum(LOCK_LEVELS),
  lockTimeoutMs: z.number().int().nonnegative(),
  statementTimeoutMs: z.number().int().nonnegative().nullable(),
  hazards: z.array(z.string()),
  estimate: z
    .object({ rows: z.number(), bytes: z.number(), rewrite: z.boolean(), scan: z.boolean() })
    .nullable(),
  destructive: z.boolean(),
  transactional: z.boolean(),
  sha256: z.string(),
});

const stateSchema = z.object({ label: z.string(), fingerprint: z.string(), digest: z.string() });

const planSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  source: stateSchema,
  target: stateSchema,
  options: z.object({
    allowDestructive: z.boolean(),
    downtimeAllowed: z.boolean(),
    renames: z.array(z.string()),
    lockTimeoutMs: z.number().int().nonnegative().optional(),
  }),
  files: z.record(z.string(), z.string()),
  steps: z.array(stepSchema),
  rollbackSteps: z.array(stepSchema),
  rehearsal: z.unknown().optional(),
});

export type PlanFile = z.infer<typeof planSchema> & { steps: StepRecord[]; rollbackSteps: StepRecord[] };

export interface LoadedPlan {
  dir: string;
  plan: PlanFile;
}

/**
 * Reads a plan directory and proves it is the plan that was reviewed: every script's hash and every
 * step's hash must match plan.yaml. Any difference is refused with the file or step that changed.
 */
export async function readPlan(dir: string): Promise<LoadedPlan> {
  const root = resolve(dir);
  let text: string;
  try {
    text = await readFile(join(root, "plan.yaml"), "utf8");
  } catch {
    throw new MigrateError(
      "PLAN_INVALID",
      `${root} is not a plan directory (no plan.yaml); run \`migrate-mcp generate\` first`,
    );
  }
  const parsed = planSchema.safeParse(parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MigrateError(
      "PLAN_INVALID",
      `${join(root, "plan.yaml")} is malformed at ${issue?.path.join(".") || "(root)"}: ${issue?.message}; regenerate the plan`,
    );
  }
  const plan = parsed.data as PlanFile;
  for (const [file, expected] of Object.entries(plan.files)) {
    let content: string;
    try {
      content = await readFile(join(root, file), "utf8");
    } catch {
      throw new MigrateError(
        "PLAN_INVALID",
        `${file} is missing from plan ${basename(root)}; regenerate the plan`,
      );
    }
    if (`sha256:${sha256(content)}` !== expected) {
      throw new MigrateError(
        "PLAN_INVALID",
        `${file} in plan ${basename(root)} was changed after planning (its SHA-256 differs from plan.yaml); regenerate the plan instead of editing it`,
      );
    }
  }
  for (const step of [...plan.steps, ...plan.rollbackSteps]) {
    if (stepHash(step) !== step.sha256) {
      throw new MigrateError(
        "PLAN_INVALID",
        `step ${step.id} in plan.yaml of ${basename(root)} was changed after planning (its SHA-256 differs); regenerate the plan`,
      );
    }
  }
  return { dir: root, plan };
}
