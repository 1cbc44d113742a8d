import type { HazardCode } from "../../lint/hazards.js";
import type { RelationRef } from "../../lint/nodes.js";
import type { LockLevel } from "../step.js";
import type { ModelFacts } from "./facts.js";
import type { PlanRelations, TrackedRelation } from "./relations.js";

/** What a statement does to a relation while it holds the lock, shortest first. */
export const WORK = ["brief", "batches", "scan", "index build", "rewrite"] as const;
export type Work = (typeof WORK)[number];

export function longerWork(a: Work, b: Work): Work {
  return WORK.indexOf(b) > WORK.indexOf(a) ? b : a;
}

/** One lock on a relation others may be using. */
export interface LockEffect {
  /** Qualified name (or a description, such as "the indexes of public.orders"), for people. */
  relation: string;
  lock: LockLevel;
  /** The source-model table whose rows and bytes this touches, when it is a table that existed before. */
  tableId: string | null;
  work: Work;
  /** Position of the statement in the step. */
  statement: number;
}

/** A constraint added NOT VALID by the plan, waiting for its VALIDATE. */
interface PendingConstraint {
  stepId: string;
  notNullColumn: string | undefined;
}

/** What earlier statements of the plan did that later ones depend on, beyond relation names. */
export class PlanState {
  private readonly pending = new Map<string, PendingConstraint>();
  private readonly validatedNotNull = new Set<string>();
  private readonly foreignKeys = new Map<string, RelationRef>();
  private readonly policies = new Set<string>();

  constructor(readonly relations: PlanRelations) {}

  addedNotValid(table: string, constraint: string, entry: PendingConstraint): void {
    this.pending.set(`${table}/${constraint}`, entry);
  }

  validated(table: string, constraint: string): PendingConstraint | undefined {
    const entry = this.pending.get(`${table}/${constraint}`);
    this.pending.delete(`${table}/${constraint}`);
    return entry;
  }

  notNullValidated(table: string, column: string): void {
    this.validatedNotNull.add(`${table}/${column}`);
  }

  hasValidatedNotNull(table: string, column: string): boolean {
    return this.validatedNotNull.has(`${table}/${column}`);
  }

  addedForeignKey(table: string, constraint: string, referenced: RelationRef): void {
    this.foreignKeys.set(`${table}/${constraint}`, referenced);
  }

  foreignKeyTarget(table: string, constraint: string): RelationRef | undefined {
    return this.foreignKeys.get(`${table}/${constraint}`);
  }

  addedPolicy(table: string): void {
    this.policies.add(table);
  }

  hasPolicy(table: string): boolean {
    return this.policies.has(table);
  }
}

/** What the statement handlers see while they look at one statement of one step. */
export interface StatementContext {
  readonly state: PlanState;
  readonly facts: ModelFacts;
  readonly stepId: string;
  /** The statement runs in one transaction with the step's other statements. */
  readonly transactional: boolean;
  /** The statement runs inside a transaction block (CONCURRENTLY then fails). */
  readonly inTransactionBlock: boolean;
  /** The step is a batched backfill: its UPDATE runs batch by batch, not as written. */
  readonly backfill: boolean;
  /** Records a lock; ignored for relations nobody else can be using (unknown, or created by the plan). */
  lock(relation: TrackedRelation | undefined, lock: LockLevel, work?: Work): void;
  /** A lock on relations the SQL does not name (a DO block, every index of a table). */
  lockDescribed(description: string, lock: LockLevel, work: Work): void;
  hazard(code: HazardCode): void;
}

export function isExisting(relation: TrackedRelation | undefined): relation is TrackedRelation {
  return relation?.existing === true;
}
