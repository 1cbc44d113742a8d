import { type ParseResult, parse } from "libpg-query";
import { MigrateError } from "../errors.js";

/** One top-level statement of a script, with where it starts (for file:line:column messages). */
export interface ScriptStatement {
  sql: string;
  /** Byte offset of the statement's first character in the script. */
  offset: number;
  line: number;
  column: number;
  /** The parse tree of this statement, as libpg-query returns it. */
  tree: NonNullable<ParseResult["stmts"]>[number]["stmt"];
}

/**
 * Splits a script into statements with the real PostgreSQL parser (libpg-query). Never splits on `;`:
 * dollar quotes, comments and string literals are the parser's business.
 */
export async function splitStatements(script: string, fileName = "<sql>"): Promise<ScriptStatement[]> {
  let result: ParseResult;
  try {
    result = await parse(script);
  } catch (error) {
    const cursor = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition;
    const where = cursor === undefined ? "" : `:${lineColumn(script, byteToCharIndex(script, cursor)).line}`;
    throw new MigrateError("SOURCE_SQL", `${fileName}${where}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const bytes = Buffer.from(script, "utf8");
  const statements: ScriptStatement[] = [];
  for (const raw of result.stmts ?? []) {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : bytes.length;
    const text = bytes.subarray(start, end).toString("utf8");
    // stmt_location points after the previous ';', so leading whitespace and comments belong to the text.
    const leading = text.length - text.trimStart().length;
    const charStart = byteToCharIndex(script, start) + leading;
    const position = lineColumn(script, charStart);
    statements.push({ sql: text.trim(), offset: charStart, ...position, tree: raw.stmt });
  }
  return statements;
}

function byteToCharIndex(text: string, byteOffset: number): number {
  return Buffer.from(text, "utf8").subarray(0, byteOffset).toString("utf8").length;
}

export function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split("\n").length;
  const column = index - before.lastIndexOf("\n");
  return { line, column };
}
