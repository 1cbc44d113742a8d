import type { SchemaModel } from "../catalog/model.js";
import { analyzeStep } from "./annotate/analyze.js";
import { type LockEffect, PlanState } from "./annotate/context.js";
import { describeEffects } from "./annotate/describe.js";
import { ModelFacts, type ModelParts } from "./annotate/facts.js";
import { PlanRelations, RelationCatalog } from "./annotate/relations.js";
import { LOCK_LEVELS, type LockLevel, type Step, type StepEstimate } from "./step.js";

export interface AnnotateOptions {
  /** The database before the plan: what exists, its sizes, columns and constraints. */
  source: SchemaModel;
  /** The database after the plan: the types and defaults the plan's columns end up with. */
  target: SchemaModel;
  /** A plan with downtime waits for its locks (lock_timeout 0), as its forward.sql does. */
  downtimeAllowed: boolean;
  /** lock_timeout of every step of an online plan. */
  lockTimeoutMs: number;
}

function strongestLock(effects: LockEffect[]): LockLevel {
  return effects.reduce<LockLevel>(
    (strongest, effect) =>
      LOCK_LEVELS.indexOf(effect.lock) > LOCK_LEVELS.indexOf(strongest) ? effect.lock : strongest,
    "none",
  );
}

/** Rows and bytes of the existing tables the step touches, and whether it rewrites or scans one of them. */
function estimateOf(effects: LockEffect[], facts: ModelFacts): StepEstimate | null {
  const tables = [...new Set(effects.flatMap((effect) => (effect.tableId ? [effect.tableId] : [])))];
  if (tables.length === 0) return null;
  const stats = tables.map((id) => facts.stats(id) ?? { rows: 0, bytes: 0 });
  return {
    rows: stats.reduce((sum, table) => sum + table.rows, 0),
    bytes: stats.reduce((sum, table) => sum + table.bytes, 0),
    rewrite: effects.some((effect) => effect.tableId && effect.work === "rewrite"),
    scan: effects.some(
      (effect) => effect.tableId && (effect.work === "scan" || effect.work === "index build"),
    ),
  };
}

/**
 * Pure: fills lockLevel, hazards, estimate (and lockTimeoutMs / statementTimeoutMs) of each step from its
 * statements' parse trees and the two models. Steps are read in order, so a table created, renamed or
 * dropped by one step is known as such to the steps after it.
 */
export async function annotateSteps(steps: Step[], options: AnnotateOptions): Promise<Step[]> {
  const facts = new ModelFacts(options.source, options.target);
  const state = new PlanState(PlanRelations.of(RelationCatalog.of(options.source)));
  return steps.map((step) => {
    const { effects, hazards } = analyzeStep(step, state, facts);
    return {
      ...step,
      lockLevel: strongestLock(effects),
      hazards,
      estimate: estimateOf(effects, facts),
      // Every online step gets the short lock_timeout: even one that locks nothing existing takes catalog
      // and ACCESS SHARE locks, which queue behind a waiting ACCESS EXCLUSIVE like any query.
      lockTimeoutMs: options.downtimeAllowed ? 0 : options.lockTimeoutMs,
      statementTimeoutMs: null,
    };
  });
}

const NO_MODEL: ModelParts = { binaryCoercible: [], objects: {}, stats: {} };

/**
 * One line per step for people: "ACCESS EXCLUSIVE on public.orders (~2.1M rows, 180 MB), held for a full
 * table rewrite; blocks reads and writes". Each step is read on its own: relations the source model (when
 * given) does not know are taken to exist, so every lock is named; sizes come from the step's estimate.
 * The model is indexed once, so describing every step of a large plan stays linear.
 */
export function lockDescriber(source: ModelParts = NO_MODEL): (step: Step) => string {
  const catalog = RelationCatalog.of(source);
  const facts = new ModelFacts(source, NO_MODEL);
  return (step) => {
    const { effects } = analyzeStep(step, new PlanState(PlanRelations.assuming(catalog)), facts);
    return describeEffects(step, effects);
  };
}
