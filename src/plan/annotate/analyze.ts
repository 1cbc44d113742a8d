import type { Node } from "libpg-query";
import type { Statement } from "../../diff/change.js";
import type { HazardCode } from "../../lint/hazards.js";
import { relationOf } from "../../lint/nodes.js";
import type { Step } from "../step.js";
import { alterTable } from "./alter-table.js";
import type { LockEffect, PlanState, StatementContext } from "./context.js";
import * as data from "./data.js";
import * as ddl from "./ddl.js";
import type { ModelFacts } from "./facts.js";
import { statementTrees } from "./parse.js";
import { displayName } from "./relations.js";

/** Everything one step does to relations others use, and the hazards that come with it. */
export interface StepAnalysis {
  effects: LockEffect[];
  /** Hazard codes in the order the statements raise them, each once. */
  hazards: HazardCode[];
}

const trees = new WeakMap<Statement, Node[]>();

/** A statement's parse trees, parsed once: annotation and the runbook read the same statements. */
function parsed(statement: Statement, stepId: string): Node[] {
  let found = trees.get(statement);
  if (!found) {
    found = statementTrees(statement.sql, `step ${stepId}`);
    trees.set(statement, found);
  }
  return found;
}

/** Walks a step's statements in order, keeping the plan-wide state current for the steps after it. */
export function analyzeStep(step: Step, state: PlanState, facts: ModelFacts): StepAnalysis {
  const effects: LockEffect[] = [];
  const hazards = new Set<HazardCode>();
  step.statements.forEach((statement, index) => {
    const ctx: StatementContext = {
      state,
      facts,
      stepId: step.id,
      transactional: step.transactional,
      inTransactionBlock: statement.transactional,
      backfill: step.backfill !== null,
      lock: (relation, lock, work = "brief") => {
        if (!relation?.existing) return;
        const tableId = relation.kind === "table" ? relation.sourceId : null;
        effects.push({ relation: displayName(relation), lock, tableId, work, statement: index });
      },
      lockDescribed: (description, lock, work) =>
        effects.push({ relation: description, lock, tableId: null, work, statement: index }),
      hazard: (code) => hazards.add(code),
    };
    for (const tree of parsed(statement, step.id)) analyzeTree(tree, ctx);
  });
  return { effects, hazards: [...hazards] };
}

function analyzeTree(tree: Node, ctx: StatementContext): void {
  const relations = ctx.state.relations;
  if ("AlterTableStmt" in tree) alterTable(tree.AlterTableStmt, ctx);
  else if ("CreateStmt" in tree) ddl.createTable(tree.CreateStmt, ctx);
  else if ("ViewStmt" in tree) ddl.createView(tree.ViewStmt, ctx);
  else if ("DropStmt" in tree) ddl.drop(tree.DropStmt, ctx);
  else if ("TruncateStmt" in tree) ddl.truncate(tree.TruncateStmt, ctx);
  else if ("RenameStmt" in tree) ddl.rename(tree.RenameStmt, ctx);
  else if ("AlterObjectSchemaStmt" in tree) ddl.setSchema(tree.AlterObjectSchemaStmt, ctx);
  else if ("CommentStmt" in tree) ddl.comment(tree.CommentStmt, ctx);
  else if ("GrantStmt" in tree) ddl.grant(tree.GrantStmt, ctx);
  else if ("CreateFunctionStmt" in tree) ddl.createFunction(tree.CreateFunctionStmt, ctx);
  else if ("AlterDomainStmt" in tree) ddl.alterDomain(tree.AlterDomainStmt, ctx);
  else if ("IndexStmt" in tree) data.createIndex(tree.IndexStmt, ctx);
  else if ("ReindexStmt" in tree) data.reindex(tree.ReindexStmt, ctx);
  else if ("UpdateStmt" in tree) data.update(tree.UpdateStmt, ctx);
  else if ("DeleteStmt" in tree) data.remove(tree.DeleteStmt, ctx);
  else if ("InsertStmt" in tree) data.insert(tree.InsertStmt, ctx);
  else if ("SelectStmt" in tree) data.query(tree, tree.SelectStmt.intoClause?.rel, false, ctx);
  else if ("CreateTableAsStmt" in tree) {
    const stmt = tree.CreateTableAsStmt;
    data.query(stmt.query, stmt.into?.rel, stmt.objtype === "OBJECT_MATVIEW", ctx);
  } else if ("LockStmt" in tree) data.lockTable(tree.LockStmt, ctx);
  else if ("VacuumStmt" in tree) data.vacuum(tree.VacuumStmt, ctx);
  else if ("ClusterStmt" in tree) data.cluster(tree.ClusterStmt, ctx);
  else if ("RefreshMatViewStmt" in tree) data.refreshMaterializedView(tree.RefreshMatViewStmt, ctx);
  // Triggers fire on writes, so creating one only blocks writers; policies and rules change what reads see.
  else if ("CreateTrigStmt" in tree && tree.CreateTrigStmt.relation) {
    ctx.lock(relations.find(relationOf(tree.CreateTrigStmt.relation)), "SHARE ROW EXCLUSIVE");
  } else if ("CreatePolicyStmt" in tree && tree.CreatePolicyStmt.table) {
    const table = relations.find(relationOf(tree.CreatePolicyStmt.table));
    ctx.lock(table, "ACCESS EXCLUSIVE");
    if (table) ctx.state.addedPolicy(displayName(table));
  } else if ("AlterPolicyStmt" in tree && tree.AlterPolicyStmt.table) {
    ctx.lock(relations.find(relationOf(tree.AlterPolicyStmt.table)), "ACCESS EXCLUSIVE");
  } else if ("CreateStatsStmt" in tree) {
    const table = tree.CreateStatsStmt.relations?.[0];
    if (table && "RangeVar" in table) {
      ctx.lock(relations.find(relationOf(table.RangeVar)), "SHARE UPDATE EXCLUSIVE");
    }
  } else if ("RuleStmt" in tree && tree.RuleStmt.relation) {
    ctx.lock(relations.find(relationOf(tree.RuleStmt.relation)), "ACCESS EXCLUSIVE");
  } else if ("AlterSeqStmt" in tree && tree.AlterSeqStmt.sequence) {
    // nextval() takes ROW EXCLUSIVE on the sequence: inserts that use it wait for the ALTER.
    ctx.lock(relations.find(relationOf(tree.AlterSeqStmt.sequence), "sequence"), "SHARE ROW EXCLUSIVE");
  } else if ("AlterEnumStmt" in tree && tree.AlterEnumStmt.oldVal !== undefined) ctx.hazard("MM404");
  else if ("AlterExtensionStmt" in tree) ctx.hazard("MM610");
  else if ("DoStmt" in tree) {
    ctx.hazard("MM006");
    ctx.lockDescribed("whatever the DO block touches", "ACCESS EXCLUSIVE", "brief");
  }
}
