import { completable } from "@modelcontextprotocol/sdk/server/completable.js";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { GetPromptResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { Assets, PhasePrompt, PromptArgument } from "./assets.js";
import type { ServerContext } from "./context.js";
import { knownDatabaseNames } from "./databases.js";
import { listPlanIds } from "./plans.js";

/** The arguments of the original /migrate command card, with their defaults. */
export const MIGRATE_ARGUMENTS = {
  migration_type: { values: ["schema", "data", "both"], default: "schema" },
  downtime_allowed: { values: ["false", "true"], default: "false" },
  rollback_strategy: { values: ["automatic", "manual", "none"], default: "automatic" },
  validation_level: { values: ["basic", "thorough", "comprehensive"], default: "thorough" },
} as const;

function startingWith(values: readonly string[], prefix: string | undefined): string[] {
  return values.filter((value) => value.startsWith(prefix ?? ""));
}

function enumArgument<const Values extends readonly [string, ...string[]]>(
  values: Values,
  description: string,
) {
  return completable(z.enum(values).optional().describe(description), (value) => startingWith(values, value));
}

// Optional although the migration needs both: the card asks for a missing one, so `/migrate` alone (and
// `prompts/get migrate` without arguments) still starts the conversation.
function databaseArgument(context: ServerContext, description: string) {
  return completable(z.string().optional().describe(description), async (value) =>
    startingWith(await knownDatabaseNames(context.cwd), value),
  );
}

export function registerPrompts(server: McpServer, context: ServerContext, assets: Assets): void {
  registerMigratePrompt(server, context, assets);
  for (const prompt of assets.prompts) registerPhasePrompt(server, context, prompt);
}

function registerMigratePrompt(server: McpServer, context: ServerContext, assets: Assets): void {
  const args = MIGRATE_ARGUMENTS;
  server.registerPrompt(
    "migrate",
    {
      title: "Migrate a PostgreSQL schema",
      description: `${assets.command.description}. Returns phase-by-phase instructions that route each phase to its sub-agent.`,
      argsSchema: {
        migration_type: enumArgument(
          args.migration_type.values,
          `What moves: schema changes, data, or both (default ${args.migration_type.default})`,
        ),
        source: databaseArgument(
          context,
          "The current schema: a database name from migrate.config.yaml, default, a .sql file or directory, git:<ref>:<path>, or a version",
        ),
        target: databaseArgument(context, "The desired schema, in any of the same forms as source"),
        downtime_allowed: enumArgument(
          args.downtime_allowed.values,
          `May tables be locked for long? false selects online rewrites (default ${args.downtime_allowed.default})`,
        ),
        rollback_strategy: enumArgument(
          args.rollback_strategy.values,
          `automatic rolls back on a failed step or verification; manual asks first (default ${args.rollback_strategy.default})`,
        ),
        validation_level: enumArgument(
          args.validation_level.values,
          `How hard verify checks: schema and counts, + checksums and FKs, + segment checksums and plans (default ${args.validation_level.default})`,
        ),
      },
    },
    (given): GetPromptResult => {
      const values = {
        migration_type: given.migration_type ?? args.migration_type.default,
        source: given.source,
        target: given.target,
        downtime_allowed: given.downtime_allowed ?? args.downtime_allowed.default,
        rollback_strategy: given.rollback_strategy ?? args.rollback_strategy.default,
        validation_level: given.validation_level ?? args.validation_level.default,
      };
      const rendered = Object.entries(values)
        .filter(([, value]) => value !== undefined)
        .map(([name, value]) => `${name}=${value}`)
        .join(" ");
      return userMessage(assets.command.description, assets.command.body.replaceAll("$ARGUMENTS", rendered));
    },
  );
}

function registerPhasePrompt(server: McpServer, context: ServerContext, prompt: PhasePrompt): void {
  const shape = Object.fromEntries(
    prompt.arguments.map((argument) => [argument.name, argumentSchema(context, argument)]),
  );
  server.registerPrompt(
    prompt.name,
    { title: `Migration phase: ${prompt.phase}`, description: prompt.description, argsSchema: shape },
    (given: Record<string, string | undefined>): GetPromptResult => {
      const text = prompt.body.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
        const argument = prompt.arguments.find((candidate) => candidate.name === name);
        if (!argument) return whole;
        return given[name] ?? argument.default ?? "(not given)";
      });
      return userMessage(prompt.description, text);
    },
  );
}

/** Arguments named like the card's enumerations, plan ids and databases complete from what exists. */
function argumentSchema(context: ServerContext, argument: PromptArgument) {
  const known = MIGRATE_ARGUMENTS[argument.name as keyof typeof MIGRATE_ARGUMENTS];
  const schema = argument.required
    ? z.string().describe(argument.description)
    : z.string().optional().describe(argument.description);
  if (known) return completable(schema, (value) => startingWith(known.values, value));
  if (argument.name === "plan_id") {
    return completable(schema, async (value) => startingWith(await listPlanIds(context.cwd), value));
  }
  if (argument.name === "source" || argument.name === "target" || argument.name === "database") {
    return completable(schema, async (value) => startingWith(await knownDatabaseNames(context.cwd), value));
  }
  return schema;
}

function userMessage(description: string, text: string): GetPromptResult {
  return { description, messages: [{ role: "user", content: { type: "text", text } }] };
}
