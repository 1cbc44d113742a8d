import type { QueryArrayConfig } from "pg";
import { type DbClient, withClient } from "../db/connect.js";
import { redact } from "../db/redact.js";
import { MigrateError } from "../errors.js";
import { checkReadOnlyQuery } from "./readonly-sql.js";

export interface QueryColumn {
  name: string;
  /** The column's type as PostgreSQL names it (format_type). */
  type: string;
}

export interface ReadOnlyQueryResult {
  columns: QueryColumn[];
  /** Values in PostgreSQL's text form (what psql shows), NULL as null; one array per row, in column order. */
  rows: (string | null)[][];
  rowCount: number;
  /** True when the query had more rows than `maxRows`; only the first `maxRows` are returned. */
  truncated: boolean;
}

export interface ReadOnlyQueryOptions {
  maxRows?: number;
  timeoutMs?: number;
}

export const DEFAULT_MAX_ROWS = 500;
export const DEFAULT_TIMEOUT_MS = 5_000;

const CURSOR = "migrate_mcp_query";

// Every value stays in PostgreSQL's text form: JSON-safe, and no precision lost to JS numbers or dates.
const TEXT_VALUES = { getTypeParser: () => (value: string) => value } as unknown as QueryArrayConfig["types"];

/**
 * Runs one checked SELECT (or EXPLAIN of one) in a READ ONLY transaction with a statement timeout, on a
 * read-only session, fetching at most `maxRows` rows through a cursor, then rolls back.
 */
export async function runReadOnlyQuery(
  url: string,
  sql: string,
  options: ReadOnlyQueryOptions = {},
): Promise<ReadOnlyQueryResult> {
  const query = await checkReadOnlyQuery(sql);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  return withClient(
    url,
    async (client) => {
      await client.query("BEGIN READ ONLY");
      try {
        await client.query("SELECT set_config('statement_timeout', $1, true)", [String(timeoutMs)]);
        const text =
          query.kind === "select" ? `DECLARE ${CURSOR} NO SCROLL CURSOR FOR ${query.sql}` : query.sql;
        const first = await singleStatement(client, text);
        const result =
          query.kind === "select"
            ? await singleStatement(client, `FETCH ${maxRows + 1} FROM ${CURSOR}`)
            : first;
        const rows = result.rows.slice(0, maxRows);
        return {
          columns: await describeColumns(client, result.fields),
          rows,
          rowCount: rows.length,
          truncated: result.rows.length > maxRows,
        };
      } catch (error) {
        throw queryError(error, timeoutMs);
      } finally {
        await client.query("ROLLBACK").catch(() => {});
      }
    },
    { readOnly: true, applicationName: "migrate-mcp query_readonly" },
  );
}

interface ArrayResult {
  rows: (string | null)[][];
  fields: { name: string; dataTypeID: number }[];
}

/** The extended protocol runs exactly one statement, whatever the text holds: a second line of defence. */
async function singleStatement(client: DbClient, text: string): Promise<ArrayResult> {
  const config: QueryArrayConfig & { queryMode: "extended" } = {
    text,
    rowMode: "array",
    types: TEXT_VALUES,
    queryMode: "extended",
  };
  return client.query(config);
}

async function describeColumns(client: DbClient, fields: ArrayResult["fields"]): Promise<QueryColumn[]> {
  const oids = [...new Set(fields.map((field) => field.dataTypeID))];
  const { rows } = await client.query<{ oid: number; name: string }>(
    "SELECT oid::int AS oid, format_type(oid, NULL) AS name FROM pg_type WHERE oid = ANY($1::oid[])",
    [oids],
  );
  const names = new Map(rows.map((row) => [row.oid, row.name]));
  return fields.map((field) => ({ name: field.name, type: names.get(field.dataTypeID) ?? "unknown" }));
}

/** PostgreSQL's own message, one line, with what to do about it. */
function queryError(error: unknown, timeoutMs: number): MigrateError {
  const { code, message } = error as { code?: string; message?: string };
  if (code === "57014") {
    return new MigrateError(
      "QUERY_FAILED",
      `the query ran longer than ${timeoutMs / 1000} s and was cancelled; narrow it (a WHERE clause, a LIMIT)`,
      { cause: error },
    );
  }
  const detail = redact(String(message ?? error).split("\n")[0] ?? "");
  return new MigrateError(
    "QUERY_FAILED",
    `PostgreSQL rejected the query: ${detail}; fix the query and retry`,
    {
      cause: error,
    },
  );
}
