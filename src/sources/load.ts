import { connect } from "../db/connect.js";
import { errorText, MigrateError } from "../errors.js";
import type { ScriptStatement } from "../sql/parse.js";
import type { SqlScript } from "./types.js";

export interface ParsedScript {
  name: string;
  statements: ScriptStatement[];
}

/** Splits every script with the PostgreSQL parser before any database exists, so syntax errors cost nothing. */
export async function parseScripts(scripts: SqlScript[]): Promise<ParsedScript[]> {
  // The parser (WebAssembly) is loaded only when there is SQL to split: database sources need none.
  const { splitStatements } = await import("../sql/parse.js");
  const parsed: ParsedScript[] = [];
  for (const script of scripts) {
    parsed.push({ name: script.name, statements: await splitStatements(script.sql, script.name) });
  }
  return parsed;
}

/**
 * Runs the scripts into `url`, each on its own connection (like one `psql -f` per file) and each statement
 * on its own in autocommit mode, so statements that refuse transaction blocks (CREATE INDEX CONCURRENTLY)
 * work. The first failure stops the load with `file:line: PostgreSQL's message`.
 */
export async function loadScripts(url: string, scripts: ParsedScript[]): Promise<void> {
  for (const script of scripts) {
    const client = await connect(url, { applicationName: "migrate-mcp shadow load" });
    try {
      await client.query("SET client_min_messages = warning");
      await client.query("SET check_function_bodies = on");
      for (const statement of script.statements) {
        try {
          await client.query(statement.sql);
        } catch (error) {
          throw new MigrateError(
            "SOURCE_SQL",
            `${script.name}:${failingLine(statement, error)}: ${oneLine(errorText(error))}`,
            { cause: error },
          );
        }
      }
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/** The statement's line, moved to the error's own line when PostgreSQL reports a position inside it. */
function failingLine(statement: ScriptStatement, error: unknown): number {
  const position = Number((error as { position?: string }).position);
  if (!Number.isInteger(position) || position < 1) return statement.line;
  return statement.line + (statement.sql.slice(0, position - 1).match(/\n/g)?.length ?? 0);
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, " ").trim();
}
