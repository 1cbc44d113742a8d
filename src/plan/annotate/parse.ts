import { loadModule, type Node, parseSync } from "libpg-query";
import { MigrateError } from "../../errors.js";

// The parser is WebAssembly that loads asynchronously. lockDescriber is synchronous (runbooks call it while
// rendering text), so the module is loaded once, here, before anything in this folder can run.
await loadModule();

/** The parse trees of one SQL statement of a plan, as PostgreSQL's parser builds them. */
export function statementTrees(sql: string, where: string): Node[] {
  try {
    return (parseSync(sql).stmts ?? []).flatMap((raw) => (raw.stmt ? [raw.stmt] : []));
  } catch (error) {
    throw new MigrateError(
      "PLAN_INVALID",
      `${where}: PostgreSQL cannot parse its SQL (${(error as Error).message}); regenerate the plan`,
      { cause: error },
    );
  }
}
