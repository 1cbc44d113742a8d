import { z } from "zod";
import { DEFAULT_MAX_ROWS, DEFAULT_TIMEOUT_MS, runReadOnlyQuery } from "../query.js";
import { defineTool } from "../tool.js";

export const queryReadonlyInput = {
  database: z.string().min(1).describe('A database name from migrate.config.yaml `databases:`, or "default"'),
  sql: z.string().min(1).max(100_000).describe("Exactly one SELECT, or EXPLAIN (without ANALYZE) of one"),
};

export const queryReadonlyOutput = {
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.array(z.string().nullable())).describe("Values in PostgreSQL's text form, in column order"),
  rowCount: z.number().int().nonnegative(),
  truncated: z.boolean().describe(`True when there were more than ${DEFAULT_MAX_ROWS} rows`),
};

export const queryReadonlyTool = defineTool({
  name: "query_readonly",
  title: "Read-only query",
  description:
    "Run one SELECT (or EXPLAIN without ANALYZE of one) against a named database, to assess data before " +
    `or after a migration. Runs in a READ ONLY transaction with a ${DEFAULT_TIMEOUT_MS / 1000} s statement ` +
    `timeout and returns at most ${DEFAULT_MAX_ROWS} rows (values as text). Refused: several statements, ` +
    "writes (including data-modifying CTEs), SELECT INTO, FOR UPDATE/SHARE, and functions that reach " +
    "outside the tables (pg_read_file, dblink, lo_*, set_config, …).",
  input: queryReadonlyInput,
  output: queryReadonlyOutput,
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  async run({ database, sql }, context, extra) {
    const url = await context.database(database);
    const result = await runReadOnlyQuery(url, sql);
    await context.log("debug", `query_readonly on ${database}: ${result.rowCount} rows`, extra.sessionId);
    const more = result.truncated ? ` (truncated at ${DEFAULT_MAX_ROWS}; narrow the query)` : "";
    return { data: { ...result }, summary: `${result.rowCount} rows from ${database}${more}` };
  },
});
