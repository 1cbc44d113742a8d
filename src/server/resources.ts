import { type McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { MigrateError } from "../errors.js";
import type { Assets } from "./assets.js";
import type { ServerContext } from "./context.js";
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
