import type { Change, ChangeAction, Statement } from "../diff/change.js";

/** One unit of work in a plan: the statements of one change, with an id the scripts and journal share. */
export interface Step {
  id: string;
  summary: string;
  objectId: string;
  kind: Change["kind"];
  action: ChangeAction;
  statements: Statement[];
  destructive: boolean;
  /** False when any statement must run outside a transaction block. */
  transactional: boolean;
}

/** Steps for the changes that run SQL, numbered in order: 001, 002, … */
export function stepsFromChanges(changes: Change[]): Step[] {
  return changes
    .filter((change) => change.statements.length > 0)
    .map((change, index) => ({
      id: String(index + 1).padStart(3, "0"),
      summary: change.summary,
      objectId: change.objectId,
      kind: change.kind,
      action: change.action,
      statements: change.statements,
      destructive: change.destructive,
      transactional: change.statements.every((s) => s.transactional),
    }));
}
