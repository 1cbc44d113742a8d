import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ServerContext } from "../context.js";
import type { ToolDefinition } from "../tool.js";
import { analyzeSchemaDiffTool } from "./analyze-schema-diff.js";
import { generateMigrationTool } from "./generate-migration.js";
import { lintMigrationTool } from "./lint-migration.js";
import { migrationStatusTool } from "./migration-status.js";
import { queryReadonlyTool } from "./query-readonly.js";
import { rehearseMigrationTool } from "./rehearse-migration.js";
import { rollbackMigrationTool } from "./rollback-migration.js";
import { runMigrationStepTool } from "./run-migration-step.js";
import { verifyMigrationTool } from "./verify-migration.js";

/** Every tool this server offers, in the order of the migration phases. */
export const TOOLS: readonly ToolDefinition[] = [
  analyzeSchemaDiffTool,
  generateMigrationTool,
  lintMigrationTool,
  rehearseMigrationTool,
  runMigrationStepTool,
  verifyMigrationTool,
  rollbackMigrationTool,
  migrationStatusTool,
  queryReadonlyTool,
];

/** Registers the tools; in read-only mode only those whose annotations say they change nothing. */
export function registerTools(server: McpServer, context: ServerContext): void {
  for (const tool of TOOLS) {
    if (context.readOnly && !tool.annotations.readOnlyHint) continue;
    tool.register(server, context);
  }
}
