import type { Step } from "./step.js";

export interface ScriptHeader {
  title: string;
  lines: string[];
  lockTimeoutMs?: number | null;
}

/**
 * A psql script (`psql -v ON_ERROR_STOP=1 -f`): statements grouped into transactions, with each statement
 * that cannot run in one standing alone between them. Every statement is preceded by its step id.
 * The same steps always give the same bytes.
 */
export function renderScript(header: ScriptHeader, steps: Step[]): string {
  const out: string[] = [`-- ${header.title}`, ...header.lines.map((line) => `-- ${line}`), ""];
  // Deparsed definitions are schema-qualified, so nothing may resolve through the caller's search_path;
  // function bodies are checked when they run, not when created, as in pg_dump output.
  out.push(
    "SET check_function_bodies = false;",
    "SET client_min_messages = warning;",
    "SET search_path = '';",
    "",
  );
  let inTransaction = false;
  for (const step of steps) {
    for (const statement of step.statements) {
      if (statement.transactional && !inTransaction) {
        out.push("BEGIN;", "");
        inTransaction = true;
      } else if (!statement.transactional && inTransaction) {
        out.push("COMMIT;", "");
        inTransaction = false;
      }
      const note = statement.transactional ? "" : " (runs outside a transaction)";
      out.push(`-- step ${step.id}: ${step.summary}${note}`, `${statement.sql};`, "");
    }
  }
  if (inTransaction) out.push("COMMIT;", "");
  if (steps.length === 0) out.push("-- no changes", "");
  return out.join("\n");
}
