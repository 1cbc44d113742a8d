import type { Node } from "libpg-query";
import { alterTable } from "./alter-table.js";
import type { RuleContext } from "./context.js";
import { createFromQuery, createTable } from "./create.js";
import { dropDatabase, dropStatement, truncate } from "./destructive.js";
import { deleteStatement, updateStatement } from "./dml.js";
import { createIndex, refreshMaterializedView, reindex } from "./indexes.js";
import { cluster, lockTable, vacuum } from "./maintenance.js";
import {
  alterDomain,
  alterExtension,
  createDomain,
  createFunction,
  createPolicy,
  createTrigger,
  doBlock,
  grant,
} from "./misc.js";
import { alterEnum, rename } from "./renames.js";
import { setStatement, transactionStatement } from "./transactions.js";

export type { ReportOptions, RuleContext } from "./context.js";
export { finishScript } from "./transactions.js";

/** Runs the rules that apply to one statement's parse tree. */
export function lintStatement(tree: Node, ctx: RuleContext): void {
  if ("TransactionStmt" in tree) transactionStatement(tree.TransactionStmt, ctx);
  else if ("VariableSetStmt" in tree) setStatement(tree.VariableSetStmt, ctx);
  else if ("AlterTableStmt" in tree) alterTable(tree.AlterTableStmt, ctx);
  else if ("CreateStmt" in tree) createTable(tree.CreateStmt, ctx);
  else if ("CreateTableAsStmt" in tree) createFromQuery(tree.CreateTableAsStmt.into, ctx);
  else if ("SelectStmt" in tree) createFromQuery(tree.SelectStmt.intoClause, ctx);
  else if ("IndexStmt" in tree) createIndex(tree.IndexStmt, ctx);
  else if ("ReindexStmt" in tree) reindex(tree.ReindexStmt, ctx);
  else if ("RefreshMatViewStmt" in tree) refreshMaterializedView(tree.RefreshMatViewStmt, ctx);
  else if ("DropStmt" in tree) dropStatement(tree.DropStmt, ctx);
  else if ("DropdbStmt" in tree) dropDatabase(tree.DropdbStmt, ctx);
  else if ("TruncateStmt" in tree) truncate(tree.TruncateStmt, ctx);
  else if ("DeleteStmt" in tree) deleteStatement(tree.DeleteStmt, ctx);
  else if ("UpdateStmt" in tree) updateStatement(tree.UpdateStmt, ctx);
  else if ("RenameStmt" in tree) rename(tree.RenameStmt, ctx);
  else if ("AlterEnumStmt" in tree) alterEnum(tree.AlterEnumStmt, ctx);
  else if ("VacuumStmt" in tree) vacuum(tree.VacuumStmt, ctx);
  else if ("ClusterStmt" in tree) cluster(tree.ClusterStmt, ctx);
  else if ("LockStmt" in tree) lockTable(tree.LockStmt, ctx);
  else if ("DoStmt" in tree) doBlock(ctx);
  else if ("CreateFunctionStmt" in tree) createFunction(tree.CreateFunctionStmt, ctx);
  else if ("GrantStmt" in tree) grant(tree.GrantStmt, ctx);
  else if ("AlterExtensionStmt" in tree) alterExtension(tree.AlterExtensionStmt, ctx);
  else if ("CreateDomainStmt" in tree) createDomain(tree.CreateDomainStmt, ctx);
  else if ("AlterDomainStmt" in tree) alterDomain(tree.AlterDomainStmt, ctx);
  else if ("CreateTrigStmt" in tree) createTrigger(tree.CreateTrigStmt, ctx);
  else if ("CreatePolicyStmt" in tree) createPolicy(tree.CreatePolicyStmt, ctx);
}
