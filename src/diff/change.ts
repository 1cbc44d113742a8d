import type { DbObject, ObjectKind, SchemaModel } from "../catalog/model.js";

/** One SQL statement of a script. */
export interface Statement {
  sql: string;
  /** False for statements PostgreSQL refuses, or that must commit before later statements can use them. */
  transactional: boolean;
}

export type ChangeAction = "create" | "drop" | "alter";

/** What the diff decided for one object before statements are generated. */
export type Plan = "create" | "drop" | "alter" | "recreate";

/** The object is gone after its plan: dropped, or dropped to be built again. */
export function isRemoval(plan: Plan | undefined): boolean {
  return plan === "drop" || plan === "recreate";
}

/** The object is built by its plan: created, or dropped and built again. */
export function isBuild(plan: Plan | undefined): boolean {
  return plan === "create" || plan === "recreate";
}

/** What happens to one object, in the order the script runs it. */
export interface Change {
  objectId: string;
  kind: ObjectKind | "sequence owner" | "replica identity";
  action: ChangeAction;
  /** Short human description, e.g. "add column public.orders.note". */
  summary: string;
  statements: Statement[];
  /** Removes data that exists in the source (tables, columns, schemas, sequences, enum values). */
  destructive: boolean;
}

export interface DiffContext {
  source: SchemaModel;
  target: SchemaModel;
}

/** SQL for one object kind: how to create it, drop it, and turn one version into another. */
export interface Generator<T extends DbObject> {
  create(object: T, ctx: DiffContext): Statement[];
  drop(object: T, ctx: DiffContext): Statement[];
  /** Statements that turn `from` into `to`, or "recreate" when only drop and create can. */
  alter(from: T, to: T, ctx: DiffContext): Statement[] | "recreate";
}

export function stmt(sql: string, transactional = true): Statement {
  return { sql, transactional };
}
