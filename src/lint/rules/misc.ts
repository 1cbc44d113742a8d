import type {
  AlterDomainStmt,
  AlterExtensionStmt,
  CreateDomainStmt,
  CreateFunctionStmt,
  CreatePolicyStmt,
  CreateTrigStmt,
  GrantStmt,
} from "libpg-query";
import { nameParts, relationOf } from "../nodes.js";
import type { RuleContext } from "./context.js";

export function doBlock(ctx: RuleContext): void {
  ctx.report("MM006", "DO block: the statements inside it are not linted");
}

export function createFunction(stmt: CreateFunctionStmt, ctx: RuleContext): void {
  if (!stmt.replace) return;
  const kind = stmt.is_procedure ? "procedure" : "function";
  ctx.report("MM007", `CREATE OR REPLACE ${kind} ${nameParts(stmt.funcname).join(".")}`);
}

export function grant(stmt: GrantStmt, ctx: RuleContext): void {
  ctx.report("MM609", stmt.is_grant ? "GRANT widens access" : "REVOKE takes access away from running code");
}

export function alterExtension(stmt: AlterExtensionStmt, ctx: RuleContext): void {
  ctx.report("MM610", `updates extension ${stmt.extname}`);
}

export function createDomain(stmt: CreateDomainStmt, ctx: RuleContext): void {
  const checks = (stmt.constraints ?? []).some(
    (node) => "Constraint" in node && node.Constraint.contype === "CONSTR_CHECK",
  );
  if (checks) ctx.report("MM210", `domain ${nameParts(stmt.domainname).join(".")} has a CHECK constraint`);
}

export function alterDomain(stmt: AlterDomainStmt, ctx: RuleContext): void {
  // Subtype 'C' is ADD CONSTRAINT (see AlterDomainStmt in parsenodes.h).
  if (stmt.subtype !== "C" || !stmt.def || !("Constraint" in stmt.def)) return;
  if (stmt.def.Constraint.skip_validation) return;
  ctx.takesLock();
  ctx.report("MM211", `adds a constraint to domain ${nameParts(stmt.typeName).join(".")} without NOT VALID`);
}

export function createTrigger(stmt: CreateTrigStmt, ctx: RuleContext): void {
  if (stmt.relation && ctx.existing(relationOf(stmt.relation))) ctx.takesLock();
}

export function createPolicy(stmt: CreatePolicyStmt, ctx: RuleContext): void {
  if (!stmt.table) return;
  const table = relationOf(stmt.table);
  ctx.state.policies.push(table);
  if (ctx.existing(table)) ctx.takesLock();
}
