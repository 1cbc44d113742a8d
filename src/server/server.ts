import { readFileSync } from "node:fs";
import { join } from "node:path";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { loadAssets, PACKAGE_ROOT } from "./assets.js";
import { createContext, type ServerOptions } from "./context.js";
import { registerPrompts } from "./prompts.js";
import { registerResources } from "./resources.js";
import { registerTools } from "./tools/index.js";

export type { ServerOptions } from "./context.js";

/** What the assistant reads once, on connecting: the phase order and the rules. Kept under 2 KB. */
export const INSTRUCTIONS = `migrate-mcp migrates PostgreSQL schemas safely. Work in phases, in this order, and do not skip one:
1. analyze: analyze_schema_diff(source, target) lists the changes, hazards and table sizes. Use query_readonly for facts you need (row counts, NULLs, duplicates).
2. generate: generate_migration writes a reviewed plan directory (forward, rollback and verify SQL, plan.yaml, runbook.md) and returns its plan id.
3. lint: lint_migration on the plan's forward.sql (or any hand-written SQL); fix or explain every error-level finding.
4. rehearse: rehearse_migration(plan id) runs forward, verify, rollback and forward again on a shadow copy; never apply a plan whose rehearsal failed.
5. run steps: run_migration_step(plan id, step) applies steps in order ("next" or "all"); hazardous steps ask for confirmation.
6. verify: verify_migration(plan id, level) compares the database with the plan's target.
7. rollback on failure: rollback_migration(plan id) undoes completed steps in reverse, restoring moved-aside data.
Rules: databases are names from migrate.config.yaml (or "default"), never raw URLs. Execution tools take a plan id, never SQL. Tools that are not listed are not available in this server (read-only mode, or not built yet); say so rather than working around them. The migrate prompt and the migrate_<phase> prompts give step-by-step instructions and name the sub-agent for each phase; migrate://agents/{name} holds the agents, migrate://plans/{id}, …/runbook, …/report and …/journal the plans and their runs.`;

const VERSION = (JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version: string })
  .version;

/** One server instance per connection: tools, prompts and resources over the same library functions as the CLI. */
export function createServer(options: ServerOptions = {}): McpServer {
  const server = new McpServer(
    { name: "migrate-mcp", title: "migrate-mcp: safe PostgreSQL migrations", version: VERSION },
    { capabilities: { logging: {} }, instructions: INSTRUCTIONS },
  );
  const context = createContext(server, options);
  const assets = loadAssets();
  registerTools(server, context);
  registerPrompts(server, context, assets);
  registerResources(server, context, assets);
  return server;
}
