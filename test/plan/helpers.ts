import { introspectUrl } from "../../src/catalog/index.js";
import type { SchemaModel } from "../../src/catalog/model.js";
import { withClient } from "../../src/db/index.js";
import { annotateSteps } from "../../src/plan/annotate.js";
import type { Step } from "../../src/plan/step.js";
import { splitStatements } from "../../src/sql/parse.js";
import { freshDatabase } from "../helpers/db.js";

export const LOCK_TIMEOUT_MS = 2000;

let counter = 0;

/** A step as the planner would hand it over, before annotation: its SQL and execution shape only. */
export function planStep(sql: string | string[], overrides: Partial<Step> = {}): Step {
  const statements = (Array.isArray(sql) ? sql : [sql]).map((text) => ({
    sql: text,
    transactional: !/\bCONCURRENTLY\b/i.test(text),
  }));
  counter++;
  return {
    id: String(counter).padStart(3, "0"),
    summary: statements[0]?.sql ?? "",
    objectId: "test",
    kind: "table",
    action: "alter",
    phase: "expand",
    statements,
    backfill: null,
    verify: null,
    lockLevel: "ACCESS EXCLUSIVE",
    lockTimeoutMs: 0,
    statementTimeoutMs: null,
    hazards: [],
    estimate: null,
    destructive: false,
    transactional: statements.every((statement) => statement.transactional),
    ...overrides,
  };
}

export interface Models {
  source: SchemaModel;
  target: SchemaModel;
  url: string;
}

/** Runs a script statement by statement in autocommit, as the executor runs steps outside a transaction. */
export async function runStatements(url: string, sql: string): Promise<void> {
  const statements = await splitStatements(sql);
  await withClient(url, async (client) => {
    for (const statement of statements) await client.query(statement.sql);
  });
}

/**
 * The real catalog before and after a change: a throwaway database with `setup` (analyzed, so pg_class has
 * row counts), introspected, then `change` applied and introspected again. Without a change the target is
 * the source (for statements that cannot run on the data, such as ADD COLUMN … NOT NULL).
 */
export async function modelsAround(setup: string, change?: string): Promise<Models> {
  const db = await freshDatabase();
  await runStatements(db.url, `${setup};\nANALYZE;`);
  const source = await introspectUrl(db.url);
  if (change === undefined) return { source, target: source, url: db.url };
  await runStatements(db.url, change);
  return { source, target: await introspectUrl(db.url), url: db.url };
}

export async function annotate(
  steps: Step[],
  models: { source: SchemaModel; target: SchemaModel },
): Promise<Step[]> {
  return annotateSteps(steps, { ...models, downtimeAllowed: false, lockTimeoutMs: LOCK_TIMEOUT_MS });
}

export async function annotateOne(
  step: Step,
  models: { source: SchemaModel; target: SchemaModel },
): Promise<Step> {
  const [annotated] = await annotate([step], models);
  return annotated!;
}
