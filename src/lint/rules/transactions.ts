import type { TransactionStmt, VariableSetStmt } from "libpg-query";
import { constantText } from "../nodes.js";
import type { RuleContext } from "./context.js";

const TIMEOUTS = new Set(["lock_timeout", "statement_timeout"]);

export function transactionStatement(stmt: TransactionStmt, ctx: RuleContext): void {
  switch (stmt.kind) {
    case "TRANS_STMT_BEGIN":
    case "TRANS_STMT_START":
      if (ctx.state.inTransaction) {
        ctx.report("MM004", "BEGIN inside an open transaction is ignored: the first COMMIT ends both");
      } else {
        ctx.state.begin(ctx.statementStart);
      }
      return;
    case "TRANS_STMT_COMMIT":
    case "TRANS_STMT_ROLLBACK":
    case "TRANS_STMT_PREPARE":
      if (ctx.state.inTransaction) {
        ctx.state.end();
        // COMMIT AND CHAIN starts the next transaction at once.
        if (stmt.chain) ctx.state.begin(ctx.statementStart);
      } else {
        ctx.report(
          "MM004",
          "COMMIT/ROLLBACK with no open transaction does nothing: the statements before it already ran one by one",
        );
      }
      return;
    default:
      return;
  }
}

/** Tracks SET / RESET of lock_timeout and statement_timeout. */
export function setStatement(stmt: VariableSetStmt, ctx: RuleContext): void {
  if (stmt.kind === "VAR_RESET_ALL") {
    ctx.state.resetAllTimeouts();
    return;
  }
  if (!stmt.name || !TIMEOUTS.has(stmt.name)) return;
  const local = stmt.is_local === true;
  if (stmt.kind === "VAR_SET_VALUE") {
    const first = stmt.args?.[0];
    const value = first ? constantText(first) : undefined;
    // 0 disables the timeout; any other value (5s, '1min', 5000) enables it.
    ctx.state.setTimeout(stmt.name, value === undefined || Number.parseFloat(value) !== 0, local);
  } else if (stmt.kind === "VAR_SET_DEFAULT" || stmt.kind === "VAR_RESET") {
    ctx.state.setTimeout(stmt.name, false, local);
  }
}

/** After the last statement: a transaction still open never commits. */
export function finishScript(ctx: RuleContext): void {
  if (ctx.state.inTransaction) {
    ctx.report("MM005", "this BEGIN has no COMMIT: the work rolls back when the session ends", {
      location: ctx.state.beginLocation,
    });
  }
}
