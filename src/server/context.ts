import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { LoggingLevel } from "@modelcontextprotocol/sdk/types.js";
import { redact } from "../db/redact.js";
import { type AnalysisCache, sharedAnalysisCache } from "./analysis-cache.js";
import { resolveDatabase, resolveSchemaSpec } from "./databases.js";

/** How a server instance behaves; the `serve` flags map one to one onto these. */
export interface ServerOptions {
  /** Register only read-only tools, and open every connection with default_transaction_read_only=on. */
  readOnly?: boolean;
  /** Accept a raw postgres:// URL wherever a database name is expected. */
  allowUrls?: boolean;
  /** Where migrate.config.yaml and the plan directories are looked up. */
  cwd?: string;
  /** Where analyze_schema_diff keeps analyses; default one cache shared by every server in the process. */
  analysisCache?: AnalysisCache;
}

/** What tools, prompts and resources share: the resolved options and the database resolver. */
export interface ServerContext {
  readonly readOnly: boolean;
  readonly allowUrls: boolean;
  readonly cwd: string;
  readonly analysisCache: AnalysisCache;
  /** A tool's `database` argument → a connection URL, or a DATABASE_REFUSED error. */
  database(name: string): Promise<string>;
  /** A schema spec (database name, project .sql file or directory, git ref) → what the sources module resolves. */
  schemaSpec(spec: string): Promise<string>;
  /** Tells the client the resource list changed (a plan was written). */
  resourcesChanged(): void;
  /** A logging notification to the client (honours the level it set); passwords are redacted. */
  log(level: LoggingLevel, message: string, sessionId?: string): Promise<void>;
  /**
   * Asks the user a yes/no question through elicitation: "unsupported" when the client did not declare the
   * capability, so the caller can fall back to an explicit argument.
   */
  askConfirmation(message: string): Promise<"accepted" | "declined" | "unsupported">;
}

export function createContext(server: McpServer, options: ServerOptions): ServerContext {
  const cwd = options.cwd ?? process.cwd();
  const allowUrls = options.allowUrls ?? false;
  return {
    readOnly: options.readOnly ?? false,
    allowUrls,
    cwd,
    analysisCache: options.analysisCache ?? sharedAnalysisCache,
    database: (name) => resolveDatabase(name, { cwd, allowUrls }),
    schemaSpec: (spec) => resolveSchemaSpec(spec, { cwd, allowUrls }),
    resourcesChanged: () => {
      if (server.isConnected()) server.sendResourceListChanged();
    },
    log: async (level, message, sessionId) => {
      if (!server.isConnected()) return;
      await server.server
        .sendLoggingMessage({ level, logger: "migrate-mcp", data: redact(message) }, sessionId)
        .catch(() => {});
    },
    askConfirmation: async (message) => {
      if (server.server.getClientCapabilities()?.elicitation === undefined) return "unsupported";
      const answer = await server.server.elicitInput({
        mode: "form",
        message,
        requestedSchema: {
          type: "object",
          properties: { confirm: { type: "boolean", title: "Run it", description: message } },
          required: ["confirm"],
        },
      });
      return answer.action === "accept" && answer.content?.confirm === true ? "accepted" : "declined";
    },
  };
}
