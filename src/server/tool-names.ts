/**
 * The names of every tool the MCP server offers once all engines have landed. Agent files may only grant
 * these, and every registered tool must be one of them; tests hold both sides to it.
 */
export const TOOL_NAMES = [
  "analyze_schema_diff",
  "generate_migration",
  "lint_migration",
  "rehearse_migration",
  "run_migration_step",
  "verify_migration",
  "rollback_migration",
  "migration_status",
  "query_readonly",
] as const;

export type ToolName = (typeof TOOL_NAMES)[number];

/** How Claude Code names this server's tools when it is added as `migrate-mcp` (see the README). */
export const CLAUDE_TOOL_PREFIX = "mcp__migrate-mcp__";
