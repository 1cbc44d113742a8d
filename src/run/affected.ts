import type { Node } from "libpg-query";
import { nameParts } from "../lint/nodes.js";
import type { Step } from "../plan/step.js";
import { splitStatements } from "../sql/parse.js";

/** Schemas the planner moves data aside into instead of dropping it. */
const TRASH_SCHEMA = /^migrate_mcp_trash/;

/** A table a step changes, as schema and name parts (schema null when the statement leaves it out). */
export interface TableRef {
  schema: string | null;
  name: string;
}

/**
 * Whether a step needs a backup first: it destroys data, rewrites a table, or moves data aside. Only the
 * step's own facts and its parse trees decide; nothing is guessed from SQL text.
 */
export async function backupTargets(step: Step): Promise<TableRef[]> {
  const trees = await stepTrees(step);
  const movesAside = trees.some(movesIntoTrash);
  if (!step.destructive && !step.estimate?.rewrite && !movesAside) return [];
  const seen = new Map<string, TableRef>();
  for (const tree of trees) {
    for (const ref of tablesOf(tree)) seen.set(`${ref.schema}\0${ref.name}`, ref);
  }
  return [...seen.values()];
}

async function stepTrees(step: Step): Promise<Node[]> {
  const trees: Node[] = [];
  for (const statement of step.statements) {
    for (const parsed of await splitStatements(statement.sql, `step ${step.id}`)) {
      if (parsed.tree) trees.push(parsed.tree);
    }
  }
  return trees;
}

function movesIntoTrash(tree: Node): boolean {
  return "AlterObjectSchemaStmt" in tree && TRASH_SCHEMA.test(tree.AlterObjectSchemaStmt.newschema ?? "");
}

function tablesOf(tree: Node): TableRef[] {
  const fromRange = (range: { schemaname?: string; relname?: string } | undefined): TableRef[] =>
    range?.relname ? [{ schema: range.schemaname ?? null, name: range.relname }] : [];
  if ("AlterTableStmt" in tree && tree.AlterTableStmt.objtype === "OBJECT_TABLE") {
    return fromRange(tree.AlterTableStmt.relation);
  }
  if ("AlterObjectSchemaStmt" in tree && tree.AlterObjectSchemaStmt.objectType === "OBJECT_TABLE") {
    return fromRange(tree.AlterObjectSchemaStmt.relation);
  }
  if ("DropStmt" in tree && tree.DropStmt.removeType === "OBJECT_TABLE") {
    return (tree.DropStmt.objects ?? []).flatMap((object) => {
      const parts = "List" in object ? nameParts(object.List.items) : [];
      const name = parts.at(-1);
      return name ? [{ schema: parts.length > 1 ? parts.at(-2)! : null, name }] : [];
    });
  }
  if ("TruncateStmt" in tree) {
    return (tree.TruncateStmt.relations ?? []).flatMap((node) =>
      "RangeVar" in node ? fromRange(node.RangeVar) : [],
    );
  }
  return [];
}
