import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { redact } from "../db/redact.js";
import { MigrateError } from "../errors.js";
import type { Assets } from "./assets.js";
import type { ServerContext } from "./context.js";
import { knownDatabaseNames } from "./databases.js";
import { type HistoryText, planJournal, planReport } from "./plan-history.js";
import { listPlanIds, type PlanFile, readPlanFile } from "./plans.js";

export function registerResources(server: McpServer, context: ServerContext, assets: Assets): void {
  registerAgentResources(server, assets);
  registerPlanResource(server, context, {
    name: "plan",
    template: "migrate://plans/{id}",
    file: "plan.yaml",
    mimeType: "application/yaml",
    description: "A plan's plan.yaml: ids, options, source and target fingerprints, per-step SQL hashes",
  });
  registerPlanResource(server, context, {
    name: "plan-runbook",
    template: "migrate://plans/{id}/runbook",
    file: "runbook.md",
    mimeType: "text/markdown",
    description: "A plan's runbook.md: the steps, their locks and hazards, and how to run or undo each",
  });
  registerHistoryResource(server, context, {
    name: "plan-report",
    path: "report",
    mimeType: "text/markdown",
    description:
      "A plan's report (Markdown): its state and steps on the database, its last rehearsal, last verification " +
      "and last apply or rollback. Reads the database the plan was generated from when the config names it, " +
      "else default; ?database=NAME picks another. Plain text when nothing ran yet.",
    read: planReport,
  });
  registerHistoryResource(server, context, {
    name: "plan-journal",
    path: "journal",
    mimeType: "application/json",
    description:
      "A plan's execution history (JSON) from the database's migrate_mcp journal: every apply, rollback and " +
      "verify run, and every step with status, attempts, timings, rows and lock retries. Same database choice " +
      "as the report; plain text when nothing ran yet.",
    read: planJournal,
  });
}

function registerAgentResources(server: McpServer, assets: Assets): void {
  const names = assets.agents.map((agent) => agent.name);
  server.registerResource(
    "agent",
    new ResourceTemplate("migrate://agents/{name}", {
      list: () => ({
        resources: assets.agents.map((agent) => ({
          uri: `migrate://agents/${agent.name}`,
          name: agent.name,
          description: agent.description,
          mimeType: "text/markdown",
        })),
      }),
      complete: { name: (value) => names.filter((name) => name.startsWith(value)) },
    }),
    {
      description: "A sub-agent definition (Markdown with frontmatter: name, description, tools)",
      mimeType: "text/markdown",
    },
    (uri, variables): ReadResourceResult => {
      const agent = assets.agents.find((candidate) => candidate.name === variables.name);
      if (!agent) {
        throw new MigrateError(
          "USAGE",
          `no agent named "${String(variables.name)}"; the agents are ${names.join(", ")}`,
        );
      }
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: agent.text }] };
    },
  );
}

interface PlanResource {
  name: string;
  template: string;
  file: PlanFile;
  mimeType: string;
  description: string;
}

function registerPlanResource(server: McpServer, context: ServerContext, resource: PlanResource): void {
  const uriFor = (id: string) => resource.template.replace("{id}", id);
  server.registerResource(
    resource.name,
    new ResourceTemplate(resource.template, {
      list: async () => ({
        resources: (await listPlanIds(context.cwd)).map((id) => ({
          uri: uriFor(id),
          name: `${id} ${resource.file}`,
          mimeType: resource.mimeType,
        })),
      }),
      complete: {
        id: async (value) => (await listPlanIds(context.cwd)).filter((id) => id.startsWith(value)),
      },
    }),
    { description: resource.description, mimeType: resource.mimeType },
    async (uri, variables): Promise<ReadResourceResult> => {
      const text = await readPlanFile(context.cwd, String(variables.id), resource.file);
      return { contents: [{ uri: uri.href, mimeType: resource.mimeType, text }] };
    },
  );
}

interface HistoryResource {
  name: string;
  path: "report" | "journal";
  mimeType: HistoryText["mimeType"];
  description: string;
  read(context: ServerContext, planId: string, database?: string): Promise<HistoryText>;
}

/**
 * Two templates per history resource: `migrate://plans/{id}/<path>` (listed, database chosen for the plan)
 * and `…{?database=NAME}` for another database. The SDK matches a query template only when the query is
 * present, so the bare form needs its own registration.
 */
function registerHistoryResource(server: McpServer, context: ServerContext, resource: HistoryResource): void {
  const template = `migrate://plans/{id}/${resource.path}`;
  const completeId = async (value: string) =>
    (await listPlanIds(context.cwd)).filter((id) => id.startsWith(value));
  const read =
    (database: (variables: Record<string, string | string[]>) => string | undefined) =>
    async (uri: URL, variables: Record<string, string | string[]>): Promise<ReadResourceResult> => {
      const content = await resource.read(context, String(variables.id), database(variables));
      return { contents: [{ uri: uri.href, mimeType: content.mimeType, text: content.text }] };
    };
  server.registerResource(
    resource.name,
    new ResourceTemplate(template, {
      list: async () => ({
        resources: (await listPlanIds(context.cwd)).map((id) => ({
          uri: template.replace("{id}", id),
          name: `${id} ${resource.path}`,
          mimeType: resource.mimeType,
        })),
      }),
      complete: { id: completeId },
    }),
    { description: resource.description, mimeType: resource.mimeType },
    read(() => undefined),
  );
  server.registerResource(
    `${resource.name}-on-database`,
    new ResourceTemplate(`${template}{?database}`, {
      list: undefined,
      complete: {
        id: completeId,
        database: async (value) =>
          (await knownDatabaseNames(context.cwd)).filter((name) => name.startsWith(value)),
      },
    }),
    { description: `${resource.description} (on the named database)`, mimeType: resource.mimeType },
    read((variables) => decodedName(String(variables.database))),
  );
}

/** The query value percent-decoded; a malformed escape is refused like any unknown name. */
function decodedName(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new MigrateError("DATABASE_REFUSED", `"${redact(value).slice(0, 100)}" is not a database name`);
  }
}
