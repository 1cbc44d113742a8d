import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { z } from "zod";
import { sha256 } from "../plan/plan.js";
import type { PlanFile } from "../plan/read.js";

const stepTimingSchema = z.object({
  id: z.string(),
  summary: z.string(),
  ms: z.number(),
  lockRetries: z.number(),
  lockWaitMs: z.number(),
});

/** What `rehearse` writes under `rehearsal:` in plan.yaml. */
export const rehearsalSchema = z.object({
  status: z.enum(["passed", "failed"]),
  at: z.string(),
  /** Hash of every forward and rollback step hash: the proof holds only for exactly these steps. */
  stepsDigest: z.string(),
  database: z.string(),
  serverVersion: z.string(),
  withData: z.number().nullable(),
  originalFingerprint: z.string(),
  forward: z.array(stepTimingSchema),
  verify: z.object({ ok: z.boolean(), ms: z.number() }),
  rollback: z.array(stepTimingSchema),
  fingerprintRestored: z.boolean(),
  forwardAgain: z.array(stepTimingSchema),
  totalMs: z.number(),
  error: z.string().nullable(),
});

export type RehearsalProof = z.infer<typeof rehearsalSchema>;
export type StepTiming = z.infer<typeof stepTimingSchema>;

export function stepsDigest(plan: PlanFile): string {
  const hashes = [
    ...plan.steps.map((s) => `f${s.id}:${s.sha256}`),
    ...plan.rollbackSteps.map((s) => `r${s.id}:${s.sha256}`),
  ];
  return `sha256:${sha256(hashes.join("\n"))}`;
}

/** Whether the plan carries a passed rehearsal of exactly its current steps; the reason when not. */
export function rehearsalStatus(plan: PlanFile): { passed: true } | { passed: false; reason: string } {
  if (plan.rehearsal === undefined) return { passed: false, reason: "the plan has never been rehearsed" };
  const proof = rehearsalSchema.safeParse(plan.rehearsal);
  if (!proof.success) return { passed: false, reason: "its rehearsal record in plan.yaml is malformed" };
  if (proof.data.stepsDigest !== stepsDigest(plan)) {
    return { passed: false, reason: "its rehearsal was of different steps" };
  }
  if (proof.data.status !== "passed") {
    return { passed: false, reason: `its last rehearsal failed (${proof.data.error ?? "see plan.yaml"})` };
  }
  return { passed: true };
}

/**
 * Writes the proof into plan.yaml under `rehearsal:`. Only this function writes that key, always last, and
 * only top-level keys start a line unindented: everything before it stays byte for byte, so every hash
 * readPlan checks and a reviewer's diff of the file stay as they were.
 */
export async function recordRehearsal(dir: string, proof: RehearsalProof): Promise<void> {
  const path = join(dir, "plan.yaml");
  const text = await readFile(path, "utf8");
  const previous = text.search(/^rehearsal:/m);
  const kept = previous < 0 ? text : text.slice(0, previous);
  await writeFile(path, `${kept}${stringify({ rehearsal: proof }, { lineWidth: 0 })}`);
}
